/**
 * `lkjip rekap`: Bappeda's roll-up of agencies' E.81 evaluations. The summary's per-agency figures
 * must be each agency's own E.81 totals (linked cells, and equal to the calculator), totals live
 * formulas that LibreOffice recomputes to the cached values; broken agencies stop the roll-up
 * unless --lanjut; the same input gives the same bytes.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hitungEvaluasiTriwulan, hitungTahun } from '../../src/calc/index.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { loadData } from '../../src/load/index.js';
import { cariSoffice, hasilRumus, hitungUlang } from '../export/recalc.js';

const akar = path.resolve(__dirname, '../..');
const FIX = path.join(akar, 'test/fixtures');
const soffice = cariSoffice();
const env = { SOURCE_DATE_EPOCH: '1767225600' };

async function rekap(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const io = memoryIo(env, akar);
  const code = await run(['rekap', ...args], io);
  return { code, err: io.stderr, out: io.stdout };
}

async function buka(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

const hasil = (c: ExcelJS.Cell): unknown => {
  const v = c.value as ExcelJS.CellFormulaValue | null;
  return v && typeof v === 'object' && 'formula' in v ? v.result : v;
};

/** The summary's agency rows: name, linked formulas and cached values by column. */
function barisRekap(ws: ExcelJS.Worksheet): { nama: string; lembar: string; sel: ExcelJS.Cell[] }[] {
  const baris: { nama: string; lembar: string; sel: ExcelJS.Cell[] }[] = [];
  ws.eachRow((row) => {
    if (typeof row.getCell(1).value === 'number') {
      baris.push({ nama: String(row.getCell(2).value), lembar: String(row.getCell(8).value), sel: [1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c)) });
    }
  });
  return baris;
}

/** The value of `'Sheet'!A1` in the workbook (a linked cell's target). */
function targetTautan(wb: ExcelJS.Workbook, rumus: string): unknown {
  const m = /^'([^']+)'!([A-Z]+\d+)$/.exec(rumus);
  if (!m) throw new Error(`bukan tautan: ${rumus}`);
  const ws = wb.getWorksheet(m[1] as string);
  if (!ws) throw new Error(`lembar ${m[1]} tidak ada`);
  return hasil(ws.getCell(m[2] as string));
}

