import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Peak resident set size of the child, from /usr/bin/time when available, in MiB. */
  peakRssMiB?: number;
  exitCode: number | null;
}

/** Runs a command `runs` times as a fresh process (so Node's start-up is included) and times it. */
export function measureCommand(label: string, command: string, args: string[], runs: number, cwd: string): Measurement {
  const times: number[] = [];
  let exitCode: number | null = null;
  let peak: number | undefined;
  const haveTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = haveTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
      : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
    exitCode = result.status;
    if (haveTime) {
      const lines = result.stderr.trim().split('\n');
      const kib = Number(lines[lines.length - 1]);
      if (Number.isFinite(kib)) peak = Math.max(peak ?? 0, kib / 1024);
    }
  }
  times.sort((a, b) => a - b);
  return {
    label,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? NaN,
    minMs: times[0] ?? NaN,
    maxMs: times[times.length - 1] ?? NaN,
    peakRssMiB: peak,
    exitCode,
  };
}

export function formatMeasurement(m: Measurement): string {
  const rss = m.peakRssMiB === undefined ? '' : `  peak RSS ${m.peakRssMiB.toFixed(0)} MiB`;
  return `${m.label.padEnd(48)} median ${m.medianMs.toFixed(0).padStart(6)} ms  min ${m.minMs.toFixed(0).padStart(6)} ms  max ${m.maxMs
    .toFixed(0)
    .padStart(6)} ms  (n=${m.runs}, exit ${m.exitCode})${rss}`;
}
