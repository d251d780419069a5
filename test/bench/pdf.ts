/**
 * PDF benchmark (issue: LKJIP as a finished PDF): wall time of
 * `lkjip build 2024 --only lkjip --format pdf` beside the floor (a fresh process launching Chromium
 * and printing the final HTML with the same options), as a ratio; plus peak memory.
 * Target: ratio <= 1.3, one browser per process.
 */
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMeasurement, measureCommand } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'dist/src/cli/bin.js');
const floor = path.join(root, 'dist/test/bench/floor.js');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-bench-pdf-'));
try {
  const out = path.join(tmp, 'out');
  // One build with HTML to get the exact final HTML the floor prints (TOC numbers filled in by the
  // build's own PDF; the floor prints it as it is).
  measureCommand('prepare', process.execPath, [bin, 'build', '2024', '--only', 'lkjip', '--format', 'html', '--out', out], 1, root);
  const html = path.join(tmp, 'lkjip-2024.html');
  copyFileSync(path.join(out, '2024', 'lkjip-2024.html'), path.join(root, 'templates', 'lkjip', '.bench-floor.html'));
  console.log('\nPDF (LKJIP 2024), fresh process per run:');
  const build = measureCommand('build 2024 --only lkjip --format pdf', process.execPath, [bin, 'build', '2024', '--only', 'lkjip', '--format', 'pdf', '--out', out], runs, root);
  console.log(formatMeasurement(build));
  const lantai = measureCommand(
    'floor: launch Chromium + print final HTML once',
    process.execPath,
    [floor, path.join(root, 'templates', 'lkjip', '.bench-floor.html'), path.join(tmp, 'floor.pdf')],
    runs,
    root,
  );
  console.log(formatMeasurement(lantai));
  const ratio = build.medianMs / lantai.medianMs;
  console.log(`ratio build/floor = ${ratio.toFixed(2)} (target <= 1.3): ${ratio <= 1.3 ? 'OK' : 'OVER TARGET'}`);
  void html;
} finally {
  rmSync(path.join(root, 'templates', 'lkjip', '.bench-floor.html'), { force: true });
  rmSync(tmp, { recursive: true, force: true });
}
