/**
 * `npm run bench`: speed and memory of the CLI, each run as a fresh process so Node's start-up is
 * counted, as a planning officer or CI sees it. Prints a table; never part of `npm test`.
 *
 *   node dist/test/bench/run.js [--runs N] [--skip-pdf] [--skip-scale]
 *
 * Targets (issues): validate + calc of the bundled data under 0.3 s including Node's start-up;
 * `isian` and `impor` of the bundled year under 1 s each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { buatDataSintetis } from './sintetis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'dist/src/cli/bin.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const skipPdf = args.includes('--skip-pdf');

if (!existsSync(bin)) {
  console.error('dist/ belum ada: jalankan `npm run build` dulu (npm run bench melakukannya).');
  process.exit(2);
}

const hasil: Measurement[] = [];
const ukur = (label: string, argv: string[], n = runs): Measurement => {
  const m = measureCommand(label, process.execPath, [bin, ...argv], n, root);
  console.log(formatMeasurement(m));
  hasil.push(m);
  return m;
};

console.log(`lkjip bench: Node ${process.version}, ${runs} runs each (median), fresh process per run\n`);
const node = measureCommand('node -e 0 (start-up floor)', process.execPath, ['-e', '0'], runs, root);
console.log(formatMeasurement(node));

const validate = ukur('validate 2024 (bundled)', ['validate', '2024']);
const calc = ukur('calc 2024 (bundled, validates first)', ['calc', '2024']);
ukur('calc 2024 --json (bundled)', ['calc', '2024', '--json']);

// Fill-in workbook (issue 10). impor of the untouched workbook stops at "no change"; the edited one
// with --dry-run goes all the way (YAML edit, schema, validation of a copy of the data) but the write.
const tmpIsian = mkdtempSync(path.join(tmpdir(), 'lkjip-bench-isian-'));
try {
  const buku = path.join(tmpIsian, 'isian-2024.xlsx');
  const isian = ukur('isian 2024 (bundled)', ['isian', '2024', '--out', buku, '--timpa']);
  const sama = ukur('impor 2024 (untouched workbook)', ['impor', '2024', buku]);
  const diubah = path.join(tmpIsian, 'diubah.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(buku);
  const ws = wb.getWorksheet('Indikator') as ExcelJS.Worksheet;
  let kolom = 0;
  ws.getRow(1).eachCell((c, k) => {
    if (c.value === 'realisasi') kolom = k;
  });
  ws.getCell(3, kolom).value = 90.1;
  await wb.xlsx.writeFile(diubah);
  const ubah = ukur('impor 2024 --dry-run (one changed cell)', ['impor', '2024', diubah, '--dry-run']);
  // CPU time (user + sys) of the same commands: on a machine shared with other jobs the wall time
  // above grows with the load, the CPU time much less, so both are shown.
  const cpu = (argv: string[]): number | undefined => {
    const t: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, ...argv], { cwd: root, encoding: 'utf8' });
      const [u, sy] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (Number.isFinite(u) && Number.isFinite(sy)) t.push(((u as number) + (sy as number)) * 1000);
    }
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  };
  for (const [label, argv] of [
    ['isian 2024', ['isian', '2024', '--out', buku, '--timpa']],
    ['impor 2024 (untouched)', ['impor', '2024', buku]],
    ['impor 2024 --dry-run (one changed cell)', ['impor', '2024', diubah, '--dry-run']],
  ] as const) {
    const ms = cpu([...argv]);
    if (ms !== undefined) console.log(`${`${label}: CPU user+sys`.padEnd(48)} median ${ms.toFixed(0).padStart(6)} ms`);
  }
  const imporMs = Math.max(sama.medianMs, ubah.medianMs);
  console.log(
    `isian 2024: ${isian.medianMs.toFixed(0)} ms, impor 2024: ${imporMs.toFixed(0)} ms (target < 1000 ms each): ` +
      (Math.max(isian.medianMs, imporMs) < 1000 && isian.exitCode === 0 && sama.exitCode === 0 && ubah.exitCode === 0 ? 'OK' : 'OVER TARGET'),
  );
} finally {
  rmSync(tmpIsian, { recursive: true, force: true });
}

const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-bench-'));
try {
  const kali = 50;
  const t0 = performance.now();
  const info = await buatDataSintetis(path.join(root, 'data'), kali, path.join(tmp, 'data'));
  console.log(`\nsynthetic data x${kali}: ${JSON.stringify(info)} (generated in ${(performance.now() - t0).toFixed(0)} ms)`);
  ukur(`validate 2024 (synthetic x${kali})`, ['validate', '2024', '--data', path.join(tmp, 'data')], Math.min(runs, 5));
  ukur(`calc 2024 (synthetic x${kali})`, ['calc', '2024', '--data', path.join(tmp, 'data')], Math.min(runs, 5));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const target = 300;
console.log(
  `\nvalidate 2024: ${validate.medianMs.toFixed(0)} ms, calc 2024: ${calc.medianMs.toFixed(0)} ms ` +
    `(target < ${target} ms incl. Node start-up of ${node.medianMs.toFixed(0)} ms): ` +
    (Math.max(validate.medianMs, calc.medianMs) < target ? 'OK' : 'OVER TARGET'),
);

if (!skipPdf && existsSync(path.join(root, 'dist/test/bench/pdf.js'))) {
  await import('./pdf.js');
}

// Scale (issue: batch builds): 20 years through `build --all` against 20 separate builds. Several
// minutes; `--skip-scale` leaves it out.
if (!args.includes('--skip-scale')) {
  const { main } = await import('./scale.js');
  console.log('\nScale: 20 years, build --all vs 20 separate builds (several minutes)');
  process.exitCode = await main(['--jobs', '2']);
}
