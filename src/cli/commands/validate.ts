import path from 'node:path';
import { loadData, tampilanPath, type Loaded } from '../../load/index.js';
import { validate, statusTahun } from '../../validate/index.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { adaKesalahan, laporkan, ringkasan } from '../report.js';

export interface HasilPeriksa {
  loaded: Loaded;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * Load + validate, shared by every command that needs valid data: the files (schemas, cross-file
 * rules), then the narrative of the year (every `{{reference}}` must name something that exists).
 * Narrative texts join `loaded.sources` so their diagnostics get code frames too.
 */
export async function periksaData(tahun: number, opts: Pick<GlobalOptions, 'data'>, io: Io): Promise<HasilPeriksa> {
  const loaded = await loadData(path.resolve(io.cwd, opts.data));
  const diagnostics = validate(loaded, tahun);
  if (!adaKesalahan(diagnostics) && loaded.dataSet) {
    const berkas = berkasNarasi(loaded, tahun);
    if (berkas.length > 0) {
      const { checkNarasi } = await import('../../render/narasi.js');
      for (const b of berkas) loaded.sources.set(b.file, b.text);
      diagnostics.push(...checkNarasi(berkas, loaded.dataSet, tahun));
    }
  }
  return { loaded, diagnostics, ok: !adaKesalahan(diagnostics) };
}

function berkasNarasi(loaded: Loaded, tahun: number): { file: string; text: string }[] {
  const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
  return Object.entries(narasi).flatMap(([dokumen, isi]) =>
    Object.entries(isi).map(([nama, text]) => ({
      file: tampilanPath(path.resolve(loaded.dir, String(tahun), 'narasi', dokumen, `${nama}.md`)),
      text,
    })),
  );
}

export async function commandValidate(tahun: number, opts: GlobalOptions, io: Io): Promise<number> {
  const { loaded, diagnostics, ok } = await periksaData(tahun, opts, io);
  const status = loaded.years.includes(tahun) ? statusTahun(loaded, tahun) : undefined;
  if (opts.reporter === 'json') {
    io.out(
      `${JSON.stringify(
        { tahun, ok, bisa_dibangun: status?.bisaDibangun ?? false, kurang: status?.kurang ?? [], diagnostik: diagnostics },
        null,
        2,
      )}\n`,
    );
    return ok ? EXIT.ok : EXIT.dataError;
  }
  laporkan(diagnostics, 'text', io, loaded.sources);
  const hasil = ok ? 'Data valid' : 'Data tidak valid';
  const bangun = !status
    ? ''
    : status.bisaDibangun
      ? '; siap dibangun menjadi dokumen'
      : `; hanya data riwayat (belum bisa dibangun, kurang: ${status.kurang.join(', ')})`;
  io.err(`${hasil}: ${ringkasan(diagnostics)} (${loaded.files.size} berkas, tahun ${tahun}${bangun}).\n`);
  return ok ? EXIT.ok : EXIT.dataError;
}
