/**
 * Column widths of the wide forms, and their split into parts when one A4 landscape page cannot
 * hold every column at the forms' type size.
 *
 * A form is a set of key columns (NO, KODE, URAIAN, ...: repeated in every part, so each part can
 * be read on its own) and groups of columns that stay together (a K/Rp pair, the four quarters).
 * Each column has a minimum width (its widest value or header word, computed from the data by
 * `ukuran-teks.ts`). Groups are packed into parts in the form's order, as many as fit beside the
 * keys; the width a part has left goes to the text columns (shorter rows) and then to all columns.
 */
import { kataTerlebar, lebarTeks, lebarTerlebar } from './ukuran-teks.js';

/**
 * Width the columns of a landscape form add up to: the 267 mm text width of an A4 landscape page
 * (297 mm less the 15 mm margins of `@page lebar`, templates/umum/dokumen.css) less 1 mm. Chromium
 * clips the page at its text area, and a collapsed table's outer border sticks out by half its
 * width: a table whose columns add up to the full 267 mm lost its right border.
 */
export const LEBAR_LANSKAP_MM = 266;

/** The same for an A4 portrait page: 165 mm of text width (210 mm less 25 + 20 mm margins) less 1 mm. */
export const LEBAR_TEGAK_MM = 164;

export interface Kolom {
  /** Narrowest width in mm that holds its content. */
  min: number;
  /** Share of the width left over (text columns); 0 or missing: none. */
  lentur?: number;
  /** A flexible column grows up to this width; the rest goes to every column. */
  maks?: number;
}

export interface Grup<T> {
  id: T;
  kolom: Kolom[];
}

export interface Bagian<T> {
  /** The groups of this part, in form order. */
  grup: T[];
  /** Widths in mm: the key columns, then the columns of the groups in order. */
  lebar: number[];
}

const jumlah = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Spreads `sisa` mm over the columns: text columns first (up to their maximum), then all by width. */
function bagikanSisa(kolom: readonly Kolom[], sisa: number): number[] {
  const lebar = kolom.map((k) => k.min);
  let tinggal = Math.max(0, sisa);
  // Text columns take their shares in rounds, each capped at its maximum.
  for (let putaran = 0; putaran < 4 && tinggal > 0.01; putaran++) {
    const aktif = kolom.map((k, i) => ((k.lentur ?? 0) > 0 && lebar[i]! < (k.maks ?? Infinity) ? i : -1)).filter((i) => i >= 0);
    const bobot = jumlah(aktif.map((i) => kolom[i]!.lentur ?? 0));
    if (bobot <= 0) break;
    let dipakai = 0;
    for (const i of aktif) {
      const tambah = Math.min(tinggal * ((kolom[i]!.lentur ?? 0) / bobot), (kolom[i]!.maks ?? Infinity) - lebar[i]!);
      lebar[i]! += tambah;
      dipakai += tambah;
    }
    tinggal -= dipakai;
  }
  if (tinggal > 0.01) {
    const total = jumlah(lebar);
    return lebar.map((l) => l + (tinggal * l) / total);
  }
  return lebar;
}

/**
 * Packs the groups into as few parts as fit `halaman` mm beside the keys (at least one group per
 * part) and gives every part its column widths. A single group wider than the page is a part of
 * its own and keeps its minimum widths (the layout audit reports the overflow).
 */
export function bagiKolom<T>(kunci: readonly Kolom[], grup: readonly Grup<T>[], halaman = LEBAR_LANSKAP_MM): Bagian<T>[] {
  const lebarKunci = jumlah(kunci.map((k) => k.min));
  const ruang = halaman - lebarKunci;
  const kelompok: Grup<T>[][] = [];
  let sekarang: Grup<T>[] = [];
  let terpakai = 0;
  for (const g of grup) {
    const w = jumlah(g.kolom.map((k) => k.min));
    if (sekarang.length > 0 && terpakai + w > ruang) {
      kelompok.push(sekarang);
      sekarang = [];
      terpakai = 0;
    }
    sekarang.push(g);
    terpakai += w;
  }
  if (sekarang.length > 0) kelompok.push(sekarang);
  return kelompok.map((gs) => {
    const kolom = [...kunci, ...gs.flatMap((g) => g.kolom)];
    const lebar = bagikanSisa(kolom, halaman - jumlah(kolom.map((k) => k.min)));
    return { grup: gs.map((g) => g.id), lebar: lebar.map((l) => Math.round(l * 10) / 10) };
  });
}

