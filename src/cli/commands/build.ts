/**
 * `lkjip build`: parses nothing itself (commander did), checks the combination of options, hands
 * the work to the build stage (src/build/) and prints what it reports: diagnostics with code
 * frames, one line per document, a summary, or one JSON document with `--reporter json`.
 */
import path from 'node:path';
import {
  buildDokumen,
  daftarPekerjaan,
  kaitUjiDariEnv,
  OpsiSalah,
  periksaFolderKeluaran,
  rencanaBuild,
  type HasilTahun,
  type Kejadian,
  type LaporanBuild,
  type OpsiBuild,
  type Shard,
} from '../../build/index.js';
import type { BrowserBersama } from '../../build/browser-bersama.js';
import type { Format, JenisDokumen } from '../../build/dokumen.js';
import { gambarkanPemilik } from '../../export/kunci-folder.js';
import { ExportError } from '../../export/export-error.js';
import { EXIT, KELUAR_SINYAL, type SinyalBerhenti } from '../../kode-keluar.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';
import { buatProgres, type Progres } from '../progress.js';

export type { Format } from '../../build/dokumen.js';
export type { HasilDokumen, HasilTahun, LaporanBuild, Shard } from '../../build/index.js';
export { daftarPekerjaan, rencanaBuild };
export type Dokumen = JenisDokumen;

export interface BuildOptions extends GlobalOptions {
  out: string;
  only?: JenisDokumen;
  format: Format[];
  /** Per-pass render limit in seconds. */
  timeout?: number;
  /** Build every buildable year of the data folder. */
  all?: boolean;
  /** Only part `ke` of `dari` of the (year, document) jobs, for a CI matrix. */
  shard?: Shard;
  /** Documents built at the same time (one shared browser). */
  jobs?: number;
  /** Rebuild on every change under the data folder or templates/ (one year only). */
  watch?: boolean;
  /** The browser to print with (else LKJIP_BROWSER, PUPPETEER_EXECUTABLE_PATH, the usual places). */
  browser?: string;
  /** Layout-audit findings (LKJ6xx) are errors: exit 1 and nothing written for the year. */
  strict?: boolean;
  /** The quarterly Renja evaluation up to this quarter instead of the yearly documents. */
  triwulan?: 1 | 2 | 3 | 4;
}

export const detik = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

export async function commandBuild(tahun: number | undefined, opts: BuildOptions, io: Io): Promise<number> {
  const salah = (pesan: string): number => {
    io.err(`kesalahan: ${pesan}\nLihat \`lkjip build --help\`.\n`);
    return EXIT.usage;
  };
  if (tahun === undefined && !opts.all) return salah('sebutkan tahun (mis. `lkjip build 2024`) atau --all untuk semua tahun.');
  if (tahun !== undefined && opts.all) return salah('pilih salah satu: tahun tertentu atau --all.');
  if (opts.watch && (opts.all || opts.shard)) return salah('--watch hanya untuk satu tahun, tanpa --all atau --shard.');
  if (opts.triwulan !== undefined && (opts.all || opts.shard)) return salah('--triwulan untuk satu tahun: tulis mis. `lkjip build 2024 --triwulan 3`, tanpa --all atau --shard.');
  if (opts.triwulan !== undefined && opts.only) return salah('--triwulan membangun dokumen evaluasi Renja triwulanan saja; --only tidak dipakai bersamanya.');
  const keluaran = periksaFolderKeluaran(opts.out, opts.data, io.cwd);
  if (keluaran) return salah(keluaran);
  if (opts.only && rencanaBuild(opts).length === 0) {
    io.err(`kesalahan: ${opts.only.toUpperCase()} dalam format ${opts.format.join(', ')} belum tersedia di versi ini.\n`);
    return EXIT.usage;
  }
  if (opts.watch && tahun !== undefined) {
    const { tontonDariCli } = await import('./watch.js');
    return tontonDariCli(tahun, opts, io);
  }

  const berhenti = new AbortController();
  let sinyal: SinyalBerhenti | undefined;
  const lepas = io.onSinyal?.((s) => {
    sinyal = s;
    berhenti.abort(new ExportError('LKJ507', `Build dihentikan (${s}).`, ''));
  });
  const banyak = opts.all === true || opts.shard !== undefined;
  const cetak = pencetak(io, opts, banyak);
  try {
    const laporan = await buildDokumen({
      ...opsiBuild(tahun, opts, io),
      signal: berhenti.signal,
      titik: kaitUjiDariEnv(io.env, (s) => io.err(`${s}\n`), berhenti.signal),
      onKejadian: cetak.kejadian,
    });
    cetak.tutup();
    if (laporan.dihentikan !== undefined && sinyal !== undefined) {
      io.err(`${barisDihentikan(sinyal, laporan, opts, tahun)}\n`);
      return KELUAR_SINYAL[sinyal];
    }
    if (banyak && opts.reporter !== 'json') io.err(`${ringkasanBuild(laporan)}\n`);
    if (opts.reporter === 'json') io.out(`${JSON.stringify(laporan, null, 2)}\n`);
    return laporan.kode_keluar;
  } catch (e) {
    cetak.tutup();
    if (sinyal !== undefined) {
      // Whatever failed after a signal (the print whose browser was just closed) is the signal's doing.
      io.err(`${barisDihentikan(sinyal, undefined, opts, tahun)}\n`);
      return KELUAR_SINYAL[sinyal];
    }
    if (e instanceof OpsiSalah) return salah(e.message);
    throw e;
  } finally {
    lepas?.();
  }
}

