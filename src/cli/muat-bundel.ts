/**
 * Loading the bundled program (dist/lkjip.cjs, and on demand dist/vendor/<package>.cjs) with V8's
 * code cache, for the launchers peluncur.ts (the `lkjip` command) and peluncur-pekerja.ts (its
 * worker thread that drives Chromium).
 *
 * Compiling JavaScript is most of a short command's start-up (validate, calc) and a good part of
 * a build's (the browser driver, the PDF and workbook libraries). V8 can serialise the code it
 * compiled and take it back on the next run, as Node 22's `module.enableCompileCache()` does for
 * modules; Node 20 has no such switch, so this loader does it for the bundle files: the first run
 * of a command compiles as usual and leaves a cache file per bundle file, Node version, architecture
 * and command; later runs start from it. The caches live in the user's temp folder
 * (`<tmp>/lkjip-cache-<uid>/`, or `LKJIP_CACHE_DIR`), like Node 22's own compile cache, never beside
 * the bundle: an installed package is never written to (README, "Untuk pengguna"). Their names carry
 * the bundle's path, size and time, so two installs or an older bundle never share one; a cache V8
 * rejects anyway is made again. A folder that cannot be made, or that belongs to another user, means
 * no cache. `LKJIP_TANPA_CACHE=1` ignores the caches (the benchmark compares).
 *
 * Only Node built-ins here: this must cost nothing before the bundle is read.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

export interface BundelDimuat<T> {
  bundel: T;
  /** Writes the caches that were missing or rejected (call once, at the end). */
  simpanCache(): void;
}

/**
 * Runs `<dir>/lkjip.cjs` as a CommonJS module and returns its exports; `require` of a package of
 * `vendor` loads `<dir>/vendor/<package>.cjs` the same way. `perintah` names the caches.
 */
/** FNV-1a of a short string, in hex: names a cache without loading node:crypto. */
function sidik(teks: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < teks.length; i++) h = Math.imul(h ^ teks.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The user's cache folder, made private on first use; undefined when it cannot be trusted. */
export function folderCache(): string | undefined {
  const uid = process.getuid?.();
  const folder = process.env.LKJIP_CACHE_DIR || path.join(os.tmpdir(), `lkjip-cache-${uid ?? os.userInfo().username}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // A shared temp folder: never read code another user could have put there.
    if (uid !== undefined && statSync(folder).uid !== uid) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

export function muatBundel<T>(dir: string, perintah: string, vendor: readonly string[]): BundelDimuat<T> {
  const folder = process.env.LKJIP_TANPA_CACHE === '1' ? undefined : folderCache();
  const tanpaCache = folder === undefined;
  const dimuat: { script: vm.Script; cache: string; ada: boolean }[] = [];
  const dariVendor = new Map<string, unknown>();
  const requireNode = createRequire(path.join(dir, 'lkjip.cjs'));

  const muat = (berkas: string): unknown => {
    // The bundles are pure ASCII (scripts/bundel.mjs): latin1 reads them 3x faster than utf8.
    const sumber = readFileSync(berkas, 'latin1');
    const cache = folder
      ? path.join(folder, `${path.basename(berkas)}-${sidik(`${berkas}\0${sumber.length}\0${statSync(berkas).mtimeMs}`)}.${process.version}-${process.arch}.${perintah}.cache`)
      : '';
    let cachedData: Buffer | undefined;
    if (!tanpaCache && existsSync(cache)) {
      try {
        cachedData = readFileSync(cache);
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${sumber}\n})`, {
      filename: berkas,
      ...(cachedData ? { cachedData } : {}),
    });
    dimuat.push({ script, cache, ada: cachedData !== undefined && script.cachedDataRejected !== true });
    const modul = { exports: {} as unknown };
    const req = (id: string): unknown => {
      if (!vendor.includes(id)) return requireNode(id);
      if (!dariVendor.has(id)) dariVendor.set(id, muat(path.join(dir, 'vendor', `${id}.cjs`)));
      return dariVendor.get(id);
    };
    const fungsi = script.runInThisContext() as (...a: unknown[]) => void;
    fungsi.call(modul.exports, modul.exports, Object.assign(req, requireNode), modul, berkas, path.dirname(berkas));
    return modul.exports;
  };

  return {
    bundel: muat(path.join(dir, 'lkjip.cjs')) as T,
    simpanCache() {
      if (tanpaCache) return;
      for (const m of dimuat) {
        if (m.ada) continue;
        m.ada = true;
        // Written once per command, atomically: another lkjip starting meanwhile reads the old
        // file or the new one, never half of one.
        const sementara = `${m.cache}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        try {
          writeFileSync(sementara, m.script.createCachedData());
          renameSync(sementara, m.cache);
        } catch {
          rmSync(sementara, { force: true });
        }
      }
    },
  };
}
