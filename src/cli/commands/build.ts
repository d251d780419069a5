import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { statusTahun, validate } from '../../validate/index.js';
import { diagnosa, type Diagnostic } from '../../diagnostics.js';
import type { BrowserSession } from '../../export/browser.js';
import type { OutputFile } from '../../export/write-atomic.js';
import type { KonteksDokumen } from '../../render/konteks.js';
import { loadData, tampilanPath, type Loaded } from '../../load/index.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { adaKesalahan, laporkan, ringkasan } from '../report.js';
import { buatProgres } from '../progress.js';
import { DOKUMEN, formatDidukung, type DefinisiDokumen, type Format, type JenisDokumen } from '../dokumen.js';
import { periksaData } from './validate.js';

export type { Format } from '../dokumen.js';
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
  /** Layout-audit findings (LKJ6xx) are errors: exit 1 and nothing written. */
  strict?: boolean;
}

/** 1-based: `--shard 2/3` is { ke: 2, dari: 3 }. */
export interface Shard {
  ke: number;
  dari: number;
}

/**
 * Documents built at the same time by `--all` when `--jobs` is not given. Two: while Chromium
 * prints one document (its own process, mostly one core), Node renders the next one's HTML on the
 * other core; measured with test/bench/scale.ts on the 2-core CI machine.
 */
export const JOBS_BAWAAN = 2;

/**
 * The PDF's dates come from SOURCE_DATE_EPOCH when set (reproducible-builds.org), else from the
 * document's own date in the data, so the same data always gives the same bytes.
 */
export function tanggalDokumen(env: Io['env'], tanggalData: string | undefined, tahun: number): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(tanggalData ?? '');
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return new Date(Date.UTC(tahun + 1, 0, 1));
}

export const detik = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/** What to produce: the documents asked for, each with the asked formats it supports. */
export function rencanaBuild(opts: Pick<BuildOptions, 'only' | 'format'>): { dokumen: DefinisiDokumen; format: Format[] }[] {
  return DOKUMEN.filter((d) => !opts.only || d.id === opts.only)
    .map((d) => ({ dokumen: d, format: opts.format.filter((f) => formatDidukung(d).includes(f)) }))
    .filter((r) => r.format.length > 0);
}

/** A browser started lazily and shared by every document of the process (one browser per process). */
export interface BrowserBersama {
  ambil(): Promise<BrowserSession>;
  tutup(): Promise<void>;
}

export function browserBersama(io: Io, timeout?: number): BrowserBersama {
  let janji: Promise<BrowserSession> | undefined;
  return {
    ambil() {
      janji ??= import('../../export/browser.js').then(({ openBrowser }) =>
        openBrowser({ env: io.env, timeoutMs: timeout ? timeout * 1000 : undefined }),
      );
      return janji;
    },
    async tutup() {
      const s = await janji?.catch(() => undefined);
      janji = undefined;
      await s?.close();
    },
  };
}

/** One document of one year as built: for the summary and for `--reporter json`. */
export interface HasilDokumen {
  id: JenisDokumen;
  format: Format[];
  /** Files written, relative to the working directory. */
  berkas: string[];
  /** Pages of the PDF, when one was printed. */
  halaman?: number;
  durasi_ms: number;
}

/** One year as built. `ok: false` when its data had errors (nothing written for it). */
export interface HasilTahun {
  tahun: number;
  ok: boolean;
  kode_keluar: number;
  /** out/<tahun>/ relative to the working directory. */
  keluaran: string;
  dokumen: HasilDokumen[];
  /** Data, narrative and render diagnostics (info notes left out). */
  diagnostik: Diagnostic[];
  durasi_ms: number;
}

/** `lkjip build --reporter json`: one document on stdout. */
export interface LaporanBuild {
  ok: boolean;
  kode_keluar: number;
  shard: Shard | null;
  jobs: number;
  /** Years in the job list (after sharding) that built, and those whose data had errors. */
  berhasil: number[];
  gagal: number[];
  tahun: HasilTahun[];
  durasi_ms: number;
}

