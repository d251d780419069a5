/**
 * The part of the layout audit that runs inside the loaded page (see audit.ts). These functions
 * are sent to Chromium as source text and evaluated in an isolated world, so they must stay
 * self-contained: no imports, no closures over module values, only DOM and plain JavaScript. They
 * only measure and return raw figures; deciding what is a finding and how to word it is done in
 * Node by the pure functions of audit.ts.
 */

/** Raw `@page` rule as the page's style sheets hold it (audit.ts computes the page box from it). */
export interface AturanHalaman {
  /** '' for the unnamed rule, else the page name (`lebar`). */
  nama: string;
  size: string;
  marginTop: string;
  marginRight: string;
  marginBottom: string;
  marginLeft: string;
}

export interface SurveiHalaman {
  aturan: AturanHalaman[];
  /** Page names some element asks for (`page: lebar`), plus '' for the default page. */
  dipakai: string[];
}

/** Where a measured element stands, in words a reader of the document recognises. */
export interface LokasiUkur {
  /** Text of the nearest heading before it ("3.1. CAPAIAN KINERJA"). */
  bagian?: string;
  /** Id of the figure (table, chart) it is in, and that figure's caption text. */
  figur?: string;
  keterangan?: string;
  /** Narrative file and line it comes from (data-narasi / data-baris set by the renderer). */
  berkas?: string;
  baris?: number;
  /** Tag and first class of the element, e.g. "td.angka". */
  elemen: string;
  /** A few words of its text. */
  cuplikan?: string;
}

export interface UkuranMentah {
  /** Elements whose box or content reaches outside the page's printable width (px from its left edge). */
  luber: { lokasi: LokasiUkur; kiri: number; kanan: number }[];
  /** Table cells whose content is wider than the cell. */
  selLuber: { lokasi: LokasiUkur; isi: number; sel: number }[];
  /** Text below the size limit, one entry per figure or block with the smallest size and a count. */
  teksKecil: { lokasi: LokasiUkur; pt: number; jumlah: number }[];
  /** Numbers and codes laid out on more than one line. */
  angkaPatah: { lokasi: LokasiUkur; teks: string }[];
  /** Words broken inside (not at a hyphen or slash) because they are longer than their line. */
  kataPatah: { lokasi: LokasiUkur; teks: string }[];
  /** List items indented beyond the limit; `daftar` is the outermost list's location. */
  menjorok: { lokasi: LokasiUkur; kiri: number; tingkat: number }[];
}

export interface ArgUkur {
  /** Layouts to measure: page names that print at one width, and that width in CSS px. */
  kelompok: { halaman: string[]; lebar: number }[];
  /** Text below this size (pt) is reported. */
  ptMin: number;
  /** A list item whose left edge is further than this fraction of the width is reported. */
  rasioMenjorok: number;
  /** Pixels of slack before anything counts as outside. */
  toleransi: number;
}

/**
 * Reads the `@page` rules and the page names in use (all elements' styles: skipped with
 * `dipakai: false` when only the rules are needed). Runs in the page.
 */
export function surveiDiHalaman(arg?: { dipakai?: boolean }): SurveiHalaman {
  const aturan: AturanHalaman[] = [];
  const jelajah = (rules: CSSRuleList): void => {
    for (const r of Array.from(rules)) {
      if (r instanceof CSSPageRule) {
        aturan.push({
          nama: r.selectorText.trim(),
          size: r.style.getPropertyValue('size'),
          marginTop: r.style.getPropertyValue('margin-top'),
          marginRight: r.style.getPropertyValue('margin-right'),
          marginBottom: r.style.getPropertyValue('margin-bottom'),
          marginLeft: r.style.getPropertyValue('margin-left'),
        });
      } else if (r instanceof CSSMediaRule && window.matchMedia(r.conditionText).matches) {
        jelajah(r.cssRules);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      jelajah(sheet.cssRules);
    } catch {
      // a cross-origin sheet cannot be read; the document has none
    }
  }
  const dipakai = new Set<string>(['']);
  if (arg?.dipakai === false) return { aturan, dipakai: [...dipakai] };
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const p = getComputedStyle(el).getPropertyValue('page');
    if (p && p !== 'auto') dipakai.add(p);
  }
  return { aturan, dipakai: [...dipakai] };
}

