/**
 * `npm run bench`: speed and memory of the CLI, each run as a fresh process of the installed
 * command (dist/lkjip.mjs) so Node's start-up is counted, as a planning officer or CI sees it.
 * Prints tables; never part of `npm test`.
 *
 *   node dist/test/bench/run.js [--runs N] [--skip-target] [--skip-scale]
 *
 * Targets (issues): the build and start-up targets of target.ts (builds near the floor of a bare
 * Chromium print, validate and calc of the bundled data <= 0.25 s including Node's start-up);
 * `isian` and `impor` of the bundled year under 1 s each; scale.ts for --all.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { buatDataSintetis } from './sintetis.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'dist/lkjip.mjs');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

if (!existsSync(bin)) {
  console.error('dist/ belum ada: jalankan `npm run build` dulu (npm run bench melakukannya).');
  process.exit(2);
}

const ukur = async (label: string, argv: string[], n = runs): Promise<Measurement> => {
  const m = await measureCommand(label, process.execPath, [bin, ...argv], n, root);
  console.log(formatMeasurement(m));
  return m;
};

if (!args.includes('--skip-target')) {
  const { main } = await import('./target.js');
  process.exitCode = await main(['--runs', String(runs)]);
  console.log('');
}

console.log(`lkjip bench: Node ${process.version}, ${runs} runs each (median), fresh process per run, wall time / CPU time of the process tree\n`);
console.log(formatMeasurement(await measureCommand('node -e 0 (start-up floor)', process.execPath, ['-e', '0'], runs, root)));
await ukur('calc 2024 (bundled, validates first, table)', ['calc', '2024']);

// Fill-in workbook (issue 10). impor of the untouched workbook stops at "no change"; the edited one
// with --dry-run goes all the way (YAML edit, schema, validation of a copy of the data) but the write.
const tmpIsian = mkdtempSync(path.join(tmpdir(), 'lkjip-bench-isian-'));
try {
  const buku = path.join(tmpIsian, 'isian-2024.xlsx');
  const isian = await ukur('isian 2024 (bundled)', ['isian', '2024', '--out', buku, '--timpa']);
  const sama = await ukur('impor 2024 (untouched workbook)', ['impor', '2024', buku]);
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
  const ubah = await ukur('impor 2024 --dry-run (one changed cell)', ['impor', '2024', diubah, '--dry-run']);
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
  await ukur(`validate 2024 (synthetic x${kali})`, ['validate', '2024', '--data', path.join(tmp, 'data')], Math.min(runs, 5));
  await ukur(`calc 2024 (synthetic x${kali})`, ['calc', '2024', '--data', path.join(tmp, 'data')], Math.min(runs, 5));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// Scale (issue: batch builds): 20 years through `build --all` against 20 separate builds. Several
// minutes; `--skip-scale` leaves it out.
if (!args.includes('--skip-scale')) {
  const { main } = await import('./scale.js');
  console.log('\nScale: 20 years, build --all vs 20 separate builds (several minutes)');
  const kode = await main(['--jobs', '2']);
  if (kode !== 0) process.exitCode = kode;
}
