/**
 * `build --all` over broken data: a year whose YAML does not parse, a document year that lacks a
 * file, a history year that is broken, a narrative symlinked out of the data folder. Each ends with
 * exit 1 naming the year; the complete years still build; nothing is silently skipped.
 *
 * History vs broken (src/validate/status.ts): a year with only pk/kinerja/konteks/program/lra,
 * all parsed, is history and skipped; a year with a file that cannot be read or parsed, or with
 * renja.yaml/lkjip.yaml/narrative but missing something, is broken.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { LaporanBuild } from '../../src/build/index.js';
import { buatDataTahunan } from '../bench/scale.js';
import { CONTOH, folderUji, hapus, sidikSet, STACK } from './bantu.js';

const folder: string[] = [];
afterAll(() => folder.forEach(hapus));

/** The made-up agency with 2026 repeated as 2027: 2025 history, 2026 and 2027 complete. */
async function tigaTahun(ubah: (data: string) => void = () => undefined): Promise<string> {
  const dir = folderUji('data');
  folder.push(dir);
  await buatDataTahunan(CONTOH, path.join(dir, 'data'), 2026, 2);
  ubah(path.join(dir, 'data'));
  return dir;
}

async function buildAll(dir: string, ...extra: string[]) {
  const io = memoryIo({}, dir);
  const kode = await run(['build', '--all', '--format', 'html', ...extra], io);
  expect(io.stderr).not.toMatch(STACK);
  return { kode, err: io.stderr, out: io.stdout, berkas: Object.keys(sidikSet(path.join(dir, 'out'))).sort() };
}

describe('build --all names every broken year and exits 1', () => {
  it('all fine: the complete years built, the history year named as skipped, exit 0', async () => {
    const r = await buildAll(await tigaTahun());
    expect(r.kode).toBe(0);
    expect(r.berkas).toEqual(['2026/lkjip-2026.html', '2026/renja-2026.html', '2027/lkjip-2027.html', '2027/renja-2027.html']);
    expect(r.err).toMatch(/Tahun riwayat \(tidak dibangun\): 2025\./);
  });

  it('a YAML syntax error in a document year', async () => {
    const dir = await tigaTahun((data) => {
      const f = path.join(data, '2027/kinerja.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace(/^tahun: 2027$/m, 'tahun: [2027'));
    });
    const r = await buildAll(dir);
    expect(r.kode).toBe(1);
    expect(r.err).toMatch(/2027\/kinerja\.yaml:\d+:\d+ error LKJ101/);
    expect(r.err).toMatch(/^ {2}2027: GAGAL, data bermasalah/m);
    expect(r.err).toMatch(/Tahun gagal: 2027 /);
    expect(r.berkas).toEqual(['2026/lkjip-2026.html', '2026/renja-2026.html']);
  });

  it('a document year missing a required file (not history: it has lkjip.yaml, renja.yaml, narrative)', async () => {
    const dir = await tigaTahun((data) => rmSync(path.join(data, '2027/lra.yaml')));
    const r = await buildAll(dir, '--reporter', 'json');
    expect(r.kode).toBe(1);
    const l = JSON.parse(r.out) as LaporanBuild;
    expect([l.gagal, l.berhasil, l.riwayat]).toEqual([[2027], [2026], [2025]]);
    const d = l.tahun.find((t) => t.tahun === 2027)?.diagnostik.find((x) => x.code === 'LKJ402');
    expect(d?.message).toBe('Tahun 2027 belum dapat dibangun; yang belum ada: lra.yaml.');
    expect(r.err).toMatch(/LKJIP 2027: dilewati, data bermasalah \(1 kesalahan/);
  });

  it('a broken history year fails itself and the years that read it', async () => {
    const dir = await tigaTahun((data) => writeFileSync(path.join(data, '2025/pk.yaml'), 'tahun: 2025\n  salah: indentasi\n'));
    const r = await buildAll(dir);
    expect(r.kode).toBe(1);
    expect(r.err).toMatch(/2025\/pk\.yaml:\d+:\d+ error LKJ101/);
    expect(r.err).toMatch(/Tahun gagal: 2025, 2026, 2027 /);
    expect(r.berkas).toEqual([]);
  });

  it('a narrative symlinked to a file outside the data folder is refused, naming the link, nothing printed from it', async () => {
    const dir = await tigaTahun();
    writeFileSync(path.join(dir, 'rahasia.md'), 'GAJI RAHASIA\n');
    const link = path.join(dir, 'data/2026/narasi/lkjip/bab-1.1-latar-belakang.md');
    rmSync(link);
    symlinkSync(path.join(dir, 'rahasia.md'), link);
    const satu = memoryIo({}, dir);
    expect(await run(['build', '2026', '--format', 'html'], satu)).toBe(1);
    expect(satu.stderr).toMatch(/bab-1\.1-latar-belakang\.md error LKJ110 Tautan keluar dari folder data\n {2}`[^`]*bab-1\.1-latar-belakang\.md` adalah tautan simbolik \(symlink\/shortcut\) ke `[^`]*rahasia\.md`, di luar folder data/);
    expect(sidikSet(path.join(dir, 'out'))).toEqual({});
    const r = await buildAll(dir);
    expect(r.kode).toBe(1);
    expect(r.err).toMatch(/Tahun gagal: 2026 /);
    expect(r.berkas).toEqual(['2027/lkjip-2027.html', '2027/renja-2027.html']);
    expect(readFileSync(path.join(dir, 'out/2027/lkjip-2027.html'), 'utf8')).not.toContain('GAJI RAHASIA');
  });
});
