/**
 * Page numbers of the Daftar Isi, Daftar Tabel and Daftar Gambar written into the printed PDF, so
 * that a document is laid out and printed once.
 *
 * The page of a heading is known only after printing (Chromium has no `target-counter()`). Instead
 * of printing again with the numbers in the HTML, the TOC is printed with its number boxes empty
 * and the numbers are drawn into the PDF afterwards, in the project face, exactly where Chromium
 * would have drawn them:
 *
 *   - before printing, every `.toc-page` box gets a marker: an inline block 1 px wide and 0 high on
 *     the text baseline at the end of the (empty) box, shifted down half a pixel, and a hidden link
 *     to it, so Chromium writes its position as a named destination. Chromium writes a
 *     destination's offsets rounded to whole CSS px, the same rounding it applies to a text
 *     baseline; the half pixel turns the rounding of the destination into that of the baseline
 *     (both checked against Chromium's own text in test/export/cap-toc.test.ts). The box's font,
 *     size, colour, alignment and width are read too;
 *   - after printing, each number (pageLabel of its target's page) is drawn at its marker with
 *     Arimo of the box's weight and style (huruf-cap.ts), right-aligned like the box, and the
 *     markers' destinations are removed.
 *
 * The templates give every number box a fixed width (`.toc-page`, dokumen.css), so an empty box
 * lays out like a filled one. When a number does not fit its box, the box is not in Arimo, or a
 * marker was not printed, `capLabelToc` says so and the export prints again with the numbers in
 * the page instead (pdf.ts).
 */
import { PDFArray, PDFName, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { fontFamily } from '../render/assets.js';
import { geometriHalaman, type AturanHalaman } from './audit.js';
import { KARAKTER_LABEL, sematkanArimo, type GayaHuruf, type HurufPdf } from './huruf-cap.js';
import { removeNamedDestinations, type Anchor } from './pdf-structure.js';

export const PREFIX_CAP = 'lkjip-toc-';

/** One number box of a table of contents, as measured in the loaded page. */
export interface KotakToc {
  /** Id of its marker (named destination). */
  id: string;
  /** Id of the element whose page it shows. */
  target: string;
  /** Content width of the box (CSS px). */
  lebarPx: number;
  rata: 'kanan' | 'kiri' | 'tengah';
  /** Page name the box prints on ('' for the unnamed page): gives the page margins. */
  halaman: string;
  keluarga: string;
  tebal: boolean;
  miring: boolean;
  ukuranPx: number;
  /** Text colour, 0-1 each; undefined when not an opaque RGB colour. */
  warna?: [number, number, number];
}

/**
 * In the page (self-contained: sent as source text). Empties every `.toc-page` box, puts a marker
 * in it with a hidden link to it, and returns the boxes.
 */
export function tandaiTocDiHalaman(arg: { prefix: string }): KotakToc[] {
  let tautan = document.querySelector('[data-lkjip-anchors]');
  if (!tautan) {
    tautan = document.createElement('div');
    tautan.setAttribute('aria-hidden', 'true');
    tautan.setAttribute('style', 'display:none');
    tautan.setAttribute('data-lkjip-anchors', '');
    document.body.appendChild(tautan);
  }
  const halamanDari = (el: Element): string => {
    for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
      const p = getComputedStyle(e).getPropertyValue('page');
      if (p && p !== 'auto') return p;
    }
    return '';
  };
  const hasil: KotakToc[] = [];
  Array.from(document.querySelectorAll('.toc-page[data-target]')).forEach((kotak, n) => {
    const s = getComputedStyle(kotak);
    if (s.display === 'none') return;
    kotak.textContent = '';
    const id = `${arg.prefix}${n + 1}`;
    const penanda = document.createElement('span');
    penanda.id = id;
    penanda.setAttribute('style', 'display:inline-block;width:1px;margin-left:-1px;height:0;vertical-align:baseline;position:relative;top:0.5px');
    kotak.appendChild(penanda);
    const a = document.createElement('a');
    a.href = `#${id}`;
    tautan.appendChild(a);
    const rata = s.textAlign === 'right' || s.textAlign === 'end' ? 'kanan' : s.textAlign === 'center' ? 'tengah' : 'kiri';
    const m = /^rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)$/.exec(s.color);
    const k: KotakToc = {
      id,
      target: kotak.getAttribute('data-target') ?? '',
      lebarPx: kotak.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth),
      rata,
      halaman: halamanDari(kotak),
      keluarga: (s.fontFamily.split(',')[0] ?? '').trim().replace(/^["']|["']$/g, ''),
      tebal: Number(s.fontWeight) >= 600,
      miring: s.fontStyle === 'italic' || s.fontStyle.startsWith('oblique'),
      ukuranPx: parseFloat(s.fontSize),
    };
    if (m && (m[4] === undefined || Number(m[4]) === 1)) k.warna = [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255];
    hasil.push(k);
  });
  return hasil;
}