/** Widths of a form that always prints in one part: `bagiKolom` with every column a group of its own. */
export function lebarKolom(kolom: readonly Kolom[], halaman = LEBAR_LANSKAP_MM): number[] {
  const lebar = bagikanSisa(kolom, halaman - jumlah(kolom.map((k) => k.min)));
  return lebar.map((l) => Math.round(l * 10) / 10);
}

/** Horizontal padding and border of a cell of the wide forms, in mm (1.5 pt each side, tabel.css). */
const PAD_MM = 2;
/** Width estimates err on the wide side by this much. */
const CADANGAN = 1.04;

/** Width of a cell whose content is `mm` wide. */
export const lebarSel = (mm: number): number => mm * CADANGAN + PAD_MM;

export interface UkurKolom {
  /** Values printed on one line (numbers, amounts, codes). */
  utuh?: Iterable<string>;
  /** Texts that wrap at spaces: their longest word must fit. */
  teks?: Iterable<string>;
  /** The header text: its longest word must fit, and it takes at most `barisJudul` lines. */
  judul?: string;
  barisJudul?: number;
  /** Floor in mm. */
  min?: number;
  lentur?: number;
  maks?: number;
  /** Horizontal padding and border of the cell in mm, when not the forms' `PAD_MM`. */
  pad?: number;
}

/**
 * A column measured from what it will print at `pt` points. Bold widths throughout: program rows
 * and headers print bold, and a bold estimate is never too narrow for regular text.
 */
export function ukurKolom(u: UkurKolom, pt: number): Kolom {
  const utuh = lebarTerlebar(u.utuh ?? [], pt, true);
  const kata = kataTerlebar([...(u.teks ?? []), ...(u.judul ? [u.judul] : [])], pt, true);
  const judul = u.judul && u.barisJudul ? lebarTeks(u.judul, pt, true) / u.barisJudul : 0;
  const sel = (mm: number): number => lebarSel(mm) + (u.pad ?? PAD_MM) - PAD_MM;
  const min = Math.max(u.min ?? 0, sel(Math.max(utuh, kata)), judul > 0 ? sel(judul) : 0);
  return { min, ...(u.lentur ? { lentur: u.lentur } : {}), ...(u.maks ? { maks: u.maks } : {}) };
}

export interface PilihanTata {
  /** Type size of the table body, points. */
  pt: number;
  lanskap: boolean;
}

export type TataLetak<P extends PilihanTata = PilihanTata> = P & {
  /** Column widths in mm, adding up to the page's text width. */
  lebar: number[];
};

/**
 * The first of `pilihan` (in order of preference: portrait before landscape, larger type before
 * smaller) at which the columns, measured by `kolom(pilihan)`, fit the page's width; the last one
 * when none does (its minimum widths: the layout audit then reports the overflow).
 */
export function pilihTataLetak<P extends PilihanTata>(kolom: (p: P) => Kolom[], pilihan: readonly [P, ...P[]]): TataLetak<P> {
  for (const p of pilihan) {
    const k = kolom(p);
    const halaman = p.lanskap ? LEBAR_LANSKAP_MM : LEBAR_TEGAK_MM;
    if (jumlah(k.map((x) => x.min)) <= halaman) return { ...p, lebar: lebarKolom(k, halaman) };
  }
  const akhir = pilihan[pilihan.length - 1] as P;
  return { ...akhir, lebar: kolom(akhir).map((k) => Math.round(k.min * 10) / 10) };
}

/** A layout choice for a table whose values may print whole (one line) or with the unit wrapped. */
export interface PilihanUtuh extends PilihanTata {
  /** Every value on one line with its unit; otherwise the unit may go under its number. */
  utuh: boolean;
}

/**
 * The layouts tried for a table of values, for each page orientation in turn: one-line values at
 * 9 and 8 pt, then wrapped units at 9 and 8 pt, then 7 pt (the floor of every printed text).
 */
export function urutanTata(orientasi: readonly boolean[]): [PilihanUtuh, ...PilihanUtuh[]] {
  const urutan: [number, boolean][] = [[9, true], [8, true], [9, false], [8, false], [7, true], [7, false]];
  return orientasi.flatMap((lanskap) => urutan.map(([pt, utuh]) => ({ pt, lanskap, utuh }))) as [PilihanUtuh, ...PilihanUtuh[]];
}
