/**
 * The way a new year is meant to be filled: `lkjip init`, then `lkjip isian`, every yellow cell
 * filled in the workbook, `lkjip impor` (which also creates lra.yaml), and the year builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { bersihkan, kolomJudul, lkjip, root, salin, sidik, sunting } from './helpers.js';

afterAll(bersihkan);

const TINGKAT = ['Program', 'Kegiatan', 'Sub Kegiatan'];

/** LRA columns 3-7 that add up: leaves get amounts, every parent the sum of its children. */
function isiLra(ws: ExcelJS.Worksheet): void {
  const kol = (j: string): number => kolomJudul(ws, j);
  const baris: { r: number; kode: string; tingkat: number }[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    baris.push({ r, kode: String(row.getCell(1).value), tingkat: TINGKAT.indexOf(String(row.getCell(kol('tingkat')).value).replace(/ \(tidak aktif\)$/, '')) });
  });
  const anak = (b: (typeof baris)[number]) => baris.filter((x) => x.tingkat === b.tingkat + 1 && x.kode.startsWith(`${b.kode}.`));
  const nilai = new Map<string, number[]>();
  const hitung = (b: (typeof baris)[number], i: number): number[] => {
    const ada = nilai.get(b.kode);
    if (ada) return ada;
    const c = anak(b);
    const v =
      c.length === 0
        ? ((a: number) => [a, a * 0.8, a * 0.7, a * 0.2, a * 0.25])((i + 1) * 10_000_000)
        : c.map((x) => hitung(x, baris.indexOf(x))).reduce((s, x) => s.map((y, k) => y + (x[k] as number)), [0, 0, 0, 0, 0]);
    nilai.set(b.kode, v);
    return v;
  };
  baris.forEach((b, i) => {
    const v = hitung(b, i);
    ['anggaran (3)', 'rencana s.d. (4)', 'realisasi s.d. (5)', 'rencana akhir (6)', 'realisasi akhir (7)'].forEach((j, k) => {
      ws.getCell(b.r, kol(j)).value = Math.round(v[k] as number);
    });
    ws.getCell(b.r, kol('uraian tercetak di LRA')).value = String(ws.getCell(b.r, kol('program / kegiatan / sub kegiatan')).value);
    ws.getCell(b.r, kol('kendala (13)')).value = '-';
  });
}

const UMUM: Record<string, string | number> = {
  'renja.triwulan_evaluasi': 4,
  'renja.perubahan': 'tidak',
  'lra.periode': 'Triwulan IV',
  'lra.bulan_sd': 'November',
  'lra.bulan_akhir': 'Desember',
  'lra.sumber_data': 'Sub Bagian Keuangan',
  'kinerja.sumber_data': 'Sub Bagian Perencanaan',
  'pk.sumber_data': 'Sub Bagian Perencanaan',
};

const KONTEKS: [RegExp, number | string][] = [
  [/penduduk_usia_kerja$/, 950000],
  [/bekerja$/, 640000],
  [/penganggur$/, 27000],
  [/sumber_data$/, 'Badan Pusat Statistik (contoh)'],
  [/golongan\.(I|II|III|IV)$/, 6],
];

