/**
 * Excel annexes for Bappeda: the LKJIP tables and the Renja forms as .xlsx workbooks, one sheet
 * per table. The sheets come from the render stage (workbook-lkjip.ts, workbook-renja.ts) as plain
 * models with their print layout decided (workbook-cetak.ts: widths, row heights, paper, pages
 * across); this module only writes them with exceljs and makes the bytes reproducible.
 *
 * Reproducible: the workbook's creator/created/modified come from `opsi.tanggal` (the caller
 * passes SOURCE_DATE_EPOCH or the document date), and the zip is written again from exceljs'
 * stored one with every entry dated the same (padatkan-zip.ts). Same data, same bytes.
 */
import ExcelJS from 'exceljs';
import { padatkanZip } from './padatkan-zip.js';
import type { KonteksDokumen } from '../render/konteks.js';
import { HURUF, HURUF_BAKU, KERTAS, MARGIN, UKURAN } from '../render/workbook-cetak.js';
import { lembarLkjip } from '../render/workbook-lkjip.js';
import { barisKepala, dalamTabel, hurufKolom, kunci, ukuranHuruf, type Lembar, type Sel } from '../render/workbook-model.js';
import { lembarRenja } from '../render/workbook-renja.js';

export interface OpsiWorkbook {
  /** Date written as the workbook's created/modified and as every zip entry's time. */
  tanggal: Date;
  /** Workbook author (docProps "creator"); default "lkjip". */
  pembuat?: string;
}

/** fitToHeight meaning "no limit" to both Excel and LibreOffice (see tulisLembar). */
export const HALAMAN_TINGGI_BEBAS = 999;
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
  const { cetak } = l;
  const ws = wb.addWorksheet(l.nama, {
    pageSetup: {
      paperSize: KERTAS[cetak.kertas].kode as ExcelJS.PaperSize,
      orientation: cetak.orientasi,
      // One page wide: fit to width, as many pages tall as needed. 999 tall, not Excel's usual 0:
      // LibreOffice reads 0 as "as few pages tall as it can" and shrinks a sheet a few percent more
      // to save a page (measured: a TC-29 at 74 % printed at 72 %, under 6.5 pt); 999 is no limit
      // in both. Several pages across: a fixed scale and manual column breaks between header
      // groups (colBreaks, added in tambalan), which fit-to-width would make Excel ignore.
      ...(cetak.halamanLebar > 1
        ? { fitToPage: false, scale: Math.round(cetak.skala * 100), pageOrder: 'overThenDown' as const }
        : { fitToPage: true, fitToWidth: 1, fitToHeight: HALAMAN_TINGGI_BEBAS }),
      horizontalCentered: true,
      margins: { ...MARGIN },
      ...(dari > 0 ? { printTitlesRow: `${dari}:${sampai}` } : {}),
      ...(cetak.kolomJudul > 0 ? { printTitlesColumn: `A:${hurufKolom(cetak.kolomJudul)}` } : {}),
    },
    // Page footer in the body size: Excel and LibreOffice scale it with the sheet.
    headerFooter: { oddFooter: `&L&${UKURAN.kaki}&A&R&${UKURAN.kaki}&P / &N`, differentFirst: false, differentOddEven: false },
    views: dari > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sampai, topLeftCell: `A${sampai + 1}`, activeCell: `A${sampai + 1}` }] : [],
  });
  l.lebar.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const nKolom = l.lebar.length;
  const judul = new Set(l.judul);

  let maxBaris = 0;
  for (const k of l.sel.keys()) maxBaris = Math.max(maxBaris, Number(k.split(',')[0]));
  for (const b of l.badan) maxBaris = Math.max(maxBaris, b.sampai);

  for (let r = 1; r <= maxBaris; r++) {
    const tabel = dalamTabel(l, r);
    const isKepala = barisKepala(l, r);
    for (let c = 1; c <= nKolom; c++) {
      const s = l.sel.get(kunci(r, c));
      if (!s && !tabel) continue;
      const cell = ws.getCell(r, c);
      if (s) {
        cell.value = nilaiSel(s);
        if (s.fmt) cell.numFmt = s.fmt;
      }
      cell.font = { name: HURUF, size: ukuranHuruf(l, r), bold: s?.tebal || isKepala || judul.has(r), italic: s?.miring ?? false };
      const horizontal = s?.rata === 'tengah' ? 'center' : s?.rata === 'kanan' ? 'right' : isKepala ? 'center' : 'left';
      cell.alignment = {
        vertical: isKepala || judul.has(r) ? 'middle' : 'top',
        horizontal,
        wrapText: s?.bungkus ?? tabel,
        ...(s?.indent ? { indent: s.indent } : {}),
      };
      if (tabel) cell.border = KOTAK;
      if (isKepala) cell.fill = ISI_KEPALA;
    }
  }
  for (const g of l.gabung) ws.mergeCells(g.r1, g.c1, g.r2, g.c2);
  for (const [r, tinggi] of l.tinggi) ws.getRow(r).height = tinggi;
}

