/**
 * HTML -> PDF, document-agnostic.
 *
 * Design note
 * - One load, one measuring session, one print. Chromium has no `target-counter()`, so the HTML
 *   cannot ask "on which page is #bab-2?"; the page of an element is only known after printing.
 *   The document is loaded once; before printing, one measuring session (sesi-ukur.ts: CDP in an
 *   isolated world, JavaScript of the page stays off) runs the layout audit (audit.ts), floats
 *   landscape tables forward (apung.ts, deciding from a paginated column layout instead of a
 *   print) and puts a marker in every TOC number box (cap-toc.ts). The print then gives the page
 *   of every id through the PDF's named destinations (Chromium writes one per linked id; we add
 *   hidden links for every id we need), and the TOC numbers are drawn into the printed PDF at the
 *   markers in Arimo: the layout is never redone for them.
 * - When a number cannot be drawn (a box narrower than its number, a face other than Arimo), the
 *   numbers are written into the loaded page and it is printed again; filling the TOC can shift
 *   pages, so that print's destinations are read again: if any number would change, a third print,
 *   and if that still moves, LKJ505.
 * - How numbers are checked: the number shown in the TOC for #id is `pageLabel(physical page of
 *   #id, F)`, the same function that describes what the footer prints (see page-numbers.ts:
 *   front-matter pages print roman(p), main-matter pages print p - F, F = pages before the
 *   `data-page-start` element). The relation between footer and physical page is fixed by
 *   PAGE_NUMBER_CSS and verified in test/export by extracting the text of the printed PDF: the
 *   footer of the page where each heading stands equals the TOC entry.
 * - After the print the PDF is rewritten with pdf-lib: outline from `data-bookmark` headings,
 *   /PageLabels matching the footers, our metadata with fixed dates, and /ID from a content hash,
 *   so the same HTML gives byte-identical files.
 */
import { PDFDocument } from 'pdf-lib';
import { PREFIX_PENANDA, rencanaApung, siapkanDiHalaman, terapkanApung, type PersiapanApung, type RunApung } from './apung.js';
import { auditHalaman, geometriHalaman, type HasilAudit } from './audit.js';
import { surveiDiHalaman, type AturanHalaman } from './audit-ukur.js';
import { bisaDicap, capLabelToc, PREFIX_CAP, rencanaCapToc, tandaiTocDiHalaman, ukurLabelDiHalaman, type KotakToc, type LabelCap, type UkuranLabel } from './cap-toc.js';
import { ramalDiHalaman, type PosisiRamalan } from './ramal-halaman.js';
import { bukaSesiUkur, type SesiUkur } from './sesi-ukur.js';
import type { BrowserSession, PrintPage } from './browser.js';
import { ExportError } from './export-error.js';
import { injectAnchorLinks, scanHtml, type Bookmark, type HtmlMarks } from './html-marks.js';
import { pageLabel } from './page-numbers.js';
import { jejak } from '../util/jejak.js';
import {
  isLandscape,
  readNamedDestinations,
  removeNamedDestinations,
  saveDeterministic,
  writeMetadata,
  writeOutline,
  writePageLabels,
  type Anchor,
  type PdfMeta,
} from './pdf-structure.js';

export type { PdfMeta } from './pdf-structure.js';

export interface PdfSource {
  html: string;
  /** file:// URL of the folder relative asset URLs resolve against (must be in an allowed folder). */
  baseUrl: string;
  meta: PdfMeta;
}

export interface PdfPageInfo {
  /** Physical page, 1-based. */
  number: number;
  /** What the footer prints on it ("ii", "3"). */
  label: string;
  landscape: boolean;
}

export interface PrintedPdf {
  pdf: Uint8Array;
  pages: PdfPageInfo[];
  /** Element id -> physical page (1-based), for every id the export needed (TOC, bookmarks, page start). */
  anchors: Record<string, number>;
  /** Printed label per TOC target, as written into the TOC. */
  tocLabels: Record<string, string>;
  /**
   * Number of Chromium prints it took: 1, or 2-3 when the TOC numbers had to be written into the
   * page (see the design note).
   */
  passes: number;
  /** true when the TOC numbers were drawn into the printed PDF (cap-toc.ts). */
  tocDicap: boolean;
  /** URLs the page tried to load and that were refused. */
  blocked: string[];
  /** Layout audit of the loaded page (audit.ts), when asked for. */
  audit?: HasilAudit;
  /** The document as printed (floated, TOC numbers filled in), when asked for with `htmlAkhir`. */
  htmlAkhir?: string;
}

