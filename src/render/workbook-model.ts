/**
 * The workbook model: what a sheet of an Excel annex holds (cells, merges, header block, print
 * setup), as plain values. The LKJIP and Renja builders (workbook-lkjip.ts, workbook-renja.ts) make
 * these from the calculator's results; only src/export/xlsx.ts turns them into an .xlsx with
 * exceljs. A derived cell carries a live formula *and* the calculator's value as its cached result,
 * so the file opens with the same numbers as the PDF and still recalculates when someone edits it.
 */

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
}

export interface Gabung {
  /** 1-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Lembar {
  /** Sheet name: at most 31 characters, none of []:*?/\ and no apostrophe. */
  nama: string;
  /** Column widths in characters. */
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
}

export function kunci(r: number, c: number): string {
  return `${r},${c}`;
}

/** 1 -> "A", 27 -> "AA". */
export function hurufKolom(c: number): string {
  let s = '';
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function ref(r: number, c: number): string {
  return `${hurufKolom(c)}${r}`;
}

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

  /** A title line merged over every column. */
  judul(teks: string): number {
    const r = this.berikut++;
    this.isi(r, 1, { v: teks, tebal: true, rata: 'tengah', bungkus: false });
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
      this.isi(r, 1, { v: t, miring: true, bungkus: false });
      this.sumberBaris.push(r);
    }
  }

  /** A free text line under the table (a footnote). */
  catatan(teks: string): void {
    this.tutupBadan();
    const r = this.berikut++;
    this.isi(r, 1, { v: teks, miring: true, bungkus: false });
  }

  selesai(): Lembar {
    this.tutupBadan();
    return {
      nama: namaLembarSah(this.nama),
      lebar: [...this.lebar],
      sel: this.sel,
      gabung: this.gabung,
      judul: this.judulBaris,
      kepala: { dari: this.kepalaDari, sampai: this.kepalaSampai },
      badan: this.badanBlok,
      sumber: this.sumberBaris,
    };
  }
}
