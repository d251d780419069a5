import { existsSync } from 'node:fs';
import path from 'node:path';
import { imporBukuIsian, type HasilImpor, type Perubahan } from '../../impor/index.js';
import { tampilkanSel } from '../../isian/model.js';
import { HAPUS } from '../../impor/sunting-yaml.js';
import type { Io } from '../io.js';
import { laporkan, ringkasan } from '../report.js';
import { EXIT, type GlobalOptions } from '../run.js';
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

export async function commandImpor(tahun: number, berkas: string, opts: ImporOptions, io: Io): Promise<number> {
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
