/**
 * `lkjip baru`: a new agency's folder that validates (warnings list what to fill) and builds both
 * documents at once, with nothing of the bundled labour office in them; `lkjip skema`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { teksPdf, teksWorkbook } from '../build/baca-keluaran.js';

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));
function kerja(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'lkjip-baru-'));
  tmp.push(d);
  return d;
}

const FLAG = ['--nama', 'Dinas Kesehatan', '--pemda', 'Kabupaten Contoh', '--renstra', '2025-2029', '--tahun', '2025'];
/** Words of the bundled labour office (names, region, urusan terms). */
const KATA_KETENAGAKERJAAN = /tenaga\s+kerja|ketenagakerjaan|pengangguran|penganggur|mojokerto|pelatihan|transmigrasi|hubungan\s+industrial|angkatan\s+kerja|disnaker|\bTPT\b|\bTPAK\b/i;

/** Every YAML file of a folder, relative. */
function yamlDi(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlDi(dir, path.join(rel, e.name)) : e.name.endsWith('.yaml') ? [path.join(rel, e.name)] : [],
  );
}

describe('lkjip baru', () => {
  it('creates a folder that validates with warnings listing what to fill, then builds both documents with no labour word', async () => {
    const dir = kerja();
    const o = memoryIo({}, dir);
    expect(await run(['baru', 'x', ...FLAG], o)).toBe(0);
    expect(o.stderr).toMatch(/Folder data Dinas Kesehatan Kabupaten Contoh dibuat di x\//);
    expect(o.stderr).toMatch(/Belum diisi \(\d+\)/);
    expect(o.stderr).toMatch(/lkjip validate 2025 --data x/);
    // Every TODO of the list is a whole sentence: none stops at a comma where the comment goes on.
    const todo = o.stderr.split('\n').filter((l) => /^ {2}\S*x\/\S+ +TODO: /.test(l));
    expect(todo.length).toBeGreaterThan(10);
    expect(todo.filter((l) => /,$/.test(l))).toEqual([]);
    // ...and a commented-out YAML example after a TODO is not read as its continuation.
    expect(o.stderr).toMatch(/TODO: Perjanjian Kinerja APBD 2025: .*anggaran per program:$/m);
    expect(o.stderr).toMatch(/\(dalam tanda kutip\), dan tambahkan program, kegiatan dan sub kegiatan perangkat daerah ini beserta indikatornya\./);
    const x = path.join(dir, 'x');
    expect(readdirSync(x).sort()).toEqual(['2025', 'opd.yaml', 'renstra', 'skema']);
    expect(readdirSync(path.join(x, '2025')).sort()).toEqual(['kinerja.yaml', 'konteks.yaml', 'lkjip.yaml', 'lra.yaml', 'narasi', 'pk.yaml', 'program.yaml', 'renja.yaml']);
    // One narrative file per section of each document.
    expect(readdirSync(path.join(x, '2025/narasi/lkjip'))).toHaveLength(21);
    expect(readdirSync(path.join(x, '2025/narasi/renja'))).toHaveLength(12);
    const opd = readFileSync(path.join(x, 'opd.yaml'), 'utf8');
    expect(opd).toMatch(/^nama_lengkap: Dinas Kesehatan Kabupaten Contoh$/m);
    expect(opd).toMatch(/^urusan: Kesehatan /m);
    expect(opd).toMatch(/jabatan: Bupati Contoh/);

    // Every `$schema` line resolves to the copy inside the folder, wherever the folder is.
    for (const rel of yamlDi(x)) {
      const pertama = readFileSync(path.join(x, rel), 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(pertama);
      expect(m, rel).not.toBeNull();
      expect(existsSync(path.resolve(path.dirname(path.join(x, rel)), m![1]!)), `${rel}: ${m![1]}`).toBe(true);
      expect(m![1]).toMatch(/(^|\/)skema\//);
    }

    const v = memoryIo({}, dir);
    expect(await run(['validate', '2025', '--data', 'x', '--reporter', 'json'], v)).toBe(0);
    const hasil = JSON.parse(v.stdout) as { ok: boolean; bisa_dibangun: boolean; diagnostik: { code: string; severity: string; file?: string; line?: number; column?: number }[] };
    expect(hasil.ok).toBe(true);
    expect(hasil.bisa_dibangun).toBe(true);
    const belum = hasil.diagnostik.filter((d) => d.code === 'LKJ333');
    expect(belum.length).toBeGreaterThan(20);
    // Warnings name file:line:column of what to fill (narrative drafts name their folder).
    for (const d of belum.filter((b) => b.file?.endsWith('.yaml'))) expect([d.line, d.column].every((n) => typeof n === 'number'), JSON.stringify(d)).toBe(true);
    expect(hasil.diagnostik.filter((d) => d.severity === 'error')).toEqual([]);
    const teksV = memoryIo({}, dir);
    expect(await run(['validate', '2025', '--data', 'x'], teksV)).toBe(0);
    expect(teksV.stderr).toMatch(/x\/opd\.yaml:\d+:\d+ warning LKJ333 Belum diisi/);
    expect(teksV.stderr).toMatch(/Data valid: 0 kesalahan, \d+ peringatan .*siap dibangun/);

    const b = memoryIo({ SOURCE_DATE_EPOCH: '1767225600' }, dir);
    expect(await run(['build', '2025', '--data', 'x', '--out', 'out', '--format', 'pdf,xlsx'], b), b.stderr).toBe(0);
    const out = path.join(dir, 'out/2025');
    expect(readdirSync(out).sort()).toEqual(['lkjip-2025.pdf', 'lkjip-2025.xlsx', 'renja-2025.pdf', 'renja-2025.xlsx']);
    const lkjip = teksPdf(path.join(out, 'lkjip-2025.pdf'));
    const renja = teksPdf(path.join(out, 'renja-2025.pdf'));
    const xlsx = `${await teksWorkbook(path.join(out, 'lkjip-2025.xlsx'))}\n${await teksWorkbook(path.join(out, 'renja-2025.xlsx'))}`;
    for (const [apa, t] of Object.entries({ lkjip, renja, xlsx })) {
      expect(t, apa).not.toMatch(KATA_KETENAGAKERJAAN);
      expect(t, apa).toMatch(/Kabupaten Contoh|KABUPATEN CONTOH/);
    }
    // The draft shows where to fill: TODO texts printed, the context table under its urusan.
    expect(lkjip).toMatch(/TODO/);
    expect(renja).toMatch(/TODO/);
    expect(lkjip.replace(/\s+/g, ' ')).toMatch(/Perkembangan Kondisi Kesehatan di Kabupaten Contoh dalam 3 \(tiga\) Tahun Terakhir/);
    expect(renja).toMatch(/KESELARASAN KEBIJAKAN KESEHATAN PUSAT/);
  }, 240_000);

  it('never writes into a folder that has something in it', async () => {
    const dir = kerja();
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(path.join(dir, 'x/catatan.txt'), 'punya orang');
    const o = memoryIo({}, dir);
    expect(await run(['baru', 'x', ...FLAG], o)).toBe(2);
    expect(o.stderr).toMatch(/x\/ sudah ada dan tidak kosong; `lkjip baru` .* tidak pernah menimpa data/);
    expect(readdirSync(path.join(dir, 'x'))).toEqual(['catatan.txt']);
    // an empty folder is fine
    mkdirSync(path.join(dir, 'y'));
    expect(await run(['baru', 'y', ...FLAG], memoryIo({}, dir))).toBe(0);
  });

  it('without a terminal, the name and region are required; the rest has defaults', async () => {
    const dir = kerja();
    const o = memoryIo({}, dir);
    expect(await run(['baru', 'x'], o)).toBe(2);
    expect(o.stderr).toMatch(/sebutkan --nama <nama perangkat daerah> dan --pemda <pemerintah daerah>/);
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
    const p = memoryIo({}, dir);
    expect(await run(['baru', 'x', '--nama', 'Dinas Pekerjaan Umum dan Penataan Ruang', '--pemda', 'Kota Lain', '--tahun', '2026'], p)).toBe(0);
    const strategis = readFileSync(path.join(dir, 'x/renstra/strategis.yaml'), 'utf8');
    expect(strategis).toMatch(/^periode: \{ awal: 2026, akhir: 2030 \}$/m);
    expect(readFileSync(path.join(dir, 'x/opd.yaml'), 'utf8')).toMatch(/^urusan: Pekerjaan Umum dan Penataan Ruang /m);
    expect(readFileSync(path.join(dir, 'x/opd.yaml'), 'utf8')).toMatch(/jabatan: Wali Kota Lain/);
  });

  it('at a terminal, asks for what the flags did not give (empty answer = the default shown)', async () => {
    const dir = kerja();
    const o = memoryIo({}, dir, ['Dinas Sosial', 'Kabupaten Tepian', '', '2027-2031', '']);
    expect(await run(['baru', 'x'], o)).toBe(0);
    expect(o.stderr).toMatch(/Nama perangkat daerah/);
    expect(o.stderr).toMatch(/Urusan .*\[Sosial\]/);
    const opd = readFileSync(path.join(dir, 'x/opd.yaml'), 'utf8');
    expect(opd).toMatch(/^nama_lengkap: Dinas Sosial Kabupaten Tepian$/m);
    expect(opd).toMatch(/^urusan: Sosial /m);
    expect(existsSync(path.join(dir, 'x/2027/pk.yaml'))).toBe(true);
  });

  it.each([
    [['--renstra', '2025'], /--renstra/],
    [['--renstra', '2025-2029', '--tahun', '2031'], /tahun 2031 di luar periode Renstra 2025-2029/],
  ])('refuses %j', async (arg, pesan) => {
    const dir = kerja();
    const o = memoryIo({}, dir);
    expect(await run(['baru', 'x', '--nama', 'Dinas A', '--pemda', 'Kabupaten B', ...arg], o)).toBe(2);
    expect(o.stderr).toMatch(pesan);
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
  });
});

describe('lkjip skema', () => {
  it('refreshes the copy in skema/ and, with --baris, points the files at it', async () => {
    const dir = kerja();
    expect(await run(['baru', 'x', ...FLAG], memoryIo({}, dir))).toBe(0);
    const x = path.join(dir, 'x');
    const sama = memoryIo({}, dir);
    expect(await run(['skema', '--data', 'x'], sama)).toBe(0);
    expect(sama.stderr).toMatch(/x\/skema\/ sudah sama dengan skema lkjip ini/);
    // An old copy and a file whose line points elsewhere (a folder copied from another layout).
    writeFileSync(path.join(x, 'skema/kinerja.schema.json'), '{}');
    writeFileSync(path.join(x, 'skema/lama.schema.json'), '{}');
    const kinerja = path.join(x, '2025/kinerja.yaml');
    const isi = readFileSync(kinerja, 'utf8').replace(/^[^\n]*\n/, '# yaml-language-server: $schema=../../schemas/kinerja.schema.json\n');
    writeFileSync(kinerja, isi);
    const o = memoryIo({}, dir);
    expect(await run(['skema', '--data', 'x'], o)).toBe(0);
    expect(o.stderr).toMatch(/1 skema ditulis, 1 yang tidak dipakai lagi dihapus/);
    expect(o.stderr).toMatch(/x\/2025\/kinerja\.yaml: # yaml-language-server: \$schema=\.\.\/skema\/kinerja\.schema\.json/);
    expect(readFileSync(kinerja, 'utf8')).toBe(isi); // listed, not written
    expect(existsSync(path.join(x, 'skema/lama.schema.json'))).toBe(false);
    expect(await run(['skema', '--data', 'x', '--baris'], memoryIo({}, dir))).toBe(0);
    expect(readFileSync(kinerja, 'utf8')).toBe(isi.replace('../../schemas/', '../skema/'));
  });

  it('validate says when a $schema line leads nowhere and when the copy is stale; lkjip skema fixes both', async () => {
    const dir = kerja();
    expect(await run(['baru', 'x', ...FLAG], memoryIo({}, dir))).toBe(0);
    const x = path.join(dir, 'x');
    const kinerja = path.join(x, '2025/kinerja.yaml');
    writeFileSync(kinerja, readFileSync(kinerja, 'utf8').replace(/^[^\n]*\n/, '# yaml-language-server: $schema=../../schemas/kinerja.schema.json\n'));
    writeFileSync(path.join(x, 'skema/pk.schema.json'), '{}');
    const kode = async (): Promise<string[]> => {
      const o = memoryIo({}, dir);
      expect(await run(['validate', '2025', '--data', 'x', '--reporter', 'json'], o)).toBe(0);
      return (JSON.parse(o.stdout) as { diagnostik: { code: string; file?: string; line?: number; column?: number }[] }).diagnostik
        .filter((d) => d.code === 'LKJ403' || d.code === 'LKJ404')
        .map((d) => `${d.code} ${d.file?.replace(/^.*\/(x\/)/, '$1')}:${d.line ?? ''}:${d.column ?? ''}`);
    };
    expect(await kode()).toEqual(['LKJ404 x/2025/kinerja.yaml:1:33', 'LKJ403 x/skema/::']);
    expect(await run(['skema', '--data', 'x', '--baris'], memoryIo({}, dir))).toBe(0);
    expect(await kode()).toEqual([]);
  });
});
