/**
 * `build <tahun> --watch`: build once, then rebuild whenever a file under the data folder or
 * templates/ changes, keeping Chromium open between builds (a rebuild costs only the render and
 * print). Changes are debounced, since an editor's save is often several events (temp file,
 * rename, chmod), and changes during a build queue exactly one more build. A build that fails on
 * the data reports its diagnostics and the watch goes on; so does one that fails in the browser
 * (which is then restarted on the next build). The folders stay watched when they are replaced
 * whole (pantau-folder.ts).
 */
import path from 'node:path';
import { isExportError, type ExportError } from '../export/export-error.js';
import { EXIT } from '../kode-keluar.js';
import { buatBrowser } from './pekerja-cetak.js';
import { buildDokumen, type HasilTahun, type OpsiBuild } from './index.js';
import { pantauFolder, type Pantauan } from './pantau-folder.js';

export interface OpsiTonton {
  /** Stops watching; the build under way is stopped too, then the browser is closed. */
  signal: AbortSignal;
  /** Called after every build, successful or not. */
  onBuild?: (hasil: HasilTahun) => void;
  /** Quiet time after the last change before rebuilding (ms). Default 300. */
  jedaMs?: number;
  /** Folders to watch; default the data folder and templates/. */
  folder?: string[];
  onKejadian?: (k: KejadianTonton) => void;
}

export type KejadianTonton =
  | { jenis: 'ulang'; ke: number; waktu: Date }
  | { jenis: 'memantau'; folder: string[]; hasil: HasilTahun }
  /** The browser failed (crashed, hung): reported, and a fresh one is started for the next build. */
  | { jenis: 'galat'; galat: ExportError }
  | { jenis: 'galat-tak-terduga'; galat: unknown }
  | { jenis: 'pantau'; folder: string; status: 'hilang' | 'pulih' | 'galat'; pesan?: string }
  | { jenis: 'berhenti' };

/** Editor leftovers that are not content: swap files, backups, lock files, hidden temp files. */
export function abaikanPerubahan(nama: string | null): boolean {
  if (!nama) return false;
  const dasar = path.basename(nama);
  return dasar.startsWith('.') || dasar.endsWith('~') || /\.(swp|swx|tmp)$/i.test(dasar) || dasar.startsWith('#');
}

/** Watches and rebuilds until `signal` aborts. Returns the exit code of the last build. */
export async function tontonBuild(opsi: OpsiBuild & { tahun: number }, t: OpsiTonton): Promise<number> {
  const kabar = (k: KejadianTonton): void => t.onKejadian?.(k);
  const jeda = t.jedaMs ?? 300;
  const { templatesDir } = await import('../render/assets.js');
  const folder = t.folder ?? [path.resolve(opsi.cwd, opsi.data), templatesDir()];
  const outDir = path.resolve(opsi.cwd, opsi.out);
  const browser = buatBrowser({ env: opsi.env, timeoutMs: opsi.timeoutMs, browser: opsi.browser });
  let kode: number = EXIT.ok;
  let berjalan: Promise<void> | undefined;
  let lagi = false;
  let timer: NodeJS.Timeout | undefined;
  let ke = 0;

  const bangun = async (): Promise<void> => {
    ke += 1;
    if (ke > 1) kabar({ jenis: 'ulang', ke, waktu: new Date() });
    let hasil: HasilTahun;
    const t0 = performance.now();
    try {
      const l = await buildDokumen({ ...opsi, signal: t.signal }, { browser });
      hasil = l.tahun[0] ?? { tahun: opsi.tahun, ok: false, kode_keluar: l.kode_keluar, keluaran: '', dokumen: [], diagnostik: [], durasi_ms: l.durasi_ms };
    } catch (e) {
      if (!isExportError(e)) throw e;
      if (!t.signal.aborted) kabar({ jenis: 'galat', galat: e });
      // The browser may have died or hung: start a fresh one for the next build.
      await browser.tutup().catch(() => undefined);
      hasil = { tahun: opsi.tahun, ok: false, kode_keluar: EXIT.environment, keluaran: '', dokumen: [], diagnostik: [], durasi_ms: Math.round(performance.now() - t0) };
    }
    kode = hasil.kode_keluar;
    t.onBuild?.(hasil);
    if (!t.signal.aborted) kabar({ jenis: 'memantau', folder, hasil });
  };

  const jalankan = (): void => {
    timer = undefined;
    if (t.signal.aborted) return;
    if (berjalan) {
      lagi = true;
      return;
    }
    berjalan = bangun()
      .catch((e: unknown) => {
        kabar({ jenis: 'galat-tak-terduga', galat: e });
        kode = EXIT.environment;
      })
      .finally(() => {
        berjalan = undefined;
        if (lagi && !t.signal.aborted) {
          lagi = false;
          jalankan();
        }
      });
  };
  const ubah = (f: string) => (nama: string | null): void => {
    if (abaikanPerubahan(nama)) return;
    // Outputs written inside a watched folder must not trigger the next build.
    if (nama && path.resolve(f, nama).startsWith(outDir + path.sep)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(jalankan, jeda);
  };

  const pantauan: Pantauan[] = [];
  try {
    for (const f of folder) {
      pantauan.push(
        await pantauFolder(f, {
          signal: t.signal,
          onUbah: ubah(f),
          onStatus: (status, pesan) => kabar({ jenis: 'pantau', folder: f, status, ...(pesan !== undefined ? { pesan } : {}) }),
        }),
      );
    }
  } catch (e) {
    for (const p of pantauan) p.tutup();
    throw e;
  }

  try {
    if (!t.signal.aborted) {
      jalankan();
      await new Promise<void>((resolve) => t.signal.addEventListener('abort', () => resolve(), { once: true }));
    }
  } finally {
    if (timer) clearTimeout(timer);
    for (const p of pantauan) p.tutup();
    await berjalan;
    await browser.tutup();
  }
  kabar({ jenis: 'berhenti' });
  return kode;
}
