/**
 * Both documents as a reader gets them on paper, for the bundled agency and the made-up one: every
 * word at 7 pt or more (forms, charts, organisation chart, diagram), nothing outside the page's
 * text area, no rupiah amount or kode broken across lines; in the Renja the wide forms (E.81,
 * TC-29, TC-31, Tabel 4.1) with their header on every page and all their columns, no row of E.81
 * or TC-29 split over two pages; the organisation chart drawn in the LKJIP. Read from the PDF's word
 * boxes (pdftotext -bbox-layout).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { angkaPutus, bacaHalaman, kataDiLuar, ukuranPt, ukuranTeksPdf, type Halaman } from './kotak-kata.js';

const root = path.resolve(__dirname, '../..');
const kerja = mkdtempSync(path.join(tmpdir(), 'lkjip-cetak-pdf-'));

interface Dokumen {
  halaman: Halaman[];
  /** Printed size (pt) of every text run, per page, from the content streams. */
  ukuran: number[][];
  /** pdftotext -layout, one string per page */
  teks: string[];
}
const dokumen = new Map<string, Dokumen>();
const lkjip = new Map<string, Dokumen>();

async function baca(pdf: string): Promise<Dokumen> {
  const teks = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  return { halaman: bacaHalaman(pdf), teks, ukuran: await ukuranTeksPdf(pdf) };
}

/**
 * 7 pt as Chromium prints it: 9.33 px, 6.9975 pt. Text runs below this, by page. Also catches a
 * document Chromium shrank to fit an overflowing element (every size then drops by the factor).
 */
const TUJUH_PT = 6.99;
function terlaluKecil(d: Dokumen): string[] {
  return d.ukuran.flatMap((u, i) => {
    const kecil = u.filter((x) => x < TUJUH_PT);
    return kecil.length ? [`p${i + 1}: ${kecil.length} teks, terkecil ${Math.min(...kecil)} pt`] : [];
  });
}

const AGENSI = [
  { nama: 'bundled', data: 'data', tahun: '2024' },
  { nama: 'opd-contoh', data: 'test/fixtures/opd-contoh/data', tahun: '2026' },
] as const;

beforeAll(async () => {
  for (const a of AGENSI) {
    const out = path.join(kerja, a.nama);
    const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, root);
    const code = await run(['build', a.tahun, '--data', a.data, '--format', 'pdf', '--out', out], io);
    expect(code, io.stdout + io.stderr).toBe(0);
    dokumen.set(a.nama, await baca(path.join(out, a.tahun, `renja-${a.tahun}.pdf`)));
    lkjip.set(a.nama, await baca(path.join(out, a.tahun, `lkjip-${a.tahun}.pdf`)));
  }
}, 400_000);

afterAll(() => rmSync(kerja, { recursive: true, force: true }));

/** Header words only the wide forms print, one per form (the first header row of each part). */
const KEPALA_FORM: [string, RegExp][] = [
  ['E.81', /Bagian \d+ dari \d+: kolom 1-4/],
  ['TC-29', /PERKIRAAN REALISASI/],
  ['TC-31', /HASIL ANALISIS KEBUTUHAN/],
  ['4.1', /USULAN APBN/],
];

/**
 * The form a landscape page belongs to, by the header at its top: the first 40 % of the page, or
 * the first 60 % when the page opens a chapter or section (its heading and the lead-in paragraph
 * go onto the landscape page with the form, templates/umum/dokumen.css).
 */
function formHalaman(h: Halaman): string | null {
  const bagian = h.baris[0]?.map((k) => k.teks).join(' ') ?? '';
  const batas = /^(BAB [IVX]+|\d+(\.\d+)*\.? [A-Z])/.test(bagian) ? 0.6 : 0.4;
  const teks = h.baris
    .filter((b) => b.every((k) => k.y1 < h.tinggi * batas))
    .map((b) => b.map((k) => k.teks).join(' '))
    .join('\n');
  return KEPALA_FORM.find(([, re]) => re.test(teks))?.[0] ?? null;
}

describe.each(AGENSI.map((a) => a.nama))('LKJIP of %s on paper', (nama) => {
  const d = (): Dokumen => lkjip.get(nama)!;

  // Signature names wrap now (the PK's long name once overflowed its column and Chromium shrank
  // every page of the bundled LKJIP to 96.8 %): nothing is scaled.
  it('prints every text at 7 pt or more (tables, charts, organisation chart), not shrunk to fit', () => {
    expect(terlaluKecil(d())).toEqual([]);
    expect(Math.min(...d().ukuran.flat())).toBeGreaterThanOrEqual(TUJUH_PT);
  });

  it('keeps every word inside the text area and every number whole', () => {
    expect(d().halaman.flatMap((h) => kataDiLuar(h).map((k) => `p${h.nomor} "${k.teks}"`))).toEqual([]);
    expect(d().halaman.flatMap((h) => angkaPutus(h).map((p) => `p${h.nomor} ${p}`))).toEqual([]);
  });

  it('draws the organisation chart in Bab I 1.4, its units as text', () => {
    // The chart's page, not the Daftar Gambar that lists it.
    const i = d().teks.findIndex((t) => /Struktur Organisasi (Dinas|DINAS)/.test(t) && !/DAFTAR GAMBAR/.test(t));
    expect(i).toBeGreaterThan(0);
    expect(d().teks[i]).toMatch(/Kepala Dinas/);
    expect(d().teks[i]).toMatch(/Sekretariat/);
  });
});

