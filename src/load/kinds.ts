/**
 * The file kinds of a data folder, where each lives and which schema checks it.
 * Kind names are the schema file names without `.schema.json`.
 */

export type JenisBerkas =
  | 'opd'
  | 'strategis'
  | 'renstra-program'
  | 'pk'
  | 'kinerja'
  | 'program-tahun'
  | 'lra'
  | 'renja'
  | 'konteks'
  | 'lkjip';

/** Files directly under the data folder and under `renstra/`, all required. */
export const BERKAS_DASAR: readonly { path: string; jenis: JenisBerkas; isi: string }[] = [
  { path: 'opd.yaml', jenis: 'opd', isi: 'identitas perangkat daerah, penandatangan dan pengaturan' },
  { path: 'renstra/strategis.yaml', jenis: 'strategis', isi: 'periode Renstra, visi, misi, tujuan, sasaran dan indikatornya' },
  { path: 'renstra/program.yaml', jenis: 'renstra-program', isi: 'pohon program, kegiatan, sub kegiatan dan indikatornya' },
];

/** Files of a year folder, by file name without extension. */
export const BERKAS_TAHUN: Readonly<Record<string, JenisBerkas>> = {
  pk: 'pk',
  kinerja: 'kinerja',
  program: 'program-tahun',
  lra: 'lra',
  renja: 'renja',
  konteks: 'konteks',
  lkjip: 'lkjip',
};

/** Narrative documents a buildable year needs: data/<tahun>/narasi/<dokumen>/*.md */
export const DOKUMEN_NARASI = ['lkjip', 'renja'] as const;

/** Every narrative folder read: the documents' and the optional quarterly evaluations' (`evaluasi`). */
export const FOLDER_NARASI = [...DOKUMEN_NARASI, 'evaluasi'] as const;

export function namaSkema(jenis: JenisBerkas): string {
  return `${jenis}.schema.json`;
}

export const POLA_FOLDER_TAHUN = /^\d{4}$/;
