/**
 * Scale benchmark (issue "Ready for the planning office and CI"): 20 years of data through one
 * `lkjip build --all`, against 20 separate `lkjip build <tahun>` processes, as CI or a planning
 * office would otherwise run them.
 *
 *   node dist/test/bench/scale.js [--years 20] [--jobs 1,2] [--format pdf,html,xlsx] [--skip-single]
 *
 * Data: the bundled data/ with 2024 copied into 2024+1 .. 2024+years-1 (each file's `tahun`
 * changed, nothing else) and the Renstra period stretched to cover them; 2022-2023 stay history.
 * Reported: wall time of each `--all` run (one per --jobs value) and of the separate builds (sum),
 * their ratio, and peak memory: the largest single process of the tree (GNU time %M, which covers
 * Chromium's processes too) and the largest PSS sum over the whole process tree (sampled from /proc every 200 ms).
 * Targets: ratio <= 0.6, peak < 1 GB (largest process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

function cariAkar(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const AKAR = cariAkar();
const BIN = path.join(AKAR, 'dist/lkjip.mjs');

/** Copies `sumber` (a data folder) to `tujuan` with `tahunDasar` repeated for `jumlah` consecutive years. */
export async function buatDataTahunan(sumber: string, tujuan: string, tahunDasar: number, jumlah: number): Promise<number[]> {
  await cp(sumber, tujuan, { recursive: true });
  const strategis = path.join(tujuan, 'renstra/strategis.yaml');
  const akhir = tahunDasar + jumlah - 1;
  const teks = await readFile(strategis, 'utf8');
  await writeFile(strategis, teks.replace(/^(\s*akhir:\s*)\d{4}/m, (_m, a: string) => `${a}${Math.max(akhir, Number(/akhir:\s*(\d{4})/.exec(teks)?.[1]))}`));
  const tahun: number[] = [tahunDasar];
  const asal = path.join(tujuan, String(tahunDasar));
  for (let y = tahunDasar + 1; y <= akhir; y++) {
    const folder = path.join(tujuan, String(y));
    await rm(folder, { recursive: true, force: true });
    await cp(asal, folder, { recursive: true });
    for (const nama of await readdir(folder)) {
      if (!nama.endsWith('.yaml')) continue;
      const f = path.join(folder, nama);
      await writeFile(f, (await readFile(f, 'utf8')).replace(/^tahun:\s*\d{4}\s*$/m, `tahun: ${y}`));
    }
    tahun.push(y);
  }
  return tahun;
}

/**
 * Memory of a process and all its descendants, in KiB (Linux /proc): the sum of their PSS
 * (proportional set size), so pages Chromium's processes share are counted once, not per process
 * as a plain RSS sum would.
 */
function memoriPohon(akar: number): number {
  const anak = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      anak.set(ppid, [...(anak.get(ppid) ?? []), Number(e)]);
    } catch {
      // process ended meanwhile
    }
  }
  let jumlah = 0;
  const antre = [akar];
  while (antre.length > 0) {
    const p = antre.pop() as number;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      jumlah += Number(m?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
    antre.push(...(anak.get(p) ?? []));
  }
  return jumlah;
}

export interface Ukuran {
  ms: number;
  kode: number | null;
  /** Largest single process of the tree (GNU time %M), MiB. */
  terbesarMiB?: number;
  /** Largest sampled PSS sum over the process tree, MiB. */
  pohonMiB: number;
}

/** Runs one CLI process under /usr/bin/time (when present), sampling the tree's memory. */
export async function ukur(args: string[], cwd: string): Promise<Ukuran> {
  const adaTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  const t0 = performance.now();
  const anak = adaTime
    ? spawn('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  anak.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000);
  });
  let puncak = 0;
  const sampel = setInterval(() => {
    if (anak.pid) puncak = Math.max(puncak, memoriPohon(anak.pid));
  }, 200);
  const kode = await new Promise<number | null>((resolve) => anak.on('close', (c) => resolve(c)));
  clearInterval(sampel);
  const ms = performance.now() - t0;
  const m = /MAXRSS (\d+)/.exec(stderr);
  if (kode !== 0) console.error(`  (exit ${kode}) ${args.join(' ')}\n${stderr.slice(-2000)}`);
  return { ms, kode, ...(m ? { terbesarMiB: Number(m[1]) / 1024 } : {}), pohonMiB: puncak / 1024 };
}