describe('rekap of agencies of one region (2026, TW III)', () => {
  let dir: string;
  let file: string;
  let wb: ExcelJS.Workbook;
  const agensi = [path.join(FIX, 'opd-contoh/data'), path.join(FIX, 'rekap/dinas-pertanian'), path.join(FIX, 'rekap/bapenda')];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lkjip-rekap-'));
    file = path.join(dir, 'rekap.xlsx');
    const r = await rekap(['2026', '--triwulan', '3', ...agensi.flatMap((a) => ['--data', a]), '--out', file]);
    expect(r.err).not.toMatch(/ error LKJ/);
    expect(r.code).toBe(0);
    wb = await buka(file);
  }, 60_000);

  it('one summary row per agency, in the order given, then each agency\'s E.81 sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['REKAP', 'E81 Dispusip', 'E81 Distankp', 'E81 Bapenda']);
    const rows = barisRekap(wb.getWorksheet('REKAP')!);
    expect(rows.map((r) => r.nama)).toEqual([
      'Dinas Perpustakaan dan Kearsipan Kota Contoh',
      'Dinas Pertanian dan Ketahanan Pangan Kota Contoh',
      'Badan Pendapatan Daerah Kota Contoh',
    ]);
    expect(rows.map((r) => r.lembar)).toEqual(['E81 Dispusip', 'E81 Distankp', 'E81 Bapenda']);
  });

  it("per-agency figures are the agency's own E.81 totals (linked, and equal to the calculator)", async () => {
    const rows = barisRekap(wb.getWorksheet('REKAP')!);
    for (const [i, folder] of agensi.entries()) {
      const row = rows[i]!;
      const data = (await loadData(folder)).dataSet!;
      const e = hitungEvaluasiTriwulan(data, 2026, 3).e81!;
      const [, , pagu, real, serapan, capaian, predikat] = row.sel;
      // linked to the E.81 sheet's total cells, whose cached values are the calculator's
      for (const c of [pagu!, real!, capaian!]) {
        const f = (c.value as ExcelJS.CellFormulaValue).formula;
        expect(f).toMatch(new RegExp(`^'${row.lembar}'!`));
        expect(targetTautan(wb, f)).toEqual(hasil(c));
      }
      expect(hasil(pagu!)).toBe(e.total.rp7);
      expect(hasil(real!)).toBe(e.total.rp12);
      expect(hasil(capaian!)).toBeCloseTo(e.total.rata_rata.k13!, 10);
      expect(hasil(serapan!)).toBeCloseTo((e.total.rp12! / e.total.rp7!) * 100, 10);
      expect(hasil(predikat!)).toBe(e.total.rata_rata.predikat);
    }
  });

  it('pinned figures: sums only quarters I-III, quarterly targets where the agency asks for them', () => {
    const rows = barisRekap(wb.getWorksheet('REKAP')!);
    // Distankp: pagu 4.800.000.000 + 500.000.000 + 120.000.000; realisasi TW I-III, 0002's TW III empty
    expect(hasil(rows[1]!.sel[2]!)).toBe(5_420_000_000);
    expect(hasil(rows[1]!.sel[3]!)).toBe(1_190_000_000 + 1_195_000_000 + 1_201_500_000 + 180_000_000 + 145_500_000 + 22_000_000 + 31_000_000);
    // Bapenda (target_evaluasi: triwulan): I-5.02.02 47 % of 75 (TW III level), I-S1 2.000 of 3.000,
    // I-S3 570 of 900: (62,67 + 66,67 + 63,33) / 3 = 64,22 -> Rendah
    expect(hasil(rows[2]!.sel[5]!)).toBeCloseTo(((47 / 75) * 100 + (2000 / 3000) * 100 + (570 / 900) * 100) / 3, 10);
    expect(hasil(rows[2]!.sel[6]!)).toBe('Rendah');
  });

  it('the JUMLAH row: sums, serapan of the sums, mean of the agencies', () => {
    const ws = wb.getWorksheet('REKAP')!;
    const rows = barisRekap(ws);
    let jumlah: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value ?? '').startsWith('JUMLAH')) jumlah = row;
    });
    expect(jumlah).toBeDefined();
    const n = (i: number) => rows.map((r) => hasil(r.sel[i]!) as number);
    const pagu = n(2).reduce((a, b) => a + b, 0);
    const real = n(3).reduce((a, b) => a + b, 0);
    expect(hasil(jumlah!.getCell(3))).toBe(pagu);
    expect(hasil(jumlah!.getCell(4))).toBe(real);
    expect(hasil(jumlah!.getCell(5))).toBeCloseTo((real / pagu) * 100, 10);
    expect(hasil(jumlah!.getCell(6))).toBeCloseTo(n(5).reduce((a, b) => a + b, 0) / 3, 10);
    expect((jumlah!.getCell(3).value as ExcelJS.CellFormulaValue).formula).toMatch(/SUM\(C\d+:C\d+\)/);
  });

  it.skipIf(!soffice)('LibreOffice recomputes every formula of every sheet to the cached value', async () => {
    const x = new Uint8Array(await readFile(file));
    const asli = await hasilRumus(x);
    const ulang = await hasilRumus(await hitungUlang(x, soffice!));
    const beda: string[] = [];
    let n = 0;
    for (const [lembar, sel] of asli) {
      for (const [alamat, v] of sel) {
        n++;
        const w = ulang.get(lembar)?.get(alamat);
        const sama = typeof v === 'number' && typeof w === 'number' ? Math.round(v * 100) === Math.round(w * 100) : v === (w ?? '');
        if (!sama) beda.push(`${lembar}!${alamat}: cache ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(w)}`);
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(beda).toEqual([]);
  }, 120_000);

  it('the same input gives the same bytes', async () => {
    const lagi = path.join(dir, 'lagi.xlsx');
    expect((await rekap(['2026', '--triwulan', '3', ...agensi.flatMap((a) => ['--data', a]), '--out', lagi])).code).toBe(0);
    expect(readFileSync(lagi).equals(readFileSync(file))).toBe(true);
  }, 60_000);
});

