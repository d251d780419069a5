/**
 * Hostile data: every case ends with its diagnostic in Indonesian, exit 1, within BATAS_MS, without a
 * stack trace, without touching the data files and without writing anything to the output folder.
 * Each case runs `build` (load, validate, then stop before any browser) and `validate`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATAS_MS, buatFifo, isiFolder, jalankan, KASUS_MASUKAN, segarkanData, sidikFolder, STACK } from './corpus.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile input', () => {
  it.each(KASUS_MASUKAN.map((k) => [k.nama, k] as const))('%s', async (_nama, kasus) => {
    const data = segarkanData(tmp);
    kasus.siapkan(data);
    const sebelum = sidikFolder(data);
    const out = path.join(tmp, 'out');
    rmSync(out, { recursive: true, force: true });
    const tahun = kasus.tahun ?? '2024';

    const b = await jalankan(['build', tahun, '--data', 'data', '--out', 'out', '--format', 'html,xlsx'], tmp);
    expect(b.exit, b.stderr.slice(-2000)).toBe(kasus.exit ?? 1);
    expect(b.stderr).toMatch(new RegExp(`error ${kasus.kode} `));
    expect(b.stderr).toMatch(kasus.pesan);
    expect(b.stderr).toMatch(/Build \d{4} dibatalkan/);
    expect(b.stderr).not.toMatch(STACK);
    expect(b.ms).toBeLessThan(BATAS_MS);
    expect(isiFolder(out)).toEqual([]);

    const v = await jalankan(['validate', tahun, '--data', 'data'], tmp);
    expect(v.exit).toBe(kasus.exit ?? 1);
    expect(v.stderr).toMatch(kasus.pesan);
    expect(v.stderr).toMatch(/Data tidak valid/);
    expect(v.stderr).not.toMatch(STACK);
    expect(v.ms).toBeLessThan(BATAS_MS);
    // A code frame never prints a megabyte line: every line of the report stays short.
    expect(Math.max(...v.stderr.split('\n').map((l) => l.length))).toBeLessThan(1000);

    const j = await jalankan(['validate', tahun, '--data', 'data', '--reporter', 'json'], tmp);
    const laporan = JSON.parse(j.stdout) as { ok: boolean; diagnostik: { code: string }[] };
    expect(laporan.ok).toBe(false);
    expect(laporan.diagnostik.map((d) => d.code)).toContain(kasus.kode);

    expect(sidikFolder(data)).toBe(sebelum);
  });

  it('a FIFO where opd.yaml belongs is refused at once instead of blocking the read', async (ctx) => {
    const data = segarkanData(tmp);
    if (!buatFifo(path.join(data, 'opd.yaml'))) ctx.skip();
    const r = await jalankan(['validate', '2024', '--data', 'data'], tmp);
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/opd\.yaml error LKJ105[^\n]*\n[^\n]*bukan berkas biasa/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(BATAS_MS);
  });

  it('bad bytes in a narrative file are reported with their position', async () => {
    const data = segarkanData(tmp);
    // Bad bytes in a narrative are reported with their position too.
    const md = path.join(data, '2024/narasi/lkjip');
    mkdirSync(md, { recursive: true });
    writeFileSync(path.join(md, 'zz-rusak.md'), Buffer.from([0x41, 0x0a, 0x42, 0xe2, 0x82, 0x0a]));
    const r = await jalankan(['validate', '2024', '--data', 'data'], tmp);
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/zz-rusak\.md:2:2 error LKJ106/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
