/**
 * Helpers of the chaos suite: the built CLI run as a real process (signals, SIGKILL and concurrent
 * builds need one), stopped at a named point of the build (src/build/uji.ts) instead of after a
 * sleep, and the checks every case ends with: out/<tahun> holds the old set or the new one, no temp
 * folder or lock is left, no Chromium process of that build is alive.
 *
 * Each child gets its own TMPDIR, so its browser profile (and so every Chromium process of it, by
 * `--user-data-dir` or by process group) is found without touching any other browser on the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
export const CONTOH = path.join(ROOT, 'test/fixtures/opd-contoh/data');
/** A stack trace line as Node prints it. */
export const STACK = /\n\s+at /;

export function folderUji(awalan: string): string {
  return mkdtempSync(path.join(tmpdir(), `lkjip-chaos-${awalan}-`));
}

/** A copy of the made-up agency at <dir>/data (2025 history, 2026 complete). */
export function salinContoh(dir: string, nama = 'data'): string {
  const data = path.join(dir, nama);
  cpSync(CONTOH, data, { recursive: true });
  return data;
}

export interface Anak {
  proses: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr has a line matching `pola` (rejects after `ms` or when the process ends first). */
  tunggu(pola: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code, or 128 + n when killed by signal n. */
  selesai: Promise<number>;
}

const NOMOR_SINYAL: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Starts `lkjip <args>` in `cwd` with its own TMPDIR (<cwd>/tmp) and the given extra environment. */
export function mulaiCli(args: string[], cwd: string, env: Record<string, string> = {}): Anak {
  const tmp = path.join(cwd, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const penuh: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, CI: 'true', ...env };
  delete penuh.GITHUB_ACTIONS;
  const proses = spawn(process.execPath, [BIN, ...args], { cwd, env: penuh, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  const penunggu: { pola: RegExp; ok: (s: string) => void }[] = [];
  proses.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
    for (const p of [...penunggu]) {
      const m = p.pola.exec(err);
      if (m) {
        penunggu.splice(penunggu.indexOf(p), 1);
        p.ok(m[0]);
      }
    }
  });
  proses.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  const selesai = new Promise<number>((resolve) => {
    proses.on('exit', (code, sinyal) => resolve(code ?? 128 + (NOMOR_SINYAL[sinyal ?? ''] ?? 0)));
  });
  return {
    proses,
    stderr: () => err,
    stdout: () => out,
    selesai,
    tunggu(pola, ms = 60_000) {
      const m = pola.exec(err);
      if (m) return Promise.resolve(m[0]);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`tidak muncul dalam ${ms} ms: ${pola}\n--- stderr ---\n${err}`)), ms);
        const p = {
          pola,
          ok: (s: string) => {
            clearTimeout(t);
            resolve(s);
          },
        };
        penunggu.push(p);
        void selesai.then((kode) => {
          if (!penunggu.includes(p)) return;
          clearTimeout(t);
          reject(new Error(`proses selesai (${kode}) sebelum ${pola}\n--- stderr ---\n${err}`));
        });
      });
    },
  };
}

/** Name -> sha256 of every file in a folder, recursively (relative paths with `/`). */
export function sidikSet(dir: string): Record<string, string> {
  const hasil: Record<string, string> = {};
  if (!existsSync(dir)) return hasil;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, rel);
    try {
      hasil[rel.split(path.sep).join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    } catch {
      // a folder
    }
  }
  return hasil;
}

/** Temp folders and locks the build might have left in the output folder or in out/<tahun>. */
export function sisaSementara(out: string): string[] {
  if (!existsSync(out)) return [];
  return readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((r) => /\.lkjip-|-tmp-/.test(r));
}

/** Writes an "old set" into out/<tahun>: files whose content says they are old. */
export function tulisSetLama(outTahun: string, nama: string[]): Record<string, string> {
  mkdirSync(outTahun, { recursive: true });
  for (const n of nama) writeFileSync(path.join(outTahun, n), `lama ${n}\n`);
  return sidikSet(outTahun);
}

export interface ProsesBrowser {
  pid: number;
  pgid: number;
  args: string;
}

/** Processes whose command line mentions `jejak` (a child's TMPDIR), or that are in one of `grup`. */
export function prosesDengan(jejak: string, grup: ReadonlySet<number> = new Set()): ProsesBrowser[] {
  const r = spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && !(m[3] as string).startsWith('Z'))
    .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), args: m[4] as string }))
    .filter((p) => p.args.includes(jejak) || grup.has(p.pgid))
    .filter((p) => p.pid !== process.pid && !p.args.startsWith('ps '));
}

/** Waits until no process of the child's browser is left (or `ms` passed), and returns what is left. */
export async function tungguBrowserHilang(jejak: string, grup: ReadonlySet<number>, ms = 10_000): Promise<ProsesBrowser[]> {
  const akhir = Date.now() + ms;
  let sisa = prosesDengan(jejak, grup);
  while (sisa.length > 0 && Date.now() < akhir) {
    await new Promise((r) => setTimeout(r, 100));
    sisa = prosesDengan(jejak, grup);
  }
  return sisa;
}

/** Browser profiles (ours) in a child's TMPDIR. */
export function profilDi(tmp: string): string[] {
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('lkjip-chromium-')) : [];
}

export function hapus(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