describe.each(AGENSI.map((a) => a.nama))('Renja of %s on paper', (nama) => {
  const d = (): Dokumen => dokumen.get(nama)!;

  it('prints every text at 7 pt or more, not shrunk to fit', () => {
    expect(terlaluKecil(d())).toEqual([]);
    // The forms are at 7 pt, not larger: the measure is real.
    const lanskap = d().halaman.flatMap((h, i) => (h.lanskap ? d().ukuran[i]! : []));
    expect(Math.min(...lanskap)).toBeLessThan(7.1);
    // The word boxes agree (their height tracks the type size, within the font subset's bounding box).
    expect(Math.min(...d().halaman.flatMap((h) => h.kata.map(ukuranPt)))).toBeGreaterThan(6.9);
  });

  it('keeps every word inside the text area of its page', () => {
    const luar = d().halaman.flatMap((h) => kataDiLuar(h).map((k) => `p${h.nomor} "${k.teks}" x ${k.x0.toFixed(0)}-${k.x1.toFixed(0)}`));
    expect(luar).toEqual([]);
  });

  it('never breaks a number at a thousands dot', () => {
    expect(d().halaman.flatMap((h) => angkaPutus(h).map((p) => `p${h.nomor} ${p}`))).toEqual([]);
    // Every kode of the program tree stands whole on one line.
    const kode = d().halaman.filter((h) => h.lanskap).flatMap((h) => h.kata.filter((k) => /^\d+(\.\d+){4}\.?$/.test(k.teks) && k.teks.split('.').length < 6));
    expect(kode.map((k) => k.teks).filter((t) => t.endsWith('.'))).toEqual([]);
  });

  it('repeats the header of the wide form on every landscape page', () => {
    const tanpa = d()
      .halaman.filter((h) => h.lanskap)
      .filter((h) => formHalaman(h) === null)
      .map((h) => `p${h.nomor}: ${h.baris.slice(0, 2).map((b) => b.map((k) => k.teks).join(' ')).join(' / ')}`);
    expect(tanpa).toEqual([]);
    const form = new Set(d().halaman.filter((h) => h.lanskap).map((h) => formHalaman(h)));
    expect([...form].sort()).toEqual(['4.1', 'E.81', 'TC-29', 'TC-31']);
  });

  it('prints every column of E.81 (17 numbered columns, 1-4 repeated in each part)', () => {
    const e81 = d().teks.filter((t) => /Bagian \d+ dari \d+: kolom 1-4/.test(t));
    const bagian = new Map<string, string>();
    for (const t of e81) {
      const m = /Bagian (\d+) dari (\d+): kolom 1-4 dan (\d+)(?:-(\d+))?/.exec(t);
      if (m) bagian.set(m[1]!, `${m[3]}-${m[4] ?? m[3]}`);
    }
    const kolom = [...bagian.values()].flatMap((r) => {
      const [a, b] = r.split('-').map(Number);
      return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
    });
    expect(kolom).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    // The KET column (17) and the last Rp amounts are on the page, not cut at its right edge.
    expect(e81.some((t) => /\bKET\b/.test(t))).toBe(true);
  });

  it('starts every continuation page of E.81 and TC-29 with a whole row (a kode or a summary line)', () => {
    const salah: string[] = [];
    d().teks.forEach((t, i) => {
      if (!/Bagian \d+ dari \d+: kolom 1-4|PERKIRAAN REALISASI/.test(t)) return;
      const baris = t.split('\n');
      const nomor = baris.findIndex((b) => /^\s*1\s+2\s+3\s+4(\s|$)/.test(b));
      if (nomor < 0) return;
      // (the column-number row may wrap: "8 = (7/6) ×" / "100%")
      const pertama = baris.slice(nomor + 1).find((b) => b.trim() !== '' && !/^\s*(100%\s*)+$/.test(b)) ?? '';
      if (!/^\s*(\d+\.\s+)?\d+(\.\d+)*\s|^\s*(Rata-rata|Predikat|JUMLAH|TOTAL|PREDIKAT|Sumber data)/.test(pertama)) salah.push(`p${i + 1}: ${pertama.trim()}`);
    });
    expect(salah).toEqual([]);
  });
});

describe('rows of short tables', () => {
  it('never splits a row of a short table: the bundled issues table (5 tall rows) keeps each row on one page', () => {
    // Row 3 of "Isu-isu penting" begins with its issue and ends with the last words of its
    // recommendation; both stand on the same page.
    const awal = dokumen.get('bundled')!.teks.findIndex((t) => /tingginya resiko/.test(t));
    const akhir = dokumen.get('bundled')!.teks.findIndex((t) => /secara bipartit/.test(t));
    expect(awal).toBeGreaterThan(0);
    expect(akhir).toBe(awal);
  });
});
