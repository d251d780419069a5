/**
 * The JSON Schemas inside a data folder (`<data>/skema/`): every data file's first line points at
 * its schema with a relative path (`# yaml-language-server: $schema=../skema/kinerja.schema.json`),
 * so editors check the files wherever the folder is copied. `lkjip baru` writes the copy,
 * `lkjip skema` refreshes it after the tool is updated (and can point the files' lines at it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BERKAS_DASAR, BERKAS_TAHUN, namaSkema, type JenisBerkas } from '../load/kinds.js';
import { cariFolderSkema } from '../validate/schema.js';
import type { BerkasBaru } from './tulis-folder.js';

/** The folder of the schema copy inside a data folder. */
export const FOLDER_SKEMA = 'skema';

export const AWALAN_BARIS_SKEMA = '# yaml-language-server: $schema=';

/** The package's schema files as files of a new data folder (`skema/<nama>.schema.json`). */
export function berkasSkema(dir = cariFolderSkema()): BerkasBaru[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()
    .map((n) => ({ relPath: `${FOLDER_SKEMA}/${n}`, isi: readFileSync(path.join(dir, n), 'utf8') }));
}

/** The `$schema` line of a file at `relPath` inside the data folder, pointing at the copy. */
export function barisSkema(relPath: string, jenis: JenisBerkas): string {
  const dari = path.posix.dirname(relPath);
  const ke = path.posix.relative(dari, FOLDER_SKEMA) || '.';
  return `${AWALAN_BARIS_SKEMA}${ke}/${namaSkema(jenis)}`;
}

/** A data file already there, as far as its `$schema` line goes. */
export interface BerkasBerbaris {
  /** Path inside the data folder, with `/`: `2024/pk.yaml`. */
  relatif: string;
  /** Its text (only the first line is read). */
  text: string;
  jenis?: JenisBerkas;
}

const POLA_BARIS = /^# yaml-language-server: \$schema=(\S+)/;

/**
 * The `$schema` line for a new file at `relPath` inside `dataDir` (written by `lkjip init` or
 * `lkjip impor`), chosen so that it resolves from where the file will be, wherever the data folder
 * is and wherever lkjip is installed:
 * 1. the folder's own copy, `skema/` (made by `lkjip baru` or `lkjip skema`): portable;
 * 2. else the schema folder the other files' lines reach (files of the same kind first), when it
 *    holds this schema: in a checkout of lkjip that is `../../schemas/`, as before;
 * 3. else the schemas/ of the lkjip that runs, relative to the file (a file:// URL when no relative
 *    path exists, as between two Windows drives): right on this machine; `lkjip skema --baris`
 *    makes the folder portable.
 * A line of the same kind that names a URL (a schema served on the web) is kept as it is.
 */
export function barisSkemaBaru(
  dataDir: string,
  relPath: string,
  jenis: JenisBerkas,
  ada: Iterable<BerkasBerbaris>,
  folderAlat: string = cariFolderSkema(),
): string {
  const nama = namaSkema(jenis);
  const akar = path.resolve(dataDir);
  const dariFolder = path.dirname(path.join(akar, relPath));
  const baris = (folderSkema: string): string => {
    const rel = path.relative(dariFolder, folderSkema);
    if (path.isAbsolute(rel)) return `${AWALAN_BARIS_SKEMA}${pathToFileURL(path.join(folderSkema, nama)).href}`;
    return `${AWALAN_BARIS_SKEMA}${[...rel.split(path.sep).filter(Boolean), nama].join('/')}`;
  };
  if (existsSync(path.join(akar, FOLDER_SKEMA, nama))) return barisSkema(relPath.split(path.sep).join('/'), jenis);
  const daftar = [...ada];
  const urut = [...daftar.filter((f) => f.jenis === jenis), ...daftar.filter((f) => f.jenis !== jenis)];
  for (const f of urut) {
    const target = POLA_BARIS.exec(f.text.slice(0, 300))?.[1];
    if (!target) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      // A URL: kept for files of its own kind; it says nothing about where other schemas are.
      if (f.jenis === jenis) return `${AWALAN_BARIS_SKEMA}${target}`;
      continue;
    }
    const folderSkema = path.dirname(path.resolve(akar, path.dirname(f.relatif), target));
    if (existsSync(path.join(folderSkema, nama))) return baris(folderSkema);
  }
  return baris(folderAlat);
}