/**
 * Two things exceljs cannot write, added to its output:
 * - Font 0 of the workbook is Arial 10 instead of Calibri 11: it is the unit of column widths
 *   (workbook-cetak.ts), and Arial has metric-compatible substitutes everywhere (Liberation Sans,
 *   Arimo), while a machine without Calibri or Carlito lays Calibri widths out in a wider font
 *   and prints every sheet smaller.
 * - Manual column breaks (`<colBreaks>`) of the sheets printed on several pages across.
 */
/**
 * What exceljs cannot write, patched into its XML on the way to the final zip: Arial as the
 * workbook's base font, and manual column breaks between header groups of sheets several pages
 * wide.
 */
function tambalan(lembar: readonly Lembar[]): ((nama: string, isi: Buffer) => Buffer | undefined) & { belum(): string[] } {
  const ubahan = new Map<string, (xml: string) => string>();
  const baku = `<font><sz val="${HURUF_BAKU.ukuran}"/><name val="${HURUF_BAKU.nama}"/><family val="2"/></font>`;
  ubahan.set('xl/styles.xml', (xml) => xml.replace(/<font>(?:(?!<\/font>).)*<\/font>/s, baku));
  for (const [i, l] of lembar.entries()) {
    const { putus } = l.cetak;
    if (putus.length === 0) continue;
    const brk = putus.map((b) => `<brk id="${b}" max="1048575" man="1"/>`).join('');
    const colBreaks = `<colBreaks count="${putus.length}" manualBreakCount="${putus.length}">${brk}</colBreaks>`;
    // CT_Worksheet order: ... pageSetup, headerFooter, rowBreaks, colBreaks, ...
    ubahan.set(`xl/worksheets/sheet${i + 1}.xml`, (xml) =>
      xml.includes('</rowBreaks>') ? xml.replace('</rowBreaks>', `</rowBreaks>${colBreaks}`) : xml.replace('</headerFooter>', `</headerFooter>${colBreaks}`),
    );
  }
  const diubah = new Set<string>();
  const ubah = (nama: string, isi: Buffer): Buffer | undefined => {
    const f = ubahan.get(nama);
    if (!f) return undefined;
    const lama = isi.toString('utf8');
    const baru = f(lama);
    if (baru === lama) throw new Error(`${nama} tidak berubah`);
    diubah.add(nama);
    return Buffer.from(baru, 'utf8');
  };
  return Object.assign(ubah, { belum: () => [...ubahan.keys()].filter((n) => !diubah.has(n)) });
}

/** Any workbook of sheet models (the annexes, the roll-up), with reproducible bytes. */
export async function tulisWorkbook(lembar: readonly Lembar[], opsi: OpsiWorkbook, judul: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t = opsi.tanggal;
  wb.creator = opsi.pembuat ?? 'lkjip';
  wb.lastModifiedBy = opsi.pembuat ?? 'lkjip';
  wb.created = t;
  wb.modified = t;
  wb.title = judul;
  wb.calcProperties.fullCalcOnLoad = false;
  for (const l of lembar) tulisLembar(wb, l);
  // Stored by exceljs, deflated once by Node's zlib (padatkan-zip.ts), every entry dated t.
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  const ubah = tambalan(lembar);
  const zip = padatkanZip(new Uint8Array(buf as ArrayBuffer), t, ubah);
  const belum = ubah.belum();
  if (belum.length > 0) throw new Error(`xlsx tanpa ${belum.join(', ')}`);
  return zip;
}

export async function buatWorkbookLkjip(ctx: KonteksDokumen, opsi: OpsiWorkbook): Promise<Uint8Array> {
  return tulisWorkbook(lembarLkjip(ctx), opsi, `Lampiran Tabel LKJIP ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`);
}

/** The quarterly evaluation's workbook: its Tabel E.81 up to quarter `triwulan`. */
export async function buatWorkbookEvaluasi(ctx: KonteksDokumen, opsi: OpsiWorkbook, triwulan: 1 | 2 | 3 | 4): Promise<Uint8Array> {
  const [{ konteksEvaluasi }, { lembarE81 }, { createEnv }] = await Promise.all([
    import('../render/evaluasi.js'),
    import('../render/workbook-renja.js'),
    import('../render/handlebars-env.js'),
  ]);
  const ctxTw = konteksEvaluasi(ctx, triwulan);
  const tw = ['I', 'II', 'III', 'IV'][triwulan - 1];
  return tulisWorkbook([lembarE81(createEnv(ctx.h.desimal_persen), ctxTw)], opsi, `Evaluasi Renja ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun} Triwulan ${tw}`);
}

export async function buatWorkbookRenja(ctx: KonteksDokumen, opsi: OpsiWorkbook): Promise<Uint8Array> {
  return tulisWorkbook(lembarRenja(ctx), opsi, `Lampiran Formulir Renja ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`);
}
