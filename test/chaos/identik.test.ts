/**
 * The same data gives the same bytes, whatever else differs: `build --all --jobs 2` (two documents
 * printing at once in one browser) against `build <tahun> --jobs 1` (one at a time), the installed
 * command (dist/lkjip.mjs: the bundle, its code caches, Chromium driven from a worker thread)
 * against the compiled modules (dist/src/cli/bin.js), and a build from a second checkout of lkjip
 * in another folder (the HTML embeds its fonts, so it names no path of the checkout). Every file
 * of the bundled 2024 set: 2 PDF, 2 HTML, 2 XLSX.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/export/browser.js';
import { folderUji, hapus, ROOT, sidikSet } from './bantu.js';

let ada = true;
try {
  findBrowser({ env: {} });
} catch {
  ada = false;
}

const dir = folderUji('identik');
afterAll(() => hapus(dir));

/** A second checkout: the built lkjip copied to another folder, its own copy of the font package. */
function checkoutKedua(): string {
  const b = path.join(dir, 'checkout-kedua', 'lkjip');
  for (const f of ['dist', 'templates', 'schemas', 'package.json']) cpSync(path.join(ROOT, f), path.join(b, f), { recursive: true });
  const nm = path.join(b, 'node_modules');
  mkdirSync(nm, { recursive: true });
  for (const e of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (e === '@fontsource') cpSync(path.join(ROOT, 'node_modules', e), path.join(nm, e), { recursive: true });
    else if (!e.startsWith('.')) symlinkSync(path.join(ROOT, 'node_modules', e), path.join(nm, e));
  }
  return b;
}

function build(checkout: string, args: string[], out: string, bin = 'dist/src/cli/bin.js'): Promise<{ kode: number; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(checkout, bin), ...args, '--data', path.join(ROOT, 'data'), '--out', out], {
      cwd: dir,
      env: { ...process.env, CI: 'true', TMPDIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.on('exit', (kode) => resolve({ kode: kode ?? -1, err }));
  });
}

describe.skipIf(!ada)('byte-identical builds', () => {
  let kedua: string;
  let tunggal: Record<string, string>;
  beforeAll(async () => {
    kedua = checkoutKedua();
    const r = await build(ROOT, ['build', '2024', '--jobs', '1'], path.join(dir, 'out-tunggal'));
    expect(r.kode, r.err).toBe(0);
    tunggal = sidikSet(path.join(dir, 'out-tunggal', '2024'));
    expect(Object.keys(tunggal).sort()).toEqual(['lkjip-2024.html', 'lkjip-2024.pdf', 'lkjip-2024.xlsx', 'renja-2024.html', 'renja-2024.pdf', 'renja-2024.xlsx']);
  });

  it('build --all --jobs 2 by the installed command from another checkout folder equals build 2024 --jobs 1, every file; the HTML names no path', async () => {
    // All differences in one build (the suite runs on 2 cores): a difference in the PDFs only
    // points at the parallel print or the worker thread, one in the HTML only at the checkout path.
    const r = await build(kedua, ['build', '--all', '--jobs', '2'], path.join(dir, 'out-kedua'), 'dist/lkjip.mjs');
    expect(r.kode, r.err).toBe(0);
    expect(r.err).toMatch(/Build 2 dokumen dari tahun 2024, 2 sekaligus\./);
    expect(sidikSet(path.join(dir, 'out-kedua', '2024'))).toEqual(tunggal);
    for (const f of ['lkjip-2024.html', 'renja-2024.html']) {
      const html = readFileSync(path.join(dir, 'out-kedua', '2024', f), 'utf8');
      expect(html).not.toContain('file:');
      expect(html).not.toContain(kedua);
      expect(html).not.toContain(ROOT);
    }
  });
});
