/** Lookups into a year's calculator results that fail loudly, shared by the data-set tests. */
import type { BarisE81, BarisKinerja, BarisLraHasil, BarisTc29, HasilSasaran, HasilTahun, KolomE81K } from '../../src/calc/types.js';

export function cariHasil(hasil: () => HasilTahun) {
  const ada = <T>(v: T | undefined, apa: string): T => {
    if (v === undefined) throw new Error(`${apa} tidak ada di hasil`);
    return v;
  };
  const e81 = (kode: string): BarisE81 =>
    ada(hasil().renja.e81?.program.flatMap((p) => p.baris).find((x) => x.kode === kode), `baris E.81 ${kode}`);
  return {
    kinerja: (id: string): BarisKinerja => {
      const k = hasil().kinerja;
      return ada([...k.tujuan, ...k.iku, ...k.lainnya, ...k.program].find((x) => x.id === id), `indikator ${id}`);
    },
    sasaran: (id: string): HasilSasaran => ada(hasil().sasaran.find((x) => x.id === id), `sasaran ${id}`),
    lra: (kode: string): BarisLraHasil => {
      const l = hasil().anggaran.lra;
      return ada(kode === '' ? l?.total : l?.baris.find((x) => x.kode === kode), `baris LRA ${kode}`);
    },
    e81,
    e81K: (kode: string, id: string): KolomE81K => ada(e81(kode).indikator.find((x) => x.indikator === id), `indikator ${id} di baris E.81 ${kode}`),
    tc29: (id: string): BarisTc29 => ada(hasil().renja.tc29?.find((x) => x.indikator === id), `baris TC-29 ${id}`),
  };
}
