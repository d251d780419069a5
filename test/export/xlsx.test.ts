/**
 * Excel annexes: both workbooks for the bundled 2024 data, read back with exceljs (cells, merges,
 * formulas, cached values, print setup, frozen headers), byte-identical rebuilds, and every formula
 * recomputed independently by LibreOffice (see recalc.ts) against the calculator's cached value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadData } from '../../src/load/index.js';
import { buatKonteksDokumen, type KonteksDokumen } from '../../src/render/konteks.js';
import { buatWorkbookLkjip, buatWorkbookRenja } from '../../src/export/xlsx.js';
import { cariSoffice, hasilRumus, hitungUlang } from './recalc.js';

const TANGGAL = new Date(Date.UTC(2025, 1, 28, 8, 30, 0));
const LEMBAR_LKJIP = [
  'Tabel 1.1', 'PNS Golongan', 'Sarana Prasarana', 'Tabel 2.2.1', 'Ikhtisar PK', 'Tabel III.1', 'Tabel 3.1.a',
  'Tabel 3.1.3.a.1', 'Tabel 3.1.3.a.2', 'Tabel 3.1.3.b', 'Tabel 3.1.3.c', 'Tabel 3.2.a', 'LRA', 'Tabel 3.2.b', 'Tabel 3.3.a',
];
const LEMBAR_RENJA = ['E.81', 'TC-29', 'TC-30', 'TC-31', 'Tabel 4.1'];

let ctx: KonteksDokumen;
let lkjip: Uint8Array;
let renja: Uint8Array;
const buku = new Map<string, ExcelJS.Workbook>();

async function baca(x: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(x) as unknown as ArrayBuffer);
  return wb;
}

function lembar(nama: string): ExcelJS.Worksheet {
  for (const wb of buku.values()) {
    const ws = wb.getWorksheet(nama);
    if (ws) return ws;
  }
  throw new Error(`lembar ${nama} tidak ada`);
}

/** The row whose column `kolom` text starts with `awal`. */
function cariBaris(ws: ExcelJS.Worksheet, kolom: number, awal: string): ExcelJS.Row {
  let hasil: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = row.getCell(kolom).value;
    if (!hasil && typeof v === 'string' && v.startsWith(awal)) hasil = row;
  });
  if (!hasil) throw new Error(`baris "${awal}" tidak ada di ${ws.name}`);
  return hasil;
}

function rumusDi(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = cell.value;
  if (!v || typeof v !== 'object' || !('formula' in v)) throw new Error(`${cell.address} bukan rumus: ${JSON.stringify(v)}`);
  return { formula: v.formula ?? '', result: v.result };
}

function semuaRumus(wb: ExcelJS.Workbook): { lembar: string; alamat: string; formula: string; result: unknown }[] {
  const out: { lembar: string; alamat: string; formula: string; result: unknown }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) out.push({ lembar: ws.name, alamat: cell.address, formula: v.formula ?? '', result: v.result });
      }),
    ),
  );
  return out;
}

beforeAll(async () => {
  const loaded = await loadData('data');
  if (!loaded.dataSet) throw new Error('data bawaan tidak termuat');
  ctx = buatKonteksDokumen(loaded.dataSet, 2024);
  lkjip = await buatWorkbookLkjip(ctx, { tanggal: TANGGAL });
  renja = await buatWorkbookRenja(ctx, { tanggal: TANGGAL });
  buku.set('lkjip', await baca(lkjip));
  buku.set('renja', await baca(renja));
});

