/**
 * Landscape tables float forward, as a typesetter would place them. A table on landscape pages
 * (a named page of another width) forces a page break before it; when the portrait page before it
 * would be left mostly empty (a few closing lines of text and then blank), the portrait content
 * that follows the table is moved in front of it until that page is full, and the table with its
 * lead-in paragraph follows. All of it happens in the loaded page before the one print:
 *
 *   1. (JavaScript off; CDP evaluation in an isolated world, like the audit) find every run of
 *      landscape blocks in the flow, put an empty marker right after the portrait block before it,
 *      and measure the height of the portrait blocks that follow it, in a print-media layout at the
 *      portrait page width;
 *   2. learn how far down its page each marker stands from a paginated layout of the document as
 *      page-sized columns (ramal-halaman.ts), which breaks pages as the print does;
 *   3. `pilihPindahan` (pure) picks how many following blocks fit in the rest of that page (never
 *      ending on a heading, never past a forced page break, a `.tetap` block such as a signature,
 *      another landscape block or the end of the chapter);
 *   4. the blocks are moved in the loaded DOM and the markers removed; the print that follows
 *      prints the new order.
 *
 * What moves (`pilihRencana`): the table (or tables) of the run with the paragraph right before
 * the first one (its lead-in); headings that went to the landscape page with the lead-in stay where
 * they are and print on the portrait page again (the CSS `:has()` rule no longer matches), followed
 * by their own section's text. If that fills nothing, the tables alone move further, past later
 * sections of the chapter (a later section's heading moves with its text, never alone), and their
 * headings and lead-in stay on the portrait page. Text never changes section: a run that holds
 * another section's heading after its first table moves nothing, since what follows the run
 * belongs to that section and would print under the heading of the one before.
 */
import { geometriHalaman } from './audit.js';
import { surveiDiHalaman, type AturanHalaman } from './audit-ukur.js';
import { ramalDiHalaman } from './ramal-halaman.js';
import type { SesiUkur } from './sesi-ukur.js';

export const PREFIX_PENANDA = 'lkjip-apung-';

export interface PengikutApung {
  /** Height with margins, CSS px, at the portrait width. */
  tinggiPx: number;
  judul: boolean;
}

export interface RunApung {
  /** Id of the marker after the portrait block before the run. */
  id: string;
  /** Page name of the portrait flow the run interrupts. */
  halaman: string;
  /** The run's blocks in order (headings, lead-in, tables), heights at the portrait width. */
  isi: { tinggiPx: number; judul: boolean; figur: boolean; paragraf: boolean }[];
  /** The portrait blocks after the run, up to the next landscape block, forced break or chapter end. */
  pengikut: PengikutApung[];
}

/** What moves: the run's blocks from `mulai` on, after the first `k` followers. */
export interface Pindahan {
  mulai: number;
  k: number;
}

export interface PersiapanApung {
  aturan: AturanHalaman[];
  run: RunApung[];
}

export const BATAS_APUNG = {
  /** A portrait page filled less than this before a landscape run is filled from what follows. */
  isiMinimum: 0.6,
  /** Room left unused at the page bottom (px): rounding, a line's leading. */
  cadanganPx: 24,
} as const;

/**
 * How many of the following blocks move in front of the run: as many as fit in the rest of the
 * page, minus the blocks of the run that stay; a heading never ends the moved part.
 */
export function pilihPindahan(run: { tinggalPx: number; pengikut: readonly PengikutApung[] }, terpakaiPx: number, tinggiCetakPx: number, batas = BATAS_APUNG): number {
  if (tinggiCetakPx <= 0 || terpakaiPx / tinggiCetakPx >= batas.isiMinimum) return 0;
  let sisa = tinggiCetakPx - terpakaiPx - run.tinggalPx - batas.cadanganPx;
  let k = 0;
  for (const p of run.pengikut) {
    if (p.tinggiPx > sisa) break;
    sisa -= p.tinggiPx;
    k += 1;
  }
  while (k > 0 && run.pengikut[k - 1]?.judul) k -= 1;
  return k;
}

/**
 * The move for one run. First choice: the tables move with their lead-in paragraph; the headings
 * before it stay, and only their own section's text (up to the next heading) may move in after
 * them. When that moves nothing, the tables alone move: the headings and the lead-in stay on the
 * portrait page and the text after the run, later sections included, fills it (as a typesetter
 * floats a table to the next page).
 */
