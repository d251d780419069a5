/**
 * Measuring one command as a fresh process, as a planning officer or CI runs it: wall time, CPU
 * time (user + system) of its whole process tree, and peak memory of Node and of the Chromium
 * processes it starts.
 *
 * The tree is followed through /proc (Linux) every 40 ms: each process's CPU time as last seen
 * (so what a process does in its last 40 ms before it exits can be missed: tens of ms on seconds),
 * the Node process's resident set (main and worker threads), and the sum of the proportional set
 * sizes (PSS: pages shared between Chromium's processes counted once) of every other process.
 * CPU time is what the command costs whatever else the machine runs; wall time grows with the
 * load of a shared machine, so both are reported, with the load average.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median CPU time (user + system) of the whole process tree, ms. */
  cpuMs?: number;
  /** Median CPU time of the Node process alone (main and worker threads), ms. */
  cpuNodeMs?: number;
  /** Peak resident set of the Node process, MiB (largest over the runs). */
  nodeMiB?: number;
  /** Peak PSS sum of the other processes of the tree (Chromium), MiB (largest over the runs). */
  chromiumMiB?: number;
  exitCode: number | null;
}

export interface SatuUkuran {
  ms: number;
  cpuMs: number;
  /** CPU time of the Node process alone (main and worker threads), ms. */
  cpuNodeMs: number;
  nodeMiB: number;
  chromiumMiB: number;
  kode: number | null;
  stderr: string;
  /** 1-minute load average when it ended. */
  beban: number;
}

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux
const HALAMAN_KIB = 4;

function statProses(pid: number): { ppid: number; cpu: number; rssKiB: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // fields after the name: state(0) ppid(1) ... utime(11) stime(12) ... rss(21)
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * TICK_MS, rssKiB: Number(f[21]) * HALAMAN_KIB };
  } catch {
    return undefined;
  }
}

function pssKiB(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'));
    return Number(m?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The process tree under `akar` now: pid -> its stat. */
function pohon(akar: number): Map<number, { ppid: number; cpu: number; rssKiB: number }> {
  const semua = new Map<number, { ppid: number; cpu: number; rssKiB: number }>();
  for (const e of readdirSync('/proc')) {
    if (e.charCodeAt(0) < 48 || e.charCodeAt(0) > 57) continue;
    const s = statProses(Number(e));
    if (s) semua.set(Number(e), s);
  }
  const anak = new Map<number, number[]>();
  for (const [pid, s] of semua) anak.set(s.ppid, [...(anak.get(s.ppid) ?? []), pid]);
  const hasil = new Map<number, { ppid: number; cpu: number; rssKiB: number }>();
  const antre = [akar];
  while (antre.length > 0) {
    const p = antre.pop() as number;
    const s = semua.get(p);
    if (s) hasil.set(p, s);
    antre.push(...(anak.get(p) ?? []));
  }
  return hasil;
}

/** Runs `command args` once, sampling its process tree. */
export async function ukurSekali(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<SatuUkuran> {
  const t0 = performance.now();
  const anak = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  anak.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000);
  });
  const cpu = new Map<number, number>();
  let nodeKiB = 0;
  let chromiumKiB = 0;
  let n = 0;
  const sampel = (): void => {
    const akar = anak.pid;
    if (akar === undefined) return;
    const t = pohon(akar);
    let lain = 0;
    for (const [pid, s] of t) {
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, s.cpu));
      if (pid === akar) nodeKiB = Math.max(nodeKiB, s.rssKiB);
      // PSS every other sample: reading smaps costs more than stat.
      else if (n % 2 === 0) lain += pssKiB(pid);
    }
    if (n % 2 === 0) chromiumKiB = Math.max(chromiumKiB, lain);
    n += 1;
  };
  const timer = setInterval(sampel, 40);
  const kode = await new Promise<number | null>((resolve) => anak.on('close', (c) => resolve(c)));
  clearInterval(timer);
  const ms = performance.now() - t0;
  let cpuMs = 0;
  for (const v of cpu.values()) cpuMs += v;
  return { ms, cpuMs, cpuNodeMs: cpu.get(anak.pid ?? -1) ?? 0, nodeMiB: nodeKiB / 1024, chromiumMiB: chromiumKiB / 1024, kode, stderr, beban: loadavg()[0] ?? 0 };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** A measurement from several runs of one command. */
export function ringkas(label: string, u: readonly SatuUkuran[]): Measurement {
  const ms = u.map((x) => x.ms);
  return {
    label,
    runs: u.length,
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    cpuMs: median(u.map((x) => x.cpuMs)),
    cpuNodeMs: median(u.map((x) => x.cpuNodeMs)),
    nodeMiB: Math.max(...u.map((x) => x.nodeMiB)),
    chromiumMiB: Math.max(...u.map((x) => x.chromiumMiB)),
    exitCode: u.find((x) => x.kode !== 0)?.kode ?? u[0]?.kode ?? null,
  };
}

/** Runs a command `runs` times as a fresh process and summarises it. */
export async function measureCommand(label: string, command: string, args: string[], runs: number, cwd: string): Promise<Measurement> {
  const u: SatuUkuran[] = [];
  for (let i = 0; i < runs; i++) u.push(await ukurSekali(command, args, cwd));
  return ringkas(label, u);
}

export function formatMeasurement(m: Measurement): string {
  const cpu = m.cpuMs === undefined ? '' : `  CPU ${m.cpuMs.toFixed(0).padStart(5)} ms`;
  const mem =
    m.nodeMiB === undefined ? '' : `  Node ${m.nodeMiB.toFixed(0)} MiB${m.chromiumMiB ? `, Chromium ${m.chromiumMiB.toFixed(0)} MiB` : ''}`;
  return `${m.label.padEnd(48)} median ${m.medianMs.toFixed(0).padStart(6)} ms  min ${m.minMs.toFixed(0).padStart(6)}  max ${m.maxMs
    .toFixed(0)
    .padStart(6)}${cpu}${mem}  (n=${m.runs}, exit ${m.exitCode})`;
}
