import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const root = path.resolve(__dirname, '../..');
const io = () => memoryIo({}, root);
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function salinData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-cli-'));
  tmp.push(dir);
  cpSync(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

describe('lkjip CLI', () => {
  it.each([
    [['--help'], 0, /validate/],
    [['validate', '--help'], 0, /berkas:baris:kolom/],
    [['--version'], 0, /\d+\.\d+\.\d+/],
    [['tidak-ada'], 2, /kesalahan/],
    [['validate', '20x4'], 2, /tahun harus 4 angka/],
    [['validate'], 2, /kesalahan/],
    [['calc', '2024', '--reporter', 'xml'], 2, /kesalahan/],
  ])('%j exits %i', async (argv, code, pesan) => {
    const o = io();
    expect(await run(argv, o)).toBe(code);
    expect(o.stdout + o.stderr).toMatch(pesan);
  });

  it('validates the bundled 2024 data', async () => {
    const o = io();
    expect(await run(['validate', '2024'], o)).toBe(0);
    expect(o.stderr).toMatch(/Data valid: 0 kesalahan/);
    expect(o.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('accepts a history-only year and says what it lacks to be built', async () => {
    const o = io();
    expect(await run(['validate', '2023'], o)).toBe(0);
    expect(o.stderr).toMatch(/hanya data riwayat/);
    expect(o.stderr).toMatch(/lra\.yaml/);
  });

  it('reports data errors with file:line:column, exit 1, in JSON too', async () => {
    const dir = salinData();
    const berkas = path.join(dir, 'data/2024/kinerja.yaml');
    const teks = readFileSync(berkas, 'utf8').replace(/realisasi: 89\.60/, 'realisasi: "89,60"');
    expect(teks).toContain('"89,60"');
    writeFileSync(berkas, teks);
    const o = memoryIo({}, dir);
    expect(await run(['validate', '2024'], o)).toBe(1);
    expect(o.stderr).toMatch(/data\/2024\/kinerja\.yaml:\d+:\d+ error LKJ202/);
    expect(o.stderr).toMatch(/89\.60/);

    const j = memoryIo({}, dir);
    expect(await run(['validate', '2024', '--reporter', 'json'], j)).toBe(1);
    const hasil = JSON.parse(j.stdout) as { ok: boolean; diagnostik: { code: string; line: number }[] };
    expect(hasil.ok).toBe(false);
    expect(hasil.diagnostik.some((d) => d.code === 'LKJ202' && d.line > 0)).toBe(true);

    const c = memoryIo({}, dir);
    expect(await run(['calc', '2024'], c)).toBe(1);
    expect(c.stdout).toBe('');
  });

  it('emits GitHub annotations under GitHub Actions', async () => {
    const dir = salinData();
    const berkas = path.join(dir, 'data/2024/kinerja.yaml');
    writeFileSync(berkas, readFileSync(berkas, 'utf8').replace(/realisasi: 89\.60/, 'realisasi: "89,60"'));
    const o = memoryIo({ GITHUB_ACTIONS: 'true' }, dir);
    expect(await run(['validate', '2024'], o)).toBe(1);
    expect(o.stdout).toMatch(/^::error file=[^,]*data\/2024\/kinerja\.yaml,line=\d+,col=\d+/m);
  });

  it('calc prints the year in Indonesian number style', async () => {
    const o = io();
    expect(await run(['calc', '2024'], o)).toBe(0);
    expect(o.stdout).toContain('10.560.086.840');
    expect(o.stdout).toContain('102,99');
    expect(o.stdout).toContain('90,77');
    expect(o.stdout).not.toMatch(/NaN|Infinity|#DIV\/0!/);
  });

  it('calc --json gives raw numbers for scripts', async () => {
    const o = io();
    expect(await run(['calc', '2024', '--json'], o)).toBe(0);
    const h = JSON.parse(o.stdout) as { kinerja: { iku: { id: string; capaian: number }[] }; anggaran: { opd: { anggaran: number } } };
    expect(h.anggaran.opd.anggaran).toBe(10560086840);
    expect(h.kinerja.iku.find((b) => b.id === 'IKU-1')?.capaian).toBeCloseTo(102.9885, 3);
  });

  it('warns (not fails) when the narrative names a value other years have but this year has not filled', async () => {
    const dir = salinData();
    const berkas = path.join(dir, 'data/2024/konteks.yaml');
    writeFileSync(berkas, readFileSync(berkas, 'utf8').replace(/^kondisi:\n(  .*\n)+/m, ''));
    const o = memoryIo({}, dir);
    expect(await run(['validate', '2024'], o)).toBe(0);
    expect(o.stderr).toMatch(/narasi\/lkjip\/[^:]+\.md:\d+:\d+ warning LKJ312/);
    expect(o.stderr).toMatch(/belum diisi untuk tahun 2024/);
  });
});