export function pilihRencana(run: Pick<RunApung, 'isi' | 'pengikut'>, terpakaiPx: number, tinggiCetakPx: number, batas = BATAS_APUNG): Pindahan {
  const figur = run.isi.findIndex((x) => x.figur);
  if (figur < 0) return { mulai: 0, k: 0 };
  // A run that spans sections (2.2's table, then 2.3's heading, lead-in and table): what follows it
  // belongs to the last of them, and any move would print it under an earlier section's heading
  // or put a later section before an earlier one. Nothing moves.
  if (run.isi.some((x, i) => x.judul && i > figur)) return { mulai: figur, k: 0 };
  const tinggi = (sampai: number): number => run.isi.slice(0, sampai).reduce((n, x) => n + x.tinggiPx, 0);
  const denganPengantar = figur > 0 && run.isi[figur - 1]?.paragraf ? figur - 1 : figur;
  const bebasJudul = run.pengikut.findIndex((p) => p.judul);
  const pengikutA = denganPengantar > 0 && bebasJudul >= 0 ? run.pengikut.slice(0, bebasJudul) : run.pengikut;
  const kA = pilihPindahan({ tinggalPx: tinggi(denganPengantar), pengikut: pengikutA }, terpakaiPx, tinggiCetakPx, batas);
  // Without a lead-in to stay with them, headings would be left empty before another section.
  if (kA > 0 || denganPengantar === figur) return { mulai: denganPengantar, k: kA };
  return { mulai: figur, k: pilihPindahan({ tinggalPx: tinggi(figur), pengikut: run.pengikut }, terpakaiPx, tinggiCetakPx, batas) };
}

/**
 * Used height (px) of the page's content area above a destination. Chromium (156) writes an
 * element's /XYZ `top` as the page height minus the element's offset from the top of the content
 * area (the top margin is not added): an element at the very top of the content has top = page
 * height. Checked by test/export/apung.test.ts.
 */
export function terpakaiDariTujuan(topPt: number, aturan: readonly AturanHalaman[], halaman: string): { terpakaiPx: number; tinggiCetakPx: number } {
  const g = geometriHalaman(aturan, halaman);
  const pxPerPt = 96 / 72;
  const ptPerMm = 72 / 25.4;
  return { terpakaiPx: Math.max(0, (g.tinggiMm * ptPerMm - topPt) * pxPerPt), tinggiCetakPx: g.tinggiCetakMm * ptPerMm * pxPerPt };
}

// ---------------------------------------------------------------------------------------------
// In the page (self-contained: sent as source text)

/**
 * Finds the runs, inserts the markers and measures the followers, with the root element at the
 * portrait printable width `arg.lebar` (restored at the end). Runs in the page.
 */
export function siapkanDiHalaman(arg: { prefix: string; lebar: number }): RunApung[] {
  const akar = document.documentElement;
  const gayaAkar = akar.getAttribute('style');
  akar.style.width = `${arg.lebar}px`;
  try {
    return cari();
  } finally {
    if (gayaAkar === null) akar.removeAttribute('style');
    else akar.setAttribute('style', gayaAkar);
  }

  function cari(): RunApung[] {
    type Item = { el: Element; bab: Element; halaman: string };
    const items: Item[] = [];
    const halamanDari = (el: Element): string => {
      for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
        const p = getComputedStyle(e).getPropertyValue('page');
        if (p && p !== 'auto') return p;
      }
      return '';
    };
    const kumpulkan = (wadah: Element, bab: Element | null): void => {
      for (const el of Array.from(wadah.children)) {
        if (getComputedStyle(el).display === 'none') continue;
        if (el.tagName === 'SECTION') kumpulkan(el, bab ?? el);
        else if (bab) items.push({ el, bab, halaman: halamanDari(el) });
      }
    };
    kumpulkan(document.body, null);
    const tinggi = (el: Element): number => {
      const s = getComputedStyle(el);
      return el.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom);
    };
    const paksaPutus = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return s.breakBefore === 'page' || s.breakBefore === 'left' || s.breakBefore === 'right' || el.classList.contains('tetap');
    };
    // State for terapkanDiHalaman lives in attributes: each evaluation gets a fresh isolated world.
    const hasil: RunApung[] = [];
    const tautan = document.querySelector('[data-lkjip-anchors]') ?? document.body;
    for (let i = 0; i < items.length; i++) {
      const it = items[i] as Item;
      const halamanBab = halamanDari(it.bab);
      if (it.halaman === halamanBab) continue;
      const sebelum = items[i - 1];
      let j = i;
      while (j + 1 < items.length && (items[j + 1] as Item).bab === it.bab && (items[j + 1] as Item).halaman !== halamanBab) j += 1;
      const run = items.slice(i, j + 1);
      i = j;
      // Nothing before the run in its chapter: the page before it is the previous chapter's end.
      if (!sebelum || sebelum.bab !== it.bab || sebelum.halaman !== halamanBab) continue;
      if (!run.some((r) => r.el.tagName === 'FIGURE')) continue;
      const pengikut: Element[] = [];
      for (let k = j + 1; k < items.length && pengikut.length < 40; k++) {
        const f = items[k] as Item;
        if (f.bab !== it.bab || f.halaman !== halamanBab || paksaPutus(f.el)) break;
        pengikut.push(f.el);
      }
      if (pengikut.length === 0) continue;
      const n = hasil.length;
      const id = `${arg.prefix}${n + 1}`;
      const penanda = document.createElement('div');
      penanda.id = id;
      penanda.setAttribute('data-apung-penanda', '');
      sebelum.el.after(penanda);
      const a = document.createElement('a');
      a.href = `#${id}`;
      a.setAttribute('data-apung-penanda', '');
      tautan.appendChild(a);
      run.forEach((r, i) => r.el.setAttribute('data-apung-unit', `${n}:${i}`));
      pengikut.forEach((el, k) => el.setAttribute('data-apung-ikut', `${n}:${k}`));
      hasil.push({
        id,
        halaman: halamanBab,
        isi: run.map((r) => ({ tinggiPx: tinggi(r.el), judul: /^H[1-6]$/.test(r.el.tagName), figur: r.el.tagName === 'FIGURE', paragraf: r.el.tagName === 'P' || r.el.tagName === 'BLOCKQUOTE' })),
        pengikut: pengikut.map((el) => ({ tinggiPx: tinggi(el), judul: /^H[1-6]$/.test(el.tagName) })),
      });
    }
    return hasil;
  }
}

