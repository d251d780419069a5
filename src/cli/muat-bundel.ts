/**
 * Loading the bundled program (dist/lkjip.cjs, and on demand dist/vendor/<package>.cjs) with V8's
 * code cache, for the launchers peluncur.ts (the `lkjip` command) and peluncur-pekerja.ts (its
 * worker thread that drives Chromium).
 *
 * Compiling JavaScript is most of a short command's start-up (validate, calc) and a good part of
 * a build's (the browser driver, the PDF and workbook libraries). V8 can serialise the code it
 * compiled and take it back on the next run, as Node 22's `module.enableCompileCache()` does for
 * modules; Node 20 has no such switch, so this loader does it for the bundle files: the first run
 * of a command compiles as usual and leaves `<bundle>.<node>-<arch>.<command>.cache` next to the
 * bundle; later runs start from it. A cache made by another Node version or for an older bundle
 * is rejected by V8 and made again. Where dist/ cannot be written (a system-wide install),
 * commands run without it. `LKJIP_TANPA_CACHE=1` ignores the caches (the benchmark compares).
 *
 * Only Node built-ins here: this must cost nothing before the bundle is read.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
export function muatBundel<T>(dir: string, perintah: string, vendor: readonly string[]): BundelDimuat<T> {
  const tanpaCache = process.env.LKJIP_TANPA_CACHE === '1';
  const dimuat: { script: vm.Script; cache: string; ada: boolean }[] = [];
  const dariVendor = new Map<string, unknown>();
  const requireNode = createRequire(path.join(dir, 'lkjip.cjs'));

  const muat = (berkas: string): unknown => {
    const cache = `${berkas}.${process.version}-${process.arch}.${perintah}.cache`;
    // The bundles are pure ASCII (scripts/bundel.mjs): latin1 reads them 3x faster than utf8.
    const sumber = readFileSync(berkas, 'latin1');
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
