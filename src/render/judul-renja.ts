/**
 * Headings of the Renja that depend on the data (Renja or Perubahan Renja, the quarter evaluated):
 * shared by the renderer and by the section list of bagian.ts (validate messages, README, drafts).
 */
import { romawi } from './handlebars-env.js';

/** Headings that differ between a Renja and a Perubahan Renja (Permendagri 86/2017). */
export function judulBagian(perubahan: boolean, triwulan: number | null) {
  const tw = triwulan === null ? null : romawi(triwulan);
  return {
    bab_2:
      perubahan && tw
        ? `HASIL EVALUASI RENCANA KERJA SAMPAI DENGAN TRIWULAN KE ${tw} TAHUN BERKENAAN`
        : 'HASIL EVALUASI RENJA PERANGKAT DAERAH TAHUN LALU',
    sub_2_1:
      perubahan && tw
        ? `EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TW. ${tw} DAN CAPAIAN RENSTRA PERANGKAT DAERAH`
        : 'EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU DAN CAPAIAN RENSTRA PERANGKAT DAERAH',
    sub_2_4: perubahan ? 'REVIEW TERHADAP RANCANGAN PERUBAHAN RKPD' : 'REVIEW TERHADAP RANCANGAN AWAL RKPD',
  };
}