/** Whether the copy in `dataDir/skema/` differs from the tool's schemas (undefined: no copy). */
export function skemaUsang(dataDir: string, dir = cariFolderSkema()): string[] | undefined {
  const salinan = path.join(dataDir, FOLDER_SKEMA);
  if (!existsSync(salinan)) return undefined;
  const beda: string[] = [];
  for (const b of berkasSkema(dir)) {
    const f = path.join(dataDir, b.relPath);
    let isi: string | undefined;
    try {
      isi = readFileSync(f, 'utf8');
    } catch {
      isi = undefined;
    }
    if (isi !== b.isi) beda.push(path.basename(b.relPath));
  }
  return beda;
}

/** The data files a `$schema` line can be written for: relative path and kind. */
function berkasData(dataDir: string): { relPath: string; jenis: JenisBerkas }[] {
  const out: { relPath: string; jenis: JenisBerkas }[] = [];
  for (const b of BERKAS_DASAR) if (existsSync(path.join(dataDir, b.path))) out.push({ relPath: b.path, jenis: b.jenis });
  let isi: string[] = [];
  try {
    isi = readdirSync(dataDir).filter((n) => /^\d{4}$/.test(n)).sort();
  } catch {
    return out;
  }
  for (const tahun of isi) {
    for (const [nama, jenis] of Object.entries(BERKAS_TAHUN)) {
      for (const ext of ['yaml', 'yml']) {
        const rel = `${tahun}/${nama}.${ext}`;
        if (existsSync(path.join(dataDir, rel))) out.push({ relPath: rel, jenis });
      }
    }
  }
  return out;
}

export interface HasilSkema {
  /** Schema files written into skema/ (new or changed). */
  ditulis: string[];
  /** Schema files in skema/ the tool no longer has, removed. */
  dihapus: string[];
  /** Data files whose `$schema` line does not point at the copy: the line they should have. */
  barisLain: { relPath: string; baris: string }[];
  /** Data files whose line was rewritten (with `tulisBaris`). */
  barisDitulis: string[];
}

/**
 * Refreshes `<dataDir>/skema/` from the tool's schemas (each file replaced whole, through a
 * temporary file) and lists, or with `tulisBaris` rewrites, the data files whose first line does
 * not point at the copy. Only that one comment line of a data file is ever touched.
 */
export async function perbaruiSkema(dataDir: string, opsi: { tulisBaris?: boolean } = {}): Promise<HasilSkema> {
  const folder = path.join(dataDir, FOLDER_SKEMA);
  await mkdir(folder, { recursive: true });
  const hasil: HasilSkema = { ditulis: [], dihapus: [], barisLain: [], barisDitulis: [] };
  const baru = berkasSkema();
  const nama = new Set(baru.map((b) => path.basename(b.relPath)));
  for (const b of baru) {
    const f = path.join(dataDir, b.relPath);
    const lama = await readFile(f, 'utf8').catch(() => undefined);
    if (lama === b.isi) continue;
    const sementara = `${f}.${process.pid}.tmp`;
    await writeFile(sementara, b.isi);
    await rename(sementara, f);
    hasil.ditulis.push(b.relPath);
  }
  for (const n of readdirSync(folder)) {
    if (n.endsWith('.schema.json') && !nama.has(n)) {
      await rm(path.join(folder, n));
      hasil.dihapus.push(`${FOLDER_SKEMA}/${n}`);
    }
  }
  for (const { relPath, jenis } of berkasData(dataDir)) {
    const f = path.join(dataDir, relPath);
    const teks = await readFile(f, 'utf8');
    const baris = barisSkema(relPath, jenis);
    const pertama = teks.split(/\r?\n/, 1)[0] ?? '';
    if (pertama === baris) continue;
    hasil.barisLain.push({ relPath, baris });
    if (!opsi.tulisBaris) continue;
    const akhirBaris = teks.indexOf('\n');
    const sisa = pertama.startsWith(AWALAN_BARIS_SKEMA) ? (akhirBaris < 0 ? '' : teks.slice(akhirBaris + 1)) : teks;
    const sementara = `${f}.${process.pid}.tmp`;
    await writeFile(sementara, `${baris}\n${sisa}`);
    await rename(sementara, f);
    hasil.barisDitulis.push(relPath);
  }
  return hasil;
}
