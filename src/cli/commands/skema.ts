import path from 'node:path';
import { perbaruiSkema } from '../../scaffold/skema.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';

/** `lkjip skema`: refreshes the data folder's copy of the schemas (and, asked, the files' `$schema` lines). */
export async function commandSkema(opts: Pick<GlobalOptions, 'data' | 'reporter'> & { baris?: boolean }, io: Io): Promise<number> {
  const dataDir = path.resolve(io.cwd, opts.data);
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  let hasil;
  try {
    hasil = await perbaruiSkema(dataDir, { tulisBaris: opts.baris === true });
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (!kode) throw e;
    io.err(`kesalahan: tidak dapat memperbarui ${tampil(path.join(dataDir, 'skema'))}/ (${kode}): ${(e as Error).message}\n`);
    return EXIT.environment;
  }
  if (opts.reporter === 'json') {
    io.out(`${JSON.stringify({ ok: true, folder: tampil(path.join(dataDir, 'skema')), ...hasil }, null, 2)}\n`);
    return EXIT.ok;
  }
  const folder = tampil(path.join(dataDir, 'skema'));
  io.err(
    hasil.ditulis.length === 0 && hasil.dihapus.length === 0
      ? `${folder}/ sudah sama dengan skema lkjip ini.\n`
      : `${folder}/ diperbarui: ${hasil.ditulis.length} skema ditulis${hasil.dihapus.length ? `, ${hasil.dihapus.length} yang tidak dipakai lagi dihapus` : ''}.\n`,
  );
  if (hasil.barisDitulis.length > 0) io.err(`Baris $schema diarahkan ke ${folder}/ di ${hasil.barisDitulis.length} berkas data.\n`);
  const sisa = hasil.barisLain.filter((b) => !hasil.barisDitulis.includes(b.relPath));
  if (sisa.length > 0) {
    io.err(`${sisa.length} berkas data belum menunjuk ${folder}/ di baris pertamanya (jalankan dengan --baris untuk menuliskannya):\n`);
    for (const b of sisa.slice(0, 20)) io.err(`  ${tampil(path.join(dataDir, b.relPath))}: ${b.baris}\n`);
    if (sisa.length > 20) io.err(`  … dan ${sisa.length - 20} lagi\n`);
  }
  return EXIT.ok;
}