/** The build options of the stage from the command's options. */
export function opsiBuild(tahun: number | undefined, opts: BuildOptions, io: Io): OpsiBuild {
  return {
    cwd: io.cwd,
    env: io.env,
    data: opts.data,
    out: opts.out,
    tahun,
    only: opts.only,
    format: opts.format,
    triwulan: opts.triwulan,
    shard: opts.shard,
    // Two documents print at a time (JOBS_BAWAAN), one year or many: the same bytes as one at a time.
    jobs: opts.jobs,
    timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : undefined,
    browser: opts.browser,
    strict: opts.strict,
  };
}

/** The one line a stopped build prints: what was stopped, and what state out/ is in. */
function barisDihentikan(sinyal: SinyalBerhenti, laporan: LaporanBuild | undefined, opts: BuildOptions, tahun: number | undefined): string {
  const nama = sinyal === 'SIGINT' ? 'SIGINT, Ctrl-C' : sinyal;
  const ditulis = laporan?.berhasil ?? [];
  let keadaan: string;
  if (tahun !== undefined) {
    keadaan = ditulis.includes(tahun)
      ? `keluaran baru di ${opts.out}/${tahun}/ sudah lengkap ditulis sebelum berhenti`
      : `keluaran lama di ${opts.out}/${tahun}/ tidak diubah`;
  } else {
    keadaan = ditulis.length > 0
      ? `tahun ${ditulis.join(', ')} sudah lengkap ditulis; keluaran lama tahun lain di ${opts.out}/ tidak diubah`
      : `keluaran lama di ${opts.out}/ tidak diubah`;
  }
  return `Build dihentikan (${nama}): Chromium ditutup, berkas sementara dihapus; ${keadaan}.`;
}

interface Pencetak {
  kejadian(k: Kejadian): void;
  tutup(): void;
}

/**
 * Prints a build's events: a single year as plain lines (each document, then what was written
 * where); `--all`/`--shard` with a progress line per document on stderr and a summary at the end.
 */
