/**
 * Containment of the data folder: every file read for a year resolves inside it after symlinks,
 * whatever its kind (YAML, narrative, a year or narrative folder), otherwise LKJ110 naming the link.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInsideData } from '../../src/load/dalam-data.js';
import { loadData } from '../../src/load/load-data.js';
import { kelasTahun, validate } from '../../src/validate/index.js';

const root = path.resolve(__dirname, '../..');
let tmp: string;
let data: string;
let luar: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-dalam-'));
  data = path.join(tmp, 'data');
  luar = path.join(tmp, 'rahasia');
  mkdirSync(data);
  mkdirSync(luar);
  writeFileSync(path.join(luar, 'gaji.md'), 'RAHASIA\n');
  writeFileSync(path.join(data, 'opd.yaml'), 'a: 1\n');
  mkdirSync(path.join(data, '2024/narasi/lkjip'), { recursive: true });
  writeFileSync(path.join(data, '2024/narasi/lkjip/bab-1.md'), 'isi\n');
  symlinkSync(path.join(luar, 'gaji.md'), path.join(data, '2024/narasi/lkjip/luar.md'));
  symlinkSync('../../../2024/narasi/lkjip/bab-1.md', path.join(data, '2024/narasi/lkjip/dalam.md'));
  symlinkSync(luar, path.join(data, '2024/folder-luar'));
  symlinkSync(path.join(data, 'tidak-ada.md'), path.join(data, '2024/rusak.md'));
  symlinkSync(data, path.join(tmp, 'data-via-tautan'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolveInsideData', () => {
  it.each([
    ['a plain file', '2024/narasi/lkjip/bab-1.md', { ok: true }],
    ['a symlink to a file inside', '2024/narasi/lkjip/dalam.md', { ok: true }],
    ['a symlink to a file outside', '2024/narasi/lkjip/luar.md', { ok: false, jenis: 'di-luar' }],
    ['a file under a folder symlink that leads out', '2024/folder-luar/gaji.md', { ok: false, jenis: 'di-luar' }],
    ['.. out of the folder', '../rahasia/gaji.md', { ok: false, jenis: 'di-luar' }],
    ['an absolute path', '/etc/passwd', { ok: false, jenis: 'di-luar' }],
    ['a missing file', '2024/tidak-ada.md', { ok: false, jenis: 'tidak-ada' }],
    ['a dangling symlink', '2024/rusak.md', { ok: false, jenis: 'tidak-ada' }],
  ])('%s', (_nama, rel, harap) => {
    expect(resolveInsideData(data, rel)).toMatchObject(harap);
  });

  it('names the link that leads out and where it points', () => {
    expect(resolveInsideData(data, '2024/folder-luar/gaji.md')).toEqual({
      ok: false,
      jenis: 'di-luar',
      tautan: path.join(data, '2024/folder-luar'),
      tujuan: luar,
    });
    expect(resolveInsideData(data, '2024/rusak.md')).toMatchObject({ tautanRusak: path.join(data, '2024/rusak.md') });
  });

  it('accepts a data folder reached through a symlink, and returns the real path', () => {
    expect(resolveInsideData(path.join(tmp, 'data-via-tautan'), '2024/narasi/lkjip/dalam.md')).toEqual({
      ok: true,
      path: path.join(data, '2024/narasi/lkjip/bab-1.md'),
    });
  });
});

describe('loadData refuses what leads out of the data folder', () => {
  let salinan: string;
  beforeAll(() => {
    salinan = path.join(tmp, 'salinan');
    cpSync(path.join(root, 'test/fixtures/opd-contoh/data'), salinan, { recursive: true });
  });

  it('a narrative symlinked to a file outside: LKJ110 naming the link, its text never loaded', async () => {
    const link = path.join(salinan, '2026/narasi/lkjip/bab-9-bocor.md');
    symlinkSync(path.join(luar, 'gaji.md'), link);
    try {
      const loaded = await loadData(salinan);
      const d = loaded.diagnostics.filter((x) => x.code === 'LKJ110');
      expect(d).toHaveLength(1);
      expect(d[0]?.message).toContain('bab-9-bocor.md');
      expect(d[0]?.message).toContain(path.join(luar, 'gaji.md'));
      expect(JSON.stringify(loaded.data.tahun.get(2026)?.narasi)).not.toContain('RAHASIA');
      // the year cannot be built, and is broken (not history)
      expect(validate(loaded, 2026).some((x) => x.code === 'LKJ110' && x.severity === 'error')).toBe(true);
      expect(kelasTahun(loaded, 2026).jenis).toBe('rusak');
      // an earlier year does not depend on it
      expect(validate(loaded, 2025).some((x) => x.code === 'LKJ110')).toBe(false);
    } finally {
      rmSync(link);
    }
  });

  it('a year folder symlinked outside: one LKJ110 for the folder (not "missing"), nothing read from it', async () => {
    const asing = path.join(tmp, 'opd-lain');
    cpSync(path.join(salinan, '2026'), asing, { recursive: true });
    const link = path.join(salinan, '2027');
    symlinkSync(asing, link);
    try {
      const loaded = await loadData(salinan);
      expect(loaded.years).toContain(2027);
      const d = loaded.diagnostics.filter((x) => x.code === 'LKJ110');
      expect(d.map((x) => x.file)).toEqual([expect.stringMatching(/salinan\/2027$/)]);
      expect([...loaded.files.values()].some((f) => f.tahun === 2027)).toBe(false);
      expect(kelasTahun(loaded, 2027).jenis).toBe('rusak');
    } finally {
      rmSync(link);
    }
  });

  it('a year folder symlinked inside the data folder is read like any other', async () => {
    const asli = path.join(salinan, 'arsip-2027');
    cpSync(path.join(salinan, '2026'), asli, { recursive: true });
    const link = path.join(salinan, '2027');
    symlinkSync('arsip-2027', link);
    try {
      const loaded = await loadData(salinan);
      expect(loaded.diagnostics.filter((x) => x.code === 'LKJ110')).toEqual([]);
      expect([...loaded.files.values()].some((f) => f.tahun === 2027)).toBe(true);
    } finally {
      rmSync(link);
      rmSync(asli, { recursive: true });
    }
  });

  it('a dangling symlink is named as such', async () => {
    const link = path.join(salinan, '2026/narasi/lkjip/bab-9.md');
    symlinkSync(path.join(salinan, 'hilang.md'), link);
    try {
      const loaded = await loadData(salinan);
      expect(loaded.diagnostics.find((x) => x.code === 'LKJ105')?.message).toMatch(/tautan simbolik rusak: `[^`]*bab-9\.md` menunjuk ke tempat yang tidak ada/);
    } finally {
      rmSync(link);
    }
  });
});
