/**
 * Excel annexes for Bappeda: the LKJIP tables and the Renja forms as .xlsx workbooks, one sheet
 * per table. The sheets come from the render stage (workbook-lkjip.ts, workbook-renja.ts) as plain
 * models; this module only writes them with exceljs and makes the bytes reproducible.
 *
 * Reproducible: the workbook's creator/created/modified come from `opsi.tanggal` (the caller
 * passes SOURCE_DATE_EPOCH or the document date), and the zip entries' timestamps, which JSZip
 * takes from the clock, are rewritten to the same date after `writeBuffer`. Same data, same bytes.
 */
import ExcelJS from 'exceljs';
import type { KonteksDokumen } from '../render/konteks.js';
import { lembarLkjip } from '../render/workbook-lkjip.js';
import { kunci, type Lembar, type Sel } from '../render/workbook-model.js';
import { lembarRenja } from '../render/workbook-renja.js';

export interface OpsiWorkbook {
  /** Date written as the workbook's created/modified and as every zip entry's time. */
  tanggal: Date;
  /** Workbook author (docProps "creator"); default "lkjip". */
  pembuat?: string;
}

const FONT = 'Arial';
const UKURAN = 9;
const GARIS = { style: 'thin' as const, color: { argb: 'FF000000' } };
const KOTAK = { top: GARIS, left: GARIS, bottom: GARIS, right: GARIS };
const ISI_KEPALA = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9E1F2' } };

function nilaiSel(s: Sel): ExcelJS.CellValue {
  if (s.f !== undefined) {
    const hasil = s.hasil;
    // A null from the calculator is "" in the sheet: what the guarded formula gives too.
    const result = hasil === null || hasil === undefined || (typeof hasil === 'number' && !Number.isFinite(hasil)) ? '' : hasil;
    return { formula: s.f, result } as ExcelJS.CellFormulaValue;
  }
  if (s.v === null || s.v === undefined) return null;
  return s.v;
}

function tulisLembar(wb: ExcelJS.Workbook, l: Lembar): void {
  const { dari, sampai } = l.kepala;
  const ws = wb.addWorksheet(l.nama, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
      ...(dari > 0 ? { printTitlesRow: `${dari}:${sampai}` } : {}),
    },
    headerFooter: { oddFooter: '&L&8&A&R&8&P / &N', differentFirst: false, differentOddEven: false },
    views: dari > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sampai, topLeftCell: `A${sampai + 1}`, activeCell: `A${sampai + 1}` }] : [],
  });
  l.lebar.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const nKolom = l.lebar.length;
  const dalamTabel = (r: number): boolean => (r >= dari && r <= sampai && dari > 0) || l.badan.some((b) => r >= b.dari && r <= b.sampai);
  const kepala = (r: number): boolean => dari > 0 && r >= dari && r <= sampai;
  const judul = new Set(l.judul);
  const sumber = new Set(l.sumber);

  let maxBaris = 0;
  for (const k of l.sel.keys()) maxBaris = Math.max(maxBaris, Number(k.split(',')[0]));
  for (const b of l.badan) maxBaris = Math.max(maxBaris, b.sampai);

  for (let r = 1; r <= maxBaris; r++) {
    const tabel = dalamTabel(r);
    for (let c = 1; c <= nKolom; c++) {
      const s = l.sel.get(kunci(r, c));
      if (!s && !tabel) continue;
      const cell = ws.getCell(r, c);
      if (s) {
        cell.value = nilaiSel(s);
        if (s.fmt) cell.numFmt = s.fmt;
      }
      const isKepala = kepala(r);
      cell.font = { name: FONT, size: judul.has(r) ? 11 : UKURAN, bold: s?.tebal || isKepala || judul.has(r), italic: s?.miring ?? false };
      const horizontal = s?.rata === 'tengah' ? 'center' : s?.rata === 'kanan' ? 'right' : isKepala ? 'center' : 'left';
      cell.alignment = {
        vertical: isKepala || judul.has(r) ? 'middle' : 'top',
        horizontal,
        wrapText: s?.bungkus ?? (tabel && !sumber.has(r)),
        ...(s?.indent ? { indent: s.indent } : {}),
      };
      if (tabel) cell.border = KOTAK;
      if (isKepala) cell.fill = ISI_KEPALA;
    }
  }
  for (const g of l.gabung) ws.mergeCells(g.r1, g.c1, g.r2, g.c2);
  for (const [r, tinggi] of tinggiBaris(l, maxBaris, dalamTabel)) ws.getRow(r).height = tinggi;
}

