import path from 'node:path';
import { loadData } from '../../load/index.js';
import { periksaTahun, type HasilPeriksa } from '../../validate/periksa.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';

export type { HasilPeriksa } from '../../validate/periksa.js';

/** Load + every check of the year (validate/periksa.ts): shared by the commands that need valid data. */
export async function periksaData(tahun: number, opts: Pick<GlobalOptions, 'data'>, io: Io): Promise<HasilPeriksa> {
  const loaded = await loadData(path.resolve(io.cwd, opts.data));
  return periksaTahun(loaded, tahun);
}

/** The closing line: never "ready to build" for data with errors. */
export function kesimpulanValidasi(h: Pick<HasilPeriksa, 'ok' | 'status' | 'diagnostics' | 'loaded'>, tahun: number): string {
  const { ok, status } = h;
  const bangun = !ok
    ? '; belum dapat dibangun sampai kesalahannya diperbaiki'
    : !status
      ? ''
      : status.bisaDibangun
        ? '; siap dibangun menjadi dokumen'
        : `; hanya data riwayat (belum bisa dibangun, kurang: ${status.kurang.join(', ')})`;
  return `${ok ? 'Data valid' : 'Data tidak valid'}: ${ringkasan(h.diagnostics)} (${h.loaded.files.size} berkas, tahun ${tahun}${bangun}).`;
}

export async function commandValidate(tahun: number, opts: GlobalOptions, io: Io): Promise<number> {
  const hasil = await periksaData(tahun, opts, io);
  const { loaded, diagnostics, ok, status } = hasil;
  if (opts.reporter === 'json') {
    io.out(
      `${JSON.stringify(
        { tahun, ok, bisa_dibangun: ok && (status?.bisaDibangun ?? false), kurang: status?.kurang ?? [], diagnostik: diagnostics },
        null,
        2,
      )}\n`,
    );
    return ok ? EXIT.ok : EXIT.dataError;
  }
  laporkan(diagnostics, 'text', io, loaded.sources);
  io.err(`${kesimpulanValidasi(hasil, tahun)}\n`);
  return ok ? EXIT.ok : EXIT.dataError;
}
