/**
 * Writes a build's files into out/<tahun>/ as one set: after it, the folder holds either the set it
 * held before or the new one, never a mix of two builds, whatever stops the build (an error, a
 * signal, two builds at once, a power cut).
 *
 * How: under a lock per output folder (kunci-folder.ts), the new set is made complete in a sibling
 * folder on the same file system (`.<tahun>.lkjip-baru-*`: the new files, plus hard links to the
 * files of the old set this build does not produce, so `--only lkjip` keeps the Renja files), then
 * the old folder is renamed aside and the new one renamed into place: two renames, nothing
 * copied. A signal during that step waits for it to finish. A build killed between the two renames
 * (SIGKILL, power cut) leaves the old set aside; the next build puts it back before anything else.
 *
 * When out/<tahun> cannot be renamed as a whole (it is a mount point, a symlink the user made, a
 * Docker volume, or Windows refuses because a file in it is open), the set is staged inside it
 * (`.lkjip-tukar/`, same file system as its files) and swapped file by file with a journal: a
 * failure part-way rolls back, and a journal left by a killed build is rolled back by the next one.
 */
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ambilKunci, type PemilikKunci } from './kunci-folder.js';
import { asUserError, buatFolder, type OutputFile } from './write-atomic.js';

/** Named points a test can pause the writer at (see src/build/uji.ts). */
export type TitikTulis = 'sebelum-tukar' | 'saat-tukar';

export interface OpsiSet {
  /** Checked up to the swap; once the swap has begun it always completes (or rolls back on error). */
  signal?: AbortSignal;
  /** Test hook: awaited at each named point. */
  titik?: (nama: TitikTulis) => Promise<void>;
  /** How long to wait for another build's lock (ms). */
  batasKunciMs?: number;
  /** Called once when another build holds the lock and this one waits. */
  onMenunggu?: (pemilik: PemilikKunci | undefined, folderKunci: string) => void;
  /** The rename used for the folder swap (tests inject EXDEV here). */
  renameFolder?: (dari: string, ke: string) => Promise<void>;
}

export interface HasilSet {
  /** Absolute paths of the files written, in the order given. */
  ditulis: string[];
  /** `folder`: the whole folder was swapped; `per-berkas`: swapped file by file inside it. */
  cara: 'folder' | 'per-berkas';
}

const AWALAN = (base: string): string => `.${base}.lkjip-`;
const JURNAL = '.lkjip-tukar';
/** Temp folders of the earlier writer (no owner, no lock): removed once this old. */
const LAMA_WARISAN_MS = 10 * 60_000;
/** Errors of a directory rename that mean "not here as a whole": fall back to file by file. */
const TIDAK_BISA_TUKAR_FOLDER = new Set(['EXDEV', 'EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY', 'EEXIST', 'EINVAL']);

export async function tulisSetKeluaran(outDir: string, files: readonly OutputFile[], opsi: OpsiSet = {}): Promise<HasilSet> {
  const target = path.resolve(outDir);
  const rels = files.map((f) => periksaRel(f.relPath));
  const induk = path.dirname(target);
  try {
    await buatFolder(induk);
  } catch (error) {
    throw asUserError(error, target);
  }
  let kunci;
  try {
    kunci = await ambilKunci(target, {
      ...(opsi.batasKunciMs !== undefined ? { batasMs: opsi.batasKunciMs } : {}),
      ...(opsi.onMenunggu ? { onMenunggu: opsi.onMenunggu } : {}),
      ...(opsi.signal ? { signal: opsi.signal } : {}),
    });
  } catch (error) {
    throw asUserError(error, target);
  }
  try {
    await pulihkan(target);
    cekBerhenti(opsi.signal);
    const jenis = await jenisTarget(target);
    if (jenis === 'folder-lain') return await tulisPerBerkas(target, files, rels, opsi);
    try {
      return await tulisFolder(target, files, rels, opsi, jenis === 'tidak-ada');
    } catch (error) {
      if (!(error instanceof TukarFolderGagal)) throw error;
      return await tulisPerBerkas(target, files, rels, opsi);
    }
  } catch (error) {
    throw asUserError(error, target);
  } finally {
    await kunci.lepas().catch(() => undefined);
  }
}

/** The swap of the whole folder failed before anything moved: try file by file. */
class TukarFolderGagal extends Error {}

