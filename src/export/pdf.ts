/**
 * HTML -> PDF, document-agnostic.
 *
 * Design note
 * - Why several passes: Chromium has no `target-counter()`, so the HTML cannot ask "on which page
 *   is #bab-2?". The page of an element is only known after printing. Pass 1 prints with
 *   placeholder numbers in the TOC, reads the PDF's named destinations (Chromium writes one per
 *   linked id; we add hidden links for every id we need) and maps each id to its physical page.
 *   Pass 2 prints again with the real numbers written into the HTML (string replacement, no page
 *   JavaScript). Filling the TOC can shift pages (a number wider than the placeholder wraps a
 *   line, the TOC grows a page), so pass 2's destinations are read again: if any TOC number would
 *   change, pass 3 prints with the corrected numbers, and if that still moves, LKJ505.
 * - How numbers are checked: the number shown in the TOC for #id is `pageLabel(physical page of
 *   #id, F)`, the same function that describes what the footer prints (see page-numbers.ts:
 *   front-matter pages print roman(p), main-matter pages print p - F, F = pages before the
 *   `data-page-start` element). The relation between footer and physical page is fixed by
 *   PAGE_NUMBER_CSS and verified in test/export by extracting the text of the printed PDF: the
 *   footer of the page where each heading stands equals the TOC entry.
 * - After the last pass the PDF is rewritten with pdf-lib: outline from `data-bookmark` headings,
 *   /PageLabels matching the footers, our metadata with fixed dates, and /ID from a content hash,
 *   so the same HTML gives byte-identical files.
 */
import { PDFDocument } from 'pdf-lib';
import { PREFIX_PENANDA, rencanaApung, siapkanApung, terapkanApung, type PersiapanApung } from './apung.js';
import { auditHalaman, type HasilAudit } from './audit.js';
import { bukaSesiUkur } from './sesi-ukur.js';
import type { BrowserSession, PrintPage } from './browser.js';
import { ExportError } from './export-error.js';
import { fillTocPages, injectAnchorLinks, scanHtml, type HtmlMarks } from './html-marks.js';
import { pageLabel } from './page-numbers.js';
import {
  destinationTop,
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
  /** Number of Chromium prints it took (2 with a TOC, 1 without, 3 when pass 2 moved pages). */
  passes: number;
  /** URLs the page tried to load and that were refused. */
  blocked: string[];
  /** Layout audit of the loaded page (audit.ts), when asked for. */
  audit?: HasilAudit;
}

export interface PrintOptions {
  /** Per-pass limit; default the session's. */
  timeoutMs?: number;
  /** Awaited after each full print pass (1-based); a test pauses a build mid-print here. */
  afterPass?: (pass: number) => Promise<void>;
  /**
   * Run the layout audit (audit.ts) on the loaded page before the first print. Once is enough:
   * later passes change only the digits of the table of contents, inside fixed-width boxes.
   */
  audit?: boolean;
  /**
   * Let landscape tables float forward when the portrait page before them would stay mostly
   * empty (apung.ts; default on). Costs one more full print when something moves.
   */
  apung?: boolean;
}

/** Placeholder for pass 1: two digits, the width of most final numbers. */
const PLACEHOLDER = '00';
const MAX_PASSES = 3;

export async function printPdf(session: BrowserSession, doc: PdfSource, options: PrintOptions = {}): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? session.timeoutMs;
  let marks = scanHtml(doc.html);
  const needed = neededIds(marks);
  checkTargetsExist(marks, needed);
  let html = injectAnchorLinks(doc.html, needed);

  const page = await session.newPage();
  try {
    let labels: Map<string, string> | undefined;
    let passes = 0;
    let maxPasses = MAX_PASSES;
    let audit: HasilAudit | undefined;
    let apung: PersiapanApung | undefined;
    // After the first full print whose layout is final, the cheap TOC-only reprint is tried once.
    let spliceTried = false;
    const beforeFirst = async (): Promise<void> => {
      if (!options.audit && options.apung === false) return;
      const ukur = async (): Promise<void> => {
        const sesi = await bukaSesiUkur(page.page);
        try {
          if (options.audit) audit = await auditHalaman(sesi);
          if (options.apung !== false) apung = await siapkanApung(sesi);
        } finally {
          await sesi.tutup();
        }
      };
      await page.guard(ukur(), timeoutMs, 'memeriksa tata letak');
    };
    for (;;) {
      passes += 1;
      const used = labels;
      const raw = await printOnce(
        page,
        fillTocPages(html, (id) => used?.get(id) ?? PLACEHOLDER),
        doc.baseUrl,
        timeoutMs,
        '',
        passes === 1 ? beforeFirst : undefined,
      );
      await options.afterPass?.(passes);
      const pdfDoc = await PDFDocument.load(raw, { updateMetadata: false });
      const anchors = readNamedDestinations(pdfDoc);
      checkAnchorsPrinted(needed, anchors);
      const frontCount = marks.pageStartId === undefined ? 0 : (anchors.get(marks.pageStartId) as Anchor).page - 1;
      const fresh = new Map(marks.tocTargets.map((id) => [id, pageLabel((anchors.get(id) as Anchor).page, frontCount)]));
      if (apung) {
        const persiapan = apung;
        apung = undefined;
        const posisi = new Map<string, { topPt: number }>();
        for (const r of persiapan.run) {
          const a = anchors.get(r.id);
          const top = a === undefined ? undefined : destinationTop(a);
          if (top !== undefined) posisi.set(r.id, { topPt: top });
        }
        const pindah = rencanaApung(persiapan, posisi);
        if (pindah.some((p) => p.k > 0)) {
          // Blocks moved: print the new order in full (one pass more than without moves).
          html = await page.guard(terapkanApung(page.page, pindah), timeoutMs, 'menata tabel lanskap');
          marks = scanHtml(html);
          labels = fresh;
          maxPasses += 1;
          continue;
        }
        removeNamedDestinations(pdfDoc, PREFIX_PENANDA);
        for (const id of [...anchors.keys()]) if (id.startsWith(PREFIX_PENANDA)) anchors.delete(id);
      }
      const stable = marks.tocTargets.length === 0 || (used !== undefined && sameLabels(used, fresh));
      if (stable) return withAudit(await finish(pdfDoc, doc.meta, marks, anchors, frontCount, fresh, passes, page.blocked), audit);
      if (passes >= maxPasses) throw unstable(used ?? new Map(), fresh);
      if (!spliceTried) {
        spliceTried = true;
        const spliced = await reprintTocOnly(page, html, doc.baseUrl, timeoutMs, marks, anchors, fresh, pdfDoc);
        if (spliced) return withAudit(await finish(pdfDoc, doc.meta, marks, anchors, frontCount, fresh, passes + 1, page.blocked), audit);
      }
      labels = fresh;
    }
  } finally {
    // a crashed page must not hide the error that crashed it
    await page.close().catch(() => undefined);
  }
}

