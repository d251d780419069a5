/**
 * How a workbook sheet prints: column widths from the formatted text of every cell, row heights
 * for wrapped text, and the page setup (paper, orientation, pages across, repeated key columns)
 * that keeps the smallest font of the sheet at 6.5 pt or more on paper. Pure: the sheet builder
 * (workbook-model.ts `selesai`) calls it, src/export/xlsx.ts writes what it decided, and the tests
 * recompute the printed scale from the written file with `skalaCetak`.
 *
 * Units, stated once:
 * - A column width `w` is in characters of the workbook's default font, Arial 10 (xlsx.ts writes
 *   it as font 0): the advance of its digits, 0.556 em = 5.56 pt. LibreOffice lays a column out at
 *   exactly w × 5.56 pt (measured: widths 7, 10, 20, 40 print 38.9, 55.5, 110.9, 222.0 pt);
 *   Excel rounds the digit to 7 px at 96 dpi, so w × 7 px = w × 5.25 pt.
 * - The printed scale is computed with LibreOffice's (wider) columns; Excel prints the same sheet
 *   about 6 % larger. Whether a value fits its column is computed with Excel's (narrower) columns,
 *   its 5 px of cell padding and glyphs rounded up to whole pixels (+5 %): what fits there fits
 *   in LibreOffice too.
 * - Text is measured with the Arial advance widths (the same as Helvetica's, and as those of the
 *   metric-compatible Liberation Sans, Arimo and Nimbus Sans used where Arial is not installed).
 */
import { formatAngka } from '../util/format.js';

/** The font of every cell, and its sizes (pt). The footer uses the body size. */
export const HURUF = 'Arial';
export const UKURAN = { isi: 9, judul: 11, kaki: 9 } as const;
/** Font 0 of the workbook: it defines the unit of column widths (see above). */
export const HURUF_BAKU = { nama: 'Arial', ukuran: 10 } as const;

/** A column width unit in pt: LibreOffice (5.56) and Excel at 96 dpi (7 px). */
export const PT_PER_LEBAR = 5.56;
export const PT_PER_LEBAR_EXCEL = 5.25;
/** Excel's cell padding (5 px) and its whole-pixel glyphs (+5 %), for "does it fit" only. */
const PADDING_PT = 3.75;
const PEMBULATAN_PIKSEL = 1.05;
/** One indent level (LibreOffice: 3 spaces of the default font, measured 8.4 pt). */
export const PT_PER_INDENT = 8.4;

/** The smallest font size a printed sheet may have (pt). */
export const HURUF_MINIMUM_PT = 6.5;

/** Page margins (inches, as Excel stores them). */
export const MARGIN = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 } as const;

export type Kertas = 'A4' | 'A3';
export type Orientasi = 'portrait' | 'landscape';

/** Paper sizes in pt (portrait) and their Excel paperSize codes. */
export const KERTAS: Record<Kertas, { lebar: number; tinggi: number; kode: number }> = {
  A4: { lebar: 595.28, tinggi: 841.89, kode: 9 },
  A3: { lebar: 841.89, tinggi: 1190.55, kode: 8 },
};

/** Where and how a sheet prints. */
export interface Cetak {
  kertas: Kertas;
  orientasi: Orientasi;
  /**
   * Pages across. One: printed with fitToWidth = 1 and rows flowing down freely (xlsx.ts).
   * More: printed at the fixed `skala` with manual column breaks before the `putus` columns.
   */
  halamanLebar: number;
  /** Leading columns repeated on every page across (printTitlesColumn); 0 when one page wide. */
  kolomJudul: number;
  /** 0-based index of the first column of each page after the first (Excel's colBreaks ids). */
  putus: number[];
  /** The scale this gives (0..1, whole percents), with LibreOffice's column widths. */
  skala: number;
}

// ---------------------------------------------------------------------------------------------
// Text widths

/* Advance widths (1/1000 em) of Arial/Helvetica, characters 32..126, regular and bold. */
// prettier-ignore
const REGULER = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
// prettier-ignore
const TEBAL = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];

function lebarHuruf(c: number, tebal: boolean): number {
  if (c >= 32 && c <= 126) return (tebal ? TEBAL : REGULER)[c - 32] ?? 1000;
  if (c === 0xd7) return 584; // ×
  if (c === 0x2013) return 556; // –
  if (c >= 0xa0 && c <= 0x17f) return tebal ? 722 : 667; // Latin-1 / Latin Extended-A: the widest letters
  return 1000; // anything else (—, ✓, ...): an em, on the safe side
}

/** Width in pt of one line of text. */
export function lebarTeks(teks: string, ukuran: number, tebal = false): number {
  let n = 0;
  for (const ch of teks) n += lebarHuruf(ch.codePointAt(0) ?? 0, tebal);
  return (n * ukuran) / 1000;
}