export async function commandBuild(tahun: number | undefined, opts: BuildOptions, io: Io): Promise<number> {
  const salah = (pesan: string): number => {
    io.err(`kesalahan: ${pesan}\nLihat \`lkjip build --help\`.\n`);
    return EXIT.usage;
  };
  if (tahun === undefined && !opts.all) return salah('sebutkan tahun (mis. `lkjip build 2024`) atau --all untuk semua tahun.');
  if (tahun !== undefined && opts.all) return salah('pilih salah satu: tahun tertentu atau --all.');
  if (opts.watch && (opts.all || opts.shard)) return salah('--watch hanya untuk satu tahun, tanpa --all atau --shard.');
  const rencana = rencanaBuild(opts);
  if (opts.only && rencana.length === 0) {
    io.err(`kesalahan: ${opts.only.toUpperCase()} dalam format ${opts.format.join(', ')} belum tersedia di versi ini.\n`);
    return EXIT.usage;
  }
  if (opts.watch && tahun !== undefined) {
    const { tontonDariCli } = await import('./watch.js');
    return tontonDariCli(tahun, opts, io);
  }
  const browser = browserBersama(io, opts.timeout);
  try {
    if (opts.all || opts.shard) {
      const laporan = await buildBanyak(tahun, opts, io, browser);
      if (opts.reporter === 'json') io.out(`${JSON.stringify(laporan, null, 2)}\n`);
      return laporan.kode_keluar;
    }
    const mulai = performance.now();
    const hasil = await buildTahunHasil(tahun as number, opts, io, browser);
    if (opts.reporter === 'json') io.out(`${JSON.stringify(laporanDari([hasil], { ...opts, jobs: 1 }, performance.now() - mulai), null, 2)}\n`);
    return hasil.kode_keluar;
  } finally {
    await browser.tutup();
  }
}

function laporanDari(tahun: HasilTahun[], opts: BuildOptions, ms: number): LaporanBuild {
  const gagal = tahun.filter((t) => !t.ok).map((t) => t.tahun);
  const kode = tahun.find((t) => t.kode_keluar !== EXIT.ok)?.kode_keluar ?? EXIT.ok;
  return {
    ok: gagal.length === 0,
    kode_keluar: kode,
    shard: opts.shard ?? null,
    jobs: opts.jobs ?? 1,
    berhasil: tahun.filter((t) => t.ok).map((t) => t.tahun),
    gagal,
    tahun,
    durasi_ms: Math.round(ms),
  };
}

/**
 * Builds one year: check the data (a failure stops here and nothing is written), render every
 * document in memory, then move all files into out/<tahun>/ at once.
 */
export async function buildTahun(tahun: number, opts: BuildOptions, io: Io, browser: BrowserBersama): Promise<number> {
  return (await buildTahunHasil(tahun, opts, io, browser)).kode_keluar;
}

/** `buildTahun` with its result as data (files, timings, diagnostics) for reporters and watch. */
export async function buildTahunHasil(tahun: number, opts: BuildOptions, io: Io, browser: BrowserBersama): Promise<HasilTahun> {
  const mulai = performance.now();
  const log = (s: string): void => io.err(`${s}\n`);
  const rencana = rencanaBuild(opts);
  // Chromium starts while the data is read, checked and rendered (it runs on the other core), so
  // its launch is hidden behind work the build does anyway.
  if (rencana.some((r) => r.format.includes('pdf'))) browser.ambil().catch(() => undefined);

  const siap = await siapkanTahun(tahun, opts, io);
  const keluaran = keluaranTahun(io, opts, tahun);
  if (!siap.ok) {
    log(`Build ${tahun} dibatalkan: ${ringkasan(siap.masalah)}. Keluaran sebelumnya di ${opts.out}/${tahun}/ tidak diubah.`);
    return { tahun, ok: false, kode_keluar: EXIT.dataError, keluaran, dokumen: [], diagnostik: siap.masalah, durasi_ms: ms(mulai) };
  }

  const berkas: OutputFile[] = [];
  const dibuat: (HasilDokumen & { relPath: string[] })[] = [];
  const diagnostik = [...siap.masalah];
  for (const { dokumen: d, format } of rencana) {
    const r = await renderDokumen(d, format, tahun, siap, opts, io, browser);
    berkas.push(...r.berkas);
    diagnostik.push(...r.peringatan);
    dibuat.push({ ...r.hasil, relPath: r.berkas.map((b) => b.relPath) });
    log(`${d.label} ${tahun}: ${r.bagian.join(', ')} (${detik(r.hasil.durasi_ms)})`);
  }
  if (adaKesalahan(diagnostik)) {
    log(`Build ${tahun} dibatalkan (--strict): ${ringkasan(diagnostik)}. Keluaran sebelumnya di ${opts.out}/${tahun}/ tidak diubah.`);
    return { tahun, ok: false, kode_keluar: EXIT.dataError, keluaran, dokumen: [], diagnostik, durasi_ms: ms(mulai) };
  }

  const { writeOutputs } = await import('../../export/write-atomic.js');
  const outDir = path.resolve(io.cwd, opts.out, String(tahun));
  const ditulis = await writeOutputs(outDir, berkas);
  log(`Selesai ${tahun} dalam ${detik(performance.now() - mulai)}. Ditulis:`);
  for (const p of ditulis) log(`  ${path.relative(io.cwd, p) || p}`);
  const dokumen = dibuat.map(({ relPath, ...h }) => ({ ...h, berkas: relPath.map((r) => relatif(io, path.join(outDir, r))) }));
  return { tahun, ok: true, kode_keluar: EXIT.ok, keluaran, dokumen, diagnostik, durasi_ms: ms(mulai) };
}

