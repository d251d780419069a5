/**
 * Bappeda's roll-up of agencies' E.81 evaluations (`lkjip rekap`): per agency the totals of its
 * own Tabel E.81, and the region's sums and mean. Rules:
 * - pagu = E.81 total column 7 Rp; realisasi = total column 12 Rp (up to the evaluated quarter);
 *   serapan = realisasi / pagu x 100;
 * - capaian = the E.81 "total rata-rata capaian kinerja" (column 13 K: the mean of the programs'
 *   means), predikat = its category on the agency's own scale;
 * - the region: pagu and realisasi summed, serapan from the sums (not a mean of percentages),
 *   capaian the mean of the agencies' capaian, graded on the agencies' scale when they all share
 *   one, else on the default scale.
 */
import type { BatasKategori } from '../model/types.js';
import { jumlahkan, persen } from './angka.js';
import { kategori, rataRata, SKALA_BAKU } from './capaian.js';
import type { HasilE81, Nilai } from './types.js';

export interface AgensiE81 {
  e81: HasilE81 | null;
  skala: readonly BatasKategori[];
  desimal: number;
}

export interface BarisRekap {
  pagu: Nilai;
  realisasi: Nilai;
  serapan: Nilai;
  capaian: Nilai;
  predikat: string | null;
}

export interface HasilRekap {
  baris: BarisRekap[];
  total: BarisRekap;
  /** Scale of the total's predikat. */
  skala: BatasKategori[];
  desimal: number;
}

const samaSkala = (a: readonly BatasKategori[], b: readonly BatasKategori[]): boolean =>
  a.length === b.length && a.every((x, i) => x.kategori === b[i]?.kategori && x.lebih_dari === b[i]?.lebih_dari);

export function hitungRekap(agensi: readonly AgensiE81[]): HasilRekap {
  const baris = agensi.map((a): BarisRekap => {
    const t = a.e81?.total;
    const pagu = t?.rp7 ?? null;
    const realisasi = t?.rp12 ?? null;
    return { pagu, realisasi, serapan: persen(realisasi, pagu), capaian: t?.rata_rata.k13 ?? null, predikat: t?.rata_rata.predikat ?? null };
  });
  const pertama = agensi[0];
  const bersama = pertama !== undefined && agensi.every((a) => samaSkala(a.skala, pertama.skala) && a.desimal === pertama.desimal);
  const skala = bersama ? [...pertama.skala] : [...SKALA_BAKU];
  const desimal = bersama ? pertama.desimal : 2;
  const pagu = jumlahkan(baris.map((b) => b.pagu));
  const realisasi = jumlahkan(baris.map((b) => b.realisasi));
  const capaian = rataRata(baris.map((b) => b.capaian)).rata;
  return {
    baris,
    total: { pagu, realisasi, serapan: persen(realisasi, pagu), capaian, predikat: kategori(capaian, skala, desimal) },
    skala,
    desimal,
  };
}
