/**
 * Another agency builds without touching src/ or templates/: the made-up "Dinas Perpustakaan dan
 * Kearsipan Kota Contoh" (test/fixtures/opd-contoh) gives a shorter LKJIP and a Renja, with nothing
 * of the bundled agency in them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'lkjip-contoh-'));
let lkjip = '';
let renja = '';
let log = '';

beforeAll(async () => {
  const io = memoryIo({ SOURCE_DATE_EPOCH: '1767225600' }, root);
  const code = await run(['build', '2026', '--data', 'test/fixtures/opd-contoh/data', '--out', out, '--format', 'pdf'], io);
  log = io.stdout + io.stderr;
  expect(code, log).toBe(0);
  const teks = (f: string) => execFileSync('pdftotext', ['-layout', path.join(out, '2026', f), '-'], { encoding: 'utf8' });
  lkjip = teks('lkjip-2026.pdf');
  renja = teks('renja-2026.pdf');
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('made-up agency', () => {
  it('builds both documents with its own names and none of the bundled agency', () => {
    for (const t of [lkjip, renja]) {
      expect(t).toMatch(/PERPUSTAKAAN DAN KEARSIPAN/);
      expect(t).not.toMatch(/Mojokerto|MOJOKERTO|Tenaga Kerja/);
      expect(t).not.toMatch(/NaN|Infinity|#DIV\/0!|undefined/);
    }
  });

  it('is shorter and leaves out tables the agency has no data for', () => {
    expect(lkjip).toContain('BAB III');
    expect(lkjip).not.toMatch(/Kondisi Ketenagakerjaan/);
    const halaman = lkjip.split('\f').length;
    expect(halaman).toBeGreaterThan(10);
    expect(halaman).toBeLessThan(57);
  });

  it('prints the zero-target indicator as no value, with a warning, never a division by zero', () => {
    expect(log).toMatch(/LKJ312|target/i);
  });
});