function cekBerhenti(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/**
 * - `tidak-ada`: no out/<tahun> yet.
 * - `folder`: an ordinary folder on the same file system as its parent: swapped whole.
 * - `folder-lain`: a symlink to a folder, or a mount point: only its content can be replaced.
 */
async function jenisTarget(target: string): Promise<'tidak-ada' | 'folder' | 'folder-lain'> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'tidak-ada';
    throw error;
  }
  if (info.isSymbolicLink()) {
    const asli = await stat(target); // a dangling link throws ENOENT: the user's to fix
    if (!asli.isDirectory()) throw Object.assign(new Error(`${target} bukan folder`), { code: 'ENOTDIR' });
    return 'folder-lain';
  }
  if (!info.isDirectory()) throw Object.assign(new Error(`${target} bukan folder`), { code: 'EEXIST' });
  const induk = await stat(path.dirname(target));
  return induk.dev === info.dev ? 'folder' : 'folder-lain';
}

async function tulisFolder(
  target: string,
  files: readonly OutputFile[],
  rels: readonly string[],
  opsi: OpsiSet,
  baru: boolean,
): Promise<HasilSet> {
  const induk = path.dirname(target);
  const base = path.basename(target);
  // mkdir, not mkdtemp: mkdtemp makes the folder private (0700), and it becomes out/<tahun>.
  const staging = path.join(induk, `${AWALAN(base)}baru-${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  if (!baru) await chmod(staging, (await stat(target)).mode & 0o7777).catch(() => undefined);
  let lama: string | undefined;
  try {
    for (const [i, f] of files.entries()) {
      const p = path.join(staging, rels[i] as string);
      await buatFolder(path.dirname(p));
      await writeFile(p, f.data);
    }
    if (!baru) await bawaLama(target, staging, new Set(rels));
    await opsi.titik?.('sebelum-tukar');
    cekBerhenti(opsi.signal);
    const ganti = opsi.renameFolder ?? rename;
    // From here on the swap completes whatever arrives (a signal waits for it).
    if (!baru) {
      lama = path.join(induk, `${AWALAN(base)}lama-${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        await ganti(target, lama);
      } catch (error) {
        lama = undefined;
        if (TIDAK_BISA_TUKAR_FOLDER.has((error as NodeJS.ErrnoException).code ?? '')) throw new TukarFolderGagal();
        throw error;
      }
      await opsi.titik?.('saat-tukar');
    }
    try {
      await ganti(staging, target);
    } catch (error) {
      if (lama !== undefined) await rename(lama, target).catch(() => undefined);
      lama = undefined;
      if (TIDAK_BISA_TUKAR_FOLDER.has((error as NodeJS.ErrnoException).code ?? '')) throw new TukarFolderGagal();
      throw error;
    }
    return { ditulis: rels.map((r) => path.join(target, r)), cara: 'folder' };
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (lama !== undefined) await rm(lama, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Puts into `staging` every entry of the old set that the new one does not replace: hard links
 * (nothing is copied; the old set is never modified in place), a copy where links are not allowed.
 */
async function bawaLama(dari: string, ke: string, baru: ReadonlySet<string>, rel = ''): Promise<void> {
  for (const e of await readdir(path.join(dari, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : path.join(rel, e.name);
    if (rel === '' && e.name.startsWith(JURNAL)) continue;
    if (baru.has(r)) continue;
    const asal = path.join(dari, r);
    const tujuan = path.join(ke, r);
    if (e.isDirectory()) {
      await mkdir(tujuan, { recursive: true });
      await bawaLama(dari, ke, baru, r);
    } else if (e.isFile()) {
      await buatFolder(path.dirname(tujuan));
      await link(asal, tujuan).catch(() => copyFile(asal, tujuan));
    } else if (e.isSymbolicLink()) {
      await buatFolder(path.dirname(tujuan));
      await symlink(await readlink(asal), tujuan);
    }
    // FIFOs, sockets, devices: not something a build made or a person keeps in out/; left behind.
  }
}

interface Jurnal {
  pid: number;
  berkas: { rel: string; adaLama: boolean }[];
}

async function tulisPerBerkas(target: string, files: readonly OutputFile[], rels: readonly string[], opsi: OpsiSet): Promise<HasilSet> {
  const asli = path.resolve(path.dirname(target), await realpath(target));
  await buatFolder(asli);
  const kerja = path.join(asli, JURNAL);
  await rm(kerja, { recursive: true, force: true });
  const baru = path.join(kerja, 'baru');
  const lama = path.join(kerja, 'lama');
  await mkdir(baru, { recursive: true });
  try {
    for (const [i, f] of files.entries()) {
      const p = path.join(baru, rels[i] as string);
      await buatFolder(path.dirname(p));
      await writeFile(p, f.data);
    }
    const jurnal: Jurnal = { pid: process.pid, berkas: [] };
    for (const rel of rels) jurnal.berkas.push({ rel, adaLama: await ada(path.join(asli, rel)) });
    await writeFile(path.join(kerja, 'jurnal.json'), JSON.stringify(jurnal));
    await opsi.titik?.('sebelum-tukar');
    cekBerhenti(opsi.signal);
    const selesai: Jurnal['berkas'] = [];
    try {
      for (const b of jurnal.berkas) {
        const tujuan = path.join(asli, b.rel);
        await buatFolder(path.dirname(tujuan));
        if (b.adaLama) {
          await buatFolder(path.dirname(path.join(lama, b.rel)));
          await rename(tujuan, path.join(lama, b.rel));
        }
        selesai.push(b);
        await rename(path.join(baru, b.rel), tujuan);
        if (selesai.length === 1) await opsi.titik?.('saat-tukar');
      }
    } catch (error) {
      await gulungBalik(asli, kerja, selesai);
      throw error;
    }
    return { ditulis: rels.map((r) => path.join(target, r)), cara: 'per-berkas' };
  } finally {
    await rm(kerja, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Undoes a file-by-file swap: old files back in place, files that were new removed. */
async function gulungBalik(folder: string, kerja: string, berkas: Jurnal['berkas']): Promise<void> {
  for (const b of [...berkas].reverse()) {
    const tujuan = path.join(folder, b.rel);
    const simpanan = path.join(kerja, 'lama', b.rel);
    if (b.adaLama) {
      if (await ada(simpanan)) await rename(simpanan, tujuan).catch(() => undefined);
    } else if (!(await ada(path.join(kerja, 'baru', b.rel)))) {
      await rm(tujuan, { force: true }).catch(() => undefined);
    }
  }
}

/**
 * What a killed build left behind, put right under the lock (so no live build owns it): an old set
 * moved aside while the new one never arrived goes back; half-written new sets and old sets already
 * replaced are removed; a file-by-file swap cut short is rolled back. Temp folders of the earlier
 * writer (`.<tahun>-tmp-*`) are removed once they are old enough that no build can still be using them.
 */
export async function pulihkan(target: string): Promise<void> {
  const induk = path.dirname(target);
  const base = path.basename(target);
  let nama: string[];
  try {
    nama = await readdir(induk);
  } catch {
    return;
  }
  const awalan = AWALAN(base);
  const lama = nama.filter((n) => n.startsWith(`${awalan}lama-`)).sort();
  for (const n of lama) {
    const p = path.join(induk, n);
    if (!(await ada(target))) await rename(p, target).catch(() => undefined);
    else await rm(p, { recursive: true, force: true }).catch(() => undefined);
  }
  for (const n of nama) {
    const p = path.join(induk, n);
    if (n.startsWith(`${awalan}baru-`)) await rm(p, { recursive: true, force: true }).catch(() => undefined);
    else if (n.startsWith(`.${base}-tmp-`)) {
      const umur = await stat(p).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (umur > LAMA_WARISAN_MS) await rm(p, { recursive: true, force: true }).catch(() => undefined);
    }
  }
  // A file-by-file swap cut short inside the folder (or the folder a symlink points to).
  let asli: string;
  try {
    asli = path.resolve(induk, await realpath(target));
  } catch {
    return;
  }
  const kerja = path.join(asli, JURNAL);
  let jurnal: Jurnal;
  try {
    jurnal = JSON.parse(await readFile(path.join(kerja, 'jurnal.json'), 'utf8')) as Jurnal;
  } catch {
    await rm(kerja, { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  await gulungBalik(asli, kerja, jurnal.berkas);
  await rm(kerja, { recursive: true, force: true }).catch(() => undefined);
}

async function ada(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

function periksaRel(relPath: string): string {
  const rel = path.normalize(relPath.replace(/[\\/]+/g, path.sep));
  if (rel === '' || rel === '.' || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`) || rel.startsWith(JURNAL)) {
    throw new Error(`tulisSetKeluaran: relPath harus di dalam folder keluaran: ${relPath}`);
  }
  return rel;
}