const ms = (mulai: number): number => Math.round(performance.now() - mulai);
const relatif = (io: Io, p: string): string => (path.relative(io.cwd, p) || p).split(path.sep).join('/');
const keluaranTahun = (io: Io, opts: BuildOptions, tahun: number): string => relatif(io, path.resolve(io.cwd, opts.out, String(tahun)));

type TahunSiap =
  | { ok: true; tahun: number; loaded: Loaded; ctx: KonteksDokumen; masalah: Diagnostic[] }
  | { ok: false; tahun: number; masalah: Diagnostic[] };

/**
 * `periksaData` on a data folder already loaded: validate up to `tahun`, then the year's narrative.
 * `build --all` loads the folder once for all its years instead of once per year (with 20 years,
 * reloading made the data checks grow with the square of the years).
 */
async function periksaLoaded(loaded: Loaded, tahun: number): Promise<{ loaded: Loaded; diagnostics: Diagnostic[]; ok: boolean }> {
  const diagnostics = validate(loaded, tahun);
  if (!adaKesalahan(diagnostics) && loaded.dataSet) {
    const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
    const berkas = Object.entries(narasi).flatMap(([dokumen, isi]) =>
      Object.entries(isi).map(([nama, text]) => ({ file: tampilanPath(path.resolve(loaded.dir, String(tahun), 'narasi', dokumen, `${nama}.md`)), text })),
    );
    if (berkas.length > 0) {
      const { checkNarasi } = await import('../../render/narasi.js');
      for (const b of berkas) loaded.sources.set(b.file, b.text);
      diagnostics.push(...checkNarasi(berkas, loaded.dataSet, tahun));
    }
  }
  return { loaded, diagnostics, ok: !adaKesalahan(diagnostics) };
}

/** Loads (or takes) and checks a year and prints its problems; on success the document context to render from. */
async function siapkanTahun(tahun: number, opts: BuildOptions, io: Io, dimuat?: Loaded): Promise<TahunSiap> {
  const { loaded, diagnostics, ok } = dimuat ? await periksaLoaded(dimuat, tahun) : await periksaData(tahun, opts, io);
  const status = loaded.years.includes(tahun) ? statusTahun(loaded, tahun) : { bisaDibangun: false, kurang: ['folder tahun'] };
  const masalah: Diagnostic[] = [...diagnostics];
  if (ok && !status.bisaDibangun) {
    masalah.push(diagnosa('LKJ402', { tahun, kurang: status.kurang }, { file: `${opts.data}/${tahun}` }));
  }
  const gagal = masalah.some((d) => d.severity === 'error');
  const dilaporkan = masalah.filter((d) => d.severity !== 'info');
  laporkan(dilaporkan, opts.reporter, io, loaded.sources);
  if (gagal || !loaded.dataSet) return { ok: false, tahun, masalah: dilaporkan };
  const { buatKonteksDokumen } = await import('../../render/konteks.js');
  const { muatGambar } = await import('../../load/gambar.js');
  const gambar = muatGambar(loaded, tahun);
  return { ok: true, tahun, loaded, ctx: buatKonteksDokumen(loaded.dataSet, tahun, undefined, tampilanPath(path.resolve(loaded.dir)), gambar), masalah: dilaporkan };
}

