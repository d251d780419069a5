import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { daftarPekerjaan, type LaporanBuild } from '../../src/cli/commands/build.js';
import { buatProgres } from '../../src/cli/progress.js';
import { buatDataTahunan } from '../bench/scale.js';

const root = path.resolve(__dirname, '../..');
const contoh = path.join(root, 'test/fixtures/opd-contoh/data');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The made-up agency with 2026 repeated as 2027: two buildable years, 2025 as history. */
async function duaTahun(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-all-'));
  tmp.push(dir);
  await buatDataTahunan(contoh, path.join(dir, 'data'), 2026, 2);
  return dir;
}
const berkasDi = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|pdf|xlsx)$/.test(f)).sort() : [];

describe('lkjip build --all', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await duaTahun();
  });

  it('builds every buildable year, skips history-only years, and sums up what was written where', async () => {
    const o = memoryIo({}, dir);
    expect(await run(['build', '--all', '--format', 'html', '--out', 'out-a'], o)).toBe(0);
    expect(berkasDi(path.join(dir, 'out-a'))).toEqual(['2026/lkjip-2026.html', '2026/renja-2026.html', '2027/lkjip-2027.html', '2027/renja-2027.html']);
    expect(o.stderr).toMatch(/^\[\d\/4\] LKJIP 2026: HTML \(\d+,\d s\)$/m); // two at a time: any order
    expect(o.stderr).toMatch(/^\[4\/4\] /m);
    expect(o.stderr).toMatch(/Selesai: 4 dokumen dari 2 tahun/);
    expect(o.stderr).toMatch(/ {2}2027 -> out-a\/2027\/: lkjip-2027\.html, renja-2027\.html/);
    expect(o.stderr).not.toContain('\x1b'); // not a terminal: plain lines
    expect(o.stdout).toBe('');
  });

  it('splits the (year, document) jobs into disjoint shards that together cover all', async () => {
    const semua: string[] = [];
    for (const s of ['1/3', '2/3', '3/3']) {
      const out = `out-shard-${s.replace('/', '-')}`;
      const o = memoryIo({}, dir);
      expect(await run(['build', '--all', '--format', 'html', '--shard', s, '--out', out], o)).toBe(0);
      semua.push(...berkasDi(path.join(dir, out)));
    }
    expect(semua.sort()).toEqual(['2026/lkjip-2026.html', '2026/renja-2026.html', '2027/lkjip-2027.html', '2027/renja-2027.html']);

    const jobs = (shard?: { ke: number; dari: number }): string[] =>
      daftarPekerjaan([2027, 2026], { format: ['html'], ...(shard ? { shard } : {}) }).map((p) => `${p.dokumen.id}-${p.tahun}`);
    expect(jobs()).toEqual(['lkjip-2026', 'renja-2026', 'lkjip-2027', 'renja-2027']);
    expect(jobs({ ke: 1, dari: 2 })).toEqual(['lkjip-2026', 'lkjip-2027']);
    expect(jobs({ ke: 2, dari: 2 })).toEqual(['renja-2026', 'renja-2027']);
    expect(jobs({ ke: 5, dari: 5 })).toEqual([]);
  });

  it('--reporter json: one JSON document on stdout with every year, files, timings and diagnostics', async () => {
    const o = memoryIo({}, dir);
    expect(await run(['build', '--all', '--format', 'html', '--only', 'lkjip', '--reporter', 'json', '--out', 'out-json'], o)).toBe(0);
    const l = JSON.parse(o.stdout) as LaporanBuild;
    expect(l.ok).toBe(true);
    expect(l.berhasil).toEqual([2026, 2027]);
    expect(l.tahun.map((t) => t.tahun)).toEqual([2026, 2027]);
    const t = l.tahun[1];
    expect(t?.dokumen).toEqual([{ id: 'lkjip', format: ['html'], berkas: ['out-json/2027/lkjip-2027.html'], durasi_ms: expect.any(Number) }]);
    expect(t?.diagnostik.some((d) => d.code === 'LKJ312')).toBe(true); // the narrative's "-" for IKU-5
    // A single year with --reporter json has the same shape.
    const s = memoryIo({}, dir);
    expect(await run(['build', '2026', '--format', 'html', '--reporter', 'json', '--out', 'out-json1'], s)).toBe(0);
    const l1 = JSON.parse(s.stdout) as LaporanBuild;
    expect(l1.tahun.map((x) => [x.tahun, x.dokumen.map((d) => d.id)])).toEqual([[2026, ['lkjip', 'renja']]]);
  });

  it('goes on past a year with data errors, names it at the end, exits 1; annotations under GitHub Actions', async () => {
    const rusak = await duaTahun();
    const f = path.join(rusak, 'data/2027/kinerja.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/realisasi: 68\.37/, 'realisasi: "68,37"'));
    const o = memoryIo({ GITHUB_ACTIONS: 'true' }, rusak);
    expect(await run(['build', '--all', '--format', 'html'], o)).toBe(1);
    expect(berkasDi(path.join(rusak, 'out'))).toEqual(['2026/lkjip-2026.html', '2026/renja-2026.html']);
    expect(o.stderr).toMatch(/LKJIP 2027: dilewati, data bermasalah/);
    expect(o.stderr).toMatch(/2027: GAGAL, data bermasalah \(1 kesalahan/);
    expect(o.stderr).toMatch(/Tahun gagal: 2027/);
    expect(o.stdout).toMatch(/^::error file=[^,]*data\/2027\/kinerja\.yaml,line=\d+,col=\d+/m);

    const j = memoryIo({}, rusak);
    expect(await run(['build', '--all', '--format', 'html', '--reporter', 'json', '--out', 'out-j'], j)).toBe(1);
    const l = JSON.parse(j.stdout) as LaporanBuild;
    expect([l.ok, l.kode_keluar, l.berhasil, l.gagal]).toEqual([false, 1, [2026], [2027]]);
    expect(l.tahun[1]?.diagnostik.some((d) => d.code === 'LKJ202' && d.severity === 'error')).toBe(true);
  });

  it('builds PDFs of several years with one shared browser, two at a time', async () => {
    const o = memoryIo({}, dir);
    expect(await run(['build', '--all', '--only', 'lkjip', '--format', 'pdf', '--jobs', '2', '--out', 'out-pdf'], o)).toBe(0);
    expect(berkasDi(path.join(dir, 'out-pdf'))).toEqual(['2026/lkjip-2026.pdf', '2027/lkjip-2027.pdf']);
    for (const t of [2026, 2027]) expect(readFileSync(path.join(dir, `out-pdf/${t}/lkjip-${t}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(o.stderr).toMatch(/LKJIP 2027: PDF \d+ halaman/);
  });

  it.each([
    [['build'], /sebutkan tahun/],
    [['build', '2026', '--all'], /pilih salah satu/],
    [['build', '--all', '--shard', '0/2'], /1 <= i <= n/],
    [['build', '--all', '--shard', 'dua'], /1 <= i <= n/],
    [['build', '--all', '--jobs', '0'], /jobs harus/],
    [['build', '--all', '--watch'], /--watch hanya untuk satu tahun/],
  ])('%j is a usage error (exit 2)', async (argv, pesan) => {
    const o = memoryIo({}, dir);
    expect(await run(argv, o)).toBe(2);
    expect(o.stderr).toMatch(pesan);
  });
});

describe('progress lines', () => {
  const jalankan = (isTTY: boolean, env: Record<string, string>): string => {
    const io = { ...memoryIo(env), errTTY: isTTY };
    let err = '';
    io.err = (s: string) => {
      err += s;
    };
    const p = buatProgres(io, 2);
    p.mulai('LKJIP 2026');
    p.mulai('Renja 2026');
    p.selesai('LKJIP 2026', 'LKJIP 2026: HTML (0,4 s)');
    p.selesai('Renja 2026', 'Renja 2026: HTML (0,3 s)');
    p.tutup();
    return err;
  };

  it('rewrites a status line on a terminal', () => {
    const err = jalankan(true, {});
    expect(err).toContain('\r\x1b[2K[0/2] sedang: LKJIP 2026, Renja 2026');
    expect(err).toContain('[1/2] LKJIP 2026: HTML (0,4 s)\n');
  });

  it.each([
    [false, {}],
    [true, { CI: 'true' }],
    [true, { TERM: 'dumb' }],
  ])('writes plain lines only (isTTY %s, env %j)', (isTTY, env) => {
    expect(jalankan(isTTY, env)).toBe('[1/2] LKJIP 2026: HTML (0,4 s)\n[2/2] Renja 2026: HTML (0,3 s)\n');
  });
});
