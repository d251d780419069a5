/**
 * Watches a folder tree for `--watch`, and keeps watching when the folder itself is replaced (a
 * `git checkout` of another branch, a sync tool that writes a fresh copy and renames it, `rm -rf
 * data && cp -r ...`). A recursive fs.watch follows the folder's inode: once that inode is gone it
 * reports nothing more, forever. So the folder's parent is watched for its name, and the folder's
 * identity (device and inode) is checked every second; when it changes, or the folder comes back
 * after being away, the recursive watch is made again and a change is reported.
 *
 * No dependency: Node's recursive fs.watch works on Linux (Node >= 20), Windows and macOS, and the
 * replacement is the only gap a watcher library would have filled here.
 */
import { stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface OpsiPantau {
  signal: AbortSignal;
  /** A file changed (`nama` relative to the folder, or null when unknown: the folder was replaced). */
  onUbah(nama: string | null): void;
  /** The folder went away (`hilang`) or the watch broke (`galat`); `pulih` when it is watched again. */
  onStatus?(status: 'hilang' | 'pulih' | 'galat', pesan?: string): void;
  /** How often the folder's identity is checked (ms). */
  intervalMs?: number;
}

export interface Pantauan {
  tutup(): void;
}

export async function pantauFolder(folder: string, opsi: OpsiPantau): Promise<Pantauan> {
  const abs = path.resolve(folder);
  let pemantau: FSWatcher | undefined;
  let identitas: string | undefined;
  let hilang = false;
  let cekBerjalan = false;
  let tertutup = false;

  const pasang = (): void => {
    pemantau?.close();
    pemantau = watch(abs, { recursive: true }, (_jenis, nama) => opsi.onUbah(nama === null ? null : String(nama)));
    pemantau.on('error', (e) => {
      pemantau?.close();
      pemantau = undefined;
      identitas = undefined;
      if (!tertutup) opsi.onStatus?.('galat', e.message);
      void cek();
    });
  };

  const cek = async (): Promise<void> => {
    if (cekBerjalan || tertutup) return;
    cekBerjalan = true;
    try {
      const s = await stat(abs).catch(() => undefined);
      if (tertutup) return;
      if (!s?.isDirectory()) {
        if (!hilang) {
          hilang = true;
          pemantau?.close();
          pemantau = undefined;
          identitas = undefined;
          opsi.onStatus?.('hilang');
        }
        return;
      }
      const id = `${s.dev}:${s.ino}`;
      if (id === identitas && pemantau) return;
      const pertama = identitas === undefined && !hilang && pemantau === undefined;
      identitas = id;
      pasang();
      if (hilang) opsi.onStatus?.('pulih');
      hilang = false;
      if (!pertama) opsi.onUbah(null);
    } finally {
      cekBerjalan = false;
    }
  };

  await cek();
  if (pemantau === undefined && !hilang) throw new Error(`tidak dapat memantau ${abs}`);
  if (hilang) throw Object.assign(new Error(`folder ${abs} tidak ada`), { code: 'ENOENT' });
  let induk: FSWatcher | undefined;
  try {
    induk = watch(path.dirname(abs), (_jenis, nama) => {
      if (nama !== null && String(nama) === path.basename(abs)) void cek();
    });
    induk.on('error', () => {
      induk?.close();
      induk = undefined;
    });
  } catch {
    induk = undefined; // the poll below still catches a replacement
  }
  const timer = setInterval(() => void cek(), opsi.intervalMs ?? 1000);
  timer.unref();
  const tutup = (): void => {
    tertutup = true;
    clearInterval(timer);
    pemantau?.close();
    induk?.close();
  };
  opsi.signal.addEventListener('abort', tutup, { once: true });
  return { tutup };
}
