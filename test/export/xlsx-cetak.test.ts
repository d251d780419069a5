/**
 * Workbooks that print: every sheet of the LKJIP and Renja annexes, for the bundled agency (2024)
 * and the fixture agency (opd-contoh, 2026), read back from the written file:
 * - printed scale (paper, orientation, margins, fit-to-width or fixed scale and manual breaks,
 *   column widths at 5.56 pt per unit) times the smallest font on the sheet >= 6.5 pt;
 * - no value wider than its column (what Excel shows as ###), no code or word broken inside;
 * - number formats hold digits only (no unit or grade glued to a number).
 * Then LibreOffice prints all four workbooks to PDF and the word heights in that PDF must show the
 * same scale (within 3 %) and at least 6.5 pt, and no "###" anywhere.
 * The layout functions themselves (workbook-cetak.ts, workbook-predikat.ts) are tested first.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buatWorkbookLkjip, buatWorkbookRenja } from '../../src/export/xlsx.js';
import { loadData } from '../../src/load/index.js';
import { buatKonteksDokumen } from '../../src/render/konteks.js';
import {
  bagiHalaman,
  formatTampil,
  hitungBaris,
  hitungLebar,
  HURUF_MINIMUM_PT,
  lebarkan,
  lebarTeks,
  lebarUntuk,
  pilihCetak,
  PT_PER_LEBAR,
  skalaSatuHalaman,
  type SelTata,
} from '../../src/render/workbook-cetak.js';
import { PenyusunLembar, type LembarIsi } from '../../src/render/workbook-model.js';
import { geserRumus, sisipKolomPredikat } from '../../src/render/workbook-predikat.js';
import { bacaCetak, hurufTerkecil, skalaTercetak, type LembarCetak } from './cetak-lembar.js';
import { cariSoffice, hasilRumus, hitungUlang } from './recalc.js';

const exec = promisify(execFile);
const TANGGAL = new Date(Date.UTC(2025, 1, 28, 8, 30, 0));

// ---------------------------------------------------------------------------------------------
// Layout functions

function sel(teks: string, extra: Partial<SelTata> = {}): SelTata {
  return { r: 5, c: 1, c2: 1, r2: 5, teks, angka: false, tebal: false, ukuran: 9, indent: 0, bungkus: true, kepala: false, ...extra };
}

describe('workbook-cetak: measuring and formatting', () => {
  it.each([
    ['0', 10, false, 5.56],
    ['0000000000', 9, false, 50.04],
    ['Rp', 9, true, (722 + 611) * 0.009],
    ['é', 10, false, 6.67],
  ])('lebarTeks(%j, %d pt, bold %s) = %d pt', (teks, ukuran, tebal, pt) => {
    expect(lebarTeks(teks, ukuran, tebal)).toBeCloseTo(pt, 2);
  });

  it.each([
    [10560086840, '#,##0', '10.560.086.840'],
    [89.6, '#,##0.00', '89,60'],
    [0.125, '#,##0.00', '0,13'],
    [-1234.5, '#,##0', '-1.235'],
    [1234.5, 'General', '1234,5'],
    [7, undefined, '7'],
  ])('formatTampil(%d, %s) = %s', (n, fmt, teks) => {
    expect(formatTampil(n, fmt)).toBe(teks);
  });

  it('a column of width w holds what lebarUntuk says (Excel: 5.25 pt per unit, 5 px padding)', () => {
    // 10 digits of 9 pt Arial: 50.04 pt, +5 % for whole pixels, + 3.75 pt padding.
    expect(lebarUntuk(50.04)).toBeCloseTo((50.04 * 1.05 + 3.75) / 5.25, 6);
    expect(lebarUntuk(0, 2)).toBeCloseTo((3.75 + 16.8) / 5.25, 6);
  });

  it('wraps at spaces and breaks only a word longer than the line', () => {
    const kata = lebarTeks('Perencanaan', 9);
    expect(hitungBaris('Perencanaan', kata + 0.1, 9, false)).toBe(1);
    expect(hitungBaris('Perencanaan Perencanaan', kata * 2, 9, false)).toBe(2);
    expect(hitungBaris('Perencanaan', kata / 2 + 0.1, 9, false)).toBe(2);
    expect(hitungBaris('a\nb', 100, 9, false)).toBe(2);
  });

  it('widths: numbers and codes in full, prose up to its design width, merged words over the merge', () => {
    const angka = lebarUntuk(lebarTeks('38.196.110.687', 9, true));
    const kode = lebarUntuk(lebarTeks('2.07.01.2.02.0001', 9));
    const lebar = hitungLebar(
      [5, 10, 30, 8],
      [
        sel('38.196.110.687', { c: 1, c2: 1, angka: true, tebal: true }),
        sel('2.07.01.2.02.0001', { c: 2, c2: 2 }),
        sel('Penyediaan Gaji dan Tunjangan ASN yang sangat panjang sekali melebihi kolom', { c: 3, c2: 3 }),
        sel('pendek', { c: 4, c2: 4 }),
        sel('KETENAGAKERJAAN', { c: 3, c2: 4, kepala: true, tebal: true }),
      ],
    );
    expect(lebar[0]).toBeGreaterThanOrEqual(angka);
    expect(lebar[0]).toBeLessThan(angka + 0.25);
    expect(lebar[1]).toBeGreaterThanOrEqual(kode);
    expect(lebar[2]).toBe(30);
    expect(lebar[3]).toBeLessThan(8);
    expect(lebar.every((w) => w * 4 === Math.round(w * 4) && w !== 9)).toBe(true);
  });

  it('a sheet printed unscaled grows back toward its design widths, never past the page', () => {
    expect(lebarkan([4, 4, 10], [12, 12, 10], 100)).toEqual([12, 12, 10]);
    const w = lebarkan([4, 4, 10], [12, 12, 10], 22);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(22);
    expect(w[0]).toBeGreaterThan(4);
  });

  it('scale fitted to one page wide, in whole percents', () => {
    const a4 = 841.89 - 0.8 * 72;
    expect(skalaSatuHalaman('A4', 'landscape', [200])).toBe(Math.floor((a4 / (200 * PT_PER_LEBAR)) * 100) / 100);
    expect(skalaSatuHalaman('A4', 'landscape', [10])).toBe(1);
  });

  it('pages across end where the fewest header cells are cut, keys repeated', () => {
    // Keys 2 columns of 10, then 6 columns of 10; header groups [2,3] and [4..7].
    const pt = [10, 10, 10, 10, 10, 10, 10, 10];
    const lintas = [0, 0, 0, 1, 0, 1, 1, 1];
    // 60 pt a page: keys (20) + 40. Greedy would break before column 6; the group boundary is 4.
    expect(bagiHalaman(pt, 2, 60, lintas)).toEqual([4]);
    expect(bagiHalaman(pt, 2, 60)).toEqual([6]);
    // 50 pt: no clean boundary on the second page, so the latest of the least-cut ones.
    expect(bagiHalaman(pt, 2, 50, lintas)).toEqual([4, 7]);
    expect(bagiHalaman(pt, 2, 25)).toBeNull();
  });

  it('chooses portrait, A4 landscape, A3, then A3 several pages wide with the keys repeated', () => {
    expect(pilihCetak([20, 20, 20], 0, 9)).toMatchObject({ kertas: 'A4', orientasi: 'portrait', skala: 1 });
    expect(pilihCetak(Array(12).fill(12), 0, 9)).toMatchObject({ kertas: 'A4', orientasi: 'landscape', halamanLebar: 1 });
    expect(pilihCetak(Array(20).fill(12), 0, 9)).toMatchObject({ kertas: 'A3', orientasi: 'landscape', halamanLebar: 1 });
    const lebar = pilihCetak(Array(40).fill(12), 3, 9);
    expect(lebar).toMatchObject({ kertas: 'A3', kolomJudul: 3 });
    expect(lebar.halamanLebar).toBeGreaterThan(1);
    expect(lebar.putus).toHaveLength(lebar.halamanLebar - 1);
    for (const c of [pilihCetak(Array(12).fill(12), 0, 9), lebar]) expect(c.skala * 9).toBeGreaterThanOrEqual(HURUF_MINIMUM_PT);
  });
});

describe('workbook-predikat: a grade in its own column', () => {
  it('rewrites references to moved columns, not text or other sheets', () => {
    const geser = (c: number) => (c > 3 ? c + 1 : c);
    expect(geserRumus('IF(AND(ISNUMBER(C5),ISNUMBER(D5),C5<>0),D5/C5*100,"")', geser)).toBe(
      'IF(AND(ISNUMBER(C5),ISNUMBER(E5),C5<>0),E5/C5*100,"")',
    );
    expect(geserRumus('SUM($D$5:F9)+LRA!D5+\'Tabel 1\'!D5:E6&"D5"', geser)).toBe('SUM($E$5:G9)+LRA!D5+\'Tabel 1\'!D5:E6&"D5"');
  });

  it('inserts PREDIKAT after a graded column: header, numbers row, merges, formula on the value', () => {
    const l = new PenyusunLembar('Uji', [30, 10, 10, 10]);
    l.judul('Judul');
    l.kepala([
      [{ teks: 'INDIKATOR', baris: 2 }, { teks: 'TAHUN 2024', kolom: 2 }, { teks: 'CAPAIAN', baris: 2 }],
      [{ teks: 'TARGET' }, { teks: 'REALISASI' }],
    ]);
    l.nomorKolom([1, 2, 3, '4 = 3/2']);
    const skala = [
      { kategori: 'A', lebih_dari: 80 },
      { kategori: 'B', lebih_dari: null },
    ];
    const r = l.baris([
      { v: 'Nilai SAKIP' },
      { v: 83.5, fmt: '#,##0.00', predikat: { skala, desimal: 2, hasil: 'A' } },
      { v: 81.3, fmt: '#,##0.00', predikat: { skala, desimal: 2, hasil: 'A' } },
      { f: `C${l.berikut}/B${l.berikut}*100`, hasil: 97.37 },
    ]);
    l.sumber(['Bagian Perencanaan']);
    const isi: LembarIsi = l.selesai();
    // Columns: INDIKATOR, TARGET, PREDIKAT, REALISASI, PREDIKAT, CAPAIAN.
    expect(isi.lebar).toHaveLength(6);
    expect(isi.sel.get(`${r},4`)?.v).toBe(81.3);
    expect(isi.sel.get(`${r},6`)?.f).toBe(`D${r}/B${r}*100`);
    expect(isi.sel.get(`${r},3`)).toMatchObject({ f: `IF(ISNUMBER(B${r}),IF(ROUND(B${r},2)>80,"A","B"),"")`, hasil: 'A' });
    expect(isi.sel.get(`${r},5`)?.f).toContain(`ROUND(D${r},2)`);
    expect(isi.sel.get(`${r},2`)?.predikat).toBeUndefined();
    expect(isi.sel.get('3,3')?.v).toBe('PREDIKAT');
    expect(isi.sel.get('3,5')?.v).toBe('PREDIKAT');
    expect(isi.sel.get('4,3')?.v).toBe('2a');
    expect(isi.sel.get('4,5')?.v).toBe('3a');
    expect(isi.gabung).toContainEqual({ r1: 2, c1: 2, r2: 2, c2: 5 }); // TAHUN 2024 grows over both
    expect(isi.gabung).toContainEqual({ r1: 1, c1: 1, r2: 1, c2: 6 }); // the title
    expect(isi.gabung).toContainEqual({ r1: r + 2, c1: 1, r2: r + 2, c2: 6 }); // Sumber data
  });
});

// ---------------------------------------------------------------------------------------------
// Every sheet of both workbooks, both agencies

async function buatBuku(data: string, tahun: number): Promise<{ lkjip: Uint8Array; renja: Uint8Array }> {
  const loaded = await loadData(data);
  if (!loaded.dataSet) throw new Error(`${data} tidak termuat`);
  const ctx = buatKonteksDokumen(loaded.dataSet, tahun);
  return { lkjip: await buatWorkbookLkjip(ctx, { tanggal: TANGGAL }), renja: await buatWorkbookRenja(ctx, { tanggal: TANGGAL }) };
}

const AGENSI = [
  ['bawaan', 'data', 2024],
  ['opd-contoh', 'test/fixtures/opd-contoh/data', 2026],
] as const;

const buku = new Map<string, { lkjip: Uint8Array; renja: Uint8Array }>();
const lembar: [string, LembarCetak][] = [];
for (const [nama, data, tahun] of AGENSI) {
  const b = await buatBuku(data, tahun);
  buku.set(nama, b);
  for (const [dok, x] of [['lkjip', b.lkjip], ['renja', b.renja]] as const) {
    for (const l of await bacaCetak(x)) lembar.push([`${nama} ${dok} ${l.nama}`, l]);
  }
}

describe('every sheet prints readably', () => {
  it('covers every sheet of both workbooks for both agencies', () => {
    // opd-contoh has no labour-market context: its PDF has no Tabel 1.1, so neither has its workbook.
    expect(lembar).toHaveLength(2 * (15 + 5) - 1);
    expect(lembar.map(([n]) => n)).not.toContain('opd-contoh lkjip Tabel 1.1');
  });

  it.each(lembar)('%s: smallest font × printed scale >= 6.5 pt', (_n, l) => {
    const { skala } = skalaTercetak(l);
    const huruf = hurufTerkecil(l);
    expect(huruf).toBeGreaterThanOrEqual(9);
    expect(huruf * skala, `${l.kertas} ${l.orientasi}, skala ${skala}`).toBeGreaterThanOrEqual(HURUF_MINIMUM_PT);
    // The key columns repeat on every page across; header rows repeat on every page down.
    if (l.putus.length > 0) expect(l.kolomJudul).toBeGreaterThan(0);
  });

  it.each(lembar)('%s: every value fits its column (no ###, no broken code or word)', (_n, l) => {
    const lewat: string[] = [];
    for (const s of l.sel) {
      if (s.nilai === null || s.nilai === '') continue;
      const teks = typeof s.nilai === 'number' ? formatTampil(s.nilai, s.numFmt) : s.nilai;
      // A number shows whole or as ###; text wraps at spaces, so its longest word must fit.
      const bagian = typeof s.nilai === 'number' || !s.bungkus ? teks.split('\n') : teks.split(/\s+/);
      const perlu = Math.max(...bagian.map((b) => lebarUntuk(lebarTeks(b, s.ukuran, s.tebal), s.indent)));
      if (perlu > s.lebar + 1e-9) lewat.push(`${s.alamat} "${teks}" perlu ${perlu.toFixed(2)}, lebar ${s.lebar}`);
    }
    expect(lewat).toEqual([]);
  });

  it.each(lembar)('%s: number formats hold digits only', (_n, l) => {
    const format = new Set(l.sel.map((s) => s.numFmt));
    for (const f of format) expect(f).toMatch(/^(General|#,##0(\.0+)?)$/);
  });
});

describe('byte-identical', () => {
  it('builds the same bytes twice', async () => {
    const lagi = await buatBuku('test/fixtures/opd-contoh/data', 2026);
    const b = buku.get('opd-contoh');
    expect(Buffer.from(lagi.lkjip).equals(Buffer.from(b?.lkjip ?? []))).toBe(true);
    expect(Buffer.from(lagi.renja).equals(Buffer.from(b?.renja ?? []))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice prints them

interface Kata {
  h: number;
  y: number;
  x: number;
  teks: string;
}

/** Words of every page of a PDF (pdftotext -bbox-layout). */
async function kataPdf(pdf: string): Promise<Kata[][]> {
  const { stdout } = await exec('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((p) =>
      [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        h: Number(m[3]) - Number(m[2]),
        teks: m[4] ?? '',
      })),
    );
}

