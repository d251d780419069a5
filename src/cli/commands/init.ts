import path from 'node:path';
import { buatTahunBaru } from '../../scaffold/tahun-baru.js';
import { formatBelumDiisi } from '../../validate/belum-diisi.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';

export type { HasilInit } from '../../scaffold/tahun-baru.js';

/** `lkjip init <tahun>`: the new year folder is made by the scaffold stage; this prints the outcome. */
export async function commandInit(tahun: number, opts: GlobalOptions, io: Io): Promise<number> {
  const json = opts.reporter === 'json';
  const dataDir = path.resolve(io.cwd, opts.data);
  const folder = path.join(dataDir, String(tahun));
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');

  const r = await buatTahunBaru(dataDir, tahun, tampil);
  if ('ditolak' in r) {
    const diagnostik = r.ditolak === 'data' ? r.diagnostik : [];
    if (r.ditolak === 'data') laporkan(diagnostik, json ? 'json' : 'text', io, r.loaded.sources);
    if (json) io.out(`${JSON.stringify({ tahun, ok: false, folder: tampil(folder), dibuat: [], belum_diisi: [], diagnostik, pesan: r.pesan }, null, 2)}\n`);
    io.err(`kesalahan: ${r.pesan}\n`);
    return r.ditolak === 'data' ? EXIT.dataError : r.ditolak === 'tulis' ? EXIT.environment : EXIT.usage;
  }
  const { hasil, cek } = r;
  if (json) {
    io.out(`${JSON.stringify(hasil, null, 2)}\n`);
    return cek.ok ? EXIT.ok : EXIT.dataError;
  }
  const yaml = hasil.dibuat.filter((f) => f.endsWith('.yaml')).length;
  const md = hasil.dibuat.filter((f) => f.endsWith('.md')).length;
  const gambar = hasil.dibuat.length - yaml - md;
  io.err(
    `Tahun ${tahun} dibuat di ${hasil.folder}/: ${yaml} berkas YAML dan ${md} berkas narasi${gambar > 0 ? ` (dengan ${gambar} gambar)` : ''}, ` +
      (hasil.dari !== undefined ? `dari Renstra dan data ${hasil.dari}.\n` : 'dari Renstra saja (belum ada tahun lain).\n'),
  );
  // Errors anywhere; warnings only about the new year (older years' are not news here), and not
  // the "still to fill" ones: the list below says those once, compactly.
  const diFolder = (f: string | undefined): boolean => !!f && path.resolve(f).startsWith(folder + path.sep);
  laporkan(
    hasil.diagnostik.filter((d) => d.severity === 'error' || (diFolder(d.file) && d.code !== 'LKJ333')),
    'text',
    io,
    cek.loaded.sources,
  );
  io.err(`${cek.ok ? 'Data valid' : 'Data tidak valid'}: ${ringkasan(cek.diagnostics)}.\n`);
  io.err(formatBelumDiisi(hasil.belum_diisi));
  return cek.ok ? EXIT.ok : EXIT.dataError;
}