describe('workbook LKJIP dan Renja', () => {
  it('has one sheet per table with valid names, in document order', () => {
    const nama = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
    expect(nama(buku.get('lkjip')!)).toEqual(LEMBAR_LKJIP);
    expect(nama(buku.get('renja')!)).toEqual(LEMBAR_RENJA);
    for (const n of [...LEMBAR_LKJIP, ...LEMBAR_RENJA]) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\']/);
    }
  });

  it('LRA: totals are live sums with the calculator values cached', () => {
    const ws = lembar('LRA');
    const total = cariBaris(ws, 2, 'DINAS TENAGA KERJA');
    const anggaran = rumusDi(total.getCell(3));
    expect(anggaran.formula).toMatch(/^SUM\(/);
    expect(anggaran.result).toBe(10560086840);
    expect(total.getCell(3).numFmt).toBe('#,##0');
    const persen = rumusDi(total.getCell(12));
    expect(persen.formula).toBe(`IF(AND(ISNUMBER(I${total.number}),ISNUMBER(C${total.number}),C${total.number}<>0),I${total.number}/C${total.number}*100,"")`);
    expect(persen.result as number).toBeCloseTo(90.7666, 3);
    expect(total.getCell(12).numFmt).toBe('#,##0.00');
    expect(rumusDi(total.getCell(9)).formula).toBe(`E${total.number}+G${total.number}`);
    expect(rumusDi(total.getCell(11)).formula).toBe(`C${total.number}-I${total.number}`);
    // A program is the sum of its kegiatan rows, a kegiatan of its sub kegiatan rows.
    const program = cariBaris(ws, 2, '2.07.03 ');
    expect(rumusDi(program.getCell(3)).formula).toMatch(/^SUM\(C\d+(,C\d+)*\)$/);
    expect(program.getCell(2).font?.bold).toBe(true);
    const sub = cariBaris(ws, 2, '2.07.03.2.01.0001');
    expect(typeof sub.getCell(3).value).toBe('number');
    expect(sub.getCell(2).alignment?.indent).toBe(2);
    // Header: column numbers with their formulas, merged month header, frozen and printed titles.
    const nomor = cariBaris(ws, 8, '8 = (4+6)');
    expect(nomor.getCell(9).value).toBe('9 = (5+7)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: nomor.number });
    expect(ws.pageSetup.printTitlesRow).toBe(`${nomor.number - 2}:${nomor.number}`);
    expect(ws.model.merges).toContain(`F${nomor.number - 2}:G${nomor.number - 2}`);
  });

  it('Tabel 3.1.a: capaian per polarity and kategori are formulas; units and grades in their own columns', () => {
    const ws = lembar('Tabel 3.1.a');
    // SASARAN, INDIKATOR, SATUAN, TARGET, PREDIKAT, REALISASI, PREDIKAT, CAPAIAN, KATEGORI, SUMBER:
    // the sheet has graded indicators (SAKIP, IP ASN), so each value column has its PREDIKAT.
    const kepala = cariBaris(ws, 1, 'SASARAN STRATEGIS');
    expect([3, 5, 7].map((c) => kepala.getCell(c).value)).toEqual(['SATUAN', 'PREDIKAT', 'PREDIKAT']);
    const iku1 = cariBaris(ws, 2, 'Persentase peserta pelatihan');
    const c = rumusDi(iku1.getCell(8));
    const r = iku1.number;
    expect(iku1.getCell(3).value).toBe('%');
    expect(iku1.getCell(4).numFmt).toBe('#,##0.00');
    expect(c.formula).toBe(`IF(AND(ISNUMBER(D${r}),ISNUMBER(F${r}),D${r}<>0),F${r}/D${r}*100,"")`);
    expect(Math.round((c.result as number) * 100) / 100).toBe(102.99);
    expect(rumusDi(iku1.getCell(9)).result).toBe('Sangat Tinggi');
    // An indicator without its own scale has no grade.
    expect(iku1.getCell(5).value).toBeNull();
    // IKU-3 is lower-is-better: Formulasi 2.
    const iku3 = cariBaris(ws, 2, 'Persentase tingkat perselisihan');
    const r3 = iku3.number;
    expect(rumusDi(iku3.getCell(8)).formula).toBe(
      `IF(AND(ISNUMBER(D${r3}),ISNUMBER(F${r3}),D${r3}<>0),(D${r3}-(F${r3}-D${r3}))/D${r3}*100,"")`,
    );
    // SAKIP 81,30 is "A" on its own scale: a formula on the value, not text glued to the number.
    const sakip = cariBaris(ws, 2, 'Nilai SAKIP');
    const rs = sakip.number;
    expect(sakip.getCell(3).value).toBe('nilai');
    expect(sakip.getCell(6).value).toBe(81.3);
    expect(sakip.getCell(6).numFmt).toBe('#,##0.00');
    expect(rumusDi(sakip.getCell(7))).toMatchObject({ result: 'A' });
    expect(rumusDi(sakip.getCell(7)).formula).toMatch(new RegExp(`^IF\\(ISNUMBER\\(F${rs}\\),IF\\(ROUND\\(F${rs},2\\)>90,"AA"`));
    expect(ws.getCell(`A${iku1.number}`).isMerged).toBe(true);
    expect(cariBaris(ws, 1, 'Sumber data :').number).toBeGreaterThan(r3);
  });

  it('budget tables reference the LRA sheet', () => {
    const ws = lembar('Tabel 3.3.a');
    let lra = 0;
    ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v && (v.formula ?? '').includes('LRA!')) lra++;
    }));
    expect(lra).toBeGreaterThan(0);
  });

  it('E.81: quarters, capaian, sums of children and averages are formulas', () => {
    const ws = lembar('E.81');
    // SATUAN ("4a") after the indicator, then the form's columns 5..17.
    const nomor = cariBaris(ws, 20, '12 = 8+9+10+11');
    expect(nomor.getCell(5).value).toBe('4a');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: nomor.number });
    const p = cariBaris(ws, 2, '2.07.01');
    expect(p.getCell(5).value).toBe('nilai');
    // Program Rp 5 = sum of its kegiatan rows; 12 Rp = the quarters.
    expect(rumusDi(p.getCell(7)).formula).toMatch(/^IF\(COUNT\(G\d+/);
    expect(rumusDi(p.getCell(7)).result).toBe(38196110687);
    expect(rumusDi(p.getCell(21)).formula).toBe(`IF(COUNT(M${p.number},O${p.number},Q${p.number},S${p.number})=0,"",SUM(M${p.number},O${p.number},Q${p.number},S${p.number}))`);
    // A non-cumulative indicator: column 12 is the latest reported quarter.
    const k12 = rumusDi(p.getCell(20)).formula;
    expect(k12.startsWith(`IF(ISNUMBER(R${p.number}),R${p.number},IF(ISNUMBER(P${p.number})`)).toBe(true);
    const rata = cariBaris(ws, 3, 'Rata-rata capaian kinerja');
    expect(rumusDi(rata.getCell(22)).formula).toMatch(/^IF\(COUNT\(V\d+:V\d+\)=0,"",AVERAGE\(V\d+:V\d+\)\)$/);
    const pred = cariBaris(ws, 3, 'Predikat kinerja');
    expect(rumusDi(pred.getCell(22)).formula).toContain('ROUND(V');
    expect(p.getCell(3).font?.bold).toBe(true);
  });

  it('TC-29, TC-31 and Tabel 4.1 carry their formulas and totals', () => {
    const tc29 = lembar('TC-29');
    const b = cariBaris(tc29, 1, '2.07.01');
    expect(b.getCell(4).value).toBe('nilai');
    expect(rumusDi(b.getCell(9)).formula).toContain(`H${b.number}/G${b.number}*100`);
    expect(rumusDi(b.getCell(12)).formula).toContain(`/E${b.number}*100`);
    const m = lembar('Tabel 4.1');
    const jumlah = cariBaris(m, 2, 'JUMLAH');
    expect(rumusDi(jumlah.getCell(10)).result).toBe(10560086840);
    const tc31 = lembar('TC-31');
    const j31 = cariBaris(tc31, 2, 'JUMLAH');
    expect(rumusDi(j31.getCell(7)).result).toBe(9938911600);
    expect(rumusDi(j31.getCell(13)).result).toBe(10560086840);
    // A target printed without a number is "-"; its unit stays in SATUAN, not glued to the dash.
    const kosong: string[] = [];
    tc31.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && /^- \S/.test(cell.value)) kosong.push(cell.address);
    }));
    expect(kosong).toEqual([]);
  });

  it('no cached value is NaN/Infinity and no division is unguarded', () => {
    for (const [, wb] of buku) {
      for (const f of semuaRumus(wb)) {
        if (typeof f.result === 'number') expect(Number.isFinite(f.result), `${f.lembar}!${f.alamat}`).toBe(true);
        if (f.formula.includes('/')) {
          // Every division sits in IF(AND(ISNUMBER(..),ISNUMBER(..),den<>0), .., "").
          expect(f.formula, `${f.lembar}!${f.alamat}`).toMatch(/^IF\(AND\(ISNUMBER\(/);
          for (const m of f.formula.matchAll(/\/((?:[A-Za-z][\w.]*!)?\$?[A-Z]+\$?\d+)/g)) {
            expect(f.formula, `${f.lembar}!${f.alamat}`).toContain(`${m[1]}<>0`);
          }
        }
        expect(f.formula).not.toMatch(/#DIV|#VALUE|#REF/);
      }
    }
  });

  it('prints on its declared paper, header rows repeated, with page numbers (xlsx-cetak.test.ts checks the scale)', () => {
    const kertas = new Map<string, string>();
    for (const [, wb] of buku) {
      for (const ws of wb.worksheets) {
        const ps = ws.pageSetup;
        kertas.set(ws.name, `${Number(ps.paperSize) === 8 ? 'A3' : 'A4'} ${ps.orientation}${ps.fitToPage ? '' : ` ${ps.scale}%`}`);
        if (ps.fitToPage) expect(ps).toMatchObject({ fitToWidth: 1, fitToHeight: 999 });
        else expect(ps.printTitlesColumn).toMatch(/^\$?A:\$?[A-Z]+$/);
        expect(ws.headerFooter.oddFooter).toContain('&P / &N');
        expect(ps.printTitlesRow).toMatch(/^\d+:\d+$/);
      }
    }
    // Narrow tables portrait, wide forms on A3; E.81 two A3 pages across with its keys repeated.
    expect(kertas.get('PNS Golongan')).toBe('A4 portrait');
    expect(kertas.get('Tabel 3.1.a')).toBe('A4 landscape');
    expect(kertas.get('TC-31')).toBe('A3 landscape');
    expect(kertas.get('E.81')).toMatch(/^A3 landscape \d+%$/);
    expect(lembar('E.81').pageSetup.printTitlesColumn).toMatch(/A:\$?E$/);
    // Its title lines stay on the first page (merged up to the first column break, not across).
    const judul = lembar('E.81').model.merges.find((m) => m.startsWith('A1:'));
    expect(judul).toMatch(/^A1:[A-Z]+1$/);
    expect(judul).not.toBe(`A1:${lembar('E.81').getColumn(lembar('E.81').columnCount).letter}1`);
  });

  it('is byte-identical on rebuild and dates come from opsi.tanggal', async () => {
    const lagi = await buatWorkbookLkjip(ctx, { tanggal: TANGGAL });
    expect(Buffer.from(lagi).equals(Buffer.from(lkjip))).toBe(true);
    const lagiR = await buatWorkbookRenja(ctx, { tanggal: TANGGAL });
    expect(Buffer.from(lagiR).equals(Buffer.from(renja))).toBe(true);
    const wb = buku.get('lkjip')!;
    expect(wb.created?.toISOString()).toBe(TANGGAL.toISOString());
    expect(wb.modified?.toISOString()).toBe(TANGGAL.toISOString());
    // Zip entry times are the DOS form of the date (08:30:00, 2025-02-28).
    const dv = new DataView(lkjip.buffer, lkjip.byteOffset);
    expect(dv.getUint32(0, true)).toBe(0x04034b50);
    expect(dv.getUint16(10, true)).toBe((8 << 11) | (30 << 5));
    expect(dv.getUint16(12, true)).toBe(((2025 - 1980) << 9) | (2 << 5) | 28);
  });
});

const soffice = cariSoffice();
if (!soffice) {
  console.warn(
    'LibreOffice (soffice) tidak ditemukan: uji hitung ulang XLSX dilewati. Pasang paket Debian "libreoffice-calc-nogui".',
  );
}

describe.skipIf(!soffice)('recalculated independently by LibreOffice', () => {
  it('forces recalculation (canary with a wrong cached value)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = { formula: '1+1', result: 5 } as ExcelJS.CellFormulaValue;
    const x = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const hasil = await hasilRumus(await hitungUlang(x, soffice!, false));
    expect(hasil.get('A')?.get('A1')).toBe(2);
  });

  it.each([
    ['lkjip', () => lkjip],
    ['renja', () => renja],
  ])('%s: every formula gives the cached value', async (_nama, ambil) => {
    const asli = await hasilRumus(ambil());
    const ulang = await hasilRumus(await hitungUlang(ambil(), soffice!));
    const beda: string[] = [];
    let n = 0;
    for (const [lembarNama, sel] of asli) {
      const lain = ulang.get(lembarNama);
      expect(lain, lembarNama).toBeDefined();
      for (const [alamat, v] of sel) {
        n++;
        const w = lain?.get(alamat);
        const sama =
          typeof v === 'number' && typeof w === 'number' ? Math.round(v * 100) === Math.round(w * 100) : v === (w ?? '');
        if (!sama) beda.push(`${lembarNama}!${alamat}: cache ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(w)}`);
      }
    }
    expect(n).toBeGreaterThan(50);
    expect(beda).toEqual([]);
  });
});
