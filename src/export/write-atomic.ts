/**
 * Writes a build's outputs all or nothing. Everything goes to a temp folder next to outDir (same
 * file system, so rename is atomic per file); only when every file is written are they renamed
 * into place. Files being replaced are first moved aside into the temp folder, so if a rename
 * fails half-way the ones already moved are put back: a failed build leaves the previous outputs
 * as they were, never half a PDF.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { ExportError } from './export-error.js';

export interface OutputFile {
  /** Path inside outDir, with forward or platform slashes; no `..`. */
  relPath: string;
  data: Uint8Array | string;
}

/** File-system errors that are the user's to fix (permissions, full disk, read-only mount...). */
const USER_FS_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EBUSY', 'ENAMETOOLONG']);

/** Returns the absolute paths written, in the order given. */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const target = resolve(outDir);
  const relPaths = files.map((file) => checkRelPath(file.relPath));
  const parent = dirname(target);
  let temp: string | undefined;
  try {
    await buatFolder(target);
    temp = await mkdtemp(join(parent, `.${basename(target)}-tmp-`));
    const staged = join(temp, 'baru');
    const aside = join(temp, 'lama');
    for (const [i, file] of files.entries()) {
      const path = join(staged, relPaths[i] as string);
      await buatFolder(dirname(path));
      await writeFile(path, file.data);
    }
    await swapIn(staged, aside, target, relPaths);
    return relPaths.map((rel) => join(target, rel));
  } catch (error) {
    throw asUserError(error, target);
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function swapIn(staged: string, aside: string, target: string, relPaths: readonly string[]): Promise<void> {
  const done: { rel: string; hadOld: boolean }[] = [];
  try {
    for (const rel of relPaths) {
      const dest = join(target, rel);
      await buatFolder(dirname(dest));
      const hadOld = await exists(dest);
      if (hadOld) {
        await buatFolder(dirname(join(aside, rel)));
        await rename(dest, join(aside, rel));
      }
      done.push({ rel, hadOld });
      await rename(join(staged, rel), dest);
    }
  } catch (error) {
    for (const { rel, hadOld } of done.reverse()) {
      const dest = join(target, rel);
      await rm(dest, { force: true }).catch(() => undefined);
      if (hadOld) await rename(join(aside, rel), dest).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own `mkdir({ recursive: true })` spins forever when a
 * parent exists but refuses children with ENOENT (e.g. under /proc); an output folder there must
 * fail at once with LKJ503, not hang the build.
 */
export async function buatFolder(folder: string): Promise<void> {
  const bagian: string[] = [];
  let cur = resolve(folder);
  while (!(await exists(cur))) {
    bagian.unshift(cur);
    const atas = dirname(cur);
    if (atas === cur) break;
    cur = atas;
  }
  for (const f of bagian) {
    try {
      await mkdir(f);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function checkRelPath(relPath: string): string {
  const rel = normalize(relPath.replace(/[\\/]+/g, sep));
  if (rel === '' || rel === '.' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) {
    throw new Error(`writeOutputs: relPath harus di dalam folder keluaran: ${relPath}`);
  }
  return rel;
}

/** A file-system error the user can fix, as LKJ503 naming the folder; anything else unchanged. */
export function asUserError(error: unknown, outDir: string): unknown {
  if (error instanceof ExportError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !USER_FS_ERRORS.has(code)) return error;
  const why: Record<string, string> = {
    ENOENT: 'folder induknya tidak ada atau tidak dapat dibuat',
    EACCES: 'tidak punya izin menulis',
    EPERM: 'tidak punya izin menulis',
    EROFS: 'sistem berkasnya hanya-baca',
    ENOSPC: 'disk penuh',
    EDQUOT: 'kuota disk habis',
    ENOTDIR: 'sebagian jalurnya adalah berkas, bukan folder',
    EISDIR: 'ada folder dengan nama berkas keluaran',
    EEXIST: 'ada berkas dengan nama folder keluaran',
    EBUSY: 'berkas sedang dipakai program lain',
    ENAMETOOLONG: 'nama jalurnya terlalu panjang',
  };
  return new ExportError(
    'LKJ503',
    `Tidak dapat menulis keluaran ke folder ${outDir}: ${why[code] ?? code} (${code}).`,
    `Pilih folder keluaran lain, atau perbaiki izin folder ${outDir} dan folder di atasnya ` +
      '(berkas sementara dibuat di sebelahnya). Keluaran lama tidak diubah.',
    { cause: error },
  );
}

export interface BerkasGanti {
  /** Absolute path of the file to create or replace. */
  path: string;
  data: Uint8Array | string;
}

/** File-system calls of `gantiBerkas`, replaceable in tests to make a step fail. */
export interface FsGanti {
  rename(dari: string, ke: string): Promise<void>;
}

/**
 * Replaces several files in place, all or none (the data files changed by `lkjip impor`). Each new
 * content is first written to a temp file beside its target (same folder, so rename is atomic);
 * only when all are written are the targets moved aside and the new files renamed in. If any
 * rename fails, the ones done are undone and the old files put back, then the error is thrown as
 * LKJ745. A file that did not exist before is simply removed again on rollback.
 */
export async function gantiBerkas(daftar: readonly BerkasGanti[], fs: FsGanti = { rename }): Promise<void> {
  const acak = `${process.pid}-${Date.now().toString(36)}`;
  const langkah = daftar.map((b) => {
    const dir = dirname(b.path);
    const nama = basename(b.path);
    return { ...b, baru: join(dir, `.${nama}.lkjip-baru-${acak}`), lama: join(dir, `.${nama}.lkjip-lama-${acak}`), adaLama: false };
  });
  const selesai: typeof langkah = [];
  try {
    for (const l of langkah) {
      await buatFolder(dirname(l.path));
      await writeFile(l.baru, l.data, { flag: 'wx' });
    }
    for (const l of langkah) {
      l.adaLama = await exists(l.path);
      if (l.adaLama) await fs.rename(l.path, l.lama);
      selesai.push(l);
      await fs.rename(l.baru, l.path);
    }
  } catch (error) {
    for (const l of selesai.reverse()) {
      if (l.adaLama) {
        if (await exists(l.lama)) {
          await rm(l.path, { force: true }).catch(() => undefined);
          await rename(l.lama, l.path).catch(() => undefined);
        }
      } else await rm(l.path, { force: true }).catch(() => undefined);
    }
    await Promise.all(langkah.map((l) => rm(l.baru, { force: true }).catch(() => undefined)));
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new ExportError(
      'LKJ745',
      `Berkas data tidak dapat ditulis (${code ?? (error as Error).message}); semua berkas dikembalikan seperti semula.`,
      'Periksa izin tulis folder data dan ruang disk, tutup program lain yang membuka berkasnya, lalu ulangi.',
      { cause: error },
    );
  }
  await Promise.all(langkah.filter((l) => l.adaLama).map((l) => rm(l.lama, { force: true }).catch(() => undefined)));
}
