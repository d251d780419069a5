import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import type { BuildOptions, HasilTahun } from '../../src/cli/commands/build.js';
import { abaikanPerubahan, tontonBuild } from '../../src/cli/commands/watch.js';

const root = path.resolve(__dirname, '../..');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Resolves with the n-th build (1-based) reported to onBuild. */
function pengamat(): { onBuild: (h: HasilTahun) => void; ke: (n: number) => Promise<HasilTahun>; semua: HasilTahun[] } {
  const semua: HasilTahun[] = [];
  const tunggu = new Map<number, (h: HasilTahun) => void>();
  return {
    semua,
    onBuild(h) {
      semua.push(h);
      tunggu.get(semua.length)?.(h);
    },
    ke(n) {
      const ada = semua[n - 1];
      if (ada) return Promise.resolve(ada);
      return new Promise((resolve, reject) => {
        tunggu.set(n, resolve);
        setTimeout(() => reject(new Error(`build ke-${n} tidak terjadi`)), 60_000);
      });
    },
  };
}

describe('lkjip build <tahun> --watch', () => {
  it('rebuilds after a narrative change, survives a data error, stops on abort', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-watch-'));
    tmp.push(dir);
    cpSync(path.join(root, 'test/fixtures/opd-contoh/data'), path.join(dir, 'data'), { recursive: true });
    const io = memoryIo({}, dir);
    const opts: BuildOptions = { data: 'data', out: 'out', format: ['html'], only: 'lkjip', reporter: 'text' };
    const ac = new AbortController();
    const p = pengamat();
    const selesai = tontonBuild(2026, opts, io, { signal: ac.signal, onBuild: p.onBuild, jedaMs: 100, folder: [path.join(dir, 'data')] });
    const html = path.join(dir, 'out/2026/lkjip-2026.html');

    expect((await p.ke(1)).ok).toBe(true);
    expect(readFileSync(html, 'utf8')).not.toContain('Kalimat uji pemantauan');

    // An edit of a narrative file: a second build with the new text.
    appendFileSync(path.join(dir, 'data/2026/narasi/lkjip/bab-4.1-kesimpulan.md'), '\nKalimat uji pemantauan.\n');
    const kedua = await p.ke(2);
    expect(kedua.ok).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('Kalimat uji pemantauan');

    // A data error: diagnostics printed, nothing written, still watching.
    const kinerja = path.join(dir, 'data/2026/kinerja.yaml');
    const asli = readFileSync(kinerja, 'utf8');
    writeFileSync(kinerja, asli.replace('realisasi: 68.37', 'realisasi: "68,37"'));
    const ketiga = await p.ke(3);
    expect([ketiga.ok, ketiga.kode_keluar]).toEqual([false, 1]);
    expect(io.stderr).toMatch(/kinerja\.yaml:\d+:\d+ error LKJ202/);
    writeFileSync(kinerja, asli);
    expect((await p.ke(4)).ok).toBe(true);

    ac.abort();
    expect(await selesai).toBe(0);
    expect(io.stderr).toMatch(/Pemantauan dihentikan/);
    const n = p.semua.length;
    appendFileSync(path.join(dir, 'data/2026/narasi/lkjip/bab-4.1-kesimpulan.md'), '\nSetelah berhenti.\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(p.semua.length).toBe(n);
  });

  it('keeps watching when the data folder is replaced whole (checkout, sync tool, rm -rf && cp)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-watch-ganti-'));
    tmp.push(dir);
    const data = path.join(dir, 'data');
    cpSync(path.join(root, 'test/fixtures/opd-contoh/data'), data, { recursive: true });
    const io = memoryIo({}, dir);
    const opts: BuildOptions = { data: 'data', out: 'out', format: ['html'], only: 'lkjip', reporter: 'text' };
    const ac = new AbortController();
    const p = pengamat();
    const selesai = tontonBuild(2026, opts, io, { signal: ac.signal, onBuild: p.onBuild, jedaMs: 100, folder: [data] });
    const html = path.join(dir, 'out/2026/lkjip-2026.html');
    expect((await p.ke(1)).ok).toBe(true);

    // A fresh copy with a change, swapped in for the folder being watched.
    const baru = path.join(dir, 'data-baru');
    cpSync(data, baru, { recursive: true });
    appendFileSync(path.join(baru, '2026/narasi/lkjip/bab-4.1-kesimpulan.md'), '\nKalimat dari folder pengganti.\n');
    renameSync(data, path.join(dir, 'data-lama'));
    renameSync(baru, data);
    expect((await p.ke(2)).ok).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('Kalimat dari folder pengganti');

    // The new folder is watched, not the old one.
    appendFileSync(path.join(dir, 'data-lama/2026/narasi/lkjip/bab-4.1-kesimpulan.md'), '\nDi folder lama.\n');
    appendFileSync(path.join(data, '2026/narasi/lkjip/bab-4.1-kesimpulan.md'), '\nSunting sesudah penggantian.\n');
    expect((await p.ke(3)).ok).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('Sunting sesudah penggantian');
    expect(readFileSync(html, 'utf8')).not.toContain('Di folder lama');

    ac.abort();
    expect(await selesai).toBe(0);
  });

  it('ignores editor leftovers', () => {
    expect(abaikanPerubahan('2026/narasi/lkjip/.bab-1.md.swp')).toBe(true);
    expect(abaikanPerubahan('2026/kinerja.yaml~')).toBe(true);
    expect(abaikanPerubahan('2026/kinerja.yaml')).toBe(false);
    expect(abaikanPerubahan(null)).toBe(false);
  });
});