/** Renders one document of a ready year in the asked formats, in memory. */
async function renderDokumen(
  d: DefinisiDokumen,
  format: Format[],
  tahun: number,
  siap: Extract<TahunSiap, { ok: true }>,
  opts: BuildOptions,
  io: Io,
  browser: BrowserBersama,
): Promise<{ berkas: OutputFile[]; bagian: string[]; peringatan: Diagnostic[]; hasil: HasilDokumen }> {
  const t0 = performance.now();
  const { ctx, loaded } = siap;
  const tanggal = tanggalDokumen(io.env, d.tanggal(ctx), tahun);
  const berkas: OutputFile[] = [];
  const bagian: string[] = [];
  const peringatan: Diagnostic[] = [];
  let halaman: number | undefined;
  if (d.html && (format.includes('html') || format.includes('pdf'))) {
    const doc = await d.html(ctx);
    laporkan(doc.peringatan, opts.reporter, io, loaded.sources);
    peringatan.push(...doc.peringatan);
    if (format.includes('html')) berkas.push({ relPath: `${d.id}-${tahun}.html`, data: doc.html });
    if (format.includes('pdf')) {
      const { printPdf } = await import('../../export/pdf.js');
      const hasil = await printPdf(await browser.ambil(), {
        html: doc.html,
        baseUrl: doc.baseUrl,
        meta: {
          title: doc.judul,
          author: ctx.opd.nama_lengkap,
          subject: d.subjek(tahun, ctx),
          keywords: [d.label, String(tahun), ctx.opd.nama_lengkap],
          creator: 'lkjip',
          date: tanggal,
        },
      }, { audit: true });
      if (hasil.audit) {
        const { diagnostikAudit } = await import('../../export/audit.js');
        const temuan = diagnostikAudit(hasil.audit.temuan, `${d.label} ${tahun}`, opts.strict ? 'error' : 'warning');
        laporkan(temuan, opts.reporter, io, loaded.sources);
        peringatan.push(...temuan);
      }
      berkas.push({ relPath: `${d.id}-${tahun}.pdf`, data: hasil.pdf });
      halaman = hasil.pages.length;
      bagian.push(`PDF ${halaman} halaman`);
    }
    if (format.includes('html')) bagian.push('HTML');
  }
  if (d.xlsx && format.includes('xlsx')) {
    berkas.push({ relPath: `${d.id}-${tahun}.xlsx`, data: await d.xlsx(ctx, { tanggal }) });
    bagian.push('XLSX');
  }
  const hasil: HasilDokumen = { id: d.id, format, berkas: [], durasi_ms: ms(t0) };
  if (halaman !== undefined) hasil.halaman = halaman;
  return { berkas, bagian, peringatan, hasil };
}

/** One unit of work of a multi-year build. */
export interface Pekerjaan {
  tahun: number;
  dokumen: DefinisiDokumen;
  format: Format[];
}

/**
 * Every (year, document) job in a fixed order (year, then the registry's document order), and the
 * part of it one shard takes: job k (0-based) goes to shard k mod n + 1. Round robin rather than
 * contiguous ranges, so each shard gets a mix of years and documents and the shards take about
 * the same time; the same inputs always give the same split.
 */
export function daftarPekerjaan(tahun: readonly number[], opts: Pick<BuildOptions, 'only' | 'format' | 'shard'>): Pekerjaan[] {
  const rencana = rencanaBuild(opts);
  const semua = [...tahun].sort((a, b) => a - b).flatMap((t) => rencana.map((r) => ({ tahun: t, ...r })));
  const s = opts.shard;
  return s ? semua.filter((_, k) => k % s.dari === s.ke - 1) : semua;
}

/**
 * `build --all` / `--shard`: every buildable year (or the one year asked), as (year, document)
 * jobs run `jobs` at a time with one shared browser. Each year's data is checked once, before its
 * first job; a year with data errors is reported and skipped, the others go on. Each job writes its
 * own files into out/<tahun>/ all or nothing.
 */