/** Whether every box prints in a face this module can draw (Arimo, an opaque colour). */
export function bisaDicap(kotak: readonly KotakToc[]): boolean {
  return kotak.every((k) => k.keluarga.toLowerCase() === fontFamily.toLowerCase() && k.warna !== undefined && k.ukuranPx > 0);
}

const PT_PER_PX = 0.75;
const PX_PER_MM = 96 / 25.4;
const angka = (n: number): string => (Math.round(n * 10000) / 10000).toString();

/** A number to draw: its box, the box's marker destination, and the text. */
export interface LabelCap {
  kotak: KotakToc;
  anchor: Anchor;
  teks: string;
}

/**
 * The numbers to draw, or undefined when one cannot be (its marker was not printed, a character
 * outside the embedded subset, a box not in Arimo).
 */
export function rencanaCapToc(kotak: readonly KotakToc[], anchors: ReadonlyMap<string, Anchor>, label: (target: string) => string): LabelCap[] | undefined {
  if (!bisaDicap(kotak)) return undefined;
  const hasil: LabelCap[] = [];
  for (const k of kotak) {
    const anchor = anchors.get(k.id);
    const teks = label(k.target);
    if (!anchor || teks === '' || [...teks].some((c) => !KARAKTER_LABEL.includes(c))) return undefined;
    hasil.push({ kotak: k, anchor, teks });
  }
  return hasil;
}

/** Each number as Chromium lays it out in its box: its width and each glyph's offset (CSS px). */
export interface UkuranLabel {
  lebarPx: number;
  posisiPx: number[];
}

/**
 * In the page, after printing (self-contained). Writes each number into its box and measures it:
 * the width and glyph positions come from Chromium's own text layout, kerning included ("11" is
 * kerned in Arimo). The boxes keep the numbers: the page is only printed again when the numbers
 * could not be drawn, and then with the numbers in it anyway.
 */
export function ukurLabelDiHalaman(arg: { label: [string, string][] }): (UkuranLabel | null)[] {
  return arg.label.map(([id, teks]) => {
    const penanda = document.getElementById(id);
    const kotak = penanda?.parentElement;
    if (!penanda || !kotak) return null;
    const simpul = document.createTextNode(teks);
    kotak.insertBefore(simpul, penanda);
    const r = document.createRange();
    const kiri: number[] = [];
    for (let i = 0; i < teks.length; i++) {
      r.setStart(simpul, i);
      r.setEnd(simpul, i + 1);
      kiri.push(r.getBoundingClientRect().left);
    }
    r.setStart(simpul, 0);
    r.setEnd(simpul, teks.length);
    const semua = r.getBoundingClientRect();
    return { lebarPx: semua.width, posisiPx: kiri.map((x) => x - semua.left) };
  });
}

/**
 * Draws every number at its marker, glyph by glyph where Chromium would have placed it, and removes
 * the markers' destinations from `anchors` and from the PDF. Returns false, leaving the PDF
 * untouched, when a number is wider than its box.
 */