/**
 * The cheap second pass. Writing the numbers into the TOC changes only the TOC's own text, and the
 * template gives every number a fixed-width box, so no page moves: only the TOC's pages need
 * printing again (Chromium still lays out the whole document, but emitting a few pages instead of
 * all of them saves most of a pass). The partial print includes the first page after the TOC, and
 * every anchor on those pages must sit on the same page as in pass 1; otherwise (a number did not
 * fit its box, the TOC grew a page) this returns false and the caller prints in full again.
 */
async function reprintTocOnly(
  page: PrintPage,
  html: string,
  baseUrl: string,
  timeoutMs: number,
  marks: HtmlMarks,
  anchors: Map<string, Anchor>,
  labels: Map<string, string>,
  full: PDFDocument,
): Promise<boolean> {
  const tocStart = marks.tocId === undefined ? undefined : anchors.get(marks.tocId)?.page;
  if (tocStart === undefined) return false;
  // The first page after all the lists (Daftar Isi, Daftar Tabel, Daftar Gambar), whose own
  // headings are anchors too.
  const after = [...anchors].filter(([id, a]) => marks.idsAfterToc.has(id) && a.page > tocStart).map(([, a]) => a.page);
  if (after.length === 0) return false;
  const next = Math.min(...after);
  const raw = await printOnce(page, fillTocPages(html, (id) => labels.get(id) ?? PLACEHOLDER), baseUrl, timeoutMs, `${tocStart}-${next}`);
  const part = await PDFDocument.load(raw, { updateMetadata: false });
  if (part.getPageCount() !== next - tocStart + 1) return false;
  const partAnchors = readNamedDestinations(part);
  for (const [id, a] of anchors) {
    if (a.page < tocStart || a.page > next) continue;
    if (partAnchors.get(id)?.page !== a.page - tocStart + 1) return false;
  }
  const count = next - tocStart;
  const copies = await full.copyPages(part, Array.from({ length: count }, (_, i) => i));
  for (let i = 0; i < count; i++) {
    full.removePage(tocStart - 1 + i);
    full.insertPage(tocStart - 1 + i, copies[i]!);
  }
  return true;
}

function withAudit(printed: PrintedPdf, audit: HasilAudit | undefined): PrintedPdf {
  return audit === undefined ? printed : { ...printed, audit };
}

async function printOnce(
  page: PrintPage,
  html: string,
  baseUrl: string,
  timeoutMs: number,
  pageRanges = '',
  beforePrint?: () => Promise<void>,
): Promise<Uint8Array> {
  await page.load(html, baseUrl, timeoutMs);
  if (beforePrint) await beforePrint();
  return page.guard(
    page.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: false,
      outline: false,
      pageRanges,
      timeout: timeoutMs,
    }),
    timeoutMs,
    'mencetak PDF',
  );
}

async function finish(
  pdfDoc: PDFDocument,
  meta: PdfMeta,
  marks: HtmlMarks,
  anchors: Map<string, Anchor>,
  frontCount: number,
  tocLabels: Map<string, string>,
  passes: number,
  blocked: string[],
): Promise<PrintedPdf> {
  writeOutline(pdfDoc, marks.bookmarks, anchors);
  writePageLabels(pdfDoc, frontCount);
  writeMetadata(pdfDoc, meta);
  const pages = pdfDoc.getPages().map((_, index) => ({
    number: index + 1,
    label: pageLabel(index + 1, frontCount),
    landscape: isLandscape(pdfDoc, index),
  }));
  const pdf = await saveDeterministic(pdfDoc);
  return {
    pdf,
    pages,
    anchors: Object.fromEntries([...anchors].map(([id, anchor]) => [id, anchor.page])),
    tocLabels: Object.fromEntries(tocLabels),
    passes,
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