describe('rekap of the bundled agency (2024, TW II)', () => {
  it.skipIf(!soffice)('recomputes in LibreOffice; the summary equals the agency\'s E.81 totals', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lkjip-rekap-'));
    const file = path.join(dir, 'r.xlsx');
    expect((await rekap(['2024', '--triwulan', '2', '--data', 'data', '--out', file])).code).toBe(0);
    const x = new Uint8Array(await readFile(file));
    const wb = await buka(file);
    const [row] = barisRekap(wb.getWorksheet('REKAP')!);
    const e = hitungEvaluasiTriwulan((await loadData(path.join(akar, 'data'))).dataSet!, 2024, 2).e81!;
    expect(hasil(row!.sel[2]!)).toBe(e.total.rp7);
    expect(hasil(row!.sel[3]!)).toBe(e.total.rp12);
    // TW II of the bundled data: every quarter counted so far is the P-Renja's (evaluated to TW II)
    expect(e.total.rp12).toBe(hitungTahun((await loadData(path.join(akar, 'data'))).dataSet!, 2024).renja.e81!.total.rp12);
    const ulang = await hasilRumus(await hitungUlang(x, soffice!));
    for (const [lembar, sel] of await hasilRumus(x)) {
      for (const [alamat, v] of sel) {
        const w = ulang.get(lembar)?.get(alamat);
        const sama = typeof v === 'number' && typeof w === 'number' ? Math.round(v * 100) === Math.round(w * 100) : v === (w ?? '');
        expect(sama, `${lembar}!${alamat}: ${JSON.stringify(v)} vs ${JSON.stringify(w)}`).toBe(true);
      }
    }
  }, 120_000);
});