/** The sheet a page belongs to: the left part of its footer, the lowest line ("&A ... &P / &N"). */
function namaLembarHalaman(kata: readonly Kata[]): string {
  const bawah = Math.max(...kata.map((k) => k.y));
  const kaki = kata.filter((k) => Math.abs(k.y - bawah) < 1).sort((a, b) => a.x - b.x);
  const teks = kaki.map((k) => k.teks).join(' ');
  return teks.replace(/\s+\d+\s*\/\s*\d+$/, '');
}

const soffice = cariSoffice();

describe.skipIf(!soffice)('printed by LibreOffice', () => {
  // The bundled workbooks are recalculated in xlsx.test.ts; the fixture agency's PREDIKAT columns
  // (its SAKIP scale) are checked here the same way: LibreOffice computes every formula afresh.
  it.each(['lkjip', 'renja'] as const)('opd-contoh %s: every formula gives the cached value', async (dok) => {
    const x = buku.get('opd-contoh')?.[dok];
    if (!x) throw new Error('buku opd-contoh tidak ada');
    const asli = await hasilRumus(x);
    const ulang = await hasilRumus(await hitungUlang(x, soffice ?? 'soffice'));
    const beda: string[] = [];
    for (const [nama, sel] of asli) {
      for (const [alamat, v] of sel) {
        const w = ulang.get(nama)?.get(alamat);
        const sama = typeof v === 'number' && typeof w === 'number' ? Math.round(v * 100) === Math.round(w * 100) : v === (w ?? '');
        if (!sama) beda.push(`${nama}!${alamat}: cache ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(w)}`);
      }
    }
    expect(beda).toEqual([]);
  });

  it('prints every sheet of both agencies at the computed scale, and no ###', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lkjip-cetak-'));
    try {
      const profil = join(dir, 'profil');
      await mkdir(join(profil, 'user'), { recursive: true });
      // Calibration: 9 pt Arial at 100 %, to turn a word's box height into a font size.
      const kal = new ExcelJS.Workbook();
      const ws = kal.addWorksheet('Kalibrasi', { pageSetup: { paperSize: 9, orientation: 'portrait', scale: 100 } });
      ws.getCell('A1').value = 'Kalibrasi huruf sembilan poin';
      ws.getCell('A1').font = { name: 'Arial', size: 9 };
      await writeFile(join(dir, 'kalibrasi.xlsx'), new Uint8Array((await kal.xlsx.writeBuffer()) as ArrayBuffer));
      const berkas: [string, string, string][] = [];
      for (const [agensi, b] of buku) {
        for (const dok of ['lkjip', 'renja'] as const) {
          await writeFile(join(dir, `${agensi}-${dok}.xlsx`), b[dok]);
          berkas.push([agensi, dok, join(dir, `${agensi}-${dok}.pdf`)]);
        }
      }
      await exec(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=file://${profil}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'kalibrasi.xlsx'),
          ...berkas.map(([a, d]) => join(dir, `${a}-${d}.xlsx`)),
        ],
        { timeout: 240_000 },
      );
      const [kalibrasi] = await kataPdf(join(dir, 'kalibrasi.pdf'));
      const tinggi9 = Math.min(...(kalibrasi ?? []).map((k) => k.h));
      expect(tinggi9).toBeGreaterThan(5);

      const dihitung = new Map(lembar.map(([n, l]) => [n, { skala: skalaTercetak(l).skala, huruf: hurufTerkecil(l) }]));
      const dicetak = new Map<string, number>();
      for (const [agensi, dok, pdf] of berkas) {
        expect((await readFile(pdf)).length).toBeGreaterThan(1000);
        for (const kata of await kataPdf(pdf)) {
          expect(kata.map((k) => k.teks)).not.toContain('###');
          const nama = `${agensi} ${dok} ${namaLembarHalaman(kata)}`;
          const pt = (Math.min(...kata.map((k) => k.h)) / tinggi9) * 9;
          dicetak.set(nama, Math.min(dicetak.get(nama) ?? Number.POSITIVE_INFINITY, pt));
        }
      }
      expect([...dicetak.keys()].sort()).toEqual([...dihitung.keys()].sort());
      for (const [nama, pt] of dicetak) {
        const h = dihitung.get(nama);
        if (!h) continue;
        const harap = h.huruf * h.skala;
        const pesan = `${nama}: dicetak ${pt.toFixed(2)} pt, dihitung ${harap.toFixed(2)} pt`;
        expect(pt, pesan).toBeGreaterThanOrEqual(HURUF_MINIMUM_PT);
        expect(Math.abs(pt / harap - 1), pesan).toBeLessThan(0.03);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
