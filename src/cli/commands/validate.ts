import path from 'node:path';
import { loadData, type Loaded } from '../../load/index.js';
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

/** Load + validate, shared by every command that needs valid data. */
export async function periksaData(tahun: number, opts: Pick<GlobalOptions, 'data'>, io: Io): Promise<HasilPeriksa> {
  const loaded = await loadData(path.resolve(io.cwd, opts.data));
  const diagnostics = validate(loaded, tahun);
  return { loaded, diagnostics, ok: !adaKesalahan(diagnostics) };
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