describe('agencies evaluated up to different quarters (renja.yaml triwulan_evaluasi)', () => {
  /** Two copies of the sample agency; the second evaluated up to `tw2`. */
  async function duaAgensi(tw2: number): Promise<{ dir: string; a: string; b: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lkjip-rekap-tw-'));
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    cpSync(path.join(FIX, 'opd-contoh/data'), a, { recursive: true });
    cpSync(path.join(FIX, 'opd-contoh/data'), b, { recursive: true });
    const renja = path.join(b, '2026/renja.yaml');
    writeFileSync(renja, readFileSync(renja, 'utf8').replace(/^triwulan_evaluasi: \d/m, `triwulan_evaluasi: ${tw2}`));
    return { dir, a, b };
  }

  it('without --triwulan, differing quarters are refused naming each agency and its quarter; nothing is written', async () => {
    const { dir, a, b } = await duaAgensi(2);
    const file = path.join(dir, 'r.xlsx');
    const r = await rekap(['2026', '--data', a, '--data', b, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('LKJ802');
    expect(r.err).toMatch(/Dinas Perpustakaan dan Kearsipan Kota Contoh \([^)]*a\): triwulan III; Dinas Perpustakaan dan Kearsipan Kota Contoh \([^)]*b\): triwulan II/);
    expect(r.err).toContain('--triwulan');
    expect(existsSync(file)).toBe(false);
  });

  it('with --triwulan all are evaluated at that quarter, as before', async () => {
    const { dir, a, b } = await duaAgensi(2);
    const file = path.join(dir, 'r.xlsx');
    const r = await rekap(['2026', '--triwulan', '2', '--data', a, '--data', b, '--out', file]);
    expect(r.code).toBe(0);
    const ws = (await buka(file)).getWorksheet('REKAP')!;
    expect(ws.getCell('A2').value).toMatch(/TRIWULAN II TAHUN 2026$/);
  });

  it('without --triwulan, quarters still empty up to the Renja\'s quarter are warned, as with --triwulan', async () => {
    const { dir, a, b } = await duaAgensi(3);
    const f = path.join(b, '2026/program.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('realisasi_triwulan: [0, 1150, 865, null]', 'realisasi_triwulan: [null, null, 865, null]'));
    const r = await rekap(['2026', '--data', a, '--data', b, '--out', path.join(dir, 'r.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/b\/2026\/program\.yaml warning TRIWULAN_BELUM_DIISI\n {2}Evaluasi triwulan III 2026: realisasi triwulan I belum diisi untuk 1 baris \(2\.23\.02\.2\.01\.0005 I-2\.23\.02\.2\.01\.0005\)/);
    expect(r.err).not.toMatch(/a\/2026\/program\.yaml warning TRIWULAN_BELUM_DIISI/);
  });

  it('the same quarter everywhere: the REKAP title names it like the agency sheets', async () => {
    const { dir, a, b } = await duaAgensi(3);
    const file = path.join(dir, 'r.xlsx');
    const r = await rekap(['2026', '--data', a, '--data', b, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('triwulan III ditulis');
    const ws = (await buka(file)).getWorksheet('REKAP')!;
    expect(ws.getCell('A2').value).toMatch(/TRIWULAN III TAHUN 2026$/);
    expect(String(ws.getCell('D4').value)).toContain('s.d. TRIWULAN III');
  });
});

describe('broken agencies and odd arguments', () => {
  it('a broken agency is named and nothing is written without --lanjut', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lkjip-rekap-'));
    const file = path.join(dir, 'r.xlsx');
    const r = await rekap(['2026', '--data', path.join(FIX, 'rekap'), '--out', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('LKJ101');
    expect(r.err).toMatch(/Rekap tidak dibuat: 1 perangkat daerah datanya bermasalah: Badan Kepegawaian Daerah Kota Contoh/);
    expect(r.err).toContain('--lanjut');
    expect(existsSync(file)).toBe(false);
  });

  it('--lanjut leaves the broken agency out and rolls up the others (a folder of agency folders)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lkjip-rekap-'));
    const file = path.join(dir, 'r.xlsx');
    const r = await rekap(['2026', '--triwulan', '2', '--data', path.join(FIX, 'rekap'), '--out', file, '--lanjut', '--reporter', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Tidak ikut direkap (--lanjut): Badan Kepegawaian Daerah Kota Contoh');
    const json = JSON.parse(r.out) as { agensi: { nama: string; ok: boolean; dipakai: boolean }[] };
    expect(json.agensi.map((a) => [a.nama, a.ok, a.dipakai])).toEqual([
      ['Badan Pendapatan Daerah Kota Contoh', true, true],
      ['Dinas Pertanian dan Ketahanan Pangan Kota Contoh', true, true],
      ['Badan Kepegawaian Daerah Kota Contoh', false, false],
    ]);
    const wb = await buka(file);
    expect(barisRekap(wb.getWorksheet('REKAP')!).map((b) => b.nama)).toEqual([
      'Badan Pendapatan Daerah Kota Contoh',
      'Dinas Pertanian dan Ketahanan Pangan Kota Contoh',
    ]);
  });

  it('an agency without the year is an error naming it', async () => {
    const r = await rekap(['2026', '--data', 'data', '--data', path.join(FIX, 'rekap/bapenda'), '--out', path.join(tmpdir(), 'x-lkjip.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Dinas Tenaga Kerja Kabupaten Mojokerto/);
  });

  it.each([
    [['2026', '--data', path.join(akar, 'templates')], /bukan folder data perangkat daerah/],
    [['2026', '--triwulan', '5'], /triwulan harus 1, 2, 3 atau 4/],
    [['2026', '--out', 'rekap.pdf'], /harus berakhiran .xlsx/],
  ])('%j is a usage error', async (args, pesan) => {
    const r = await rekap(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pesan);
  });
});