export interface PrintOptions {
  /** Per-pass limit; default the session's. */
  timeoutMs?: number;
  /** Awaited after each full print pass (1-based); a test pauses a build mid-print here. */
  afterPass?: (pass: number) => Promise<void>;
  /** Run the layout audit (audit.ts) on the loaded page before printing. */
  audit?: boolean;
  /**
   * Run the audit in a second page of its own, alongside the measuring and printing of the first
   * (one more load of the document, in another renderer process): for a build with one document,
   * where Chromium would leave a core idle.
   */
  auditTerpisah?: boolean;
  /**
   * Let landscape tables float forward when the portrait page before them would stay mostly
   * empty (apung.ts; default on).
   */
  apung?: boolean;
  /**
   * Draw the TOC numbers into the printed PDF (default on); off, they are written into the page
   * and it is printed again, as when they cannot be drawn.
   */
  capToc?: boolean;
  /** Also return the document as printed (the benchmark's floor prints it). */
  htmlAkhir?: boolean;
}

/** Placeholder for the first print when the numbers go into the page: two digits, the width of most. */
const PLACEHOLDER = '00';
const MAX_PASSES = 3;

export async function printPdf(session: BrowserSession, doc: PdfSource, options: PrintOptions = {}): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? session.timeoutMs;
  const marks = scanHtml(doc.html);
  const needed = neededIds(marks);
  checkTargetsExist(marks, needed);
  const html = injectAnchorLinks(doc.html, needed);

  const page = await session.newPage();
  let dimuat: Promise<void> = Promise.resolve();
  // The audit's own page loads once the print page has: the two loads would slow each other, and
  // only the print page's is on the way to the PDF.
  const auditLain = options.audit && options.auditTerpisah ? auditDiHalamanLain(session, html, doc.baseUrl, timeoutMs, () => dimuat) : undefined;
  auditLain?.catch(() => undefined);
  try {
    dimuat = jejak('muat halaman', () => page.load(html, doc.baseUrl, timeoutMs), 'chromium');
    await dimuat;
    let audit: HasilAudit | undefined;
    let aturan: AturanHalaman[] = [];
    let kotak: KotakToc[] = [];
    let urutan: string[] = [];
    const ukur = async (): Promise<void> => {
      const sesi = await bukaSesiUkur(page.page);
      try {
        const survei = await sesi.jalankan(surveiDiHalaman, { dipakai: options.audit === true && !auditLain });
        aturan = survei.aturan;
        if (options.audit && !auditLain) audit = await jejak('audit', () => auditHalaman(sesi, undefined, survei), 'chromium');
        const apung = options.apung !== false;
        const siap = await jejak('apung dan daftar isi', () => siapkanCetak(sesi, aturan, { apung, toc: marks.tocTargets.length > 0 }), 'chromium');
        kotak = siap.kotak;
        if (siap.persiapan.run.length > 0) {
          await jejak('apung terapkan', () => terapkanApung(sesi, rencanaApung(siap.persiapan, siap.terpakai)), 'chromium');
        }
        if (marks.tocTargets.length > 0) {
          if (options.capToc === false || !bisaDicap(kotak)) {
            kotak = [];
            await sesi.jalankan(isiTocDiHalaman, { label: {}, cadangan: PLACEHOLDER });
          }
        }
        // Floating moves blocks: the outline follows the order they print in.
        if (marks.bookmarks.length > 0) urutan = await sesi.jalankan(urutanIdDiHalaman, '[data-bookmark]');
      } finally {
        await sesi.tutup();
      }
    };
    await jejak('ukur (audit, apung, toc)', () => page.guard(ukur(), timeoutMs, 'memeriksa tata letak'), 'chromium');
    const bookmarks = urutkanBookmark(marks.bookmarks, urutan);

    let labels: Map<string, string> | undefined;
    let dicap = kotak.length > 0;
    for (let passes = 1; ; passes++) {
      const raw = await cetak(page, timeoutMs);
      await options.afterPass?.(passes);
      const pdfDoc = await jejak('pdf-lib muat', () => PDFDocument.load(raw, { updateMetadata: false }));
      const anchors = readNamedDestinations(pdfDoc);
      checkAnchorsPrinted(needed, anchors);
      const frontCount = marks.pageStartId === undefined ? 0 : (anchors.get(marks.pageStartId) as Anchor).page - 1;
      const fresh = new Map(marks.tocTargets.map((id) => [id, pageLabel((anchors.get(id) as Anchor).page, frontCount)]));
      let selesai = marks.tocTargets.length === 0 || (labels !== undefined && sameLabels(labels, fresh));
      if (!selesai && dicap) {
        const rencana = rencanaCapToc(kotak, anchors, (id) => fresh.get(id) ?? '');
        if (rencana) {
          const ukuran = await ukurLabel(page, rencana, timeoutMs);
          selesai = capLabelToc(pdfDoc, rencana, ukuran, anchors, aturan);
        }
        // A number that cannot be drawn goes into the page, which is printed again.
        dicap = selesai;
      }
      if (selesai) {
        removeNamedDestinations(pdfDoc, PREFIX_CAP);
        for (const id of [...anchors.keys()]) if (id.startsWith(PREFIX_CAP)) anchors.delete(id);
        const printed = await finish(pdfDoc, doc.meta, bookmarks, anchors, frontCount, fresh, passes, page.blocked);
        printed.tocDicap = dicap;
        if (auditLain) audit = await auditLain;
        if (audit !== undefined) printed.audit = audit;
        if (options.htmlAkhir) printed.htmlAkhir = await htmlTercetak(page, fresh, timeoutMs);
        return printed;
      }
      if (passes >= MAX_PASSES) throw unstable(labels ?? new Map(), fresh);
      labels = fresh;
      await isiToc(page, labels, timeoutMs);
    }
  } finally {
    // a crashed page must not hide the error that crashed it
    await page.close().catch(() => undefined);
  }
}

