/**
 * The fill-in workbook as plain values: sheets of flat rows (one row per thing, one column per
 * value), each input cell bound to the place in a data file its value lives (`Medan`). Built from
 * the data by `susun.ts`; written by `tulis.ts`; `impor` builds it again from the current data to
 * know where each cell of a returned workbook goes.
 */
import type { JenisBerkas } from '../load/kinds.js';
import type { Jalur } from './jalur.js';
import type { TipeNilai } from './skema.js';

/** A cell value: absent (undefined), empty (null), a number, a text or a yes/no. */
export type NilaiSel = number | string | boolean | null | undefined;

/** Where an input cell's value lives: a data file, a path in it, its type, and its value now. */
export interface Medan {
  /** Path of the file relative to the data folder: `2024/kinerja.yaml`, `renstra/strategis.yaml`. */
  berkas: string;
  jenis: JenisBerkas;
  jalur: Jalur;
  tipe: TipeNilai;
  /** The value in the data now; undefined when the key (or the file) does not exist. */
  nilai: NilaiSel;
}

export type PeranKolom =
  /** The row's id: locked, must not change. */
  | 'id'
  /** Describes the row (name, unit, level): locked. */
  | 'info'
  /** Values to fill: unlocked where the row has such a value, locked (grey) elsewhere. */
  | 'isian'
  /** A read-only formula for comfort (capaian, kategori): never read back. */
  | 'rumus';

export interface KolomIsian {
  /** Stable key of the column (`realisasi`, `tw2`); the header text may change between versions. */
  kunci: string;
  /** Header text in row 1, unique in the sheet. */
  judul: string;
  /** Width in characters. */
  lebar: number;
  peran: PeranKolom;
  /** Excel number format of the column's numbers. */
  format?: string;
  /** What to write in it (Petunjuk sheet). */
  keterangan?: string;
}

export interface RumusSel {
  /** The formula without "="; `ref(kunci)` gives the address of the same row's cell of a column. */
  f: (ref: (kunci: string) => string) => string;
  /** The calculator's value, cached in the file so it opens with the right number. */
  hasil: number | string | null;
}

export interface SelIsian {
  /** Shown value (id, info); for an input cell its current value comes from `medan`. */
  nilai?: NilaiSel;
  medan?: Medan;
  rumus?: RumusSel;
  /** Number format of this cell when it differs from the column's. */
  format?: string;
}

export interface BarisIsian {
  id: string;
  sel: Record<string, SelIsian>;
  /** Indentation of the name (program 0, kegiatan 1, sub kegiatan 2). */
  indent?: number;
  tebal?: boolean;
}

export interface LembarIsian {
  /** Sheet name (at most 31 characters). */
  nama: string;
  /** Excel table name: letters, digits, underscores, and never like a cell reference (`TC30` is one), hence the `tbl` prefix. */
  tabel: string;
  /** One line for the Petunjuk sheet: what this sheet holds and where it goes. */
  ringkas: string;
  kolom: KolomIsian[];
  baris: BarisIsian[];
}

export interface BukuIsian {
  tahun: number;
  opd: string;
  lembar: LembarIsian[];
}

/** Display of a cell value for people (summaries, messages): Indonesian numbers, "(kosong)". */
export function tampilkanSel(v: NilaiSel): string {
  if (v === undefined || v === null || v === '') return '(kosong)';
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (typeof v === 'number') {
    const [utuh, pecahan] = String(Math.abs(v)).split('.');
    const ribuan = (utuh as string).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${v < 0 ? '-' : ''}${ribuan}${pecahan ? `,${pecahan}` : ''}`;
  }
  return JSON.stringify(v);
}
