import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnosa } from '../../diagnostics.js';
import { writeOutputs } from '../../export/write-atomic.js';
import { buatBukuIsian, ringkasIsian } from '../../isian/index.js';
import { loadData } from '../../load/index.js';
import { validate } from '../../validate/index.js';
import type { Io } from '../io.js';
import { adaKesalahan, laporkan, ringkasan } from '../report.js';
import { EXIT, type GlobalOptions } from '../run.js';

export interface IsianOptions extends GlobalOptions {
  out?: string;
  timpa?: boolean;
}

/** The workbook's date: SOURCE_DATE_EPOCH when set (reproducible bytes), else now. */
function tanggalBuku(env: Io['env']): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
}

export async function commandIsian(tahun: number, opts: IsianOptions, io: Io): Promise<number> {
  const json = opts.reporter === 'json';
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  const out = path.resolve(io.cwd, opts.out ?? `isian-${tahun}.xlsx`);
  if (!/\.xlsx$/i.test(out)) {
    io.err(`kesalahan: berkas keluaran harus berakhiran .xlsx (tertulis: ${tampil(out)}).\n`);
    return EXIT.usage;
  }
  if (existsSync(out) && !opts.timpa) {
    io.err(
      `kesalahan: ${tampil(out)} sudah ada dan mungkin sudah diisi; \`lkjip isian\` tidak menimpanya. ` +
        `Impor dulu isinya (lkjip impor ${tahun} ${tampil(out)}), lalu pakai --timpa, atau pilih nama lain dengan --out.\n`,
    );
    return EXIT.usage;
  }
  const loaded = await loadData(path.resolve(io.cwd, opts.data));
  const diagnostik = validate(loaded, tahun).filter((d) => d.severity !== 'info');
  if (adaKesalahan(diagnostik) || !loaded.dataSet) {
    const tidakAda = !loaded.years.includes(tahun);
    diagnostik.push(
      diagnosa('LKJ734', { tahun, detail: tidakAda ? `folder data/${tahun}/ belum ada` : `data punya kesalahan (${ringkasan(diagnostik)})` }),
    );
    laporkan(diagnostik.filter((d) => d.severity === 'error'), json ? 'json' : 'text', io, loaded.sources);
    if (json) io.out(`${JSON.stringify({ tahun, ok: false, diagnostik }, null, 2)}\n`);
    return EXIT.dataError;
  }
  const { buku, xlsx } = await buatBukuIsian(loaded, tahun, tanggalBuku(io.env));
  await writeOutputs(path.dirname(out), [{ relPath: path.basename(out), data: xlsx }]);
  const r = ringkasIsian(buku);
  if (json) {
    io.out(`${JSON.stringify({ tahun, ok: true, berkas: tampil(out), lembar: buku.lembar.map((l) => ({ nama: l.nama, baris: l.baris.length })), isian: r.isian, terisi: r.terisi }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.err(
    `Buku isian ${tahun} ditulis ke ${tampil(out)}: ${r.lembar} lembar, ${r.isian} sel isian (${r.terisi} sudah terisi dari data).\n` +
      `Isi sel kuning di Excel, LibreOffice atau WPS, simpan, lalu: lkjip impor ${tahun} ${tampil(out)}\n`,
  );
  return EXIT.ok;
}