/**
 * In one evaluation of the loaded page, the steps before the print that lay it out: the runs of
 * landscape blocks (apung.ts) with their markers and followers' heights, and the TOC number boxes
 * with their markers (cap-toc.ts), both at the portrait page's printable width; then the document
 * as page-sized columns for the markers' places on their pages (ramal-halaman.ts). The root element
 * keeps that width across the steps, so the document is laid out twice instead of once per step.
 */
async function siapkanCetak(
  sesi: SesiUkur,
  aturan: readonly AturanHalaman[],
  opsi: { apung: boolean; toc: boolean },
): Promise<{ persiapan: PersiapanApung; terpakai: Map<string, number>; kotak: KotakToc[] }> {
  const pxPerMm = 96 / 25.4;
  const geometri: Record<string, { lebar: number; tinggi: number }> = {};
  for (const nama of new Set(['', ...aturan.map((a) => a.nama)])) {
    const g = geometriHalaman(aturan, nama);
    geometri[nama] = { lebar: g.lebarCetakMm * pxPerMm, tinggi: g.tinggiCetakMm * pxPerMm };
  }
  const arg = {
    lebar: Math.floor(geometriHalaman(aturan, '').lebarCetakMm * pxPerMm),
    geometri,
    apung: opsi.apung,
    toc: opsi.toc,
    prefixApung: PREFIX_PENANDA,
    prefixToc: PREFIX_CAP,
  };
  const sumber = `(() => {
    const siapkan = ${siapkanDiHalaman.toString()};
    const tandai = ${tandaiTocDiHalaman.toString()};
    const ramal = ${ramalDiHalaman.toString()};
    const arg = ${JSON.stringify(arg)};
    const akar = document.documentElement;
    const gayaAkar = akar.getAttribute('style');
    akar.style.width = arg.lebar + 'px';
    try {
      const run = arg.apung ? siapkan({ prefix: arg.prefixApung, lebar: arg.lebar }) : [];
      const kotak = arg.toc ? tandai({ prefix: arg.prefixToc }) : [];
      const perHalaman = {};
      for (const r of run) (perHalaman[r.halaman] ??= []).push(r.id);
      const posisi = {};
      for (const [h, ids] of Object.entries(perHalaman)) {
        const g = arg.geometri[h] ?? arg.geometri[''];
        ramal({ lebar: g.lebar, tinggi: g.tinggi, ids }).forEach((p, i) => { posisi[ids[i]] = p; });
      }
      return { run, kotak, posisi };
    } finally {
      if (gayaAkar === null) akar.removeAttribute('style');
      else akar.setAttribute('style', gayaAkar);
    }
  })()`;
  const r = await sesi.jalankanSumber<{ run: RunApung[]; kotak: KotakToc[]; posisi: Record<string, PosisiRamalan | null> }>(sumber);
  const terpakai = new Map<string, number>();
  for (const [id, p] of Object.entries(r.posisi)) if (p) terpakai.set(id, Math.max(0, p.atasPx));
  return { persiapan: { aturan: [...aturan], run: r.run }, terpakai, kotak: r.kotak };
}