export async function buildBanyak(tahunDiminta: number | undefined, opts: BuildOptions, io: Io, browser: BrowserBersama): Promise<LaporanBuild> {
  const mulai = performance.now();
  const log = (s: string): void => io.err(`${s}\n`);
  const jobs = Math.max(1, opts.jobs ?? JOBS_BAWAAN);
  const laporanOpts = { ...opts, jobs };

  const loaded = await loadData(path.resolve(io.cwd, opts.data));
  let daftarTahun: number[];
  if (tahunDiminta !== undefined) daftarTahun = [tahunDiminta];
  else {
    daftarTahun = loaded.years.filter((y) => statusTahun(loaded, y).bisaDibangun);
    if (daftarTahun.length === 0) {
      const ada = loaded.years.length ? `tahun ${loaded.years.join(', ')} hanya berisi riwayat` : 'tidak ada folder tahun';
      log(`Tidak ada tahun yang dapat dibangun di ${opts.data}/ (${ada}). Lihat \`lkjip validate <tahun>\` untuk yang masih kurang.`);
      return { ...laporanDari([], laporanOpts, performance.now() - mulai), ok: false, kode_keluar: EXIT.dataError };
    }
  }
  const pekerjaan = daftarPekerjaan(daftarTahun, opts);
  const bagian = opts.shard ? ` (shard ${opts.shard.ke}/${opts.shard.dari})` : '';
  if (pekerjaan.length === 0) {
    log(`Tidak ada pekerjaan untuk shard ini${bagian}: ${daftarTahun.length} tahun x ${rencanaBuild(opts).length} dokumen dibagi ke shard lain.`);
    return laporanDari([], laporanOpts, performance.now() - mulai);
  }
  log(
    `Build ${pekerjaan.length} dokumen${bagian} dari tahun ${[...new Set(pekerjaan.map((p) => p.tahun))].join(', ')}, ` +
      `${jobs} sekaligus.`,
  );
  if (pekerjaan.some((p) => p.format.includes('pdf'))) browser.ambil().catch(() => undefined);

  const progres = buatProgres(io, pekerjaan.length);
  const ioProgres: Io = { ...io, err: (s) => progres.log(s.replace(/\n$/, '')) };
  const hasil = new Map<number, HasilTahun>();
  const sisa = new Map<number, number>();
  for (const p of pekerjaan) sisa.set(p.tahun, (sisa.get(p.tahun) ?? 0) + 1);
  const siap = new Map<number, Promise<TahunSiap>>();
  const { writeOutputs } = await import('../../export/write-atomic.js');

  const satu = async (p: Pekerjaan): Promise<void> => {
    const t0 = performance.now();
    let janji = siap.get(p.tahun);
    if (!janji) {
      janji = siapkanTahun(p.tahun, opts, ioProgres, loaded);
      siap.set(p.tahun, janji);
    }
    const s = await janji;
    let h = hasil.get(p.tahun);
    if (!h) {
      h = {
        tahun: p.tahun,
        ok: s.ok,
        kode_keluar: s.ok ? EXIT.ok : EXIT.dataError,
        keluaran: keluaranTahun(io, opts, p.tahun),
        dokumen: [],
        diagnostik: [...s.masalah],
        durasi_ms: 0,
      };
      hasil.set(p.tahun, h);
    }
    const label = `${p.dokumen.label} ${p.tahun}`;
    progres.mulai(label);
    try {
      if (!s.ok) {
        progres.selesai(label, `${label}: dilewati, data bermasalah (${ringkasan(s.masalah)})`);
        return;
      }
      const r = await renderDokumen(p.dokumen, p.format, p.tahun, s, opts, ioProgres, browser);
      if (adaKesalahan(r.peringatan)) {
        // --strict: this document's layout findings are errors; its files are not written.
        h.ok = false;
        h.kode_keluar = EXIT.dataError;
        h.diagnostik.push(...r.peringatan);
        progres.selesai(label, `${label}: tidak ditulis, ${ringkasan(r.peringatan)} (--strict)`);
        return;
      }
      const outDir = path.resolve(io.cwd, opts.out, String(p.tahun));
      const ditulis = await writeOutputs(outDir, r.berkas);
      h.diagnostik.push(...r.peringatan);
      h.dokumen.push({ ...r.hasil, berkas: ditulis.map((f) => relatif(io, f)) });
      progres.selesai(label, `${label}: ${r.bagian.join(', ')} (${detik(performance.now() - t0)})`);
    } finally {
      h.durasi_ms += ms(t0);
      const n = (sisa.get(p.tahun) ?? 1) - 1;
      sisa.set(p.tahun, n);
      // The year's data and context are no longer needed: let them go (20 years stay small).
      if (n === 0) siap.delete(p.tahun);
    }
  };

  let berikut = 0;
  let galat: unknown;
  const pekerja = async (): Promise<void> => {
    while (galat === undefined && berikut < pekerjaan.length) {
      const p = pekerjaan[berikut++] as Pekerjaan;
      try {
        await satu(p);
      } catch (e) {
        // An environment failure (no browser, unwritable output) ends the whole build.
        galat ??= e;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, pekerjaan.length) }, pekerja));
  } finally {
    progres.tutup();
  }
  if (galat !== undefined) throw galat;

  const semua = [...hasil.values()].sort((a, b) => a.tahun - b.tahun);
  for (const h of semua) h.dokumen.sort((a, b) => DOKUMEN.findIndex((d) => d.id === a.id) - DOKUMEN.findIndex((d) => d.id === b.id));
  const laporan = laporanDari(semua, laporanOpts, performance.now() - mulai);
  log(ringkasanBuild(laporan));
  return laporan;
}

/** The closing summary: what was written where, and which years failed. */
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
  if (l.gagal.length > 0) baris.push(`Tahun gagal: ${l.gagal.join(', ')} (jalankan \`lkjip validate <tahun>\` untuk rinciannya).`);
  return baris.join('\n');
}
