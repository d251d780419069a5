/**
 * `lkjip build <tahun> --watch`: build once, then rebuild whenever a file under the data folder or
 * templates/ changes, keeping Chromium open between builds (a rebuild costs only the render and
 * print). Changes are debounced, since an editor's save is often several events (temp file,
 * rename, chmod), and changes during a build queue exactly one more build. A build that fails on
 * the data prints its diagnostics and the watch goes on; so does one that fails in the browser
 * (which is then restarted on the next build).
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isExportError } from '../../export/export-error.js';
import type { Io } from '../io.js';
import { EXIT } from '../run.js';
import { browserBersama, buildTahunHasil, detik, type BuildOptions, type HasilTahun } from './build.js';

export interface OpsiTonton {
  /** Stops watching; the build under way finishes first, then the browser is closed. */
  signal: AbortSignal;
  /** Called after every build, successful or not. */
  onBuild?: (hasil: HasilTahun) => void;
  /** Quiet time after the last change before rebuilding (ms). Default 300. */
  jedaMs?: number;
  /** Folders to watch; default the data folder and templates/. */
  folder?: string[];
}

/** Editor leftovers that are not content: swap files, backups, lock files, hidden temp files. */
export function abaikanPerubahan(nama: string | null): boolean {
  if (!nama) return false;
  const dasar = path.basename(nama);
  return dasar.startsWith('.') || dasar.endsWith('~') || /\.(swp|swx|tmp)$/i.test(dasar) || dasar.startsWith('#');
}

/** Watches and rebuilds until `signal` aborts. Returns the exit code of the last build. */
export async function tontonBuild(tahun: number, opts: BuildOptions, io: Io, opsi: OpsiTonton): Promise<number> {
  const log = (s: string): void => io.err(`${s}\n`);
  const jeda = opsi.jedaMs ?? 300;
  const { templatesDir } = await import('../../render/assets.js');
  const folder = opsi.folder ?? [path.resolve(io.cwd, opts.data), templatesDir()];
  const outDir = path.resolve(io.cwd, opts.out);
  const browser = browserBersama(io, opts.timeout);
  let kode: number = EXIT.ok;
  let berjalan: Promise<void> | undefined;
  let lagi = false;
  let timer: NodeJS.Timeout | undefined;
  let ke = 0;

  const bangun = async (): Promise<void> => {
    ke += 1;
    if (ke > 1) log(`\nMembangun ulang ${tahun} (${new Date().toLocaleTimeString('id-ID')})...`);
    let hasil: HasilTahun;
    const t0 = performance.now();
    try {
      hasil = await buildTahunHasil(tahun, opts, io, browser);
    } catch (e) {
      if (!isExportError(e)) throw e;
      // The browser may have died or hung: start a fresh one for the next build.
      log(`kesalahan ${e.code} ${e.title}\n  ${e.message}${e.hint ? `\n  Saran: ${e.hint}` : ''}`);
      await browser.tutup().catch(() => undefined);
      hasil = { tahun, ok: false, kode_keluar: EXIT.environment, keluaran: '', dokumen: [], diagnostik: [], durasi_ms: Math.round(performance.now() - t0) };
    }
    kode = hasil.kode_keluar;
    if (opts.reporter === 'json') io.out(`${JSON.stringify(hasil)}\n`);
    opsi.onBuild?.(hasil);
    if (!opsi.signal.aborted) log(`Memantau ${folder.map((f) => relatif(io, f)).join(' dan ')}; Ctrl-C untuk berhenti. (${detik(hasil.durasi_ms)})`);
  };

  const jalankan = (): void => {
    timer = undefined;
    if (opsi.signal.aborted) return;
    if (berjalan) {
      lagi = true;
      return;
    }
    berjalan = bangun()
      .catch((e: unknown) => {
        log(`kesalahan tak terduga saat build: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        kode = EXIT.environment;
      })
      .finally(() => {
        berjalan = undefined;
        if (lagi && !opsi.signal.aborted) {
          lagi = false;
          jalankan();
        }
      });
  };

  const pemantau: FSWatcher[] = [];
  try {
    for (const f of folder) {
      const w = watch(f, { recursive: true, signal: opsi.signal }, (_jenis, nama) => {
        const nm = nama === null ? null : String(nama);
        if (abaikanPerubahan(nm)) return;
        // Outputs written inside a watched folder must not trigger the next build.
        if (nm && path.resolve(f, nm).startsWith(outDir + path.sep)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(jalankan, jeda);
      });
      w.on('error', (e) => log(`peringatan: pemantauan ${relatif(io, f)} berhenti: ${e.message}`));
      pemantau.push(w);
    }
  } catch (e) {
    for (const w of pemantau) w.close();
    log(`kesalahan: tidak dapat memantau folder: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.environment;
  }

  try {
    if (!opsi.signal.aborted) {
      jalankan();
      await new Promise<void>((resolve) => opsi.signal.addEventListener('abort', () => resolve(), { once: true }));
    }
  } finally {
    if (timer) clearTimeout(timer);
    for (const w of pemantau) w.close();
    await berjalan;
    await browser.tutup();
  }
  log('Pemantauan dihentikan; browser ditutup.');
  return kode;
}

const relatif = (io: Io, p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');

/** The CLI entry: Ctrl-C (SIGINT) or SIGTERM stops the watch cleanly instead of killing Chromium mid-print. */
export async function tontonDariCli(tahun: number, opts: BuildOptions, io: Io): Promise<number> {
  const ac = new AbortController();
  const berhenti = (): void => ac.abort();
  process.once('SIGINT', berhenti);
  process.once('SIGTERM', berhenti);
  try {
    return await tontonBuild(tahun, opts, io, { signal: ac.signal });
  } finally {
    process.off('SIGINT', berhenti);
    process.off('SIGTERM', berhenti);
  }
}
