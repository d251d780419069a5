import { BERKAS_TAHUN, DOKUMEN_NARASI } from '../load/kinds.js';
import type { Loaded } from '../load/load-data.js';

export interface StatusTahun {
  bisaDibangun: boolean;
  /** What is missing, as file names relative to the year folder: `lra.yaml`, `narasi/renja/*.md`. */
  kurang: string[];
  /** Year files that are there but cannot be read (syntax errors, reported as such): not "missing". */
  tidakSah: string[];
}

/**
 * Whether a year can be built into documents: it needs every year file (pk, kinerja, program, lra,
 * renja, konteks, lkjip; parsed without syntax errors) and narrative Markdown for each document.
 * A year that lacks some is still useful as history for the year-over-year tables.
 */
export function statusTahun(loaded: Loaded, tahun: number): StatusTahun {
  const kurang: string[] = [];
  const tidakSah: string[] = [];
  for (const [nama, jenis] of Object.entries(BERKAS_TAHUN)) {
    const berkas = [...loaded.files.values()].filter((f) => f.tahun === tahun && f.jenis === jenis);
    if (berkas.some((f) => f.ok)) continue;
    // A file that exists but does not parse has its own errors (LKJ101...): calling it missing misleads.
    (berkas.length > 0 ? tidakSah : kurang).push(`${nama}.yaml`);
  }
  const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
  for (const dok of DOKUMEN_NARASI) {
    if (Object.keys(narasi[dok] ?? {}).length === 0) kurang.push(`narasi/${dok}/*.md`);
  }
  return { bisaDibangun: kurang.length === 0 && tidakSah.length === 0, kurang, tidakSah };
}

/**
 * Year-file kinds a history year may hold: a later year's documents read them (targets and
 * realisations of earlier years, the 3-year tables, rupiah realised up to last year). The others,
 * `renja.yaml`, `lkjip.yaml` and narrative, only serve the documents of their own year.
 */
export const JENIS_RIWAYAT: readonly string[] = ['pk', 'kinerja', 'konteks', 'program-tahun', 'lra'];

export type JenisTahun = 'lengkap' | 'riwayat' | 'rusak';

export interface KelasTahun {
  /**
   * - `lengkap`: every year file and narrative for each document is there and parses: it builds.
   * - `riwayat` (history): only history files (pk, kinerja, konteks, program, lra; any of them,
   *   even none), all read and parsed. It is data for later years, not a document of its own:
   *   `build --all` skips it.
   * - `rusak` (broken): a file of the year cannot be read or parsed (syntax error, not UTF-8, a
   *   symlink out of the data folder, unreadable), or the year has started being a document year
   *   (it has renja.yaml, lkjip.yaml or narrative) but lacks something a document needs.
   *   `build --all` fails on it, naming the year and what is wrong.
   */
  jenis: JenisTahun;
  /** What is missing for a build (as in statusTahun). */
  kurang: string[];
  /** Document files or narrative found, which make an incomplete year broken rather than history. */
  dokumen: string[];
  /** Whether a file of the year could not be read or parsed. */
  gagalBaca: boolean;
}

export function kelasTahun(loaded: Loaded, tahun: number): KelasTahun {
  const st = statusTahun(loaded, tahun);
  const { bisaDibangun } = st;
  const kurang = [...st.kurang, ...st.tidakSah];
  const ada = loaded.ditemukan.get(tahun) ?? new Set<string>();
  const dokumen = [...ada].filter((j) => !JENIS_RIWAYAT.includes(j)).map((j) => (j.startsWith('narasi/') ? `${j}/*.md` : `${jenisKeNama(j)}.yaml`));
  const gagalBaca =
    [...loaded.files.values()].some((f) => f.tahun === tahun && !f.ok) ||
    loaded.diagnostics.some((d) => d.severity === 'error' && loaded.tahunDiagnostik.get(d) === tahun);
  const jenis: JenisTahun = gagalBaca ? 'rusak' : bisaDibangun ? 'lengkap' : dokumen.length > 0 ? 'rusak' : 'riwayat';
  return { jenis, kurang, dokumen: dokumen.sort(), gagalBaca };
}

function jenisKeNama(jenis: string): string {
  return Object.entries(BERKAS_TAHUN).find(([, j]) => j === jenis)?.[0] ?? jenis;
}
