/**
 * The narrative sections of the quarterly Renja evaluation (`lkjip build <tahun> --triwulan n`):
 * data/<tahun>/narasi/evaluasi/tw<n>-<berkas>.md. Kept apart from the renderer so `validate` can
 * check file names without loading it.
 */
export const BAGIAN_EVALUASI: readonly { berkas: string; judul: string }[] = [
  { berkas: 'pendahuluan', judul: 'Pendahuluan (bawaan: teks baku dengan angka Tabel E.81)' },
  { berkas: 'hasil', judul: 'Uraian hasil evaluasi di Bab II, sekitar Tabel E.81' },
  { berkas: 'faktor-pendorong', judul: 'Faktor pendorong keberhasilan pencapaian' },
  { berkas: 'faktor-penghambat', judul: 'Faktor penghambat pencapaian kinerja' },
  { berkas: 'tindak-lanjut-triwulan', judul: 'Tindak lanjut yang diperlukan dalam triwulan berikutnya' },
  { berkas: 'tindak-lanjut-renja', judul: 'Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya' },
];

/** Name of the narrative file of a section for quarter n (without .md). */
export const berkasEvaluasi = (n: number, bagian: string): string => `tw${n}-${bagian}`;

/** Every file name the evaluation reads, for the four quarters. */
export const semuaBerkasEvaluasi = (): string[] => [1, 2, 3, 4].flatMap((n) => BAGIAN_EVALUASI.map((b) => berkasEvaluasi(n, b.berkas)));
