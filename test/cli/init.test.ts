import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { HasilInit } from '../../src/cli/commands/init.js';

const root = path.resolve(__dirname, '../..');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A working folder with a copy of a data folder in data/. */
function salin(dari: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-init-'));
  tmp.push(dir);
  cpSync(dari, path.join(dir, 'data'), { recursive: true });
  return dir;
}
const contoh = path.join(root, 'test/fixtures/opd-contoh/data');

describe('lkjip init', () => {
  it('starts 2027 of the made-up agency from its Renstra and 2026, and the new year validates', async () => {
    const dir = salin(contoh);
    const o = memoryIo({}, dir);
    expect(await run(['init', '2027'], o)).toBe(0);
    const folder = path.join(dir, 'data/2027');
    expect(readdirSync(folder).sort()).toEqual(['kinerja.yaml', 'konteks.yaml', 'lkjip.yaml', 'narasi', 'pk.yaml', 'program.yaml', 'renja.yaml']);
    const baca = (f: string): string => readFileSync(path.join(folder, f), 'utf8');

    // Header schema line that an editor can follow from the new file: the copied folder's own
    // lines lead nowhere any more (they pointed up into the repository), so the tool's schemas/.
    for (const f of ['pk', 'kinerja', 'program', 'konteks', 'lkjip', 'renja']) {
      const m = /^# yaml-language-server: \$schema=(\S+\/[a-z-]+\.schema\.json)$/.exec(baca(`${f}.yaml`).split('\n')[0] ?? '');
      expect(m, f).not.toBeNull();
      expect(path.resolve(folder, m![1]!)).toBe(path.join(root, 'schemas', path.basename(m![1]!)));
    }
    // Renstra targets of 2027 carried into the PK; no Renstra target -> last PK's, marked TODO.
    const pk = baca('pk.yaml');
    expect(pk).toMatch(/^tahun: 2027$/m);
    expect(pk).toContain('{ indikator: IKU-1, target: 68 }');
    expect(pk).toContain('{ indikator: IKU-5, target: 300 }');
    expect(pk).toMatch(/\{ indikator: IKL-1, target: 72\.5 \} # TODO/);
    // Last year's program budgets as a start, marked TODO.
    expect(pk).toMatch(/# TODO: anggaran program PK 2026[^\n]*\n\s+- \{ program: "2\.23\.01", anggaran: 3874215300, keterangan: APBD \}/);
    // Realisations empty (null), never 0.
    const kinerja = baca('kinerja.yaml');
    expect(kinerja).toContain('{ id: IKU-1, realisasi: null }');
    expect(kinerja).not.toMatch(/realisasi: 0/);
    const program = baca('program.yaml');
    expect(program).toContain('realisasi_triwulan: [null, null, null, null]');
    // The Renstra has no 2027 target for program indicators: 2026's, marked TODO.
    expect(program).toMatch(/id: I-2\.23\.02, target: 40, realisasi: null, .*# TODO: Renstra tidak memuat target 2027; ini target 2026/);
    expect(program).toMatch(/# pagu: APBD 2027 belum diisi \(pagu 2026: 685\.000\.000\)/);
    // Narrative copied as a draft with the marker on top.
    const narasi = readdirSync(path.join(folder, 'narasi/lkjip'));
    expect(narasi.length).toBe(readdirSync(path.join(contoh, '2026/narasi/lkjip')).length);
    for (const f of narasi) expect(readFileSync(path.join(folder, 'narasi/lkjip', f), 'utf8')).toMatch(/^> TODO: perbarui untuk tahun 2027/);

    expect(o.stderr).toMatch(/Data valid: 0 kesalahan/);
    expect(o.stderr).toMatch(/Belum diisi/);
    expect(o.stderr).toMatch(/data\/2027\/kinerja\.yaml:\d+ +realisasi belum diisi: IT-1, IKU-1/);
    expect(o.stderr).toMatch(/data\/2027\/lra\.yaml +belum ada/);

    const v = memoryIo({}, dir);
    expect(await run(['validate', '2027'], v)).toBe(0);
    expect(v.stderr).toMatch(/Data valid: 0 kesalahan/);
    expect(v.stderr).toMatch(/hanya data riwayat[^\n]*lra\.yaml/);
  });

  it('starts 2025 of the bundled data; narrative data references without data yet are warnings, not errors', async () => {
    const dir = salin(path.join(root, 'data'));
    const o = memoryIo({}, dir);
    expect(await run(['init', '2025', '--reporter', 'json'], o)).toBe(0);
    const h = JSON.parse(o.stdout) as HasilInit;
    expect(h.ok).toBe(true);
    expect(h.dari).toBe(2024);
    expect(h.diagnostik.filter((d) => d.severity === 'error')).toEqual([]);
    expect(h.dibuat).toContain('data/2025/pk.yaml');
    // Locations are shown like diagnostics' (relative to the process's working directory).
    expect(h.belum_diisi.some((b) => b.file.endsWith('data/2025/lra.yaml'))).toBe(true);
    // The drafts keep their references; until konteks 2025 is filled they print "-" with LKJ312.
    const latar = readFileSync(path.join(dir, 'data/2025/narasi/lkjip/bab-1.1-latar-belakang.md'), 'utf8');
    expect(latar).toMatch(/^> TODO: perbarui untuk tahun 2025/);
    expect(latar).toContain('{{data "konteks.kondisi.');
    expect(h.diagnostik.some((d) => d.code === 'LKJ312')).toBe(true);
    // The context table keeps its rows (the agency's) with the values emptied; the other tables
    // stay last year's commented example.
    const konteks = readFileSync(path.join(dir, 'data/2025/konteks.yaml'), 'utf8');
    expect(konteks).toMatch(/^ {4}- \{ id: penduduk_usia_kerja, uraian: Penduduk Usia Kerja \(15 Th keatas\), satuan: orang, nilai: null \}$/m);
    expect(konteks).toMatch(/^ {4}- \{ id: angkatan_kerja, .*jumlah: \[ bekerja, penganggur \] \}$/m);
    expect(konteks).not.toMatch(/908607/);
    expect(konteks).toMatch(/^# {3}golongan:/m);
    expect(konteks).not.toMatch(/ketenagakerjaan/i);
    expect(h.belum_diisi.some((b) => /nilai tabel kondisi belum diisi: penduduk_usia_kerja, bekerja, penganggur/.test(b.pesan))).toBe(true);
    // A picture the drafts name in last year's folder comes along (the Renja planning diagram).
    const diagram = 'narasi/renja/gambar/hubungan-dokumen-perencanaan.svg';
    expect(readFileSync(path.join(dir, 'data/2025', diagram))).toEqual(readFileSync(path.join(root, 'data/2024', diagram)));
    expect(await run(['validate', '2025'], memoryIo({}, dir))).toBe(0);
  });

  it("points the new year's files at the data folder's own skema/ when it has one (a folder made by lkjip baru)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-init-'));
    tmp.push(dir);
    const baru = ['baru', 'dinkes', '--nama', 'Dinas Kesehatan', '--pemda', 'Kabupaten Contoh', '--renstra', '2025-2029', '--tahun', '2025'];
    expect(await run(baru, memoryIo({}, dir))).toBe(0);
    const o = memoryIo({}, dir);
    expect(await run(['init', '2026', '--data', 'dinkes'], o)).toBe(0);
    for (const f of ['pk', 'kinerja', 'program', 'konteks', 'lkjip', 'renja']) {
      const jenis = f === 'program' ? 'program-tahun' : f;
      expect(readFileSync(path.join(dir, 'dinkes/2026', `${f}.yaml`), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=../skema/${jenis}.schema.json`);
    }
    expect(o.stderr).not.toMatch(/LKJ404/);
  });

  it('never overwrites an existing year', async () => {
    const dir = salin(contoh);
    const pk = path.join(dir, 'data/2026/pk.yaml');
    const sebelum = { isi: readFileSync(pk, 'utf8'), mtime: statSync(pk).mtimeMs };
    const o = memoryIo({}, dir);
    expect(await run(['init', '2026'], o)).toBe(2);
    expect(o.stderr).toMatch(/data\/2026\/ sudah ada; `lkjip init` tidak pernah menimpa data/);
    expect(readFileSync(pk, 'utf8')).toBe(sebelum.isi);
    expect(statSync(pk).mtimeMs).toBe(sebelum.mtime);
    expect(existsSync(path.join(dir, 'data/2026/narasi/lkjip'))).toBe(true);
  });

  it('refuses a year outside the Renstra period and creates nothing', async () => {
    const dir = salin(contoh);
    const o = memoryIo({}, dir);
    expect(await run(['init', '2030'], o)).toBe(2);
    expect(o.stderr).toMatch(/tahun 2030 di luar periode Renstra 2025-2029/);
    expect(existsSync(path.join(dir, 'data/2030'))).toBe(false);
  });

  it('explains itself in --help', async () => {
    const o = memoryIo({}, root);
    expect(await run(['init', '--help'], o)).toBe(0);
    expect(o.stdout).toMatch(/tidak pernah ditimpa/);
  });
});