/**
 * Lays the document out at each group's width in turn (the root element's width: every box that
 * fills its container then has the printable width of that page) and measures what prints on the
 * pages of that group. Runs in the page; the root's own style is restored at the end.
 */
export function ukurDiHalaman(arg: ArgUkur): UkuranMentah[] {
  const akar = document.documentElement;
  const gayaAkar = akar.getAttribute('style');
  const capCache = new Map<Element, string>();
  const judulCache = new Map<Element, string>();
  try {
    return arg.kelompok.map((k) => {
      akar.style.width = `${k.lebar}px`;
      return ukurSatu(k.halaman, k.lebar);
    });
  } finally {
    if (gayaAkar === null) akar.removeAttribute('style');
    else akar.setAttribute('style', gayaAkar);
  }

  function ukurSatu(halamanKelompok: string[], W: number): UkuranMentah {
    const tol = arg.toleransi;
    const hasil: UkuranMentah = { luber: [], selLuber: [], teksKecil: [], angkaPatah: [], kataPatah: [], menjorok: [] };
    // Elements inside which `page` cannot change and whose own box needs no check of its own.
    const DALAM = new Set(['TR', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT', 'COLGROUP', 'COL', 'CAPTION']);
    const INLINE = new Set(['SPAN', 'A', 'EM', 'STRONG', 'B', 'I', 'U', 'SUB', 'SUP', 'WBR', 'BR', 'CODE', 'SMALL', 'MARK', 'S', 'DEL', 'INS']);
    const BLOK_TEKS = 'td,th,p,li,figcaption,h1,h2,h3,h4,h5,h6,dd,dt,pre,blockquote,div';
    const gaya = new Map<Element, CSSStyleDeclaration>();
    const css = (el: Element): CSSStyleDeclaration => {
      let s = gaya.get(el);
      if (!s) gaya.set(el, (s = getComputedStyle(el)));
      return s;
    };
    const judul = Array.from(document.querySelectorAll('h1,h2,h3,h4'));
    const teksJudul = judulCache;
    const rapat = (s: string, n: number): string => s.replace(/\s+/g, ' ').trim().slice(0, n);
    const bagianDari = (el: Element): string | undefined => {
      let lo = 0;
      let hi = judul.length - 1;
      let ketemu = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const j = judul[mid] as Element;
        if (j === el || j.contains(el) || j.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) {
          ketemu = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (ketemu < 0) return undefined;
      const j = judul[ketemu] as HTMLElement;
      let t = teksJudul.get(j);
      if (t === undefined) teksJudul.set(j, (t = rapat(j.innerText, 100)));
      return t;
    };
    const lokasi = (el: Element, cuplikan?: string): LokasiUkur => {
      const fig = el.closest('figure');
      const cap = fig?.querySelector('figcaption') as HTMLElement | null | undefined;
      const narasi = el.closest('[data-narasi]');
      const baris = el.closest('[data-baris]');
      const kelas = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      const l: LokasiUkur = { elemen: el.tagName.toLowerCase() + kelas };
      const b = bagianDari(el);
      if (b) l.bagian = b;
      if (fig?.id) l.figur = fig.id;
      if (cap) {
        let t = capCache.get(cap);
        if (t === undefined) capCache.set(cap, (t = rapat(cap.innerText, 240)));
        l.keterangan = t;
      }
      const berkas = narasi?.getAttribute('data-narasi');
      if (berkas) l.berkas = berkas;
      const n = Number(baris?.getAttribute('data-baris'));
      if (Number.isInteger(n) && n > 0) l.baris = n;
      const c = cuplikan ?? rapat(el.textContent ?? '', 60);
      if (c) l.cuplikan = c;
      return l;
    };
    /** Number of text lines a set of rects covers (rects overlapping vertically are one line). */
    const jumlahBaris = (rects: DOMRectList): number => {
      const baris: [number, number][] = [];
      for (const r of Array.from(rects)) {
        if (r.width <= 0 || r.height <= 0) continue;
        const sama = baris.find(([t, b]) => Math.min(b, r.bottom) - Math.max(t, r.top) > Math.min(b - t, r.height) / 2);
        if (!sama) baris.push([r.top, r.bottom]);
      }
      return baris.length;
    };
    const bolehPecah = (s: CSSStyleDeclaration): boolean =>
      s.overflowWrap === 'anywhere' || s.overflowWrap === 'break-word' || s.wordBreak === 'break-all' || s.wordBreak === 'break-word';

    // Text nodes of each text block, in order, for the checks of numbers and words that span nodes.
    const blok = new Map<Element, Text[]>();
    const kecil = new Map<string, { lokasi: LokasiUkur; pt: number; jumlah: number }>();
    let luberTerakhir: Element | null = null;

    const periksaTeks = (node: Text, induk: Element): void => {
      if (!/\S/.test(node.data)) return;
      let px = parseFloat(css(induk).fontSize);
      if (induk instanceof SVGElement) {
        const m = (induk as SVGGraphicsElement).getScreenCTM?.();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      const pt = px * 0.75;
      if (pt < arg.ptMin - 0.01) {
        const wadah = induk.closest('figure') ?? induk.closest(BLOK_TEKS) ?? induk;
        const kunci = wadah.id || `${wadah.tagName}:${wadah.getAttribute('data-baris') ?? ''}:${kecil.size}`;
        const k = kecil.get(kunci);
        if (k) {
          k.jumlah += 1;
          k.pt = Math.min(k.pt, pt);
        } else kecil.set(kunci, { lokasi: lokasi(wadah), pt, jumlah: 1 });
      }
      if (induk instanceof SVGElement) return;
      const b = induk.closest(BLOK_TEKS);
      if (!b) return;
      const daftar = blok.get(b);
      if (daftar) daftar.push(node);
      else blok.set(b, [node]);
    };

    const periksaElemen = (el: Element, dalam: boolean): void => {
      if (!dalam && !INLINE.has(el.tagName)) {
        if (!(luberTerakhir && luberTerakhir.contains(el))) {
          const r = el.getBoundingClientRect();
          let kanan = r.right;
          // Content may stick out of a box that itself fits (a long unbroken word in a paragraph).
          if (r.width > 0 && el.scrollWidth > el.clientWidth + 1 && !/^(SECTION|BODY|FIGURE|DIV|UL|OL)$/.test(el.tagName)) {
            kanan = Math.max(kanan, r.left + el.scrollWidth);
          }
          if (r.width > 0 && (kanan > W + tol || r.left < -tol)) {
            hasil.luber.push({ lokasi: lokasi(el), kiri: r.left, kanan });
            luberTerakhir = el;
          }
        }
      }
      if (el.tagName === 'TD' || el.tagName === 'TH') {
        const h = el as HTMLElement;
        if (h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1) {
          hasil.selLuber.push({ lokasi: lokasi(el), isi: h.scrollWidth, sel: h.clientWidth });
        }
      }
      if (el.tagName === 'LI' && !dalam) {
        const kiri = el.getBoundingClientRect().left;
        if (kiri > W * arg.rasioMenjorok) {
          let tingkat = 0;
          let atas: Element = el;
          for (let p = el.parentElement; p; p = p.parentElement) {
            if (p.tagName === 'OL' || p.tagName === 'UL') {
              tingkat += 1;
              atas = p;
            }
          }
          hasil.menjorok.push({ lokasi: lokasi(atas), kiri, tingkat });
        }
      }
    };

    const jalan = (el: Element, halamanInduk: string, dalam: boolean): void => {
      let halaman = halamanInduk;
      if (!dalam && !INLINE.has(el.tagName)) {
        const s = css(el);
        if (s.display === 'none') return;
        const p = s.getPropertyValue('page');
        if (p && p !== 'auto') {
          halaman = p;
          // A subtree that prints on pages of another width is measured in that width's layout.
          if (!halamanKelompok.includes(p)) return;
        }
      }
      const milik = halamanKelompok.includes(halaman);
      if (milik) periksaElemen(el, dalam);
      const dalamAnak = dalam || el.tagName === 'TABLE' || el instanceof SVGElement;
      for (const anak of Array.from(el.childNodes)) {
        if (anak.nodeType === Node.TEXT_NODE) {
          if (milik) periksaTeks(anak as Text, el);
        } else if (anak.nodeType === Node.ELEMENT_NODE) jalan(anak as Element, halaman, dalamAnak || DALAM.has((anak as Element).tagName));
      }
    };
    jalan(document.body, '', false);
    hasil.teksKecil = [...kecil.values()];

    // Numbers, codes and long words: only where a break inside them is possible at all (a <wbr>
    // between their pieces, or a style that lets words break), then measured with a Range.
    const ANGKA = /\d(?:[\d.,]*\d)?%?/g;
    const KATA = /\S+/g;
    for (const [b, nodes] of blok) {
      let teks = '';
      const awal: number[] = [];
      for (const n of nodes) {
        awal.push(teks.length);
        teks += n.data;
      }
      const posisi = (i: number): [Text, number] => {
        let k = awal.length - 1;
        while (k > 0 && (awal[k] as number) > i) k -= 1;
        return [nodes[k] as Text, i - (awal[k] as number)];
      };
      const range = (dari: number, sampai: number): Range => {
        const r = document.createRange();
        const [n0, o0] = posisi(dari);
        const [n1, o1] = posisi(sampai - 1);
        r.setStart(n0, o0);
        r.setEnd(n1, o1 + 1);
        return r;
      };
      const simpulAntara = (dari: number, sampai: number): boolean => posisi(dari)[0] !== posisi(sampai - 1)[0];
      const lebarBlok = (b as HTMLElement).clientWidth;
      const angka = new Set<number>();
      for (const m of teks.matchAll(ANGKA)) {
        const t = m[0];
        const i = m.index ?? 0;
        if (t.replace(/\D/g, '').length < 3) continue;
        angka.add(i);
        const [n] = posisi(i);
        if (!simpulAntara(i, i + t.length) && !bolehPecah(css(n.parentElement as Element))) continue;
        if (jumlahBaris(range(i, i + t.length).getClientRects()) > 1) hasil.angkaPatah.push({ lokasi: lokasi(b, t), teks: t });
      }
      for (const m of teks.matchAll(KATA)) {
        const t = m[0];
        const i = m.index ?? 0;
        if (angka.has(i) || t.length < 2) continue;
        const [n] = posisi(i);
        const s = css(n.parentElement as Element);
        if (!bolehPecah(s)) continue;
        // Only a word that may be wider than its line can be broken inside (narrowest glyphs ~0.2em).
        if (t.length * 0.2 * parseFloat(s.fontSize) <= lebarBlok) continue;
        if (jumlahBaris(range(i, i + t.length).getClientRects()) <= 1) continue;
        // Where the line breaks: after a hyphen or slash it is an ordinary break, not a cut word.
        const atas = range(i, i + 1).getBoundingClientRect().top;
        let k = 1;
        while (k < t.length && Math.abs(range(i + k, i + k + 1).getBoundingClientRect().top - atas) < 1) k += 1;
        if (k < t.length && !/[-/\u00ad\u200b]/.test(t[k - 1] ?? '')) {
          hasil.kataPatah.push({ lokasi: lokasi(b, t.length > 60 ? `${t.slice(0, 57)}...` : t), teks: t });
        }
      }
    }
    return hasil;
  }
}
