/**
 * `lkjip isian` then `lkjip impor`: the round trip on the bundled 2024 and on the made-up agency,
 * one edited cell = one changed line, and every kind of mistake refused with its cell, the data
 * folder untouched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cariSoffice, hitungUlang } from '../export/recalc.js';
import { barisId, beda, bersihkan, bukaBuku, kolomJudul, lkjip, root, salin, sel, sidik, sunting } from './helpers.js';

afterAll(bersihkan);

const DATA = path.join(root, 'data');
const CONTOH = path.join(root, 'test/fixtures/opd-contoh/data');

/** A fresh copy of the data and its workbook, written once per suite and copied per test. */
async function siapkan(dari: string, tahun: number): Promise<{ dir: string; buku: string }> {
  const dir = salin(dari);
  const h = await lkjip(['isian', String(tahun)], dir);
  expect(h.code, h.err).toBe(0);
  return { dir, buku: path.join(dir, `isian-${tahun}.xlsx`) };
}

describe('lkjip isian', () => {
  let buku = '';
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ buku } = await siapkan(DATA, 2024));
    wb = await bukaBuku(buku);
  });

  it('starts with Petunjuk, then one sheet per kind of data, and hides its memory', () => {
    const nama = wb.worksheets.map((w) => w.name);
    expect(nama[0]).toBe('Petunjuk');
    expect(nama).toEqual(['Petunjuk', 'Indikator', 'Program', 'Indikator Program', 'Anggaran PK', 'LRA', 'Konteks', 'Pembanding', 'TC-30', 'TC-31', 'Tabel 4.1', 'Umum', 'lkjip']);
    expect(wb.getWorksheet('lkjip')?.state).toBe('veryHidden');
    const petunjuk = wb.getWorksheet('Petunjuk')!;
    const teks: string[] = [];
    petunjuk.eachRow((r) => r.eachCell((c) => teks.push(String(c.value))));
    expect(teks.join('\n')).toMatch(/Isi hanya sel berwarna kuning/);
    expect(teks.join('\n')).toMatch(/lkjip impor 2024/);
  });

  it('makes each sheet an Excel table with its header in row 1, frozen, filtered, protected without a password', () => {
    const ws = wb.getWorksheet('Indikator')!;
    expect(ws.getRow(1).getCell(1).value).toBe('id');
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['tblIndikator']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const prot = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(prot).toMatchObject({ sheet: true, autoFilter: true });
    expect(prot.hashValue).toBeUndefined();
  });

  it('unlocks and marks the input cells, validates numbers, offers lists', () => {
    const id = sel(wb, 'Indikator', 'IKU-1', 'id');
    expect(id.protection?.locked).not.toBe(false);
    const realisasi = sel(wb, 'Indikator', 'IKU-1', 'realisasi');
    expect(realisasi.value).toBe(89.6);
    expect(realisasi.protection?.locked).toBe(false);
    expect((realisasi.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(realisasi.dataValidation).toMatchObject({ type: 'decimal' });
    expect(sel(wb, 'Indikator', 'IKU-1', 'polaritas').dataValidation).toMatchObject({ type: 'list', formulae: ['"tinggi_baik,rendah_baik"'] });
    const pagu = sel(wb, 'Program', '2.07.01.2.01.0001', 'pagu APBD (Rp)');
    expect(pagu.value).toBe(7500000);
    expect(pagu.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sel(wb, 'Anggaran PK', '2.07.01', 'keterangan APBD').dataValidation).toMatchObject({ type: 'list', formulae: ['"APBD,P-APBD"'] });
    // A parent's pagu is the sum of its sub kegiatan: not an input, locked and grey.
    const induk = sel(wb, 'Program', '2.07.01', 'pagu APBD (Rp)');
    expect(induk.protection?.locked).not.toBe(false);
    expect((induk.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE7E6E6');
  });

  it('shows derived values only as read-only formulas carrying the calculator\'s value', () => {
    const capaian = sel(wb, 'Indikator', 'IKU-1', 'capaian (%)');
    const v = capaian.value as ExcelJS.CellFormulaValue;
    expect(v.formula).toMatch(/ISNUMBER/);
    expect(v.result as number).toBeCloseTo((89.6 / 87) * 100, 6);
    expect(capaian.protection?.locked).not.toBe(false);
    expect((sel(wb, 'Indikator', 'IKU-1', 'kategori').value as ExcelJS.CellFormulaValue).result).toBe('Sangat Tinggi');
  });

  it('covers every base value of the year: TC-31 sides, Tabel 4.1 rows, konteks, quarters in Rupiah', () => {
    expect(sel(wb, 'TC-31', '2.07.01|rkpd|I-2.07.01-2', 'target').value).toBe(1);
    expect(sel(wb, 'TC-31', '2.07.01|analisis|I-2.07.01-2', 'target').value).toBe(2);
    expect(sel(wb, 'TC-31', '2.07.01.2.02.0001|analisis|rincian 1', 'pagu (Rp)').value).toBe(2201283000);
    expect(sel(wb, 'Tabel 4.1', '2.07.03.2.01.0001|rincian 2', 'pagu APBD kab. (Rp)').value).toBe(135000000);
    expect(sel(wb, 'Konteks', 'kondisi.baris[2].nilai', 'nilai').value).toBe(645825);
    // Rows the calculator derives (a sum, a percentage, an indicator's realisation) are not inputs.
    expect(() => sel(wb, 'Konteks', 'kondisi.baris[1].nilai', 'nilai')).toThrow();
    expect(() => sel(wb, 'Konteks', 'kondisi.baris[4].nilai', 'nilai')).toThrow();
    expect(sel(wb, 'Konteks', 'pns_golongan.golongan.III', 'nilai').value).toBe(14);
    expect(sel(wb, 'Konteks', 'sarana_prasarana.barang[2].rincian[0].rincian[0].nilai', 'nilai').value).toBe(710420000);
    expect(sel(wb, 'Program', '2.07.05.2.02.0005', 'realisasi Rp TW II').value).toBe(977118100);
    expect(sel(wb, 'LRA', '2.07.04.2.03.0003', 'realisasi s.d. (5)').value).toBe(157590400);
    expect(sel(wb, 'Umum', 'renja.triwulan_evaluasi', 'nilai').value).toBe(2);
  });

  it('writes the same bytes for the same data (SOURCE_DATE_EPOCH)', async () => {
    const dir = salin(DATA);
    const env = { SOURCE_DATE_EPOCH: '1735689600' };
    expect((await lkjip(['isian', '2024', '--out', 'a.xlsx'], dir, env)).code).toBe(0);
    expect((await lkjip(['isian', '2024', '--out', 'b.xlsx'], dir, env)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.xlsx')).equals(readFileSync(path.join(dir, 'b.xlsx')))).toBe(true);
  });

  it('refuses to overwrite a workbook that may have been filled', async () => {
    const dir = path.dirname(buku);
    const h = await lkjip(['isian', '2024'], dir);
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/sudah ada.*--timpa/);
  });
});

describe('lkjip impor: round trip', () => {
  it.each([
    ['the bundled data', DATA, 2024],
    ['the made-up agency', CONTOH, 2026],
  ])('an untouched workbook of %s leaves every byte of the data folder as it was', async (_, dari, tahun) => {
    const { dir, buku } = await siapkan(dari, tahun);
    const awal = sidik(path.join(dir, 'data'));
    const h = await lkjip(['impor', String(tahun), buku], dir);
    expect(h.code, h.err).toBe(0);
    expect(h.out).toMatch(/Tidak ada perubahan/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  });

  it('one edited realisation changes exactly one line', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const awal = sidik(path.join(dir, 'data'));
    const kinerja = path.join(dir, 'data/2024/kinerja.yaml');
    const sebelum = readFileSync(kinerja, 'utf8');
    const diubah = await sunting(buku, 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = 87.5;
    });
    const h = await lkjip(['impor', '2024', diubah], dir);
    expect(h.code, h.err).toBe(0);
    expect(h.out).toMatch(/IKU-2 +realisasi +86,21 -> 87,5 +\(Indikator!J4\)/);
    expect(beda(sebelum, readFileSync(kinerja, 'utf8'))).toEqual({ hapus: ['    realisasi: 86.21'], tambah: ['    realisasi: 87.5'] });
    const akhir = sidik(path.join(dir, 'data'));
    for (const [f, h2] of awal) if (f !== '2024/kinerja.yaml') expect(akhir.get(f), f).toBe(h2);
  });

  it('an edited quarter changes that quarter', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const program = path.join(dir, 'data/2024/program.yaml');
    const sebelum = readFileSync(program, 'utf8');
    const diubah = await sunting(buku, 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator Program', 'I-2.07.05.2.02.0001', 'realisasi TW III').value = 3;
      sel(wb, 'Program', '2.07.05.2.02.0001', 'realisasi Rp TW III').value = 12500000;
    });
    const h = await lkjip(['impor', '2024', diubah], dir);
    expect(h.code, h.err).toBe(0);
    expect(beda(sebelum, readFileSync(program, 'utf8'))).toEqual({
      hapus: [
        '    realisasi_rp_triwulan: [0, 88280200, null, null]',
        '      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, null, null], realisasi_sd_tahun_lalu: 404 }',
      ],
      tambah: [
        '    realisasi_rp_triwulan: [0, 88280200, 12500000, null]',
        '      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, 3, null], realisasi_sd_tahun_lalu: 404 }',
      ],
    });
  });

  it('--dry-run prints the summary and writes nothing', async () => {
    const { dir, buku } = await siapkan(CONTOH, 2026);
    const awal = sidik(path.join(dir, 'data'));
    const diubah = await sunting(buku, 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-1', 'realisasi').value = 70;
    });
    const h = await lkjip(['impor', '2026', diubah, '--dry-run'], dir);
    expect(h.code, h.err).toBe(0);
    expect(h.out).toMatch(/data\/2026\/kinerja\.yaml\n +IKU-1 +realisasi +[\d,]+ -> 70 +\(Indikator!J\d+\)/);
    expect(h.err).toMatch(/--dry-run.*tidak ada berkas yang diubah/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  });

  it.skipIf(!cariSoffice())('reads a workbook LibreOffice opened and saved: one edited realisation, one line', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const kinerja = path.join(dir, 'data/2024/kinerja.yaml');
    const lra = path.join(dir, 'data/2024/lra.yaml');
    const sebelum = { kinerja: readFileSync(kinerja, 'utf8'), lra: readFileSync(lra, 'utf8') };
    const diubah = await sunting(buku, 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-4', 'realisasi').value = 88;
      sel(wb, 'LRA', '2.07.01.2.01.0001', 'kendala (13)').value = 'Menunggu SPJ';
    });
    const lo = path.join(dir, 'lo.xlsx');
    writeFileSync(lo, await hitungUlang(readFileSync(diubah), cariSoffice() as string, false));
    const h = await lkjip(['impor', '2024', lo], dir);
    expect(h.code, h.err).toBe(0);
    expect(h.err).not.toMatch(/LKJ703/);
    expect(beda(sebelum.kinerja, readFileSync(kinerja, 'utf8'))).toEqual({ hapus: ['    realisasi: 87.02'], tambah: ['    realisasi: 88'] });
    // A value that was absent is inserted, in the file's quoting.
    expect(beda(sebelum.lra, readFileSync(lra, 'utf8'))).toEqual({ hapus: [], tambah: ['    kendala: "Menunggu SPJ"'] });
    // ... and an untouched one saved by LibreOffice changes nothing; its hidden memory survived.
    const lo2 = path.join(dir, 'lo2.xlsx');
    writeFileSync(lo2, await hitungUlang(readFileSync(buku), cariSoffice() as string, false));
    const awal = sidik(path.join(dir, 'data'));
    const h2 = await lkjip(['impor', '2024', lo2], dir);
    expect(h2.code, h2.err).toBe(0);
    expect(h2.err).not.toMatch(/LKJ703/);
    expect(h2.out).toMatch(/Tidak ada perubahan/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  }, 180_000);
});

