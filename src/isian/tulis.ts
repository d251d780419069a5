/**
 * Writes the fill-in workbook with exceljs: a "Petunjuk" sheet first, then one Excel table per
 * sheet (header in row 1, autofilter, frozen header and id column), input cells unlocked and
 * yellow, everything else locked by sheet protection without a password (so nobody is locked out,
 * but an id is not overwritten by a slip), data validation on every input (numbers, whole
 * Rupiah >= 0, dropdowns for choices), and the hidden `lkjip` sheet with the workbook's memory.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { padatkanZip } from '../export/padatkan-zip.js';
import { hurufKolom } from './alamat.js';
import { buatJejak, NAMA_LEMBAR_JEJAK, potongJejak } from './jejak.js';
import type { BukuIsian, KolomIsian, LembarIsian, Medan, SelIsian } from './model.js';
import { isiPetunjuk } from './petunjuk.js';

const require = createRequire(import.meta.url);

/**
 * exceljs's Workbook class alone: the package's main module also loads its streaming reader and
 * writer (unzipper, archiver, ...), about 100 ms of start-up that `lkjip isian` never uses.
 */
function kelasWorkbook(): typeof ExcelJS.Workbook {
  try {
    return require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  } catch {
    return (require('exceljs') as typeof ExcelJS).Workbook;
  }
}

export const WARNA = {
  isian: 'FFFFF2CC',
  bukanIsian: 'FFE7E6E6',
  rumus: 'FFDDEBF7',
  kepala: 'FF305496',
} as const;

const FONT = 'Arial';
const UKURAN = 10;

export interface OpsiTulis {
  /** Created/modified date of the workbook and its zip entries (reproducible bytes). */
  tanggal: Date;
}

export { alamatSel, hurufKolom } from './alamat.js';

function nilaiTampil(s: SelIsian | undefined): ExcelJS.CellValue {
  if (!s) return null;
  const v = s.medan ? s.medan.nilai : s.nilai;
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  return v;
}

// Types are shared objects (one per schema place, see skema.ts tipeDi): one validation each.
const validasiTipe = new WeakMap<Medan['tipe'], ExcelJS.DataValidation | null>();

function validasi(m: Medan): ExcelJS.DataValidation | undefined {
  let v = validasiTipe.get(m.tipe);
  if (v === undefined) {
    v = buatValidasi(m) ?? null;
    validasiTipe.set(m.tipe, v);
  }
  return v ?? undefined;
}

function buatValidasi(m: Medan): ExcelJS.DataValidation | undefined {
  const t = m.tipe;
  const dasar = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Isian tidak sah' };
  if (t.pilihan) {
    return { ...dasar, type: 'list', formulae: [`"${t.pilihan.join(',')}"`], error: `Pilih salah satu: ${t.pilihan.join(', ')}.` };
  }
  if (t.jenis === 'boolean') return { ...dasar, type: 'list', formulae: ['"ya,tidak"'], error: 'Pilih ya atau tidak.' };
  if (t.jenis !== 'angka') return undefined;
  const min = t.min;
  const max = t.max;
  const jenis = t.bulat ? 'whole' : 'decimal';
  const kata = t.bulat ? 'bilangan bulat' : 'angka';
  if (min !== undefined && max !== undefined) {
    return { ...dasar, type: jenis, operator: 'between', formulae: [min, max], error: `Isi dengan ${kata} ${min} sampai ${max}.` };
  }
  if (min !== undefined) {
    return { ...dasar, type: jenis, operator: 'greaterThanOrEqual', formulae: [min], error: `Isi dengan ${kata} ${min} atau lebih${t.bulat ? ' (Rupiah penuh, tanpa desimal)' : ''}.` };
  }
  return { ...dasar, type: jenis, operator: 'between', formulae: [-1e15, 1e15], error: `Isi dengan ${kata} (desimal memakai koma pada Excel berbahasa Indonesia).` };
}