/** Column width (units) that shows a line of `pt` points without wrapping or ###, in Excel. */
export function lebarUntuk(pt: number, indent = 0): number {
  return (pt * PEMBULATAN_PIKSEL + PADDING_PT + indent * PT_PER_INDENT) / PT_PER_LEBAR_EXCEL;
}

/** Room for text (pt, as measured by `lebarTeks`) in a column of `lebar` units, in Excel. */
function ruangTeks(lebar: number, indent = 0): number {
  return (lebar * PT_PER_LEBAR_EXCEL - PADDING_PT - indent * PT_PER_INDENT) / PEMBULATAN_PIKSEL;
}

// ---------------------------------------------------------------------------------------------
// Formatted values

/**
 * A number as Excel shows it with the number format `fmt` in Indonesian settings: the formats the
 * annexes use are `#,##0` and `#,##0.0...` (thousands "." and decimal ","); anything else is
 * shown as General (up to 10 decimals, no thousands separator).
 */
export function formatTampil(n: number, fmt: string | undefined): string {
  const m = fmt ? /^#,##0(?:\.(0+))?$/.exec(fmt) : null;
  if (m) return formatAngka(n, m[1]?.length ?? 0);
  const s = formatAngka(n, 10).replace(/\./g, '');
  return s.includes(',') ? s.replace(/,?0+$/, '') : s;
}

/** The text a cell shows: its value (or a formula's cached result), formatted. */
export function teksTampil(v: string | number | null | undefined, fmt?: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? formatTampil(v, fmt) : '';
  return v;
}

// ---------------------------------------------------------------------------------------------
// Column widths and row heights

/** One cell as the layout sees it. */
export interface SelTata {
  r: number;
  c: number;
  /** Last column and row of its merge (itself when not merged). */
  c2: number;
  r2: number;
  teks: string;
  angka: boolean;
  tebal: boolean;
  ukuran: number;
  indent: number;
  bungkus: boolean;
  /** A header cell: only its longest word has to fit (headers wrap by design). */
  kepala: boolean;
}

/** Lines of wrapped text (at spaces; a word longer than the line is broken, as Excel does). */
export function hitungBaris(teks: string, ruang: number, ukuran: number, tebal: boolean): number {
  const spasi = lebarTeks(' ', ukuran, tebal);
  let n = 0;
  for (const paragraf of teks.split('\n')) {
    let baris = 1;
    let isi = 0;
    for (const kata of paragraf.split(' ')) {
      const w = lebarTeks(kata, ukuran, tebal);
      if (isi > 0 && isi + spasi + w <= ruang) {
        isi += spasi + w;
        continue;
      }
      if (isi > 0) baris++;
      // A word wider than the line takes whole lines of its own.
      const penuh = ruang > 0 ? Math.max(0, Math.ceil(w / ruang) - 1) : 0;
      baris += penuh;
      isi = w - penuh * ruang;
    }
    n += baris;
  }
  return n;
}

function kataTerpanjang(teks: string, ukuran: number, tebal: boolean): number {
  let m = 0;
  for (const kata of teks.split(/[\s]+/)) m = Math.max(m, lebarTeks(kata, ukuran, tebal));
  return m;
}

function barisTerpanjang(teks: string, ukuran: number, tebal: boolean): number {
  let m = 0;
  for (const b of teks.split('\n')) m = Math.max(m, lebarTeks(b, ukuran, tebal));
  return m;
}

/** Narrowest column (units), so that a header of one letter still has a box. */
const LEBAR_MINIMUM = 4;

/**
 * Widths are rounded up to a quarter unit (Excel keeps 1/256; a quarter reads cleanly). Never
 * exactly 9: exceljs takes 9 for its default and leaves the column out of the file, which then
 * opens at the application's default width (8.43 in Excel) instead.
 */
function bulatkanLebar(w: number): number {
  const q = Math.ceil(w * 4 - 1e-9) / 4;
  return q === 9 ? 9.25 : q;
}

/**
 * Column widths from the cells. `rancangan` is the builder's width for each column: the most a
 * column of wrapped prose (names, indicators) may take. Each column gets
 *   max(longest unbreakable content, min(longest body line, rancangan))
 * where unbreakable content is a formatted number, a code or a word (header words included), so
 * a number never shows ###, a code or word is never broken, and a column of short text shrinks
 * to its text. A merged cell's longest word must fit the merge; the last column takes the rest.
 */
