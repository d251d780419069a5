/**
 * The speed targets of the CLI (issue "performance near the floor"), measured as that issue does:
 * each command as a fresh process of the installed command (dist/lkjip.mjs), in alternating pairs
 * with its floor in the same run (A B, then B A, ...), medians; CPU time and peak memory beside
 * the wall time, and the machine's load average, since the machine may be shared.
 *
 *   work                                   floor (same run)                                    target
 *   build 2024 --only lkjip --format pdf   a fresh process prints the final LKJIP HTML once    ratio <= 1.3
 *   build 2024 (2 PDF, 2 HTML, 2 XLSX)     one fresh browser prints both final HTMLs at once   ratio <= 1.3
 *   validate 2024                          node -e 0                                           <= 250 ms
 *   calc 2024 --json                       node -e 0                                           <= 250 ms
 *
 * The final HTML is what the build printed (landscape tables floated, TOC numbers filled in), so
 * the floor lays out exactly the same pages. Then one build of each kind again with LKJIP_JEJAK,
 * to show where the time goes (Node and Chromium side by side).
 *
 *   node dist/test/bench/target.js [--runs 5]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, ringkas, ukurSekali, type Measurement, type SatuUkuran } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(root, 'dist/lkjip.mjs');
const FLOOR = path.join(root, 'dist/test/bench/floor.js');

interface Pasangan {
  kerja: Measurement;
  lantai: Measurement;
  beban: number;
}

/** `runs` alternating pairs (A B, B A, A B ...) of a command and its floor. */
async function pasangan(label: string, kerja: string[], lantaiLabel: string, lantai: string[], runs: number, cwd: string): Promise<Pasangan> {
  const a: SatuUkuran[] = [];
  const b: SatuUkuran[] = [];
  const beban: number[] = [];
  for (let i = 0; i < runs; i++) {
    const urut = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const x of urut) {
      const u = x === 'a' ? await ukurSekali(process.execPath, kerja, cwd) : await ukurSekali(process.execPath, lantai, cwd);
      if (u.kode !== 0) throw new Error(`${x === 'a' ? label : lantaiLabel}: exit ${u.kode}\n${u.stderr.slice(-2000)}`);
      (x === 'a' ? a : b).push(u);
      beban.push(u.beban);
    }
  }
  return { kerja: ringkas(label, a), lantai: ringkas(lantaiLabel, b), beban: median(beban) };
}

const detik = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (m: Measurement): string => `Node ${m.nodeMiB?.toFixed(0)} MiB${m.chromiumMiB ? ` + Chromium ${m.chromiumMiB.toFixed(0)} MiB` : ''}`;

function baris(m: Measurement): string {
  const cpu = m.chromiumMiB ? `CPU ${detik(m.cpuMs ?? NaN)} (Node ${detik(m.cpuNodeMs ?? NaN)})` : `CPU ${detik(m.cpuMs ?? NaN)}`;
  return `  ${m.label.padEnd(46)} ${detik(m.medianMs).padStart(8)} (min ${detik(m.minMs)}, max ${detik(m.maxMs)})  ${cpu}  ${mib(m)}`;
}

/** The final HTML of each document of `build 2024`, as printed (floated, TOC numbers filled). */
async function htmlAkhir(tmp: string): Promise<Record<'lkjip' | 'renja', string>> {
  const { run } = (await import(pathToFileURL(path.join(root, 'dist/src/cli/run.js')).href)) as typeof import('../../src/cli/run.js');
  const { memoryIo } = (await import(pathToFileURL(path.join(root, 'dist/src/cli/io.js')).href)) as typeof import('../../src/cli/io.js');
  const { openBrowser } = (await import(pathToFileURL(path.join(root, 'dist/src/export/browser.js')).href)) as typeof import('../../src/export/browser.js');
  const { printPdf } = (await import(pathToFileURL(path.join(root, 'dist/src/export/pdf.js')).href)) as typeof import('../../src/export/pdf.js');
  const { templatesDir } = (await import(pathToFileURL(path.join(root, 'dist/src/render/assets.js')).href)) as typeof import('../../src/render/assets.js');
  const io = memoryIo();
  const out = path.join(tmp, 'html');
  if ((await run(['build', '2024', '--format', 'html', '--out', out], io)) !== 0) throw new Error(io.stderr);
  const sesi = await openBrowser();
  const hasil: Record<string, string> = {};
  try {
    for (const d of ['lkjip', 'renja'] as const) {
      const html = readFileSync(path.join(out, '2024', `${d}-2024.html`), 'utf8');
      const meta = { title: d, author: '', subject: '', date: new Date(0) };
      const p = await printPdf(sesi, { html, baseUrl: pathToFileURL(`${templatesDir()}/`).href, meta }, { htmlAkhir: true });
      const f = path.join(tmp, `${d}-2024.html`);
      writeFileSync(f, p.htmlAkhir as string);
      hasil[d] = f;
    }
  } finally {
    await sesi.close();
  }
  return hasil as Record<'lkjip' | 'renja', string>;
}

