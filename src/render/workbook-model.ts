/**
 * The workbook model: what a sheet of an Excel annex holds (cells, merges, header block, print
 * setup), as plain values. The LKJIP and Renja builders (workbook-lkjip.ts, workbook-renja.ts) make
 * these from the calculator's results; only src/export/xlsx.ts turns them into an .xlsx with
 * exceljs. A derived cell carries a live formula *and* the calculator's value as its cached result,
 * so the file opens with the same numbers as the PDF and still recalculates when someone edits it.
 *
 * Number formats hold digits only: `#,##0` or `#,##0.00` (FORMAT, formatNilai), never literal
 * text, not even "%". A unit is a SATUAN column or the header ("ANGGARAN (Rp)", "CAPAIAN (%)"),
 * a grade a PREDIKAT column (workbook-predikat.ts), so every value cell is a plain number that
 * sums, sorts and filters. When a sheet is finished its column widths, row heights and page setup
 * are computed from its cells (workbook-cetak.ts).
 */
import type { BatasKategori } from '../model/types.js';
import {
  hitungLebar,
  hitungTinggi,
  lebarCetak,
  lebarkan,
  pilihCetak,
  PT_PER_LEBAR,
  teksTampil,
  UKURAN,
  type Cetak,
  type SelTata,
} from './workbook-cetak.js';
import { kunci } from './workbook-alamat.js';
import { sisipKolomPredikat } from './workbook-predikat.js';

/** Number formats (Excel codes; Indonesian Excel shows 10.560.086.840 and 89,60). */
export const FORMAT = {
  rupiah: '#,##0',
  desimal: '#,##0.00',
  bulat: '#,##0',
} as const;

export type Rata = 'kiri' | 'tengah' | 'kanan';

export interface Sel {
  /** A base value (text or number); null/undefined leaves the cell empty. */
  v?: string | number | null;
  /** A formula without the leading "="; `hasil` is then its cached result. */
  f?: string;
  /** The calculator's value for a formula cell; null is cached as "" (what the formula gives too). */
  hasil?: number | string | null;
  /** Excel number format code. */
  fmt?: string;
  tebal?: boolean;
  miring?: boolean;
  /** Indent level (cell alignment indent), for the program > kegiatan > sub kegiatan hierarchy. */
  indent?: number;
  rata?: Rata;
  /** Wrap long text (default true inside the table). */
  bungkus?: boolean;
  /**
   * A value graded on its indicator's own scale (SAKIP 81,30 -> "A"): its grade is written in a
   * PREDIKAT column inserted right after this one, as a formula on the value (`hasil` is the
   * calculator's grade).
   */
  predikat?: { skala: readonly BatasKategori[]; desimal: number; hasil: string | null };
}