/** A plausible value for every other input cell, from its validation and column. */
function nilaiUntuk(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, judul: string, r: number): ExcelJS.CellValue | undefined {
  const id = String(ws.getCell(r, 1).value);
  if (ws.name === 'Umum') return UMUM[id];
  if (ws.name === 'Konteks') return KONTEKS.find(([re]) => re.test(id))?.[1];
  const dv = cell.dataValidation;
  if (dv?.type === 'list') {
    if (cell.value !== null && cell.value !== undefined) return cell.value;
    const pilihan = String(dv.formulae?.[0]).replace(/"/g, '').split(',');
    if (judul === 'keterangan P-APBD') return 'P-APBD';
    return pilihan[0];
  }
  if (dv?.type === 'whole') return /rp|pagu|anggaran|apbn/i.test(judul) ? 25_000_000 * (1 + (r % 7)) : 10 + (r % 5);
  if (dv?.type === 'decimal') {
    if (/Rp/.test(judul)) return 5_000_000 * (1 + (r % 4));
    if (/target/.test(judul)) return 80 + (r % 10);
    if (/s\/d tahun lalu/.test(judul)) return 120;
    return 70 + (r % 9) + 0.25;
  }
  return judul === 'keterangan' ? 'Sesuai laporan triwulan' : 'Catatan contoh';
}

describe('a year made by lkjip init, filled entirely through isian / impor', () => {
  it('imports every cell, creates lra.yaml, validates and builds', async () => {
    const dir = salin(path.join(root, 'test/fixtures/opd-contoh/data'));
    expect((await lkjip(['init', '2027'], dir)).code).toBe(0);
    const isian = await lkjip(['isian', '2027'], dir);
    expect(isian.code, isian.err).toBe(0);
    const buku = path.join(dir, 'isian-2027.xlsx');

    // Only the LRA of one row first: what is missing is reported by cell, nothing is written.
    const awal = sidik(path.join(dir, 'data'));
    const sebagian = await sunting(buku, 'sebagian.xlsx', (wb) => {
      const ws = wb.getWorksheet('LRA')!;
      ws.getCell(2, kolomJudul(ws, 'anggaran (3)')).value = 1000;
    });
    const gagal = await lkjip(['impor', '2027', sebagian], dir);
    expect(gagal.code).toBe(1);
    expect(gagal.err).toMatch(/LRA!F2 error LKJ731 Nilai tidak memenuhi skema[\s\S]*rencana_sd/);
    expect(gagal.err).toMatch(/LKJ731[\s\S]*bulan_sd/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);

    let diisi = 0;
    const penuh = await sunting(buku, 'penuh.xlsx', (wb) => {
      isiLra(wb.getWorksheet('LRA')!);
      for (const ws of wb.worksheets) {
        if (['Petunjuk', 'lkjip', 'LRA'].includes(ws.name)) continue;
        const judul = new Map<number, string>();
        ws.getRow(1).eachCell((c, k) => judul.set(k, String(c.value)));
        ws.eachRow((row, r) => {
          if (r === 1) return;
          row.eachCell({ includeEmpty: true }, (cell, k) => {
            if (cell.protection?.locked !== false) return;
            const v = nilaiUntuk(ws, cell, judul.get(k) ?? '', r);
            if (v !== undefined) {
              cell.value = v;
              diisi++;
            }
          });
        });
      }
    });
    expect(diisi).toBeGreaterThan(300);
    const impor = await lkjip(['impor', '2027', penuh], dir);
    expect(impor.code, impor.err).toBe(0);
    expect(impor.out).toMatch(/data\/2027\/lra\.yaml \(berkas baru\)/);
    const lra = readFileSync(path.join(dir, 'data/2027/lra.yaml'), 'utf8');
    // Its $schema line reaches the schema from where the file is (the copied folder's own lines do not).
    const target = /^# yaml-language-server: \$schema=(\S+\/lra\.schema\.json)\n/.exec(lra)?.[1];
    expect(target).toBeDefined();
    expect(existsSync(path.resolve(dir, 'data/2027', target!))).toBe(true);
    expect(lra).toMatch(/^bulan_sd: "November"$/m);
    // The konteks skeleton got its values, its commented example kept.
    const konteks = readFileSync(path.join(dir, 'data/2027/konteks.yaml'), 'utf8');
    expect(konteks).toMatch(/^tahun: 2027\n/m);
    expect(konteks).toMatch(/^  golongan: \{ I: 6, II: 6, III: 6, IV: 6 \}$/m);
    expect(konteks).toMatch(/^# TODO: isi nilai 2027/m);

    // A second import of the same workbook changes nothing.
    const sesudah = sidik(path.join(dir, 'data'));
    const lagi = await lkjip(['impor', '2027', penuh], dir);
    expect(lagi.code, lagi.err).toBe(0);
    expect(sidik(path.join(dir, 'data'))).toEqual(sesudah);

    const v = await lkjip(['validate', '2027'], dir);
    expect(v.code, v.err).toBe(0);
    expect(v.err).toMatch(/siap dibangun/);
    const out = path.join(dir, 'out');
    const b = await lkjip(['build', '2027', '--out', out], dir, { SOURCE_DATE_EPOCH: '1798761600' });
    expect(b.code, b.out + b.err).toBe(0);
    for (const f of ['lkjip-2027.pdf', 'renja-2027.pdf', 'lkjip-2027.xlsx', 'renja-2027.xlsx']) expect(existsSync(path.join(out, '2027', f)), f).toBe(true);
  }, 300_000);
});