export function hitungLebar(rancangan: readonly number[], sel: readonly SelTata[]): number[] {
  const n = rancangan.length;
  const minimum = Array.from({ length: n }, () => LEBAR_MINIMUM);
  const isi = Array.from({ length: n }, () => 0);
  const gabung: { c: number; c2: number; perlu: number }[] = [];
  for (const s of sel) {
    if (s.teks === '') continue;
    const perluKata = lebarUntuk(s.angka || !s.bungkus ? barisTerpanjang(s.teks, s.ukuran, s.tebal) : kataTerpanjang(s.teks, s.ukuran, s.tebal), s.indent);
    if (s.c2 > s.c) {
      gabung.push({ c: s.c, c2: s.c2, perlu: perluKata });
      continue;
    }
    const i = s.c - 1;
    if (i < 0 || i >= n) continue;
    minimum[i] = Math.max(minimum[i] ?? 0, perluKata);
    if (!s.kepala) isi[i] = Math.max(isi[i] ?? 0, lebarUntuk(barisTerpanjang(s.teks, s.ukuran, s.tebal), s.indent));
  }
  const lebar = rancangan.map((r, i) => Math.max(minimum[i] ?? 0, Math.min(isi[i] ?? 0, r)));
  for (const g of gabung) {
    let jumlah = 0;
    for (let c = g.c; c <= g.c2; c++) jumlah += lebar[c - 1] ?? 0;
    if (jumlah < g.perlu) lebar[g.c2 - 1] = (lebar[g.c2 - 1] ?? 0) + (g.perlu - jumlah);
  }
  return lebar.map(bulatkanLebar);
}

/**
 * Widths of a sheet that prints unscaled, grown back toward the builder's design where the page
 * has room (`ruang` units): the compact widths of `hitungLebar` are for sheets that must shrink
 * to be readable; a small table keeps the proportions it was designed with.
 */
export function lebarkan(lebar: readonly number[], rancangan: readonly number[], ruang: number): number[] {
  const dasar = lebar.reduce((a, b) => a + b, 0);
  const tambah = lebar.map((w, i) => Math.max(0, (rancangan[i] ?? 0) - w));
  const jumlahTambah = tambah.reduce((a, b) => a + b, 0);
  if (jumlahTambah <= 0 || dasar >= ruang) return [...lebar];
  const t = Math.min(1, (ruang - dasar) / jumlahTambah);
  return lebar.map((w, i) => {
    // Rounded down to a quarter, so the page is never exceeded; 9 avoided (see bulatkanLebar).
    const q = Math.max(w, Math.floor((w + t * (tambah[i] ?? 0)) * 4 + 1e-9) / 4);
    return q === 9 ? (w <= 8.75 ? 8.75 : 9.25) : q;
  });
}

/** Points per line of text and the padding of a row. */
function ptBaris(ukuran: number): number {
  return Math.ceil(ukuran * 1.28 * 2) / 2;
}
const PT_TEPI = 3;

/**
 * Row heights (pt) of the rows whose wrapped text needs more than one line. Neither Excel nor
 * LibreOffice grows a row for wrapped text in merged cells when opening a file, and a written
 * file carries no heights: estimated here by wrapping the text at the column width (Excel's, the
 * narrower), so the sheets print without clipped text.
 */
export function hitungTinggi(lebar: readonly number[], sel: readonly SelTata[]): Map<number, number> {
  const perlu = new Map<number, number>();
  for (const s of sel) {
    if (s.teks === '' || !s.bungkus || s.angka) continue;
    let w = 0;
    for (let c = s.c; c <= s.c2; c++) w += lebar[c - 1] ?? 0;
    const baris = hitungBaris(s.teks, ruangTeks(w, s.indent), s.ukuran, s.tebal);
    if (baris <= 1) continue;
    const tinggi = (baris * ptBaris(s.ukuran) + PT_TEPI) / (s.r2 - s.r + 1);
    for (let r = s.r; r <= s.r2; r++) perlu.set(r, Math.max(perlu.get(r) ?? 0, tinggi));
  }
  const hasil = new Map<number, number>();
  for (const [r, t] of [...perlu].sort((a, b) => a[0] - b[0])) hasil.set(r, Math.ceil(t));
  return hasil;
}

// ---------------------------------------------------------------------------------------------
// Page setup and printed scale

/** Printable width of a page (pt). */
export function lebarCetak(kertas: Kertas, orientasi: Orientasi): number {
  const k = KERTAS[kertas];
  return (orientasi === 'landscape' ? k.tinggi : k.lebar) - (MARGIN.left + MARGIN.right) * 72;
}

const EPS = 1e-6;

/**
 * Splits a sheet into pages across at `muat` pt of unscaled width per page and returns where
 * each page after the first starts (0-based column index), or null when a column does not fit a
 * page. The first `kolomJudul` columns are printed again on every page. A page ends where the
 * fewest header cells are cut (`lintas[b]`: header merges crossing the boundary before column
 * b), the latest such place on the page: a K/Rp pair or the four quarters of E.81 stay together
 * whenever they fit a page.
 */
