/**
 * Derived figures of the context tables (Bab I): the rows of the agency's context table (Tabel 1.1,
 * `kondisi` in konteks.yaml) that are sums or percentages of other rows, and the totals of the
 * PNS-per-golongan and sarana/prasarana tables. Which rows exist, what they mean and how they
 * combine is the agency's data; this module only evaluates it.
 */
import type { BarisKondisi } from '../model/types.js';
import { jumlahkan, kurangi, persen } from './angka.js';
import type { Nilai } from './types.js';

/** How a row gets its value. */
export type JenisBarisKondisi = 'nilai' | 'jumlah' | 'persen' | 'indikator' | 'label';

export function jenisBarisKondisi(b: BarisKondisi): JenisBarisKondisi {
  if (b.jumlah !== undefined) return 'jumlah';
  if (b.persen !== undefined) return 'persen';
  if (b.indikator !== undefined) return 'indikator';
  if (b.nilai !== undefined) return 'nilai';
  return 'label';
}

/**
 * Values of the context rows of one year, by row index. `dasar(b)` gives a base row's value in that
 * year (from that year's konteks.yaml), `realisasi(id)` an indicator's realisation in that year.
 * Sums and percentages are evaluated from the other rows' values of the same year; a reference to
 * an unknown row or a cycle gives null (the validator reports both).
 */
export function hitungKondisi(
  baris: readonly BarisKondisi[],
  dasar: (b: BarisKondisi) => Nilai,
  realisasi: (indikator: string) => Nilai,
): Nilai[] {
  const perId = new Map<string, number>();
  baris.forEach((b, i) => {
    if (b.id !== undefined && !perId.has(b.id)) perId.set(b.id, i);
  });
  const hasil = new Map<number, Nilai>();
  const sedang = new Set<number>();
  const nilai = (i: number): Nilai => {
    if (hasil.has(i)) return hasil.get(i) ?? null;
    if (sedang.has(i)) return null;
    sedang.add(i);
    const b = baris[i] as BarisKondisi;
    const ref = (id: string): Nilai => {
      const j = perId.get(id);
      return j === undefined ? null : nilai(j);
    };
    let v: Nilai;
    switch (jenisBarisKondisi(b)) {
      case 'jumlah': {
        // A sum of rows of which one is missing is not the total: "-", never a partial sum.
        const bagian = (b.jumlah ?? []).map(ref);
        v = bagian.length > 0 && bagian.every((x) => x !== null) ? jumlahkan(bagian) : null;
        break;
      }
      case 'persen':
        v = persen(ref(b.persen?.[0] ?? ''), ref(b.persen?.[1] ?? ''));
        break;
      case 'indikator':
        v = realisasi(b.indikator ?? '');
        break;
      case 'nilai':
        v = dasar(b);
        break;
      default:
        v = null;
    }
    sedang.delete(i);
    hasil.set(i, v);
    return v;
  };
  return baris.map((_, i) => nilai(i));
}

/** Change between two years: in units and in percent of the earlier value. */
export function perubahan(sekarang: Nilai, lalu: Nilai): { selisih: Nilai; persen: Nilai } {
  const selisih = kurangi(sekarang, lalu);
  return { selisih, persen: persen(selisih, lalu) };
}

/** Row total ("JUMLAH") of a table of counts or Rupiah; null when no cell has a value. */
export function jumlahBaris(nilai: readonly (Nilai | undefined)[]): Nilai {
  return jumlahkan(nilai);
}