describe('lkjip impor: mistakes are refused, each with its cell, and nothing is written', () => {
  const kasus: [string, (wb: ExcelJS.Workbook) => void, RegExp][] = [
    ['text in a number cell', (wb) => (sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = 'belum ada'), /Indikator!J4 error LKJ710 Teks di sel angka[\s\S]*"belum ada"[\s\S]*\(IKU-2\)/],
    ['a decimal comma', (wb) => (sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = '12,5'), /Indikator!J4 error LKJ711 Angka tersimpan sebagai teks[\s\S]*"12,5" dengan koma desimal[\s\S]*Saran: ketik ulang sebagai angka \(12,5/],
    ['Indonesian thousands as text', (wb) => (sel(wb, 'LRA', '2.07.01', 'anggaran (3)').value = '5.259.052.600'), /LRA!E2 error LKJ711[\s\S]*\(5\.259\.052\.600;/],
    [
      'an unknown id',
      (wb) => {
        const ws = wb.getWorksheet('Indikator')!;
        ws.getCell(12, 1).value = 'IKU-99';
        ws.getCell(12, kolomJudul(ws, 'realisasi')).value = 5;
      },
      /Indikator!A12 error LKJ720 Id tidak dikenal[\s\S]*"IKU-99"/,
    ],
    ['an edited id', (wb) => (wb.getWorksheet('Indikator')!.getCell(3, 1).value = 'IKU-01'), /Indikator!A3 error LKJ721 Id diubah[\s\S]*dari "IKU-1" menjadi "IKU-01"/],
    [
      'a deleted row',
      (wb) => {
        const ws = wb.getWorksheet('Indikator')!;
        ws.getRow(barisId(ws, 'IKL-4')).values = [];
      },
      /Indikator!A10 error LKJ722 Baris dihapus[\s\S]*"IKL-4"/,
    ],
    ['a locked column edited', (wb) => (sel(wb, 'Indikator', 'IKU-1', 'satuan').value = 'persen'), /Indikator!D3 error LKJ724 Kolom terkunci diubah/],
    ['a grey cell filled', (wb) => (sel(wb, 'Program', '2.07.01', 'pagu APBD (Rp)').value = 1000), /Program!D2 error LKJ725/],
    ['Rupiah with decimals', (wb) => (sel(wb, 'Program', '2.07.01.2.01.0001', 'pagu APBD (Rp)').value = 7500000.5), /Program!D4 error LKJ713/],
    ['a negative amount', (wb) => (sel(wb, 'LRA', '2.07.01.2.01.0001', 'anggaran (3)').value = -5), /LRA!E4 error LKJ714[\s\S]*harus 0 atau lebih/],
    [
      'a date in a number cell (what Indonesian Excel makes of a typed "12.5")',
      (wb) => {
        const c = sel(wb, 'Indikator', 'IKU-3', 'realisasi');
        c.value = new Date(Date.UTC(2024, 4, 12));
        c.numFmt = 'dd/mm/yyyy';
      },
      /Indikator!J5 error LKJ712 Tanggal di sel angka[\s\S]*2024-05-12/,
    ],
    [
      'a percentage typed with % (Excel keeps 0.896)',
      (wb) => {
        const c = sel(wb, 'Indikator', 'IKU-1', 'realisasi');
        c.value = 0.896;
        c.numFmt = '0.0%';
      },
      /Indikator!J3 error LKJ735 Angka berformat persen[\s\S]*tampil 89,6% tetapi Excel menyimpannya sebagai 0,896/,
    ],
    ['a choice not in the list', (wb) => (sel(wb, 'Indikator', 'IKU-1', 'polaritas').value = 'naik'), /Indikator!E3 error LKJ715[\s\S]*tinggi_baik, rendah_baik/],
    ['an error value', (wb) => (sel(wb, 'Indikator', 'IKU-1', 'realisasi').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue), /Indikator!J3 error LKJ716/],
    ['a required value emptied', (wb) => (sel(wb, 'LRA', '2.07.01', 'anggaran (3)').value = null), /LRA!E2 error LKJ717/],
    ['a missing column', (wb) => (wb.getWorksheet('Indikator')!.getCell(1, 10).value = 'realisasi 2024'), /Indikator!A1 error LKJ706[\s\S]*"realisasi"/],
    ['a deleted sheet', (wb) => wb.removeWorksheet(wb.getWorksheet('Konteks')!.id), /error LKJ705 Lembar tidak ditemukan[\s\S]*"Konteks"/],
    [
      'a value the cross-file rules reject (LRA parent no longer the sum of its children)',
      (wb) => (sel(wb, 'LRA', '2.07.01.2.01.0001', 'anggaran (3)').value = 7600000),
      /lra\.yaml:22:15 error LKJ303 Induk tidak sama[\s\S]*Sel yang diubah di berkas ini: LRA!E4 \(2\.07\.01\.2\.01\.0001, anggaran \(3\)\)[\s\S]*> 22 \| +anggaran: 17500000[\s\S]*error LKJ732 Hasil impor tidak lolos validasi/,
    ],
  ];

  it.each(kasus)('%s: exit 1, the cell named, the data folder unchanged', async (_, ubah, pesan) => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const awal = sidik(path.join(dir, 'data'));
    const diubah = await sunting(buku, 'salah.xlsx', ubah);
    const h = await lkjip(['impor', '2024', diubah], dir);
    expect(h.code, h.out + h.err).toBe(1);
    expect(h.err).toMatch(pesan);
    expect(h.err).toMatch(/Impor dibatalkan[\s\S]*tidak ada berkas yang diubah/);
    expect(h.err).not.toMatch(/\n\s+at /);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  });

  it('reports every problem at once', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const diubah = await sunting(buku, 'salah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = '12,5';
      sel(wb, 'Indikator', 'IKU-3', 'realisasi').value = 'x';
      sel(wb, 'LRA', '2.07.01', 'anggaran (3)').value = 1.5;
    });
    const h = await lkjip(['impor', '2024', diubah, '--reporter', 'json'], dir);
    expect(h.code).toBe(1);
    const j = JSON.parse(h.out) as { diagnostik: { code: string; sel: string }[] };
    expect(j.diagnostik.map((d) => `${d.code} ${d.sel}`)).toEqual(['LKJ711 Indikator!J4', 'LKJ710 Indikator!J5', 'LKJ713 LRA!E2']);
  });

  it('does not overwrite a value changed in the YAML since the workbook was made, and reports a conflict', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const kinerja = path.join(dir, 'data/2024/kinerja.yaml');
    writeFileSync(kinerja, readFileSync(kinerja, 'utf8').replace('realisasi: 86.21', 'realisasi: 86.5').replace('realisasi: 1.50', 'realisasi: 1.6'));
    const awal = sidik(path.join(dir, 'data'));
    // Untouched cells are not written back over the newer YAML.
    const h0 = await lkjip(['impor', '2024', buku], dir);
    expect(h0.code, h0.err).toBe(0);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
    // Both changed: a conflict.
    const diubah = await sunting(buku, 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = 90;
    });
    const h = await lkjip(['impor', '2024', diubah], dir);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(/Indikator!J4 error LKJ730[\s\S]*dari 86,21 menjadi 90[\s\S]*menjadi 86,5/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  });

  it('refuses a zip bomb and a file that is not a workbook, before opening them', async () => {
    const dir = salin(DATA);
    const { deflateRawSync } = await import('node:zlib');
    // One entry of 60 MB of spaces, a few KB compressed: refused from the directory alone.
    const isi = deflateRawSync(Buffer.alloc(60 * 1024 * 1024, 0x20));
    const nama = Buffer.from('xl/worksheets/sheet1.xml');
    const lokal = Buffer.alloc(30);
    lokal.writeUInt32LE(0x04034b50, 0);
    lokal.writeUInt16LE(8, 8);
    lokal.writeUInt32LE(isi.length, 18);
    lokal.writeUInt32LE(60 * 1024 * 1024, 22);
    lokal.writeUInt16LE(nama.length, 26);
    const pusat = Buffer.alloc(46);
    pusat.writeUInt32LE(0x02014b50, 0);
    pusat.writeUInt16LE(8, 10);
    pusat.writeUInt32LE(isi.length, 20);
    pusat.writeUInt32LE(60 * 1024 * 1024, 24);
    pusat.writeUInt16LE(nama.length, 28);
    const akhir = Buffer.alloc(22);
    akhir.writeUInt32LE(0x06054b50, 0);
    akhir.writeUInt16LE(1, 8);
    akhir.writeUInt16LE(1, 10);
    akhir.writeUInt32LE(46 + nama.length, 12);
    akhir.writeUInt32LE(30 + nama.length + isi.length, 16);
    writeFileSync(path.join(dir, 'bom.xlsx'), Buffer.concat([lokal, nama, isi, pusat, nama, akhir]));
    const awal = sidik(path.join(dir, 'data'));
    const h = await lkjip(['impor', '2024', 'bom.xlsx'], dir);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(/bom\.xlsx error LKJ702 Buku isian ditolak karena ukurannya[\s\S]*mengembang \d+ kali/);
    writeFileSync(path.join(dir, 'lama.xlsx'), 'id;realisasi\nIKU-1;89,6\n');
    const h2 = await lkjip(['impor', '2024', 'lama.xlsx'], dir);
    expect(h2.code).toBe(1);
    expect(h2.err).toMatch(/lama\.xlsx error LKJ701[\s\S]*CSV[\s\S]*Saran: buka berkasnya/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
    const h3 = await lkjip(['impor', '2024', 'tidak-ada.xlsx'], dir);
    expect(h3.code).toBe(2);
  });

  it('refuses a workbook of another year', async () => {
    const { dir, buku } = await siapkan(DATA, 2024);
    const h = await lkjip(['impor', '2023', buku], dir);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(/LKJ704[\s\S]*tahun 2024, bukan 2023/);
  });
});

describe('help', () => {
  it.each([
    [['isian', '--help'], /Petunjuk[\s\S]*--timpa/],
    [['impor', '--help'], /--dry-run[\s\S]*Indikator!K7[\s\S]*tidak ditebak/],
    [['--help'], /isian[\s\S]*impor/],
  ])('%j teaches the command', async (argv, pesan) => {
    const h = await lkjip(argv, root);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(pesan);
  });
});
