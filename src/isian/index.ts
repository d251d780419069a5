/**
 * `lkjip isian`: the fill-in workbook of a year, for planning officers who keep their figures in
 * Excel. See susun.ts (what is in it), tulis.ts (how it is written) and src/impor/ (the way back).
 */
import type { Loaded } from '../load/load-data.js';
import { susunBukuIsian } from './susun.js';
import { tulisBukuIsian } from './tulis.js';
import type { BukuIsian } from './model.js';

export { susunBukuIsian, pohonProgram } from './susun.js';
export { tulisBukuIsian, alamatSel, hurufKolom } from './tulis.js';
export type { BukuIsian, LembarIsian, KolomIsian, BarisIsian, Medan } from './model.js';

export interface RingkasIsian {
  lembar: number;
  /** Input cells. */
  isian: number;
  /** Input cells that already hold a value. */
  terisi: number;
}

export function ringkasIsian(buku: BukuIsian): RingkasIsian {
  let isian = 0;
  let terisi = 0;
  for (const l of buku.lembar) {
    for (const b of l.baris) {
      for (const s of Object.values(b.sel)) {
        if (!s.medan) continue;
        isian++;
        if (s.medan.nilai !== undefined && s.medan.nilai !== null) terisi++;
      }
    }
  }
  return { lembar: buku.lembar.length, isian, terisi };
}

/** The workbook model and its bytes. */
export async function buatBukuIsian(loaded: Loaded, tahun: number, tanggal: Date): Promise<{ buku: BukuIsian; xlsx: Uint8Array }> {
  const buku = susunBukuIsian(loaded, tahun);
  return { buku, xlsx: await tulisBukuIsian(buku, { tanggal }) };
}
