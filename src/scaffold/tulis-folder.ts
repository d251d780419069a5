/**
 * Writing a new folder of data files all or nothing: the files go into a hidden folder beside the
 * target, which is then renamed into place in one step. A failure half-way (disk full, no
 * permission) leaves no half-made folder behind, and an existing folder with anything in it is
 * never touched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One file of a new folder, by its path inside that folder. */
export interface BerkasBaru {
  relPath: string;
  /** Text, or the bytes of a picture. */
  isi: string | Buffer;
}

/** Whether `folder` may be created: it does not exist, or is an empty folder. */
export function bolehDibuat(folder: string): boolean {
  if (!existsSync(folder)) return true;
  try {
    return statSync(folder).isDirectory() && readdirSync(folder).length === 0;
  } catch {
    return false;
  }
}

/** Why a folder could not be written: the errno code and the system's message. */
export class GagalTulis extends Error {
  constructor(
    readonly kode: string,
    pesan: string,
  ) {
    super(pesan);
  }
}

/**
 * Creates `folder` with `berkas`, exclusively. Throws GagalTulis on a file-system failure (nothing
 * is left behind) and when the folder filled up meanwhile (rename refuses a non-empty target).
 */
export async function tulisFolderBaru(folder: string, berkas: readonly BerkasBaru[], awalan: string): Promise<void> {
  const induk = path.dirname(folder);
  let sementara: string | undefined;
  try {
    await mkdir(induk, { recursive: true });
    sementara = await mkdtemp(path.join(induk, `.${awalan}-`));
    for (const b of berkas) {
      const abs = path.join(sementara, b.relPath);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, b.isi, { flag: 'wx' });
    }
    // rename() replaces only an empty folder; one that filled up meanwhile makes it fail (ENOTEMPTY).
    await rename(sementara, folder);
    sementara = undefined;
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (!kode) throw e;
    throw new GagalTulis(kode, (e as Error).message);
  } finally {
    if (sementara) await rm(sementara, { recursive: true, force: true }).catch(() => undefined);
  }
}
