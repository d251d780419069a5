/**
 * What every LKJIP/Renja template and narrative reference sees: the data set, the year's data, and
 * the calculator's results for the year and the years before it (for the 3-year comparisons).
 * Built once per document by `buatKonteksDokumen`; templates only read it.
 */
import type { DataSet, DataTahun, Opd } from '../model/types.js';
import type { HasilTahun } from '../calc/types.js';
import { hitungTahun } from '../calc/index.js';
import type { GambarTerbaca } from '../load/gambar.js';

export interface KonteksDokumen {
  tahun: number;
  opd: Opd;
  data: DataSet;
  /** The report year's files (pk, kinerja, lra, ...). */
  d: DataTahun;
  /** Calculator results of the report year. */
  h: HasilTahun;
  /** Calculator results of the years before the report year that exist in the data (N-1, N-2, ...). */
  riwayat: Map<number, HasilTahun>;
  /** How diagnostics name a narrative file: `data/2024/narasi/lkjip/bab-1.md` (set by the CLI). */
  berkasNarasi: (dokumen: string, berkas: string) => string;
  /** How diagnostics name a file of the year folder: `data/2024/program.yaml`. */
  berkasTahun: (nama: string) => string;
  /** The checked pictures of the year (lambang, narrative images) by data-folder path, read by the CLI. */
  gambar: ReadonlyMap<string, GambarTerbaca>;
}

/**
 * The results of the years before the report year, each computed the first time a table or a
 * reference asks for it (`lkjip validate` needs few of them; a build asks for the three of the
 * comparison tables). Readers only call `get`.
 */
class RiwayatMalas extends Map<number, HasilTahun> {
  constructor(
    private readonly data: DataSet,
    private readonly tahunLaporan: number,
  ) {
    super();
  }

  override get(t: number): HasilTahun | undefined {
    if (!super.has(t) && t < this.tahunLaporan && this.data.tahun.has(t)) super.set(t, hitungTahun(this.data, t));
    return super.get(t);
  }

  override has(t: number): boolean {
    return this.get(t) !== undefined;
  }
}

export function buatKonteksDokumen(
  data: DataSet,
  tahun: number,
  hasil?: HasilTahun,
  folderData?: string,
  gambar: ReadonlyMap<string, GambarTerbaca> = new Map(),
): KonteksDokumen {
  const d = data.tahun.get(tahun);
  if (!d) throw new Error(`tahun ${tahun} tidak ada di data`);
  const riwayat = new RiwayatMalas(data, tahun);
  const berkasNarasi = (dokumen: string, berkas: string): string =>
    `${folderData ? `${folderData}/${tahun}/` : ''}narasi/${dokumen}/${berkas}.md`;
  const berkasTahun = (nama: string): string => `${folderData ? `${folderData}/` : ''}${tahun}/${nama}`;
  return { tahun, opd: data.opd, data, d, h: hasil ?? hitungTahun(data, tahun), riwayat, berkasNarasi, berkasTahun, gambar };
}
