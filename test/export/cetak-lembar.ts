/**
 * How a written workbook prints, read back from the file itself (not from the model that wrote
 * it): paper, orientation, margins, fit-to-width or fixed scale, manual column breaks, repeated
 * columns, column widths, every cell's font and formatted value. From these the tests compute
 * each sheet's printed scale and smallest printed font, and check that every value fits its
 * column. Conventions (workbook-cetak.ts states them):
 * - a column width w prints w × 5.56 pt wide (the digit of the default font, Arial 10, as
 *   LibreOffice lays it out; Excel rounds it to 7 px = 5.25 pt and prints ~6 % larger);
 * - fit to N pages across (fitToHeight 0) picks the largest whole percent ≤ 100 at which the
 *   columns fit N pages; a fixed scale with manual breaks prints each part at that scale.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { KERTAS, PT_PER_LEBAR } from '../../src/render/workbook-cetak.js';

export interface SelCetak {
  alamat: string;
  r: number;
  c: number;
  /** Width (units) of the cell's column, or of its merged range. */
  lebar: number;
  nilai: string | number | null;
  numFmt: string;
  ukuran: number;
  tebal: boolean;
  indent: number;
  bungkus: boolean;
}

export interface LembarCetak {
  nama: string;
  kertas: 'A4' | 'A3';
  orientasi: 'portrait' | 'landscape';
  /** sheetPr/pageSetUpPr fitToPage. */
  pasLebar: boolean;
  fitToWidth: number;
  fitToHeight: number;
  /** pageSetup scale (percent), used when not fitting. */
  skalaTetap: number;
  margin: { kiri: number; kanan: number };
  /** Leading columns printed on every page (printTitlesColumn "A:E" -> 5). */
  kolomJudul: number;
  /** Manual column breaks (brk ids: the last column before each break). */
  putus: number[];
  lebar: number[];
  /** Font size of the page footer (its "&9"), null without a footer. */
  ukuranKaki: number | null;
  sel: SelCetak[];
}

const LEBAR_BAKU = 8.43;

function atribut(xml: string, tag: string, nama: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${nama}="([^"]*)"`).exec(xml);
  return m ? (m[1] ?? null) : null;
}

function angkaKolom(huruf: string): number {
  let n = 0;
  for (const ch of huruf) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Print setup and cells of every sheet of an .xlsx. */
export async function bacaCetak(xlsx: Uint8Array): Promise<LembarCetak[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const hasil: LembarCetak[] = [];
  for (const [i, ws] of wb.worksheets.entries()) {
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async('string')) ?? '';
    const lebar: number[] = [];
    for (const m of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) {
      for (let c = Number(m[1]); c <= Number(m[2]); c++) lebar[c - 1] = Number(m[3]);
    }
    for (let c = 0; c < ws.columnCount; c++) lebar[c] ??= LEBAR_BAKU;
    const kode = Number(atribut(xml, 'pageSetup', 'paperSize'));
    const kertas = kode === KERTAS.A3.kode ? 'A3' : kode === KERTAS.A4.kode ? 'A4' : null;
    if (!kertas) throw new Error(`${ws.name}: paperSize ${kode} tidak dikenal`);
    const judul = ws.pageSetup.printTitlesColumn?.split(':')[1]?.replace(/\$/g, '');
    const kaki = /&(\d+)/.exec(ws.headerFooter?.oddFooter ?? '');
    const merge = new Map<string, number>();
    for (const ref of ws.model.merges ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      let w = 0;
      for (let c = angkaKolom(m[1] ?? ''); c <= angkaKolom(m[3] ?? ''); c++) w += lebar[c - 1] ?? LEBAR_BAKU;
      merge.set(`${m[1]}${m[2]}`, w);
    }
    const sel: SelCetak[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        const nilai =
          v && typeof v === 'object' && 'formula' in v
            ? ((v.result as string | number | undefined) ?? null)
            : typeof v === 'number' || typeof v === 'string'
              ? v
              : null;
        sel.push({
          alamat: cell.address,
          r: Number(row.number),
          c: Number(cell.col),
          lebar: merge.get(cell.address) ?? lebar[Number(cell.col) - 1] ?? LEBAR_BAKU,
          nilai,
          numFmt: cell.numFmt ?? 'General',
          ukuran: cell.font?.size ?? 10,
          tebal: cell.font?.bold === true,
          indent: cell.alignment?.indent ?? 0,
          bungkus: cell.alignment?.wrapText === true,
        });
      }),
    );
    hasil.push({
      nama: ws.name,
      kertas,
      orientasi: atribut(xml, 'pageSetup', 'orientation') === 'landscape' ? 'landscape' : 'portrait',
      pasLebar: /<pageSetUpPr\b[^>]*fitToPage="1"/.test(xml),
      fitToWidth: Number(atribut(xml, 'pageSetup', 'fitToWidth') ?? 1),
      fitToHeight: Number(atribut(xml, 'pageSetup', 'fitToHeight') ?? 1),
      skalaTetap: Number(atribut(xml, 'pageSetup', 'scale') ?? 100),
      margin: { kiri: Number(atribut(xml, 'pageMargins', 'left')), kanan: Number(atribut(xml, 'pageMargins', 'right')) },
      kolomJudul: judul ? angkaKolom(judul) : 0,
      putus: [...xml.matchAll(/<colBreaks[^>]*>(.*?)<\/colBreaks>/gs)].flatMap((m) => [...(m[1] ?? '').matchAll(/<brk id="(\d+)"/g)].map((b) => Number(b[1]))),
      lebar,
      ukuranKaki: kaki ? Number(kaki[1]) : null,
      sel,
    });
  }
  return hasil;
}

