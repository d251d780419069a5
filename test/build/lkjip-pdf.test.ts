/**
 * End-to-end: `lkjip build 2024 --only lkjip` on the bundled data, with the real Chromium, then the
 * PDF read back (pdftotext per page, pdf-lib for page sizes and outline). One build for the file.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const root = path.resolve(__dirname, '../..');
const kerja = mkdtempSync(path.join(tmpdir(), 'lkjip-build-'));
const outDir = path.join(kerja, 'out');
let pdfPath = '';
let halaman: string[] = [];
let doc: PDFDocument;
let log = '';

function teksHalaman(file: string): string[] {
  const semua = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return semua.split('\f');
}

beforeAll(async () => {
  // A copy of the data whose narrative carries a script tag: it must print as text, never run.
  cpSync(path.join(root, 'data'), path.join(kerja, 'data'), { recursive: true });
  const kp = path.join(kerja, 'data/2024/narasi/lkjip/kata-pengantar.md');
  writeFileSync(kp, `${readFileSync(kp, 'utf8')}\n\nUji <script>document.write('DIJALANKAN')</script> selesai.\n`);
  const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, kerja);
  const code = await run(['build', '2024', '--only', 'lkjip', '--format', 'pdf,html', '--out', outDir], io);
  log = io.stdout + io.stderr;
  expect(code, log).toBe(0);
  pdfPath = path.join(outDir, '2024', 'lkjip-2024.pdf');
  halaman = teksHalaman(pdfPath);
  doc = await PDFDocument.load(readFileSync(pdfPath));
}, 240_000);

afterAll(() => rmSync(kerja, { recursive: true, force: true }));

const semua = (): string => halaman.join('\n');
const rapat = (s: string): string => s.replace(/\s+/g, ' ');

describe('LKJIP 2024 PDF', () => {
  it('writes the PDF and the HTML it printed from, and says so', () => {
    expect(existsSync(path.join(outDir, '2024', 'lkjip-2024.html'))).toBe(true);
    expect(statSync(pdfPath).size).toBeGreaterThan(50_000);
    expect(log).toMatch(/lkjip-2024\.pdf/);
  });

  it.each([
    'KATA PENGANTAR',
    'DAFTAR ISI',
    'RINGKASAN EKSEKUTIF',
    'BAB I',
    'PENDAHULUAN',
    'BAB II',
    'PERENCANAAN KINERJA',
    'BAB III',
    'AKUNTABILITAS KINERJA',
    'BAB IV',
    'PENUTUP',
    'LAMPIRAN',
    '1.1. LATAR BELAKANG',
    '3.2. REALISASI ANGGARAN',
    '3.3. EFISIENSI ANGGARAN',
  ])('has the heading %s', (judul) => {
    expect(rapat(semua())).toContain(judul);
  });

  // Captions are numbered per chapter (the source's own numbers 2.2.1, 3.1.a, 3.2.b ... are gone).
  it.each([
    'Tabel 1.1 Perkembangan Kondisi Ketenagakerjaan',
    'Tabel 2.2 Target Sasaran dan Indikator Sasaran',
    'Tabel 3.4 Pencapaian Kinerja Utama',
    'Tabel 3.5 Perbandingan Realisasi Kinerja Level Sasaran Strategis',
    'Tabel 3.7 Perbandingan Realisasi Kinerja s/d. Akhir Periode Renstra',
    'Tabel 3.10 Alokasi Anggaran Per Sasaran',
    'Tabel 3.12 Pencapaian Kinerja dan Anggaran',
    'Tabel 3.13 Efisiensi Anggaran Tahun 2024',
  ])('has the table "%s"', (tabel) => {
    expect(rapat(semua())).toContain(tabel);
  });

  it('refers to tables in the narrative by their printed number', () => {
    const t = rapat(semua());
    expect(t).toContain('Dari Tabel 3.10 perihal data alokasi anggaran');
    expect(t).toContain('Pada Tabel 3.12 perihal pencapaian kinerja dan anggaran');
  });

  it('prints key figures in Indonesian style, computed, never NaN or #DIV/0!', () => {
    const t = semua();
    for (const angka of ['10.560.086.840', '9.585.029.025', '975.057.815', '90,77', '102,99', '89,60', '115,39', '82,79']) {
      expect(t, angka).toContain(angka);
    }
    expect(t).not.toMatch(/NaN|Infinity|#DIV\/0!|undefined/);
    expect(rapat(t)).toMatch(/Sumber data\s*:/);
  });

  it('Daftar Isi numbers equal the printed page numbers where the headings stand', () => {
    const tocIdx = halaman.findIndex((h) => h.includes('DAFTAR ISI'));
    expect(tocIdx).toBeGreaterThan(0);
    const cek: [string, RegExp][] = [
      ['BAB I PENDAHULUAN', /^\s*BAB I\s*$/m],
      ['BAB III AKUNTABILITAS KINERJA', /^\s*BAB III\s*$/m],
      ['BAB IV PENUTUP', /^\s*BAB IV\s*$/m],
    ];
    const toc = halaman.slice(tocIdx, tocIdx + 3).join('\n');
    for (const [entri, pola] of cek) {
      const m = new RegExp(`${entri.replace(/ /g, '\\s+')}[ .]*?(\\d+)\\s*$`, 'm').exec(toc);
      expect(m, `TOC entry ${entri}`).not.toBeNull();
      const nomor = m![1]!;
      const idx = halaman.findIndex((h, i) => i > tocIdx && pola.test(h));
      expect(idx, entri).toBeGreaterThan(tocIdx);
      // The footer of that page prints the same number (last non-empty line of the page).
      const baris = halaman[idx]!.trim().split('\n').map((s) => s.trim()).filter(Boolean);
      expect(baris[baris.length - 1], `footer of the page of ${entri}`).toBe(nomor);
    }
  });

  it('puts the wide tables (LRA) on landscape pages and the rest in portrait', () => {
    const lraIdx = halaman.findIndex((h) => /TABEL LRA|Laporan Realisasi Anggaran/i.test(h) && h.includes('9 = (5+7)'));
    expect(lraIdx).toBeGreaterThan(0);
    const { width, height } = doc.getPage(lraIdx).getSize();
    expect(width).toBeGreaterThan(height);
    const { width: w0, height: h0 } = doc.getPage(0).getSize();
    expect(h0).toBeGreaterThan(w0);
  });

  it('has bookmarks for the chapters', () => {
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines).toBeDefined();
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+\d+/);
  });

  it('prints a narrative <script> as text and never runs it', () => {
    const t = rapat(semua());
    expect(t).toContain("<script>document.write('DIJALANKAN')</script>");
    expect(t).not.toMatch(/(^|[^(])DIJALANKAN(?!'\))/);
  });

  it('rebuilds byte-identical', async () => {
    const pertama = readFileSync(pdfPath);
    const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, kerja);
    expect(await run(['build', '2024', '--only', 'lkjip', '--format', 'pdf', '--out', outDir], io)).toBe(0);
    expect(readFileSync(pdfPath).equals(pertama)).toBe(true);
  }, 240_000);
});
