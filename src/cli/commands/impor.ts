import { existsSync } from 'node:fs';
import path from 'node:path';
import { imporBukuIsian, type HasilImpor, type Perubahan } from '../../impor/index.js';
import { tampilkanSel } from '../../isian/model.js';
import { HAPUS } from '../../impor/sunting-yaml.js';
import type { Io } from '../io.js';
import { laporkan, ringkasan } from '../report.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { ExportError, isExportError } from '../../export/export-error.js';
import { periksaData } from './validate.js';

export interface ImporOptions extends GlobalOptions {
  dryRun?: boolean;
}

const tampilBaru = (p: Perubahan): string => (p.baru === HAPUS ? '(dihapus)' : tampilkanSel(p.baru));

/** The summary: per file, per value, old -> new and the cell it came from. */
export function formatRingkasan(h: HasilImpor, buku: string): string {
  if (h.perubahan.length === 0) return `Tidak ada perubahan: tidak ada sel yang diubah di ${buku}; tidak ada berkas yang diubah.\n`;
  const perBerkas = new Map<string, Perubahan[]>();
  for (const p of h.perubahan) perBerkas.set(p.medan.berkas, [...(perBerkas.get(p.medan.berkas) ?? []), p]);
  const baris: string[] = [`Perubahan dari ${buku}: ${h.perubahan.length} nilai di ${perBerkas.size} berkas.`];
  const lebarId = Math.min(28, Math.max(...h.perubahan.map((p) => p.id.length)));
  const lebarKolom = Math.min(26, Math.max(...h.perubahan.map((p) => p.kolom.length)));
  for (const [relatif, ps] of perBerkas) {
    const b = h.berkas.find((x) => x.file.endsWith(relatif));
    baris.push(`  ${b?.file ?? relatif}${b?.baru ? ' (berkas baru)' : ''}`);
    for (const p of ps) {
      baris.push(`    ${p.id.padEnd(lebarId)}  ${p.kolom.padEnd(lebarKolom)}  ${tampilkanSel(p.lama)} -> ${tampilBaru(p)}  (${p.sel})`);
    }
  }
  return `${baris.join('\n')}\n`;
}

/**
 * `lkjip impor`. A failure that is neither the user's data nor the environment is a bug of lkjip; it
 * still reaches the user as a coded message in Indonesian (LKJ746), never as a stack trace, and says
 * whether the data folder was written (it is not, unless the failure comes after the atomic write).
 */
export async function commandImpor(tahun: number, berkas: string, opts: ImporOptions, io: Io): Promise<number> {
  const tahap = { ditulis: false };
  try {
    return await jalankanImpor(tahun, berkas, opts, io, tahap);
  } catch (error) {
    if (isExportError(error)) throw error;
    throw galatInternal(error, tahap.ditulis);
  }
}

/** LKJ746: the first line of the internal message (no stack, no file dump), and what it means for the data. */
export function galatInternal(error: unknown, ditulis: boolean): ExportError {
  const pesan = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'tanpa keterangan';
  return new ExportError(
    'LKJ746',
    `lkjip impor berhenti karena kesalahan di dalam lkjip sendiri, bukan karena data atau buku isian (${pesan}). ` +
      (ditulis ? 'Berkas data sudah ditulis utuh dan valid sebelum kesalahan ini; hanya laporannya yang tidak lengkap.' : 'Tidak ada berkas data yang diubah.'),
    'Laporkan ke pengembang lkjip dengan pesan ini, buku isian dan berkas data yang disebut. Sementara itu, impor sel yang diubah ' +
      'dalam beberapa kali impor (mis. kosongkan dulu sebagian perubahan) atau ubah berkas YAML-nya langsung.',
    { cause: error },
  );
}

async function jalankanImpor(tahun: number, berkas: string, opts: ImporOptions, io: Io, tahap: { ditulis: boolean }): Promise<number> {
  const json = opts.reporter === 'json';
  const abs = path.resolve(io.cwd, berkas);
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  if (!existsSync(abs)) {
    io.err(`kesalahan: buku isian ${tampil(abs)} tidak ada. Buat dengan \`lkjip isian ${tahun}\`.\n`);
    return EXIT.usage;
  }
  const dataDir = path.resolve(io.cwd, opts.data);
  const h = await imporBukuIsian({
    tahun,
    dataDir,
    buku: abs,
    ujiCoba: !!opts.dryRun,
    periksa: async (dir) => (await periksaData(tahun, { data: dir }, { ...io, cwd: dir })).diagnostics,
  });
  tahap.ditulis = h.ditulis;
  if (json) {
    io.out(
      `${JSON.stringify(
        {
          tahun,
          ok: h.ok,
          uji_coba: !!opts.dryRun,
          ditulis: h.ditulis,
          berkas: h.berkas,
          perubahan: h.perubahan.map((p) => ({ berkas: p.medan.berkas, id: p.id, kolom: p.kolom, sel: p.sel, lama: p.lama ?? null, baru: p.baru === HAPUS ? null : p.baru })),
          diagnostik: h.diagnostik,
        },
        null,
        2,
      )}\n`,
    );
    return h.ok ? EXIT.ok : EXIT.dataError;
  }
  laporkan(h.diagnostik, 'text', io, h.sumber);
  if (!h.ok) {
    const sebab = h.dataBermasalah
      ? `data di ${tampil(dataDir)}/ sudah bermasalah sebelum impor; perbaiki dulu (lkjip validate ${tahun}), lalu impor lagi`
      : 'perbaiki sel yang disebut di atas, simpan, lalu impor lagi';
    io.err(`Impor dibatalkan: ${ringkasan(h.diagnostik)}; tidak ada berkas yang diubah. ${sebab[0]?.toUpperCase()}${sebab.slice(1)}.\n`);
    return EXIT.dataError;
  }
  io.out(formatRingkasan(h, tampil(abs)));
  if (h.perubahan.length === 0) return EXIT.ok;
  if (opts.dryRun) io.err('Uji coba (--dry-run): data sesudah impor valid; tidak ada berkas yang diubah.\n');
  else io.err(`Data ditulis (${h.berkas.length} berkas) dan valid. Lanjutkan: lkjip build ${tahun}\n`);
  return EXIT.ok;
}
