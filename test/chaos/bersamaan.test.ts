/**
 * Two builds with different data into the same --out at the same time: each waits its turn at the
 * lock, both succeed, and out/<tahun> ends as exactly one build's set (every file from the same
 * build), compared byte for byte with each build made alone. HTML and XLSX only: the lock and the
 * swap are the same with or without a browser; a mix would show as the HTML of one build beside the
 * workbook of the other.
 */
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { folderUji, hapus, mulaiCli, salinContoh, sidikSet, sisaSementara, STACK } from './bantu.js';

const ARGS = ['build', '2026', '--out', 'out', '--only', 'lkjip', '--format', 'html,xlsx'];
let dir: string;
let refA: Record<string, string>;
let refB: Record<string, string>;

beforeAll(async () => {
  dir = folderUji('bersamaan');
  salinContoh(dir, 'data-a');
  const b = salinContoh(dir, 'data-b');
  // Another agency name: it is on every page of the HTML and in every workbook.
  const opd = path.join(b, 'opd.yaml');
  writeFileSync(opd, readFileSync(opd, 'utf8').replace('nama_lengkap: Dinas Perpustakaan dan Kearsipan Kota Contoh', 'nama_lengkap: Dinas Arsip Kota Kedua'));
  for (const [data, ref] of [['data-a', 'ref-a'], ['data-b', 'ref-b']]) {
    expect(await run([...ARGS, '--data', data as string, '--out', ref as string], memoryIo({}, dir))).toBe(0);
  }
  refA = sidikSet(path.join(dir, 'ref-a', '2026'));
  refB = sidikSet(path.join(dir, 'ref-b', '2026'));
  expect(Object.keys(refA).sort()).toEqual(['lkjip-2026.html', 'lkjip-2026.xlsx']);
  for (const k of Object.keys(refA)) expect(refA[k]).not.toBe(refB[k]);
});
afterAll(() => hapus(dir));

describe('two builds into the same output folder', () => {
  it('the second waits for the first (with a message), then writes: B set whole', async () => {
    const out = path.join(dir, 'out');
    rmSync(out, { recursive: true, force: true });
    const lanjut = path.join(dir, 'lanjut-a');
    const a = mulaiCli([...ARGS, '--data', 'data-a'], dir, { LKJIP_UJI_TITIK: 'sebelum-tukar', LKJIP_UJI_LANJUT: lanjut });
    await a.tunggu(/LKJIP_UJI_TITIK sebelum-tukar \d+/);
    const b = mulaiCli([...ARGS, '--data', 'data-b'], dir);
    await b.tunggu(/Menunggu: out\/2026\/ sedang ditulis build lain \(proses \d+/);
    writeFileSync(lanjut, '');
    expect(await a.selesai).toBe(0);
    expect(await b.selesai).toBe(0);
    expect(a.stderr() + b.stderr()).not.toMatch(STACK);
    expect(sidikSet(path.join(out, '2026'))).toEqual(refB);
    expect(sisaSementara(out)).toEqual([]);
  });

  it('started at the same moment, twice over: always one build\'s whole set', async () => {
    for (let i = 0; i < 2; i++) {
      const out = path.join(dir, 'out');
      rmSync(out, { recursive: true, force: true });
      const a = mulaiCli([...ARGS, '--data', 'data-a'], dir);
      const b = mulaiCli([...ARGS, '--data', 'data-b'], dir);
      expect([await a.selesai, await b.selesai]).toEqual([0, 0]);
      const set = sidikSet(path.join(out, '2026'));
      expect([refA, refB]).toContainEqual(set);
      expect(sisaSementara(out)).toEqual([]);
    }
  });
});
