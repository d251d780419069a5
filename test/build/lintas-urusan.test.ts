/**
 * Nothing of one urusan in another agency's documents: three agencies of three urusan (the bundled
 * labour office, the made-up library office of opd-contoh, the made-up health office of
 * opd-kesehatan) are built to PDF and XLSX, and each one's text is searched for the others'
 * distinctive words (names, region, urusan terms). Any of them printed elsewhere would come from
 * src/ or templates/, which must hold nothing of one agency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { teksPdf, teksWorkbook } from './baca-keluaran.js';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'lkjip-lintas-'));

interface Instansi {
  nama: string;
  data: string;
  tahun: number;
  /** Words only this agency's documents may contain. */
  kata: string[];
  /** Its own Tabel 1.1 title (context table from its data), or undefined when it has none. */
  judul11?: RegExp;
}

const INSTANSI: Instansi[] = [
  {
    nama: 'ketenagakerjaan (data bawaan)',
    data: 'data',
    tahun: 2024,
    kata: ['Tenaga Kerja', 'Ketenagakerjaan', 'Pengangguran', 'Mojokerto', 'Pelatihan', 'Transmigrasi', 'Hubungan Industrial', 'Disnaker'],
    judul11: /Perkembangan Kondisi Ketenagakerjaan di Kabupaten Mojokerto/,
  },
  {
    nama: 'perpustakaan (opd-contoh)',
    data: 'test/fixtures/opd-contoh/data',
    tahun: 2026,
    kata: ['Perpustakaan', 'Pustaka', 'Literasi', 'Kota Contoh', 'Dispusip', 'Gemar Membaca'],
  },
  {
    nama: 'kesehatan (opd-kesehatan)',
    data: 'test/fixtures/opd-kesehatan/data',
    tahun: 2026,
    kata: ['Dinas Kesehatan', 'Puskesmas', 'Harapan Hidup', 'Imunisasi', 'Stunting', 'Wanasari', 'Dinkes'],
    judul11: /Perkembangan Kondisi Kesehatan di Kabupaten Wanasari/,
  },
];

const teks = new Map<string, { lkjip: string; renja: string; xlsx: string }>();

beforeAll(async () => {
  for (const [i, a] of INSTANSI.entries()) {
    const dir = path.join(out, String(i));
    const io = memoryIo({ SOURCE_DATE_EPOCH: '1767225600' }, root);
    const code = await run(['build', String(a.tahun), '--data', a.data, '--out', dir, '--format', 'pdf,xlsx'], io);
    expect(code, io.stderr).toBe(0);
    const f = (n: string): string => path.join(dir, String(a.tahun), n);
    teks.set(a.nama, {
      lkjip: teksPdf(f(`lkjip-${a.tahun}.pdf`)),
      renja: teksPdf(f(`renja-${a.tahun}.pdf`)),
      xlsx: `${await teksWorkbook(f(`lkjip-${a.tahun}.xlsx`))}\n${await teksWorkbook(f(`renja-${a.tahun}.xlsx`))}`,
    });
  }
}, 600_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Case-insensitive, across line breaks of the PDF layout. */
const muncul = (hay: string, kata: string): boolean => new RegExp(kata.split(/\s+/).join('\\s+'), 'i').test(hay);

describe('no word of one agency in another agency\'s documents', () => {
  it.each(INSTANSI.map((a) => [a.nama, a] as const))('%s: its own words are there, no other agency\'s', (_n, a) => {
    const t = teks.get(a.nama)!;
    // The check is not vacuous: each document names its own agency.
    expect(muncul(t.lkjip, a.kata[0]!) || muncul(t.lkjip, a.kata[1]!)).toBe(true);
    for (const lain of INSTANSI.filter((x) => x !== a)) {
      for (const kata of lain.kata) {
        for (const [apa, isi] of Object.entries(t)) {
          expect(muncul(isi, kata), `"${kata}" (${lain.nama}) di ${apa} ${a.nama}`).toBe(false);
        }
      }
    }
  });

  it.each(INSTANSI.filter((a) => a.judul11).map((a) => [a.nama, a] as const))('%s: Tabel 1.1 is its own context table', (_n, a) => {
    const t = teks.get(a.nama)!;
    expect(t.lkjip.replace(/\s+/g, ' ')).toMatch(a.judul11!);
    expect(t.xlsx.replace(/\s+/g, ' ')).toMatch(a.judul11!);
  });

  it('the Renja policy table names each agency\'s urusan (opd.yaml), not a fixed one', () => {
    expect(teks.get(INSTANSI[0]!.nama)!.renja).toMatch(/KESELARASAN KEBIJAKAN KETENAGAKERJAAN PUSAT/);
    expect(teks.get(INSTANSI[2]!.nama)!.renja).toMatch(/KESELARASAN KEBIJAKAN KESEHATAN PUSAT/);
  });

  it('the health office\'s context rows: indicator row = Tabel III.1, sums and percentages computed', () => {
    const t = teks.get(INSTANSI[2]!.nama)!.lkjip;
    expect(t).toMatch(/Angka Harapan Hidup \(AHH\)\s+-\s+72,05\s+72,41/);
    // 7.791 / 46.102 x 100 = 16,8995... -> 16,90; 27 + 61 = 88
    expect(t).toMatch(/Persentase balita pendek terhadap yang diukur \(%\)\s+-\s+18,60\s+16,90/);
    expect(t).toMatch(/Jumlah fasilitas kesehatan tingkat pertama\s+-\s+84\s+88/);
  });
});
