import { BERKAS_TAHUN, DOKUMEN_NARASI } from '../load/kinds.js';
import type { Loaded } from '../load/load-data.js';

export interface StatusTahun {
  bisaDibangun: boolean;
  /** What is missing, as file names relative to the year folder: `lra.yaml`, `narasi/renja/*.md`. */
  kurang: string[];
}

/**
 * Whether a year can be built into documents: it needs every year file (pk, kinerja, program, lra,
 * renja, konteks, lkjip; parsed without syntax errors) and narrative Markdown for each document.
 * A year that lacks some is still useful as history for the year-over-year tables.
 */
export function statusTahun(loaded: Loaded, tahun: number): StatusTahun {
  const kurang: string[] = [];
  for (const [nama, jenis] of Object.entries(BERKAS_TAHUN)) {
    const ada = [...loaded.files.values()].some((f) => f.tahun === tahun && f.jenis === jenis && f.ok);
    if (!ada) kurang.push(`${nama}.yaml`);
  }
  const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
  for (const dok of DOKUMEN_NARASI) {
    if (Object.keys(narasi[dok] ?? {}).length === 0) kurang.push(`narasi/${dok}/*.md`);
  }
  return { bisaDibangun: kurang.length === 0, kurang };
}