/** The layout audit of `html` in a page of its own (see PrintOptions.auditTerpisah). */
async function auditDiHalamanLain(session: BrowserSession, html: string, baseUrl: string, timeoutMs: number, setelah: () => Promise<void>): Promise<HasilAudit> {
  const page = await session.newPage();
  try {
    await setelah().catch(() => undefined);
    await jejak('muat halaman audit', () => page.load(html, baseUrl, timeoutMs), 'chromium');
    const ukur = async (): Promise<HasilAudit> => {
      const sesi = await bukaSesiUkur(page.page);
      try {
        return await auditHalaman(sesi);
      } finally {
        await sesi.tutup();
      }
    };
    return await jejak('audit', () => page.guard(ukur(), timeoutMs, 'memeriksa tata letak'), 'chromium');
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Writes the TOC numbers into the loaded page (markers removed with the box's old content). */
async function isiToc(page: PrintPage, labels: Map<string, string>, timeoutMs: number): Promise<void> {
  const isi = async (): Promise<void> => {
    const sesi = await bukaSesiUkur(page.page);
    try {
      await sesi.jalankan(isiTocDiHalaman, { label: Object.fromEntries(labels), cadangan: PLACEHOLDER });
    } finally {
      await sesi.tutup();
    }
  };
  await page.guard(isi(), timeoutMs, 'mengisi daftar isi');
}

/** Chromium's layout of each number in its box (cap-toc.ts), measured in the printed page. */
async function ukurLabel(page: PrintPage, rencana: readonly LabelCap[], timeoutMs: number): Promise<(UkuranLabel | null)[]> {
  const ukur = async (): Promise<(UkuranLabel | null)[]> => {
    const sesi = await bukaSesiUkur(page.page);
    try {
      return await sesi.jalankan(ukurLabelDiHalaman, { label: rencana.map((r): [string, string] => [r.kotak.id, r.teks]) });
    } finally {
      await sesi.tutup();
    }
  };
  return jejak('ukur nomor toc', () => page.guard(ukur(), timeoutMs, 'mengukur nomor daftar isi'), 'chromium');
}

async function htmlTercetak(page: PrintPage, labels: Map<string, string>, timeoutMs: number): Promise<string> {
  const baca = async (): Promise<string> => {
    const sesi = await bukaSesiUkur(page.page);
    try {
      await sesi.jalankan(isiTocDiHalaman, { label: Object.fromEntries(labels), cadangan: PLACEHOLDER });
      return await sesi.jalankan(() => `<!doctype html>\n${document.documentElement.outerHTML}\n`, undefined);
    } finally {
      await sesi.tutup();
    }
  };
  return page.guard(baca(), timeoutMs, 'membaca HTML');
}

/** In the page: every TOC number box gets its label (or the placeholder), replacing what it held. */
export function isiTocDiHalaman(arg: { label: Record<string, string>; cadangan: string }): void {
  for (const kotak of Array.from(document.querySelectorAll('.toc-page[data-target]'))) {
    kotak.textContent = arg.label[kotak.getAttribute('data-target') ?? ''] ?? arg.cadangan;
  }
}

/** In the page: the ids of the elements matching `pilih`, in document order. */
export function urutanIdDiHalaman(pilih: string): string[] {
  return Array.from(document.querySelectorAll(pilih)).map((el) => el.id);
}

/** The bookmarks in the order their headings print (stable for ids the page does not list). */
function urutkanBookmark(bookmarks: readonly Bookmark[], urutan: readonly string[]): Bookmark[] {
  if (urutan.length === 0) return [...bookmarks];
  const posisi = new Map(urutan.map((id, i) => [id, i]));
  return bookmarks
    .map((b, i) => ({ b, i }))
    .sort((x, y) => (posisi.get(x.b.id) ?? Infinity) - (posisi.get(y.b.id) ?? Infinity) || x.i - y.i)
    .map((x) => x.b);
}

async function cetak(page: PrintPage, timeoutMs: number): Promise<Uint8Array> {
  return jejak(
    'cetak',
    () =>
      page.guard(
        page.page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: false,
          outline: false,
          timeout: timeoutMs,
        }),
        timeoutMs,
        'mencetak PDF',
      ),
    'chromium',
  );
}

async function finish(
  pdfDoc: PDFDocument,
  meta: PdfMeta,
  bookmarks: readonly Bookmark[],
  anchors: Map<string, Anchor>,
  frontCount: number,
  tocLabels: Map<string, string>,
  passes: number,
  blocked: string[],
): Promise<PrintedPdf> {
  writeOutline(pdfDoc, bookmarks, anchors);
  writePageLabels(pdfDoc, frontCount);
  writeMetadata(pdfDoc, meta);
  const pages = pdfDoc.getPages().map((_, index) => ({
    number: index + 1,
    label: pageLabel(index + 1, frontCount),
    landscape: isLandscape(pdfDoc, index),
  }));
  const pdf = await jejak('pdf-lib simpan', () => saveDeterministic(pdfDoc));
  return {
    pdf,
    pages,
    anchors: Object.fromEntries([...anchors].map(([id, anchor]) => [id, anchor.page])),
    tocLabels: Object.fromEntries(tocLabels),
    passes,
    tocDicap: false,
    blocked: [...new Set(blocked)],
  };
}

function neededIds(marks: HtmlMarks): string[] {
  const ids = [...marks.tocTargets, ...marks.bookmarks.map((b) => b.id)];
  if (marks.pageStartId !== undefined) ids.push(marks.pageStartId);
  if (marks.tocId !== undefined) ids.push(marks.tocId);
  return [...new Set(ids)];
}

function checkTargetsExist(marks: HtmlMarks, needed: readonly string[]): void {
  const missing = needed.filter((id) => !marks.ids.has(id));
  if (missing.length > 0) {
    throw new ExportError(
      'LKJ504',
      `Daftar isi/bookmark menunjuk ke id yang tidak ada di HTML: ${missing.join(', ')}`,
      'Ini kesalahan templat: setiap data-target pada .toc-page harus sama dengan id sebuah judul.',
    );
  }
  const dup = needed.filter((id) => marks.duplicateIds.includes(id));
  if (dup.length > 0) {
    throw new ExportError(
      'LKJ504',
      `Id dipakai lebih dari sekali di HTML, halaman daftar isi jadi ambigu: ${dup.join(', ')}`,
      'Ini kesalahan templat: buat id judul unik (misalnya tambahkan nomor bab).',
    );
  }
}

function checkAnchorsPrinted(needed: readonly string[], anchors: Map<string, Anchor>): void {
  const missing = needed.filter((id) => !anchors.has(id));
  if (missing.length > 0) {
    throw new ExportError(
      'LKJ504',
      `Elemen berikut tidak tercetak di halaman mana pun (tersembunyi atau kosong?): ${missing.join(', ')}`,
      'Ini kesalahan templat: judul yang dirujuk daftar isi atau bookmark harus terlihat di dokumen.',
    );
  }
}

function sameLabels(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

function unstable(before: Map<string, string>, after: Map<string, string>): ExportError {
  const moved = [...after].filter(([id, label]) => before.get(id) !== label).map(([id, label]) => `${id}: ${before.get(id)} -> ${label}`);
  return new ExportError(
    'LKJ505',
    `Nomor halaman daftar isi masih berubah setelah ${MAX_PASSES} kali cetak (${moved.join('; ')}).`,
    'Biasanya daftar isi tepat berada di batas halaman; beri ruang pada halaman daftar isi (mis. jarak antarbaris) ' +
      'atau laporkan sebagai bug.',
  );
}