export interface Gabung {
  /** 1-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A sheet as its builder wrote it, before its print layout is computed. */
export interface LembarIsi {
  /** Sheet name: at most 31 characters, none of []:*?/\ and no apostrophe. */
  nama: string;
  /** Column widths (units of workbook-cetak.ts) as designed: the most a column of prose may take. */
  lebar: number[];
  /** cells by "r,c" (1-based). */
  sel: Map<string, Sel>;
  gabung: Gabung[];
  /** Title rows (bold, centred over the table). */
  judul: number[];
  /** Header rows of the table (bordered, bold, shaded), repeated on every printed page and frozen. */
  kepala: { dari: number; sampai: number };
  /** Rows of the table body(ies), bordered. */
  badan: { dari: number; sampai: number }[];
  /** Row of the "Sumber data" line(s), if any. */
  sumber: number[];
  /** Row of the column numbers ("1", "2", ...) inside the header, 0 when none. */
  nomor: number;
  /** Leading columns that identify a row (code, name, indicator): repeated on every page across. */
  kolomKunci: number;
  /** Named cells other sheets refer to (e.g. the E.81 totals a roll-up sheet links to). */
  penanda?: Record<string, { r: number; c: number }>;
}

/** A finished sheet: its cells and its print layout. */
export interface Lembar extends LembarIsi {
  /** Column widths computed from the formatted content. */
  lebar: number[];
  /** Heights (pt) of the rows whose wrapped text needs more than one line. */
  tinggi: Map<number, number>;
  cetak: Cetak;
}

export { hurufKolom, kunci, ref } from './workbook-alamat.js';

/** Characters Excel forbids in a sheet name, and the apostrophe (breaks references). */
const TERLARANG = /[[\]:*?/\\']/g;

export function namaLembarSah(nama: string): string {
  const s = nama.replace(TERLARANG, '-').trim().slice(0, 31);
  return s === '' ? 'Lembar' : s;
}

/** A header cell as an HTML <th>: spans are placed like a browser lays out a table. */
export interface SelKepala {
  teks: string;
  kolom?: number;
  baris?: number;
}

/**
 * Builds a sheet top to bottom. Rows are numbered as they are added, so a formula can name the
 * row it is on (`berikut`) and rows written before it; a parent that sums rows written after it
 * gets its row numbers from a layout computed first (see the LRA and E.81 builders).
 */
export class PenyusunLembar {
  readonly sel = new Map<string, Sel>();
  readonly gabung: Gabung[] = [];
  private readonly judulBaris: number[] = [];
  private kepalaDari = 0;
  private kepalaSampai = 0;
  private readonly badanBlok: { dari: number; sampai: number }[] = [];
  private readonly sumberBaris: number[] = [];
  private readonly penandaSel: Record<string, { r: number; c: number }> = {};
  private nomorBaris = 0;
  private kunci = 0;
  private badanMulai: number | null = null;
  /** Next free row. */
  berikut = 1;

  constructor(
    readonly nama: string,
    readonly lebar: number[],
  ) {}

  get jumlahKolom(): number {
    return this.lebar.length;
  }

  isi(r: number, c: number, s: Sel): void {
    this.sel.set(kunci(r, c), s);
  }

  gabungkan(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.gabung.push({ r1, c1, r2, c2 });
  }

  /**
   * The `n` leading columns identify a row (code, name, indicator): a sheet printed on several
   * pages across repeats them on each page.
   */
  ulangKolom(n: number): void {
    this.kunci = n;
  }

  /** A title line merged over every column. */
  judul(teks: string): number {
    const r = this.berikut++;
    this.isi(r, 1, { v: teks, tebal: true, rata: 'tengah', bungkus: true });
    this.gabungkan(r, 1, r, this.jumlahKolom);
    this.judulBaris.push(r);
    return r;
  }

  kosong(): void {
    this.berikut++;
  }

  /**
   * Header rows given like HTML <tr>s of <th colspan rowspan>: cells are placed in the next free
   * column of their row, skipping places taken by a rowspan from above.
   */
  kepala(baris: SelKepala[][]): void {
    const mulai = this.berikut;
    const terisi = new Set<string>();
    baris.forEach((cells, i) => {
      const r = mulai + i;
      let c = 1;
      for (const h of cells) {
        while (terisi.has(kunci(r, c))) c++;
        const kol = h.kolom ?? 1;
        const bar = h.baris ?? 1;
        for (let dr = 0; dr < bar; dr++) for (let dc = 0; dc < kol; dc++) terisi.add(kunci(r + dr, c + dc));
        this.isi(r, c, { v: h.teks, tebal: true, rata: 'tengah' });
        this.gabungkan(r, c, r + bar - 1, c + kol - 1);
        c += kol;
      }
    });
    if (this.kepalaDari === 0) this.kepalaDari = mulai;
    this.berikut = mulai + baris.length;
    this.kepalaSampai = this.berikut - 1;
  }

  /** The row of column numbers ("1", "2", ..., "12 = 8+9+10+11"), part of the header. */
  nomorKolom(label: (string | number)[]): void {
    const r = this.berikut++;
    label.forEach((l, i) => this.isi(r, i + 1, { v: String(l), rata: 'tengah', miring: true }));
    this.kepalaSampai = r;
    this.nomorBaris = r;
  }

  /** One body row; `null` leaves a cell empty (but bordered). Returns its row number. */
  baris(cells: (Sel | null | undefined)[]): number {
    const r = this.berikut++;
    if (this.badanMulai === null) this.badanMulai = r;
    cells.forEach((s, i) => {
      if (s) this.isi(r, i + 1, s);
    });
    return r;
  }

  /** Closes the current bordered block (another table or a Sumber line follows). */
  tutupBadan(): void {
    if (this.badanMulai !== null && this.berikut > this.badanMulai) {
      this.badanBlok.push({ dari: this.badanMulai, sampai: this.berikut - 1 });
    }
    this.badanMulai = null;
  }

  /** A second header inside the same sheet (e.g. the PK budget table under the indicator table). */
  kepalaTambahan(baris: SelKepala[][]): void {
    this.tutupBadan();
    const dari = this.berikut;
    const simpanDari = this.kepalaDari;
    const simpanSampai = this.kepalaSampai;
    this.kepala(baris);
    // Only the first header is frozen/repeated; this one is just bordered and bold.
    this.kepalaDari = simpanDari;
    this.kepalaSampai = simpanSampai;
    this.badanBlok.push({ dari, sampai: this.berikut - 1 });
  }

  /** "Sumber data : ..." under the table (numbered when there are several). */
  sumber(baris: readonly string[]): void {
    this.tutupBadan();
    if (baris.length === 0) return;
    this.kosong();
    const teks = baris.length === 1 ? [`Sumber data : ${baris[0]}`] : ['Sumber data :', ...baris.map((s, i) => `${i + 1}. ${s}`)];
    for (const t of teks) {
      const r = this.berikut++;
      this.isi(r, 1, { v: t, miring: true, bungkus: true });
      this.gabungkan(r, 1, r, this.jumlahKolom);
      this.sumberBaris.push(r);
    }
  }

  /** A free text line under the table (a footnote), wrapped over the width of the table. */
  catatan(teks: string): void {
    this.tutupBadan();
    const r = this.berikut++;
    this.isi(r, 1, { v: teks, miring: true, bungkus: true });
    this.gabungkan(r, 1, r, this.jumlahKolom);
  }

  /** The sheet with its PREDIKAT columns inserted and its print layout computed. */
  /** Names a cell other sheets refer to (kept right when columns are inserted, see `penanda`). */
  tandai(nama: string, r: number, c: number): void {
    this.penandaSel[nama] = { r, c };
  }

  selesai(): Lembar {
    this.tutupBadan();
    const isi = sisipKolomPredikat({
      nama: namaLembarSah(this.nama),
      lebar: [...this.lebar],
      sel: this.sel,
      gabung: this.gabung,
      judul: this.judulBaris,
      kepala: { dari: this.kepalaDari, sampai: this.kepalaSampai },
      badan: this.badanBlok,
      sumber: this.sumberBaris,
      nomor: this.nomorBaris,
      kolomKunci: this.kunci,
      ...(Object.keys(this.penandaSel).length > 0 ? { penanda: { ...this.penandaSel } } : {}),
    });
    return aturCetak(isi);
  }
}

/** Whether row `r` is inside the table (header or a bordered body block). */
export function dalamTabel(l: LembarIsi, r: number): boolean {
  const { dari, sampai } = l.kepala;
  return (dari > 0 && r >= dari && r <= sampai) || l.badan.some((b) => r >= b.dari && r <= b.sampai);
}

/** Whether row `r` is a header row. */
export function barisKepala(l: LembarIsi, r: number): boolean {
  return l.kepala.dari > 0 && r >= l.kepala.dari && r <= l.kepala.sampai;
}

/** Font size of a cell in row `r` (titles are larger). */
export function ukuranHuruf(l: LembarIsi, r: number): number {
  return l.judul.includes(r) ? UKURAN.judul : UKURAN.isi;
}

/** Every cell as the layout sees it: displayed text, font, wrapping, merge. */
export function selTata(l: LembarIsi): SelTata[] {
  const gabung = new Map<string, Gabung>();
  for (const g of l.gabung) gabung.set(kunci(g.r1, g.c1), g);
  const judul = new Set(l.judul);
  const out: SelTata[] = [];
  for (const [k, s] of l.sel) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    const nilai = s.f !== undefined ? s.hasil : s.v;
    const g = gabung.get(k);
    const kepala = barisKepala(l, r);
    out.push({
      r,
      c,
      c2: g?.c2 ?? c,
      r2: g?.r2 ?? r,
      teks: teksTampil(nilai, s.fmt),
      angka: typeof nilai === 'number',
      tebal: s.tebal === true || kepala || judul.has(r),
      ukuran: ukuranHuruf(l, r),
      indent: s.indent ?? 0,
      bungkus: s.bungkus ?? dalamTabel(l, r),
      kepala,
    });
  }
  return out;
}

/**
 * For each boundary between columns (index b: before the 0-based column b), how many header
 * cells span across it: a sheet printed on several pages across is cut where this is lowest.
 */
export function lintasKepala(l: LembarIsi): number[] {
  const lintas = Array.from({ length: l.lebar.length }, () => 0);
  for (const g of l.gabung) {
    if (!barisKepala(l, g.r1)) continue;
    for (let c = g.c1 + 1; c <= g.c2; c++) lintas[c - 1] = (lintas[c - 1] ?? 0) + 1;
  }
  return lintas;
}

/**
 * A sheet split into pages across keeps its title and "Sumber data" lines on the first page:
 * merged over the whole table they would be centred across both pages and cut at the break.
 */
function lineKeHalamanPertama(l: LembarIsi, cetak: Cetak): LembarIsi {
  const akhir = cetak.putus[0];
  if (akhir === undefined) return l;
  const n = l.lebar.length;
  const gabung = l.gabung.map((g) => (g.c1 === 1 && g.c2 === n && g.r1 === g.r2 && !dalamTabel(l, g.r1) ? { ...g, c2: akhir } : g));
  return { ...l, gabung };
}

/** Column widths, row heights and page setup of a sheet, from its cells. */
export function aturCetak(isi: LembarIsi): Lembar {
  const sel = selTata(isi);
  const ringkas = hitungLebar(isi.lebar, sel);
  const ukuranMin = Math.min(UKURAN.kaki, ...sel.map((s) => s.ukuran));
  const cetak = pilihCetak(ringkas, isi.kolomKunci, ukuranMin, lintasKepala(isi));
  const lebar =
    cetak.halamanLebar === 1 && cetak.skala >= 1 ? lebarkan(ringkas, isi.lebar, lebarCetak(cetak.kertas, cetak.orientasi) / PT_PER_LEBAR) : ringkas;
  const l = lineKeHalamanPertama(isi, cetak);
  return { ...l, lebar, tinggi: hitungTinggi(lebar, selTata(l)), cetak };
}