const fmt = (u: Ukuran): string =>
  `${(u.ms / 1000).toFixed(1).padStart(6)} s  largest process ${u.terbesarMiB?.toFixed(0) ?? '?'} MiB, tree PSS ${u.pohonMiB.toFixed(0)} MiB (exit ${u.kode})`;

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const arg = (nama: string, bawaan: string): string => {
    const i = argv.indexOf(nama);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : bawaan;
  };
  const years = Number(arg('--years', '20'));
  const jobsDaftar = arg('--jobs', '1,2').split(',').map(Number);
  // Default: the CLI's own default formats (what `lkjip build` makes when nothing is asked).
  const format = arg('--format', '');
  const fmtArgs = format ? ['--format', format] : [];
  const skipSingle = argv.includes('--skip-single');
  if (!existsSync(BIN)) {
    console.error('dist/ belum ada: jalankan `npm run build` dulu.');
    return 2;
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'lkjip-scale-'));
  try {
    const data = path.join(tmp, 'data');
    const tahun = await buatDataTahunan(path.join(AKAR, 'data'), data, 2024, years);
    console.log(`lkjip scale bench: Node ${process.version}, ${years} buildable years (${tahun[0]}-${tahun[tahun.length - 1]}), format ${format || 'bawaan CLI'}\n`);

    const semua: { jobs: number; u: Ukuran }[] = [];
    for (const jobs of jobsDaftar) {
      const out = path.join(tmp, `out-all-${jobs}`);
      const u = await ukur(['build', '--all', '--data', data, '--out', out, ...fmtArgs, '--jobs', String(jobs)], tmp);
      const n = existsSync(out) ? readdirSync(out).length : 0;
      console.log(`build --all --jobs ${jobs}`.padEnd(34) + fmt(u) + `  (${n} year folders)`);
      semua.push({ jobs, u });
    }
    if (skipSingle) return 0;

    let jumlahMs = 0;
    let terbesar = 0;
    let pohon = 0;
    for (const y of tahun) {
      const u = await ukur(['build', String(y), '--data', data, '--out', path.join(tmp, 'out-single'), ...fmtArgs], tmp);
      jumlahMs += u.ms;
      terbesar = Math.max(terbesar, u.terbesarMiB ?? 0);
      pohon = Math.max(pohon, u.pohonMiB);
    }
    console.log(`${years} x build <tahun> (separate)`.padEnd(34) + `${(jumlahMs / 1000).toFixed(1).padStart(6)} s  largest process ${terbesar.toFixed(0)} MiB, tree PSS ${pohon.toFixed(0)} MiB`);

    console.log('');
    let ok = true;
    for (const { jobs, u } of semua) {
      const rasio = u.ms / jumlahMs;
      // The target is on the largest process of the tree (GNU time %M, as the issue asks); the PSS
      // sum of the whole tree (Node + Chromium's browser, GPU and renderer processes) is shown beside it.
      const mem = u.terbesarMiB ?? u.pohonMiB;
      const lulus = rasio <= 0.6 && mem < 1024 && u.kode === 0;
      ok &&= lulus;
      console.log(
        `--jobs ${jobs}: ratio all/separate = ${rasio.toFixed(2)} (target <= 0.6), peak ${mem.toFixed(0)} MiB largest process ` +
          `(target < 1024; whole tree PSS ${u.pohonMiB.toFixed(0)} MiB): ${lulus ? 'OK' : 'OVER TARGET'}`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
