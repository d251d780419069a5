/**
 * A lock per output folder, so that two builds writing out/<tahun> at the same time take turns
 * instead of mixing their files. The lock is a folder made with mkdir (atomic on every file system,
 * including network shares) beside the output folder, `.<tahun>.lkjip-kunci`, holding who owns it.
 *
 * A lock whose owner is gone (same machine, process no longer running, or the machine restarted
 * since) is stale and is taken over; a live owner is waited for, with a message, up to a limit, then
 * the build fails with LKJ506 saying who holds it. A lock from another machine (a shared network
 * folder) is never judged stale: only its owner, or a person, removes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { prosesHidup } from './proses.js';
import { ExportError } from './export-error.js';

export interface PemilikKunci {
  pid: number;
  host: string;
  /** When the lock was taken (ISO time). */
  mulai: string;
  /** When the owner's machine started (ms since the epoch, rounded), to tell a lock from before a restart. */
  boot: number;
  /** Random: which holder this is, even if a pid is reused. */
  token: string;
}

export interface Kunci {
  readonly folder: string;
  readonly pemilik: PemilikKunci;
  lepas(): Promise<void>;
}

export interface OpsiKunci {
  /** Give up after this long (default 120 s: a build holds the lock only while it writes). */
  batasMs?: number;
  /** Called once when the lock is held by a live build and this one starts waiting. */
  onMenunggu?: (pemilik: PemilikKunci | undefined, folder: string) => void;
  signal?: AbortSignal;
}

export const BATAS_KUNCI_MS = 120_000;
const JEDA_MS = 150;
/** A lock folder without an owner file yet is being taken right now, unless it is older than this. */
const BARU_DIBUAT_MS = 10_000;

/** The lock folder of an output folder: beside it, named after it. */
export function folderKunci(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.lkjip-kunci`);
}

const waktuBoot = (): number => Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000;

/** Whether a lock's owner is certainly gone: same machine and (a restart since, or no such process). */
export function kunciBasi(p: PemilikKunci, sekarang = { host: hostname(), boot: waktuBoot() }): boolean {
  if (p.host !== sekarang.host) return false;
  if (Math.abs(p.boot - sekarang.boot) > 2 * 60_000) return true;
  return p.pid !== process.pid && !prosesHidup(p.pid);
}

async function bacaPemilik(folder: string): Promise<PemilikKunci | undefined> {
  try {
    const p = JSON.parse(await readFile(path.join(folder, 'pemilik.json'), 'utf8')) as PemilikKunci;
    return typeof p.pid === 'number' && typeof p.host === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

export async function ambilKunci(outDir: string, opsi: OpsiKunci = {}): Promise<Kunci> {
  const folder = folderKunci(outDir);
  const batas = opsi.batasMs ?? BATAS_KUNCI_MS;
  const t0 = Date.now();
  let menunggu = false;
  const pemilik: PemilikKunci = { pid: process.pid, host: hostname(), mulai: new Date().toISOString(), boot: waktuBoot(), token: randomBytes(8).toString('hex') };
  for (;;) {
    if (opsi.signal?.aborted) throw opsi.signal.reason;
    try {
      await mkdir(folder);
      await writeFile(path.join(folder, 'pemilik.json'), `${JSON.stringify(pemilik)}\n`);
      return {
        folder,
        pemilik,
        async lepas() {
          // Only our own lock: if it was broken and taken by someone else meanwhile, leave theirs.
          const p = await bacaPemilik(folder);
          if (p === undefined || p.token === pemilik.token) await rm(folder, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lain = await bacaPemilik(folder);
    if (lain ? kunciBasi(lain) : await tanpaPemilikLama(folder)) {
      await ambilAlih(folder, lain);
      continue;
    }
    if (!menunggu) {
      menunggu = true;
      opsi.onMenunggu?.(lain, folder);
    }
    if (Date.now() - t0 > batas) throw kunciTerpakai(outDir, folder, lain, batas);
    await tidur(JEDA_MS, opsi.signal);
  }
}

/** A lock folder that has had no owner file for a while: its maker died between mkdir and write. */
async function tanpaPemilikLama(folder: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(folder)).mtimeMs > BARU_DIBUAT_MS;
  } catch {
    return false;
  }
}

/**
 * Moves a stale lock aside (rename is atomic: of two builds breaking it at once, one wins) and
 * removes it. Should the folder moved aside turn out to be a fresh lock another build took in the
 * meantime, it is put back.
 */
async function ambilAlih(folder: string, basi: PemilikKunci | undefined): Promise<void> {
  const sampah = `${folder}-basi-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(folder, sampah);
  } catch {
    return; // someone else moved it first
  }
  const dipindah = await bacaPemilik(sampah);
  if (dipindah !== undefined && basi !== undefined && dipindah.token !== basi.token) {
    await rename(sampah, folder).catch(() => undefined);
    return;
  }
  await rm(sampah, { recursive: true, force: true }).catch(() => undefined);
}

function tidur(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(selesai, ms);
    function selesai(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', selesai);
      resolve();
    }
    signal?.addEventListener('abort', selesai, { once: true });
  });
}

export function gambarkanPemilik(p: PemilikKunci | undefined): string {
  if (!p) return 'build lain (pemiliknya belum tercatat)';
  return `build lain (proses ${p.pid} di ${p.host}, sejak ${p.mulai.replace('T', ' ').slice(0, 19)} UTC)`;
}

function kunciTerpakai(outDir: string, folder: string, p: PemilikKunci | undefined, batas: number): ExportError {
  return new ExportError(
    'LKJ506',
    `Folder keluaran ${outDir} masih dipakai ${gambarkanPemilik(p)} setelah ditunggu ${Math.round(batas / 1000)} detik.`,
    'Tunggu build itu selesai lalu ulangi, atau pakai --out lain. Bila tidak ada build yang berjalan (mis. mesin lain ' +
      `yang sudah mati memakai folder bersama ini), hapus folder kunci ${folder}. Keluaran lama tidak diubah.`,
  );
}