/** Height of a row whose wrapped text needs several lines (Excel does not grow rows of generated files). */
function tinggiBaris(l: LembarIsian, baris: LembarIsian['baris'][number]): number | undefined {
  let maks = 1;
  for (const k of l.kolom) {
    const s = baris.sel[k.kunci];
    const teks = k.peran === 'info' ? s?.nilai : s?.medan?.tipe.jenis === 'teks' ? s.medan.nilai : undefined;
    if (typeof teks !== 'string' || teks.length === 0) continue;
    // About 1.3 characters of 10 pt Arial text per unit of column width.
    const indent = k.kunci === 'uraian' ? baris.indent ?? 0 : 0;
    const perBaris = Math.max(8, Math.floor((k.lebar - 2 - indent * 2) * 1.3));
    maks = Math.max(maks, Math.ceil(teks.length / perBaris));
  }
  return maks > 1 ? Math.min(maks, 8) * 13 + 3 : undefined;
}

function tulisLembar(wb: ExcelJS.Workbook, l: LembarIsian): void {
  const kolomId = l.kolom.findIndex((k) => k.peran === 'id') + 1;
  const ws = wb.addWorksheet(l.nama, {
    views: [{ state: 'frozen', xSplit: kolomId, ySplit: 1, topLeftCell: `${hurufKolom(kolomId + 1)}2`, activeCell: `${hurufKolom(kolomId + 1)}2` }],
    properties: { defaultRowHeight: 15 },
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  l.kolom.forEach((k, i) => {
    ws.getColumn(i + 1).width = k.lebar;
  });
  const ref = (r: number) => (kunci: string): string => {
    const i = l.kolom.findIndex((k) => k.kunci === kunci);
    if (i < 0) throw new Error(`isian: kolom ${kunci} tidak ada di lembar ${l.nama}`);
    return `${hurufKolom(i + 1)}${r}`;
  };
  ws.addTable({
    name: l.tabel,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight15', showRowStripes: false },
    columns: l.kolom.map((k) => ({ name: k.judul, filterButton: true })),
    rows: l.baris.map((b, i) =>
      l.kolom.map((k) => {
        const s = b.sel[k.kunci];
        if (s?.rumus) {
          const h = s.rumus.hasil;
          return { formula: s.rumus.f(ref(i + 2)), result: h === null || (typeof h === 'number' && !Number.isFinite(h)) ? '' : h } as ExcelJS.CellFormulaValue;
        }
        return nilaiTampil(s);
      }),
    ),
  });
  const kepala = ws.getRow(1);
  kepala.height = 32;
  kepala.eachCell((cell) => {
    cell.font = { name: FONT, size: UKURAN, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: WARNA.kepala } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  const garis = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  const kotak = { top: garis, left: garis, bottom: garis, right: garis };
  // One style object per combination: exceljs reuses the style id of an object it has seen, so
  // shared objects keep writing fast (a fresh object per cell costs a style lookup each).
  const gaya = new Map<string, Partial<ExcelJS.Style>>();
  const gayaSel = (k: KolomIsian, s: SelIsian | undefined, b: LembarIsian['baris'][number], angka: boolean): Partial<ExcelJS.Style> => {
    const nama = k.kunci === 'uraian';
    const tebal = !!b.tebal && (nama || k.peran === 'id');
    const indent = nama ? b.indent ?? 0 : 0;
    const jenis = s?.medan ? 'isian' : k.peran === 'isian' ? 'bukan' : k.peran;
    const format = s?.format ?? k.format ?? (s?.medan?.tipe.jenis === 'angka' ? (s.medan.tipe.bulat ? '#,##0' : 'General') : undefined);
    const pakaiFormat = format && (angka || !!s?.rumus || !!s?.medan) ? format : undefined;
    const teks = s?.medan?.tipe.jenis === 'teks' && !s.medan.tipe.pilihan;
    const kunci = `${jenis}|${tebal}|${indent}|${pakaiFormat ?? ''}|${teks}`;
    let g = gaya.get(kunci);
    if (!g) {
      g = {
        font: { name: FONT, size: UKURAN, bold: tebal, italic: k.peran === 'rumus' },
        alignment: { vertical: 'top', wrapText: jenis === 'info' || teks, ...(indent ? { horizontal: 'left', indent } : {}) },
        border: kotak,
        protection: { locked: jenis !== 'isian' },
      };
      if (pakaiFormat) g.numFmt = pakaiFormat;
      const isi = jenis === 'isian' ? WARNA.isian : jenis === 'bukan' ? WARNA.bukanIsian : jenis === 'rumus' ? WARNA.rumus : undefined;
      if (isi) g.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: isi } };
      gaya.set(kunci, g);
    }
    return g;
  };
  // Validations per column, merged into runs of rows (exceljs's own merging can produce
  // overlapping ranges, which Excel repairs on opening).
  const validasiKolom = l.kolom.map(() => new Array<ExcelJS.DataValidation | undefined>(l.baris.length));
  l.baris.forEach((b, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    const tinggi = tinggiBaris(l, b);
    if (tinggi) row.height = tinggi;
    l.kolom.forEach((k: KolomIsian, j) => {
      const cell = row.getCell(j + 1);
      const s = b.sel[k.kunci];
      cell.style = gayaSel(k, s, b, typeof cell.value === 'number');
      const v = s?.medan ? validasi(s.medan) : undefined;
      if (v) (validasiKolom[j] as (ExcelJS.DataValidation | undefined)[])[i] = v;
    });
  });
  validasiKolom.forEach((perBaris, j) => {
    const huruf = hurufKolom(j + 1);
    let i = 0;
    while (i < perBaris.length) {
      const kunci = perBaris[i];
      if (!kunci) {
        i++;
        continue;
      }
      let akhir = i;
      while (akhir + 1 < perBaris.length && perBaris[akhir + 1] === kunci) akhir++;
      const alamat = akhir > i ? `${huruf}${i + 2}:${huruf}${akhir + 2}` : `${huruf}${i + 2}`;
      // exceljs keeps sheet validations in `dataValidations`, by address or range; its types omit it.
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(alamat, kunci);
      i = akhir + 1;
    }
  });
}

async function lindungi(ws: ExcelJS.Worksheet): Promise<void> {
  // No password: protection is a guard against slips, not a lock (see Petunjuk). Filtering and
  // resizing columns stay allowed.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
}

/** The fill-in workbook as .xlsx bytes. */
export async function tulisBukuIsian(buku: BukuIsian, opsi: OpsiTulis): Promise<Uint8Array> {
  const Workbook = kelasWorkbook();
  const wb = new Workbook();
  wb.creator = 'lkjip';
  wb.lastModifiedBy = 'lkjip';
  wb.created = opsi.tanggal;
  wb.modified = opsi.tanggal;
  wb.title = `Buku isian ${buku.opd} tahun ${buku.tahun}`;
  wb.calcProperties.fullCalcOnLoad = false;

  const petunjuk = wb.addWorksheet('Petunjuk', {
    properties: { tabColor: { argb: WARNA.kepala } },
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  isiPetunjuk(petunjuk, buku, { font: FONT, warna: WARNA });
  await lindungi(petunjuk);
  for (const l of buku.lembar) {
    tulisLembar(wb, l);
    await lindungi(wb.getWorksheet(l.nama) as ExcelJS.Worksheet);
  }
  const jejak = wb.addWorksheet(NAMA_LEMBAR_JEJAK, { state: 'veryHidden' });
  potongJejak(buatJejak(buku)).forEach((p, i) => {
    jejak.getCell(i + 1, 1).value = p;
  });
  await lindungi(jejak);
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return padatkanZip(new Uint8Array(buf as ArrayBuffer), opsi.tanggal);
}