/** Points per line of 9 pt Arial, and the padding of a row. */
const PT_BARIS = 11.5;
const PT_TEPI = 3;

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text in
 * merged cells when opening a file, and a file written by a library carries no heights: estimated
 * here from the text length and the (merged) column width, so the sheets print without clipping.
 */
function tinggiBaris(l: Lembar, maxBaris: number, dalamTabel: (r: number) => boolean): Map<number, number> {
  const gabungDi = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
  for (const g of l.gabung) gabungDi.set(kunci(g.r1, g.c1), g);
  const perlu = new Map<number, number>();
  for (const [k, s] of l.sel) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    if (!dalamTabel(r) || s.bungkus === false) continue;
    const isi = s.f !== undefined ? String(s.hasil ?? '') : String(s.v ?? '');
    if (isi === '') continue;
    const g = gabungDi.get(k);
    const c2 = g?.c2 ?? c;
    const r2 = g?.r2 ?? r;
    let lebar = 0;
    for (let x = c; x <= c2; x++) lebar += l.lebar[x - 1] ?? 10;
    // About 1.15 characters of 9 pt Arial per unit of column width; bold text is wider.
    const perBaris = Math.max(1, Math.floor((lebar - 1 - (s.indent ?? 0) * 2) * (s.tebal ? 1.0 : 1.15)));
    const baris = isi.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perBaris)), 0);
    const tinggi = (baris * PT_BARIS + PT_TEPI) / (r2 - r + 1);
    for (let y = r; y <= r2; y++) perlu.set(y, Math.max(perlu.get(y) ?? PT_BARIS + PT_TEPI, tinggi));
  }
  const hasil = new Map<number, number>();
  for (let r = 1; r <= maxBaris; r++) {
    const t = perlu.get(r);
    if (t !== undefined && t > PT_BARIS + PT_TEPI) hasil.set(r, Math.ceil(t));
  }
  return hasil;
}

async function tulisWorkbook(lembar: readonly Lembar[], opsi: OpsiWorkbook, judul: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t = opsi.tanggal;
  wb.creator = opsi.pembuat ?? 'lkjip';
  wb.lastModifiedBy = opsi.pembuat ?? 'lkjip';
  wb.created = t;
  wb.modified = t;
  wb.title = judul;
  wb.calcProperties.fullCalcOnLoad = false;
  for (const l of lembar) tulisLembar(wb, l);
  const buf = await wb.xlsx.writeBuffer();
  return tetapkanTanggalZip(new Uint8Array(buf as ArrayBuffer), t);
}

export async function buatWorkbookLkjip(ctx: KonteksDokumen, opsi: OpsiWorkbook): Promise<Uint8Array> {
  return tulisWorkbook(lembarLkjip(ctx), opsi, `Lampiran Tabel LKJIP ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`);
}

export async function buatWorkbookRenja(ctx: KonteksDokumen, opsi: OpsiWorkbook): Promise<Uint8Array> {
  return tulisWorkbook(lembarRenja(ctx), opsi, `Lampiran Formulir Renja ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`);
}

// ---------------------------------------------------------------------------------------------
// Deterministic zip

/** MS-DOS time and date of a moment (UTC; DOS has no time zone and 2-second resolution). */
function waktuDos(t: Date): { waktu: number; tanggal: number } {
  const tahun = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return {
    waktu: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    tanggal: ((tahun - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

/**
 * Rewrites the modification time/date of every entry (central directory and local headers) of a
 * zip. The CRCs do not cover headers, so the archive stays valid. Throws on a malformed zip.
 */
export function tetapkanTanggalZip(zip: Uint8Array, t: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { waktu, tanggal } = waktuDos(t);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip tidak sah: end of central directory tidak ditemukan');
  const jumlah = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let n = 0; n < jumlah; n++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('zip tidak sah: central directory rusak');
    dv.setUint16(p + 12, waktu, true);
    dv.setUint16(p + 14, tanggal, true);
    const lokal = dv.getUint32(p + 42, true);
    if (dv.getUint32(lokal, true) !== 0x04034b50) throw new Error('zip tidak sah: local header rusak');
    dv.setUint16(lokal + 10, waktu, true);
    dv.setUint16(lokal + 12, tanggal, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}