export function bagiHalaman(pt: readonly number[], kolomJudul: number, muat: number, lintas: readonly number[] = []): number[] | null {
  const judul = pt.slice(0, kolomJudul).reduce((a, b) => a + b, 0);
  const putus: number[] = [];
  let awal = kolomJudul; // first column of this page after the repeated keys
  let pakai = judul;
  for (let i = kolomJudul; i < pt.length; i++) {
    const w = pt[i] ?? 0;
    while (pakai + w > muat + EPS) {
      let b = -1;
      for (let x = i; x > awal; x--) if (b < 0 || (lintas[x] ?? 0) < (lintas[b] ?? 0)) b = x;
      if (b < 0) return null; // one column (with the keys) is wider than the page
      putus.push(b);
      awal = b;
      pakai = judul;
      for (let x = b; x < i; x++) pakai += pt[x] ?? 0;
    }
    pakai += w;
  }
  return putus;
}

/**
 * The scale a sheet prints at, one page wide with fitToWidth = 1 (rows free): the largest
 * whole percent, at most 100, at which its columns fit the page, as Excel and LibreOffice choose
 * it. `lebar` are column widths in units (converted with PT_PER_LEBAR).
 */
export function skalaSatuHalaman(kertas: Kertas, orientasi: Orientasi, lebar: readonly number[]): number {
  const total = lebar.reduce((a, w) => a + w * PT_PER_LEBAR, 0);
  const persen = Math.floor((lebarCetak(kertas, orientasi) / Math.max(total, EPS)) * 100 + EPS);
  return Math.min(100, Math.max(10, persen)) / 100;
}

/**
 * Several pages across: the largest whole percent at which the sheet splits into at most
 * `halamanLebar` pages (bagiHalaman), with the page starts. Written as a fixed scale with manual
 * column breaks, since fit-to-width would ignore manual breaks in Excel.
 */
export function skalaBeberapaHalaman(
  kertas: Kertas,
  orientasi: Orientasi,
  halamanLebar: number,
  kolomJudul: number,
  lebar: readonly number[],
  lintas: readonly number[] = [],
): { skala: number; putus: number[] } | null {
  const pt = lebar.map((w) => w * PT_PER_LEBAR);
  const halaman = lebarCetak(kertas, orientasi);
  for (let persen = 100; persen >= 10; persen--) {
    const putus = bagiHalaman(pt, kolomJudul, (halaman * 100) / persen, lintas);
    if (putus && putus.length + 1 <= halamanLebar) return { skala: persen / 100, putus };
  }
  return null;
}

/**
 * The page setup of a sheet, the first of these that prints its smallest font (`ukuranMin` pt)
 * at HURUF_MINIMUM_PT or more:
 * 1. A4 portrait, when the sheet fits unscaled (narrow tables);
 * 2. A4 landscape, one page wide;
 * 3. A3 landscape, one page wide;
 * 4. A3 landscape, 2, 3, ... pages wide, the row keys (`kolomJudul` leading columns: code, name,
 *    indicator) repeated on every page, pages numbered across then down, split between header
 *    groups (`lintas`, see bagiHalaman).
 * Every column of the sheet is kept in every case: only the paper and the scale change.
 */
export function pilihCetak(lebar: readonly number[], kolomJudul: number, ukuranMin: number, lintas: readonly number[] = []): Cetak {
  const cukup = (s: number) => s * ukuranMin >= HURUF_MINIMUM_PT - EPS;
  const satu = (kertas: Kertas, orientasi: Orientasi): Cetak => ({
    kertas,
    orientasi,
    halamanLebar: 1,
    kolomJudul: 0,
    putus: [],
    skala: skalaSatuHalaman(kertas, orientasi, lebar),
  });
  const tegak = satu('A4', 'portrait');
  if (tegak.skala >= 1) return tegak;
  for (const c of [satu('A4', 'landscape'), satu('A3', 'landscape')]) if (cukup(c.skala)) return c;
  let terbaik: Cetak = satu('A3', 'landscape');
  for (let n = 2; n <= lebar.length; n++) {
    for (const judul of kolomJudul > 0 ? [kolomJudul, 0] : [0]) {
      const h = skalaBeberapaHalaman('A3', 'landscape', n, judul, lebar, lintas);
      if (!h) continue;
      const c: Cetak = { kertas: 'A3', orientasi: 'landscape', halamanLebar: h.putus.length + 1, kolomJudul: judul, ...h };
      if (cukup(c.skala)) return c;
      if (c.skala > terbaik.skala) terbaik = c;
    }
  }
  return terbaik;
}