/** One traced build: its spans, sorted, as lines. */
function profil(args: string[], tmp: string): Promise<string[]> {
  const file = path.join(tmp, `jejak-${Math.random().toString(36).slice(2)}.jsonl`);
  return ukurSekali(process.execPath, [BIN, ...args], root, { ...process.env, LKJIP_JEJAK: file }).then((u) => {
    const rentang = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { label: string; mulai: number; selesai: number; sisi: string; pekerja?: boolean })
      .sort((x, y) => x.mulai - y.mulai);
    return [
      `  wall ${detik(u.ms)}, CPU ${detik(u.cpuMs)} of which Node ${detik(u.cpuNodeMs)} (ms from the process start; [W] = worker thread driving Chromium)`,
      ...rentang.map(
        (r) =>
          `  ${r.mulai.toFixed(0).padStart(6)} - ${r.selesai.toFixed(0).padStart(6)}  ${(r.selesai - r.mulai).toFixed(0).padStart(5)} ms  ${r.sisi.padEnd(8)} ${r.pekerja ? '[W] ' : ''}${r.label}`,
      ),
    ];
  });
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 5;
  const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-bench-target-'));
  try {
    console.log(`lkjip targets: Node ${process.version}, ${cpus().length} cores, ${runs} alternating pairs each, medians; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const out = path.join(tmp, 'out');
    const html = await htmlAkhir(tmp);
    // Warm-up: the code caches of each command, the files in the page cache.
    for (const a of [['validate', '2024'], ['calc', '2024', '--json'], ['build', '2024', '--out', out]]) await ukurSekali(process.execPath, [BIN, ...a], root);
    await ukurSekali(process.execPath, [FLOOR, tmp, html.lkjip], root);

    const lkjip = await pasangan(
      'build 2024 --only lkjip --format pdf',
      [BIN, 'build', '2024', '--only', 'lkjip', '--format', 'pdf', '--out', out],
      'floor: fresh browser prints the final LKJIP HTML',
      [FLOOR, tmp, html.lkjip],
      runs,
      root,
    );
    const penuh = await pasangan(
      'build 2024 (2 PDF, 2 HTML, 2 XLSX)',
      [BIN, 'build', '2024', '--out', out],
      'floor: one fresh browser prints both final HTMLs at once',
      [FLOOR, tmp, html.lkjip, html.renja],
      runs,
      root,
    );
    const validate = await pasangan('validate 2024', [BIN, 'validate', '2024'], 'node -e 0', ['-e', '0'], runs, root);
    const calc = await pasangan('calc 2024 --json', [BIN, 'calc', '2024', '--json'], 'node -e 0', ['-e', '0'], runs, root);

    for (const p of [lkjip, penuh, validate, calc]) {
      console.log(`\n${p.kerja.label} (load average ${p.beban.toFixed(2)} during the pairs)`);
      console.log(baris(p.kerja));
      console.log(baris(p.lantai));
    }
    const hasil = [
      { nama: 'build LKJIP PDF / its floor', nilai: lkjip.kerja.medianMs / lkjip.lantai.medianMs, cpu: (lkjip.kerja.cpuMs ?? NaN) / (lkjip.lantai.cpuMs ?? NaN), target: 1.3, satuan: '' },
      { nama: 'build 2024 / its floor', nilai: penuh.kerja.medianMs / penuh.lantai.medianMs, cpu: (penuh.kerja.cpuMs ?? NaN) / (penuh.lantai.cpuMs ?? NaN), target: 1.3, satuan: '' },
      { nama: 'validate 2024 (incl. Node start)', nilai: validate.kerja.medianMs / 1000, cpu: NaN, target: 0.25, satuan: ' s' },
      { nama: 'calc 2024 --json (incl. Node start)', nilai: calc.kerja.medianMs / 1000, cpu: NaN, target: 0.25, satuan: ' s' },
    ];
    console.log('\nTargets (wall-clock medians; CPU ratio: the same work in CPU time of the whole process tree):');
    let semua = true;
    for (const h of hasil) {
      const ok = h.nilai <= h.target;
      semua &&= ok;
      const cpu = Number.isFinite(h.cpu) ? `  CPU ratio ${h.cpu.toFixed(2)}` : '';
      console.log(`  ${h.nama.padEnd(38)} ${h.nilai.toFixed(2).padStart(5)}${h.satuan}  target <= ${h.target}${h.satuan}  ${ok ? 'OK' : 'OVER TARGET'}${cpu}`);
    }
    console.log(`  load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`);

    console.log('\nWhere the time goes: build 2024 --only lkjip --format pdf');
    for (const l of await profil(['build', '2024', '--only', 'lkjip', '--format', 'pdf', '--out', out], tmp)) console.log(l);
    console.log('\nWhere the time goes: build 2024');
    for (const l of await profil(['build', '2024', '--out', out], tmp)) console.log(l);
    return semua ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