export function pencetak(io: Io, opts: Pick<BuildOptions, 'reporter' | 'out'>, banyak: boolean): Pencetak {
  const log = (s: string): void => io.err(`${s}\n`);
  let progres: Progres | undefined;
  const baris = (s: string): void => (progres ? progres.log(s) : log(s));
  const ioBaris: Io = { ...io, err: (s) => baris(s.replace(/\n$/, '')) };
  const label = (p: { dokumen: { label: string }; tahun: number }): string => `${p.dokumen.label} ${p.tahun}`;
  return {
    kejadian(k) {
      switch (k.jenis) {
        case 'rencana': {
          if (!banyak) return;
          const tahun = [...new Set(k.pekerjaan.map((p) => p.tahun))];
          log(`Build ${k.pekerjaan.length} dokumen dari tahun ${tahun.join(', ')}, ${k.jobs} sekaligus.`);
          if (k.riwayat.length > 0) log(`Tahun riwayat (hanya pembanding, tidak dibangun): ${k.riwayat.join(', ')}.`);
          progres = buatProgres(io, k.pekerjaan.length);
          return;
        }
        case 'kosong':
          if (k.alasan === 'shard-kosong') {
            log(`Tidak ada pekerjaan untuk shard ini: ${k.tahun.length} tahun x ${k.dokumen} dokumen dibagi ke shard lain.`);
          } else {
            const ada = k.tahun.length ? `tahun ${k.tahun.join(', ')} hanya berisi riwayat` : 'tidak ada folder tahun';
            log(`Tidak ada tahun yang dapat dibangun (${ada}). Lihat \`lkjip validate <tahun>\` untuk yang masih kurang.`);
          }
          return;
        case 'diagnostik':
          laporkan(k.diagnostik, opts.reporter, ioBaris, k.sumber);
          return;
        case 'gagal':
          if (!banyak) {
            // A layout finding is an error only because of --strict: say so.
            const strict = k.masalah.some((d) => d.severity === 'error' && d.code.startsWith('LKJ6')) ? ' (--strict)' : '';
            log(`Build ${k.tahun} dibatalkan${strict}: ${ringkasan(k.masalah)}. Keluaran sebelumnya di ${k.keluaran}/ tidak diubah.`);
          }
          return;
        case 'mulai':
          progres?.mulai(label(k.pekerjaan));
          return;
        case 'dilewati':
          progres?.selesai(label(k.pekerjaan), `${label(k.pekerjaan)}: dilewati, data bermasalah (${ringkasan(k.masalah)})`);
          return;
        case 'selesai': {
          const teks = `${label(k.pekerjaan)}: ${k.bagian.join(', ')} (${detik(k.hasil.durasi_ms)})`;
          if (progres) progres.selesai(label(k.pekerjaan), teks);
          else log(teks);
          return;
        }
        case 'menunggu':
          baris(`Menunggu: ${k.folder}/ sedang ditulis ${gambarkanPemilik(k.pemilik)}; build ini menulis setelahnya.`);
          return;
        case 'ditulis':
          if (banyak) return;
          log(`Selesai ${k.tahun} dalam ${detik(k.durasi_ms)}. Ditulis${k.cara === 'per-berkas' ? ' (berkas demi berkas: folder tahun adalah titik kait atau tautan)' : ''}:`);
          for (const b of k.berkas) log(`  ${b}`);
          return;
      }
    },
    tutup() {
      progres?.tutup();
    },
  };
}

/** The closing summary: what was written where, and which years failed or were history. */
export function ringkasanBuild(l: LaporanBuild): string {
  const dok = l.tahun.reduce((n, t) => n + t.dokumen.length, 0);
  const baris = [
    `Selesai${l.shard ? ` shard ${l.shard.ke}/${l.shard.dari}` : ''}: ${dok} dokumen dari ${l.berhasil.length} tahun dalam ${detik(l.durasi_ms)}.`,
  ];
  for (const t of l.tahun) {
    if (!t.ok) {
      baris.push(`  ${t.tahun}: GAGAL, data bermasalah (${ringkasan(t.diagnostik)}); keluaran lama di ${t.keluaran}/ tidak diubah`);
      continue;
    }
    baris.push(`  ${t.tahun} -> ${t.keluaran}/: ${t.dokumen.flatMap((d) => d.berkas.map((b) => path.posix.basename(b))).join(', ')}`);
  }
  if (l.riwayat.length > 0) baris.push(`Tahun riwayat (tidak dibangun): ${l.riwayat.join(', ')}.`);
  if (l.gagal.length > 0) baris.push(`Tahun gagal: ${l.gagal.join(', ')} (jalankan \`lkjip validate <tahun>\` untuk rinciannya).`);
  return baris.join('\n');
}

/** One year, with a browser kept open by the caller (`--watch`): the result as data. */
export async function buildSatuTahun(
  tahun: number,
  opts: BuildOptions,
  io: Io,
  browser: BrowserBersama,
  signal?: AbortSignal,
): Promise<HasilTahun> {
  const cetak = pencetak(io, opts, false);
  try {
    const l = await buildDokumen({ ...opsiBuild(tahun, opts, io), signal, onKejadian: cetak.kejadian }, { browser });
    return l.tahun[0] ?? { tahun, ok: false, kode_keluar: l.kode_keluar, keluaran: '', dokumen: [], diagnostik: [], durasi_ms: l.durasi_ms };
  } finally {
    cetak.tutup();
  }
}