/** Printable width of a sheet's page (pt). */
export function lebarHalaman(l: LembarCetak): number {
  const k = KERTAS[l.kertas];
  return (l.orientasi === 'landscape' ? k.tinggi : k.lebar) - (l.margin.kiri + l.margin.kanan) * 72;
}

/** Widths (pt, unscaled) of the parts a sheet prints on across: manual breaks, keys repeated. */
function bagian(l: LembarCetak): number[] {
  const pt = l.lebar.map((w) => w * PT_PER_LEBAR);
  const judul = pt.slice(0, l.kolomJudul).reduce((a, b) => a + b, 0);
  const batas = [0, ...l.putus, pt.length];
  const out: number[] = [];
  for (let i = 0; i + 1 < batas.length; i++) {
    let w = i === 0 ? 0 : judul;
    for (let c = batas[i] ?? 0; c < (batas[i + 1] ?? 0); c++) w += pt[c] ?? 0;
    out.push(w);
  }
  return out;
}

/**
 * The printed scale of a sheet and how many pages across it takes. Fit to width: the largest
 * whole percent (≤ 100) at which the columns fit `fitToWidth` pages (only a fitToHeight that leaves
 * rows free is accepted: fitting the height too would shrink a long sheet further). Fixed scale: that
 * scale, provided every part between manual breaks fits its page (else Excel breaks again).
 */
export function skalaTercetak(l: LembarCetak): { skala: number; halaman: number } {
  const muat = lebarHalaman(l);
  if (l.pasLebar) {
    // Rows must flow freely: 0 (Excel's "automatic") or a limit no sheet reaches.
    if (l.fitToHeight !== 0 && l.fitToHeight < 999) throw new Error(`${l.nama}: fitToHeight ${l.fitToHeight} membatasi tinggi`);
    if (l.putus.length > 0) throw new Error(`${l.nama}: fit-to-page dengan pemisah manual (Excel mengabaikannya)`);
    const total = bagian(l).reduce((a, b) => a + b, 0);
    for (let persen = 100; persen >= 10; persen--) {
      // Pages across at this scale, columns never split.
      let halaman = 1;
      let isi = 0;
      for (const w of l.lebar.map((x) => x * PT_PER_LEBAR)) {
        if (isi + w > (muat * 100) / persen + 1e-6) {
          halaman++;
          isi = 0;
        }
        isi += w;
      }
      if (halaman <= l.fitToWidth) return { skala: persen / 100, halaman };
    }
    return { skala: 0.1, halaman: Math.ceil(total / muat) };
  }
  const skala = l.skalaTetap / 100;
  const lewat = bagian(l).filter((w) => w * skala > muat + 1e-6);
  if (lewat.length > 0) throw new Error(`${l.nama}: bagian ${lewat.map((w) => w.toFixed(0)).join(', ')} pt tidak muat ${muat.toFixed(0)} pt pada skala ${l.skalaTetap}%`);
  return { skala, halaman: l.putus.length + 1 };
}

/** Smallest font on the sheet (cells with content, and the footer, which prints scaled too). */
export function hurufTerkecil(l: LembarCetak): number {
  let m = l.ukuranKaki ?? Number.POSITIVE_INFINITY;
  for (const s of l.sel) if (s.nilai !== null && s.nilai !== '') m = Math.min(m, s.ukuran);
  return m;
}