/**
 * Moves each run's unit after its first `k` followers and removes the markers; with `html`, returns
 * the document as HTML. Runs in the page, after `siapkanDiHalaman`.
 */
export function terapkanDiHalaman(arg: { pindah: { mulai: number; k: number }[]; html?: boolean }): string | undefined {
  arg.pindah.forEach(({ mulai, k }, n) => {
    if (k <= 0) return;
    const unit = Array.from(document.querySelectorAll(`[data-apung-unit^="${n}:"]`)).filter(
      (el) => Number((el.getAttribute('data-apung-unit') ?? '').split(':')[1]) >= mulai,
    );
    const akhir = document.querySelector(`[data-apung-ikut="${n}:${k - 1}"]`);
    if (!akhir || unit.length === 0) return;
    akhir.after(...unit);
    // Without its own lead-in, the block now before the table is not one (see dokumen.css).
    if ((unit[0] as Element).tagName === 'FIGURE') (unit[0] as Element).classList.add('terapung');
  });
  for (const el of Array.from(document.querySelectorAll('[data-apung-penanda]'))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[data-apung-unit],[data-apung-ikut]'))) {
    el.removeAttribute('data-apung-unit');
    el.removeAttribute('data-apung-ikut');
  }
  return arg.html ? `<!doctype html>\n${document.documentElement.outerHTML}\n` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Driving it from Node

/**
 * Step 1, before the first print, in the measuring session (print media): the runs and the heights
 * of what follows them, measured with the root element at the portrait page's printable width.
 */
export async function siapkanApung(sesi: SesiUkur, aturan?: AturanHalaman[]): Promise<PersiapanApung> {
  const semua = aturan ?? (await sesi.jalankan(surveiDiHalaman, undefined)).aturan;
  const lebar = Math.floor(geometriHalaman(semua, '').lebarCetakMm * (96 / 25.4));
  const run = await sesi.jalankan(siapkanDiHalaman, { prefix: PREFIX_PENANDA, lebar });
  return { aturan: semua, run };
}

/**
 * Step 2: how much of its page is used above each run's marker (CSS px), from a paginated layout of
 * the document at the portrait page's size (ramal-halaman.ts); one layout per page size in use.
 */
export async function ramalApung(sesi: SesiUkur, persiapan: PersiapanApung): Promise<Map<string, number>> {
  const terpakai = new Map<string, number>();
  const perHalaman = new Map<string, string[]>();
  for (const r of persiapan.run) perHalaman.set(r.halaman, [...(perHalaman.get(r.halaman) ?? []), r.id]);
  for (const [halaman, ids] of perHalaman) {
    const g = geometriHalaman(persiapan.aturan, halaman);
    const posisi = await sesi.jalankan(ramalDiHalaman, { lebar: g.lebarCetakMm * (96 / 25.4), tinggi: g.tinggiCetakMm * (96 / 25.4), ids });
    ids.forEach((id, i) => {
      const p = posisi[i];
      if (p) terpakai.set(id, Math.max(0, p.atasPx));
    });
  }
  return terpakai;
}

/** The move of each run, from the used height above its marker (pure). */
export function rencanaApung(persiapan: PersiapanApung, terpakai: ReadonlyMap<string, number>): Pindahan[] {
  return persiapan.run.map((r): Pindahan => {
    const px = terpakai.get(r.id);
    if (px === undefined) return { mulai: 0, k: 0 };
    const g = geometriHalaman(persiapan.aturan, r.halaman);
    return pilihRencana(r, px, g.tinggiCetakMm * (96 / 25.4));
  });
}

/** Step 4: moves the blocks in the loaded page and removes the markers (all runs, moved or not). */
export async function terapkanApung(sesi: SesiUkur, pindah: Pindahan[]): Promise<void> {
  await sesi.jalankan(terapkanDiHalaman, { pindah });
}