export function capLabelToc(
  doc: PDFDocument,
  rencana: readonly LabelCap[],
  ukuran: readonly (UkuranLabel | null)[],
  anchors: Map<string, Anchor>,
  aturan: readonly AturanHalaman[],
): boolean {
  for (const [i, { kotak }] of rencana.entries()) {
    const u = ukuran[i];
    if (!u || u.posisiPx.length === 0 || u.lebarPx > kotak.lebarPx + 0.5) return false;
  }
  const fonts = new Map<string, HurufPdf>();
  const kunci = (g: GayaHuruf): string => `${g.tebal ? 'B' : 'R'}${g.miring ? 'I' : ''}`;
  const hurufUntuk = (g: GayaHuruf): HurufPdf => {
    let f = fonts.get(kunci(g));
    if (!f) {
      // Subset tag: six capitals, one per style, the same in every document.
      f = sematkanArimo(doc.context, g, `LKJTC${'ABCD'[(g.tebal ? 1 : 0) + (g.miring ? 2 : 0)]}`);
      fonts.set(kunci(g), f);
    }
    return f;
  };
  const perHalaman = new Map<number, string[]>();
  for (const [i, { kotak: k, anchor: a, teks }] of rencana.entries()) {
    const u = ukuran[i] as UkuranLabel;
    const gaya = { tebal: k.tebal, miring: k.miring };
    hurufUntuk(gaya);
    const g = geometriHalaman(aturan, k.halaman);
    // The marker's destination, in CSS px from the page's content area, rounded as Chromium
    // rounds text; the content area itself starts at the margin rounded to whole px.
    const x0 = PT_PER_PX * Math.round(g.marginKiriMm * PX_PER_MM) + Number(a.dest.lookup(2)?.toString() ?? 0) + PT_PER_PX;
    const y = Number(a.dest.lookup(3)?.toString() ?? 0) - PT_PER_PX * Math.round(g.marginAtasMm * PX_PER_MM);
    const w = u.lebarPx * PT_PER_PX;
    const x = k.rata === 'kanan' ? x0 - w : k.rata === 'tengah' ? x0 - w / 2 : x0;
    const [r, gr, b] = k.warna as [number, number, number];
    // Chromium draws text at the size cut to hundredths of a CSS px (14.6667 px -> 14.66) and
    // places the glyphs by the layout's advances at the full size: the same here.
    const pt = (Math.floor(k.ukuranPx * 100 + 1e-6) / 100) * PT_PER_PX;
    const glyph = [...teks].map((c, n) => `1 0 0 1 ${angka(x + (u.posisiPx[n] ?? 0) * PT_PER_PX)} ${angka(y)} Tm (${c}) Tj`).join(' ');
    perHalaman.set(a.page, [...(perHalaman.get(a.page) ?? []), `BT /LkjToc${kunci(gaya)} ${angka(pt)} Tf ${angka(r)} ${angka(gr)} ${angka(b)} rg ${glyph} ET`]);
  }
  for (const [nomor, ops] of [...perHalaman].sort((p, q) => p[0] - q[0])) {
    const page = doc.getPage(nomor - 1);
    const { Font } = page.node.normalizedEntries();
    for (const [kun, f] of fonts) Font.set(PDFName.of(`LkjToc${kun}`), f.ref);
    tambahIsi(doc, page, `q\n${ops.join('\n')}\nQ\n`);
  }
  for (const { kotak } of rencana) anchors.delete(kotak.id);
  removeNamedDestinations(doc, PREFIX_CAP);
  return true;
}

/**
 * Appends `ops` to a page's content, the page's own content wrapped in q/Q first so that the
 * transformations Chromium leaves in effect (it flips and scales to CSS pixels) do not apply.
 */
function tambahIsi(doc: PDFDocument, page: PDFPage, ops: string): void {
  const ctx = doc.context;
  const isi = page.node.get(PDFName.of('Contents'));
  const lama: PDFRef[] = [];
  if (isi instanceof PDFArray) for (let i = 0; i < isi.size(); i++) lama.push(isi.get(i) as PDFRef);
  else if (isi) lama.push(isi as PDFRef);
  const simpan = ctx.register(ctx.stream('q\n'));
  const pulih = ctx.register(ctx.stream('Q\n'));
  const baru = ctx.register(ctx.flateStream(ops));
  page.node.set(PDFName.of('Contents'), ctx.obj([simpan, ...lama, pulih, baru]));
}
