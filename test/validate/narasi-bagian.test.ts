/**
 * Narrative files against the documents' sections (validate/periksa.ts): a missing one is a
 * warning naming the file to create, a misnamed one an error with the nearest name, two sources of
 * one text say which is printed. On a copy of the bundled data, through the CLI.
 */
import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const root = path.resolve(__dirname, '../..');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function salin(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-narasi-'));
  tmp.push(dir);
  cpSync(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

interface D {
  code: string;
  severity: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
}

async function validasi(dir: string): Promise<{ code: number; ds: D[]; teks: string }> {
  const j = memoryIo({}, dir);
  const code = await run(['validate', '2024', '--reporter', 'json'], j);
  const t = memoryIo({}, dir);
  await run(['validate', '2024'], t);
  return { code, ds: (JSON.parse(j.stdout) as { diagnostik: D[] }).diagnostik, teks: t.stderr };
}

describe('narrative sections', () => {
  it('the bundled data has a file for every section (no LKJ330/331/332)', async () => {
    const { code, ds } = await validasi(salin());
    expect(code).toBe(0);
    expect(ds.filter((d) => ['LKJ330', 'LKJ331', 'LKJ332'].includes(d.code))).toEqual([]);
  });

  it('deleting one narrative: validate warns and names the file to create; the section prints empty', async () => {
    const dir = salin();
    unlinkSync(path.join(dir, 'data/2024/narasi/lkjip/bab-1.3-maksud-tujuan.md'));
    const { code, ds, teks } = await validasi(dir);
    expect(code).toBe(0);
    const w = ds.filter((d) => d.code === 'LKJ330');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', file: expect.stringMatching(/data\/2024\/narasi\/lkjip\/bab-1\.3-maksud-tujuan\.md$/) });
    expect(w[0]!.message).toMatch(/"LKJIP: BAB I PENDAHULUAN > 1\.3\. MAKSUD DAN TUJUAN".*tercetak kosong/);
    expect(teks).toMatch(/warning LKJ330 Bagian narasi belum ditulis/);
    expect(teks).toMatch(/Data valid: 0 kesalahan.*siap dibangun/);
  });

  it('deleting a narrative of a section with tables: it prints only its tables', async () => {
    const dir = salin();
    unlinkSync(path.join(dir, 'data/2024/narasi/renja/bab-2.1-evaluasi.md'));
    const { ds } = await validasi(dir);
    expect(ds.find((d) => d.code === 'LKJ330')?.message).toMatch(/hanya berisi tabel E\.81, tabel TC-29/);
  });

  it('renaming one: an error at the file with the nearest name as the fix; never "siap dibangun"', async () => {
    const dir = salin();
    const lkjip = path.join(dir, 'data/2024/narasi/lkjip');
    renameSync(path.join(lkjip, 'bab-1.2-landasan-hukum.md'), path.join(lkjip, 'bab-1.2 landasan hukum.md'));
    renameSync(path.join(lkjip, 'bab-3.3-efisiensi.md'), path.join(lkjip, 'bab-3.3-efisiensii.md'));
    const { code, ds, teks } = await validasi(dir);
    expect(code).toBe(1);
    const e = ds.filter((d) => d.code === 'LKJ331');
    expect(e.map((d) => [path.basename(d.file ?? ''), d.line, d.column, d.severity, d.hint])).toEqual([
      ['bab-1.2 landasan hukum.md', 1, 1, 'error', 'ganti namanya menjadi `bab-1.2-landasan-hukum.md`'],
      ['bab-3.3-efisiensii.md', 1, 1, 'error', 'ganti namanya menjadi `bab-3.3-efisiensi.md`'],
    ]);
    // and the sections they were meant for are missing
    expect(ds.filter((d) => d.code === 'LKJ330').map((d) => path.basename(d.file ?? '')).sort()).toEqual(['bab-1.2-landasan-hukum.md', 'bab-3.3-efisiensi.md']);
    expect(teks).toMatch(/Data tidak valid: 2 kesalahan.*belum dapat dibangun/);
    expect(teks).not.toMatch(/siap dibangun/);
    // build says the same and writes nothing
    const b = memoryIo({}, dir);
    expect(await run(['build', '2024', '--format', 'html', '--out', 'keluar'], b)).toBe(1);
    expect(b.stderr).toMatch(/LKJ331/);
  });

  it('two sources of one text: the narrative file is printed, validate says so at the other', async () => {
    const dir = salin();
    appendFileSync(path.join(dir, 'data/2024/renja.yaml'), '\npenutup:\n  catatan_penting: "Teks lain."\n');
    const { code, ds } = await validasi(dir);
    expect(code).toBe(0);
    const w = ds.find((d) => d.code === 'LKJ332');
    expect(w).toMatchObject({ severity: 'warning', file: expect.stringMatching(/data\/2024\/renja\.yaml$/), column: 1 });
    expect(w!.message).toMatch(/Yang dicetak adalah `narasi\/renja\/bab-4-penutup\.md`; `penutup` di renja\.yaml tidak dicetak/);
    // without the file, renja.yaml's penutup is printed and there is nothing to warn about
    unlinkSync(path.join(dir, 'data/2024/narasi/renja/bab-4-penutup.md'));
    const lagi = await validasi(dir);
    expect(lagi.ds.filter((d) => ['LKJ330', 'LKJ332'].includes(d.code))).toEqual([]);
  });

  it('a year without any narrative of a document stays history (LKJ401), without a warning per section', async () => {
    const dir = salin();
    const j = memoryIo({}, dir);
    expect(await run(['validate', '2023', '--reporter', 'json'], j)).toBe(0);
    const ds = (JSON.parse(j.stdout) as { diagnostik: D[] }).diagnostik;
    expect(ds.filter((d) => d.code === 'LKJ330')).toEqual([]);
    expect(ds.some((d) => d.code === 'LKJ401')).toBe(true);
  });

  it('a misnamed quarterly-evaluation text (narasi/evaluasi/) is an error with the nearest name', async () => {
    const dir = salin();
    const folder = path.join(dir, 'data/2024/narasi/evaluasi');
    cpSync(path.join(root, 'test/fixtures/opd-contoh/data/2026/narasi/evaluasi/tw3-faktor-penghambat.md'), path.join(folder, 'tw3-faktor-penghambat.md'), { recursive: true });
    cpSync(path.join(folder, 'tw3-faktor-penghambat.md'), path.join(folder, 'tw3-faktor-pendorog.md'));
    const { code, ds } = await validasi(dir);
    expect(code).toBe(1);
    const e = ds.filter((d) => d.code === 'LKJ331');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(/narasi\/evaluasi\/tw3-faktor-pendorog\.md$/), line: 1 });
    expect(e[0]!.hint).toContain('tw3-faktor-pendorong.md');
  });
});
