/**
 * An output folder that cannot be written: exit 3 with LKJ503 in Indonesian, quickly (Node's own
 * recursive mkdir spins forever under /proc), no stack trace, no file or temp folder left behind,
 * the data untouched. HTML + XLSX only: no browser is needed to get to the write.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATAS_MS, isiFolder, jalankan, segarkanData, sidikFolder, STACK } from './corpus.js';

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-hostile-out-'));
  segarkanData(tmp);
  writeFileSync(path.join(tmp, 'berkas.txt'), 'bukan folder\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('unwritable output folder', () => {
  it.each([
    ['a path under a regular file', () => path.join(tmp, 'berkas.txt', 'sub'), /sebagian jalurnya adalah berkas, bukan folder \(ENOTDIR\)/],
    ['a regular file as the output folder', () => path.join(tmp, 'berkas.txt'), /sebagian jalurnya adalah berkas, bukan folder \(ENOTDIR\)/],
    ['a folder under /proc', () => '/proc/lkjip-tidak-ada/keluaran', /\/proc\/lkjip-tidak-ada\/keluaran\/2024/],
    ['a folder under /dev/null', () => '/dev/null/keluaran', /ENOTDIR/],
  ])('%s', async (_nama, tujuan, pesan) => {
    const out = tujuan();
    const sebelum = sidikFolder(tmp);
    const r = await jalankan(['build', '2024', '--data', 'data', '--out', out, '--format', 'html,xlsx'], tmp);
    expect(r.exit, r.stderr.slice(-1500)).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ503 Folder keluaran tidak dapat ditulisi/);
    expect(r.stderr).toMatch(pesan);
    expect(r.stderr).toMatch(/Keluaran lama tidak diubah/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(BATAS_MS);
    // Nothing new anywhere in the work folder (no .2024-tmp-* staging folder, no partial file).
    expect(sidikFolder(tmp)).toBe(sebelum);
  });

  it('a file where out/<tahun> should be: previous outputs and the file stay as they were', async () => {
    const out = path.join(tmp, 'out-berkas');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, '2024'), 'lama\n');
    const sebelum = sidikFolder(tmp);
    const r = await jalankan(['build', '2024', '--data', 'data', '--out', out, '--format', 'html'], tmp);
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/LKJ503/);
    expect(r.stderr).not.toMatch(STACK);
    expect(isiFolder(out)).toEqual(['2024']);
    expect(sidikFolder(tmp)).toBe(sebelum);
  });
});
