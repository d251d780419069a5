/**
 * The workbook's memory of itself: what every sheet held when `lkjip isian` wrote it (rows, ids,
 * locked texts, input values), kept in a hidden sheet. `impor` compares the returned workbook with
 * it, not with today's data, so that
 * - a cell the officer did not touch is never written back, even if the YAML changed meanwhile
 *   (somebody else's edit is not overwritten by a stale copy);
 * - a cell changed both in the workbook and in the YAML is a conflict, reported, not guessed;
 * - a deleted row or an edited id is recognised by position.
 */
import type { BukuIsian, NilaiSel } from './model.js';

export const NAMA_LEMBAR_JEJAK = 'lkjip';
export const FORMAT_JEJAK = 'lkjip-isian';
export const VERSI_JEJAK = 1;
/** Excel keeps at most 32767 characters in a cell: the JSON is cut into pieces under that. */
export const POTONGAN_JEJAK = 30000;

export interface JejakLembar {
  nama: string;
  kolom: { kunci: string; judul: string; peran: string }[];
  baris: {
    id: string;
    /** Value per column (same order as `kolom`); null for empty and for formulas. */
    v: (string | number | boolean | null)[];
    /** Indexes of the columns whose cell in this row is an input. */
    isian: number[];
  }[];
}

export interface Jejak {
  format: typeof FORMAT_JEJAK;
  versi: number;
  tahun: number;
  opd: string;
  lembar: JejakLembar[];
}

const polos = (v: NilaiSel): string | number | boolean | null => (v === undefined ? null : v);

export function buatJejak(buku: BukuIsian): Jejak {
  return {
    format: FORMAT_JEJAK,
    versi: VERSI_JEJAK,
    tahun: buku.tahun,
    opd: buku.opd,
    lembar: buku.lembar.map((l) => ({
      nama: l.nama,
      kolom: l.kolom.map((k) => ({ kunci: k.kunci, judul: k.judul, peran: k.peran })),
      baris: l.baris.map((b) => {
        const isian: number[] = [];
        const v = l.kolom.map((k, i) => {
          const s = b.sel[k.kunci];
          if (s?.medan) isian.push(i);
          if (!s || k.peran === 'rumus') return null;
          return polos(s.medan ? s.medan.nilai : s.nilai);
        });
        return { id: b.id, v, isian };
      }),
    })),
  };
}

/** The JSON text cut into cell-sized pieces. */
export function potongJejak(j: Jejak): string[] {
  const teks = JSON.stringify(j);
  const out: string[] = [];
  for (let i = 0; i < teks.length; i += POTONGAN_JEJAK) out.push(teks.slice(i, i + POTONGAN_JEJAK));
  return out;
}

/** The memory read back from its pieces; undefined when it is missing or not ours. */
export function bacaJejak(potongan: readonly string[]): Jejak | undefined {
  try {
    const j = JSON.parse(potongan.join('')) as Partial<Jejak>;
    if (j.format !== FORMAT_JEJAK || typeof j.tahun !== 'number' || !Array.isArray(j.lembar)) return undefined;
    return j as Jejak;
  } catch {
    return undefined;
  }
}
