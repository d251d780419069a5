/**
 * Containment of the data folder: every file read for a year (YAML, narrative, pictures) must lie
 * inside the data folder once symlinks are resolved. A symlink that stays inside (a narrative
 * shared between two years) is fine; one that leads out (`narasi/lkjip/bab-1.md ->
 * /etc/passwd`, a year folder pointing into another agency's data) is refused with an error naming
 * the link, for every kind of file alike, so that nothing outside the folder the officer handed
 * over ends up printed in a public document.
 *
 * `resolveInsideData` is the one function the loader, the validator and the renderer call for a
 * path taken from the data folder or written in the data (a picture's file name).
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type LetakData =
  /** `path`: the real (canonical) absolute path, inside the data folder. */
  | { ok: true; path: string }
  /**
   * Leads out of the data folder. `tautan` is the absolute path of the symlink that leads out (or of
   * the path itself when it leaves by `..` or is absolute); `tujuan` is where it points.
   */
  | { ok: false; jenis: 'di-luar'; tautan: string; tujuan: string }
  /** Nothing there; `tautanRusak` when the last existing piece is a symlink whose target is missing. */
  | { ok: false; jenis: 'tidak-ada'; path: string; tautanRusak?: string }
  /** There but not readable (EACCES, ELOOP, ...): `kode` is the system's error code. */
  | { ok: false; jenis: 'tidak-terbaca'; path: string; kode: string };

/** Whether `anak` is `induk` or lies under it (both absolute and normalised). */
export function diDalam(induk: string, anak: string): boolean {
  const banding = process.platform === 'win32' || process.platform === 'darwin' ? (s: string) => s.toLowerCase() : (s: string) => s;
  const rel = path.relative(banding(induk), banding(anak));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolves `rel` (relative to the data folder `dataDir`; `/` or the platform separator) to its real
 * path and checks that it stays inside the data folder after every symlink on the way.
 */
export function resolveInsideData(dataDir: string, rel: string): LetakData {
  const akar = path.resolve(dataDir);
  const sasaran = path.resolve(akar, rel);
  if (!diDalam(akar, sasaran)) return { ok: false, jenis: 'di-luar', tautan: sasaran, tujuan: sasaran };
  let akarAsli: string;
  try {
    akarAsli = realpathSync(akar);
  } catch (error) {
    return gagal(akar, error);
  }
  let asli: string;
  try {
    asli = realpathSync(sasaran);
  } catch (error) {
    const hasil = gagal(sasaran, error);
    if (hasil.jenis !== 'tidak-ada') return hasil;
    // A symlink on the way that leads out says more than "missing" (its target may just not exist
    // on this machine); a dangling one inside is named as such.
    const luar = cariTautanKeluar(akar, akarAsli, sasaran);
    if (luar) return luar;
    const rusak = tautanRusak(akar, sasaran);
    return rusak ? { ...hasil, tautanRusak: rusak } : hasil;
  }
  if (diDalam(akarAsli, asli)) return { ok: true, path: asli };
  return cariTautanKeluar(akar, akarAsli, sasaran) ?? { ok: false, jenis: 'di-luar', tautan: sasaran, tujuan: asli };
}

function gagal(p: string, error: unknown): Extract<LetakData, { ok: false; jenis: 'tidak-ada' | 'tidak-terbaca' }> {
  const kode = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (kode === 'ENOENT' || kode === 'ENOTDIR') return { ok: false, jenis: 'tidak-ada', path: p };
  return { ok: false, jenis: 'tidak-terbaca', path: p, kode };
}

/**
 * The symlinks on the way from the data folder to `sasaran`, nearest first; stops where a part of
 * the way does not exist.
 */
function* tautanDiJalan(akar: string, sasaran: string): Generator<string> {
  let cur = akar;
  for (const bagian of path.relative(akar, sasaran).split(path.sep).filter(Boolean)) {
    cur = path.join(cur, bagian);
    try {
      if (!lstatSync(cur).isSymbolicLink()) continue;
    } catch {
      return;
    }
    yield cur;
  }
}

/** The first symlink between the data folder and `sasaran` whose target is outside the data folder. */
function cariTautanKeluar(akar: string, akarAsli: string, sasaran: string): Extract<LetakData, { jenis: 'di-luar' }> | undefined {
  for (const cur of tautanDiJalan(akar, sasaran)) {
    let tujuan: string;
    try {
      tujuan = readlinkSync(cur);
    } catch {
      tujuan = '?';
    }
    const mutlak = path.resolve(path.dirname(cur), tujuan);
    let asli = mutlak;
    try {
      asli = realpathSync(cur);
    } catch {
      // dangling: judge by where it points
    }
    if (!diDalam(akarAsli, asli) && !diDalam(akar, mutlak)) return { ok: false, jenis: 'di-luar', tautan: cur, tujuan };
  }
  return undefined;
}

/** The symlink on the way to `sasaran` whose target does not exist, if that is why it is missing. */
function tautanRusak(akar: string, sasaran: string): string | undefined {
  for (const cur of tautanDiJalan(akar, sasaran)) {
    try {
      realpathSync(cur);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? cur : undefined;
    }
  }
  return undefined;
}
