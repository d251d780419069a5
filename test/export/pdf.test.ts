import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/export/browser.js';
import { ExportError } from '../../src/export/export-error.js';
import { printPdf, type PrintedPdf } from '../../src/export/pdf.js';
import { barChart, renderChartSvg } from '../../src/render/charts.js';
import { SAMPLE_BASE_URL, SAMPLE_HEADINGS, sampleHtml } from './sample-document.js';

const META = {
  title: 'Laporan Kinerja Contoh',
  author: 'Dinas Contoh',
  subject: 'LKJIP 2024',
  keywords: ['LKJIP', '2024'],
  creator: 'lkjip test',
  date: new Date('2025-02-14T08:00:00Z'),
};

let session: BrowserSession;
let first: PrintedPdf;
let pageTexts: string[];
let dir: string;
let html: string;

function pdftotextPages(pdf: Uint8Array): string[] {
  const file = join(dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** The footer is the last non-empty line of a page's text. */
function footerOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkjip-pdf-'));
  html = sampleHtml(
    await renderChartSvg(
      barChart({
        title: 'Grafik Capaian IKU',
        categories: ['IKU-1', 'IKU-2'],
        series: [{ name: '2023', values: [95.5, 100] }, { name: '2024', values: [101.25, null] }],
        yTitle: 'Capaian (%)',
      }),
    ),
  );
  session = await openBrowser();
  first = await printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta: META });
  pageTexts = pdftotextPages(first.pdf);
}, 180_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

// Chromium on a busy CI machine: generous limits, one browser for the whole file.
describe('printPdf on the sample document', { timeout: 120_000 }, () => {
  it('prints TOC numbers equal to the footer of the page each heading stands on', () => {
    const tocPage = pageTexts.find((t) => t.includes('DAFTAR ISI')) as string;
    expect(tocPage).toBeDefined();
    expect(first.passes).toBeGreaterThanOrEqual(2);
    for (const h of SAMPLE_HEADINGS) {
      const line = tocPage.split('\n').find((l) => l.includes(h.text)) as string;
      const shown = /(\S+)\s*$/.exec(line)?.[1];
      const physical = first.anchors[h.id] as number;
      const headingPage = pageTexts[physical - 1] as string;
      expect(headingPage, h.id).toContain(h.text);
      expect(shown, h.id).toBe(footerOf(headingPage));
      expect(shown, h.id).toBe(first.tocLabels[h.id]);
    }
  });

  it('numbers the front matter in roman (cover blank) and the main matter from 1', () => {
    expect(footerOf(pageTexts[0] as string)).toBe('LAPORAN KINERJA CONTOH');
    expect(first.tocLabels['kata-pengantar']).toBe('ii');
    expect(first.tocLabels['bab-1']).toBe('1');
    const labels = first.pages.map((p) => p.label);
    pageTexts.slice(1).forEach((text, i) => expect(footerOf(text)).toBe(labels[i + 1]));
  });

  it('makes the appendix pages landscape and the others portrait', async () => {
    const doc = await PDFDocument.load(first.pdf);
    const appendix = first.anchors['lampiran'] as number;
    doc.getPages().forEach((page, i) => {
      const { width, height } = page.getSize();
      expect(width > height, `page ${i + 1}`).toBe(i + 1 >= appendix);
      expect(first.pages[i]?.landscape).toBe(width > height);
    });
  });

  it('writes an outline with the chapters, sub-chapters nested', async () => {
    const doc = await PDFDocument.load(first.pdf);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles = (parent: PDFDict): { title: string; page: number; children: unknown[] }[] => {
      const out: { title: string; page: number; children: unknown[] }[] = [];
      let ref = parent.get(PDFName.of('First'));
      const pageRefs = doc.getPages().map((p) => p.ref.toString());
      while (ref instanceof PDFRef) {
        const item = doc.context.lookup(ref, PDFDict);
        const title = item.lookup(PDFName.of('Title'));
        const dest = item.lookup(PDFName.of('Dest'), PDFArray);
        out.push({
          title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
          page: pageRefs.indexOf(String(dest.get(0))) + 1,
          children: titles(item),
        });
        ref = item.get(PDFName.of('Next'));
      }
      return out;
    };
    const tree = titles(outlines);
    expect(tree.map((t) => t.title)).toEqual(['KATA PENGANTAR', 'BAB I PENDAHULUAN', 'BAB II TABEL PANJANG', 'BAB III PENUTUP', 'LAMPIRAN MATRIKS LEBAR']);
    expect(tree[1]?.children).toEqual([
      { title: '1.1 Latar Belakang', page: first.anchors['bab-1-1'], children: [] },
      { title: '1.2 Maksud dan Tujuan', page: first.anchors['bab-1-2'], children: [] },
    ]);
    expect(tree.map((t) => t.page)).toEqual(['kata-pengantar', 'bab-1', 'bab-2', 'bab-3', 'lampiran'].map((id) => first.anchors[id]));
  });

  it('adds no link annotations for the hidden anchor links (only the 8 TOC links)', async () => {
    const doc = await PDFDocument.load(first.pdf);
    const annots = doc.getPages().reduce((n, p) => n + (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.size() ?? 0), 0);
    expect(annots).toBe(SAMPLE_HEADINGS.length);
  });

  it('repeats the table header on every page the long table spans', () => {
    const tablePages = pageTexts.filter((t) => /Baris \d{3}/.test(t));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const text of tablePages) expect(text).toContain('Nomor Urut');
    expect(pageTexts.join('\n')).toContain('Baris 200');
  });

  it('prints escaped script text as text and never runs a script element', () => {
    const all = pageTexts.join('\n');
    expect(all).toContain("<script>document.write('X')</script>");
    expect(all).not.toContain('SKRIP-BERJALAN');
  });

  it('blocks network and files outside the allow-list, but loads the fonts', () => {
    expect(first.blocked).toContain('http://example.com/pixel.png');
    expect(first.blocked).toContain('file:///etc/hostname');
    expect(first.blocked.some((u) => u.includes('arimo'))).toBe(false);
    const file = join(dir, 'fonts.pdf');
    writeFileSync(file, first.pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Arimo-Regular/);
    expect(fonts).toMatch(/Arimo-Bold/);
    // every glyph, footers and chart labels included, is Arimo: no fallback font was needed
    const names = fonts.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]);
    expect(names.filter((n) => !/\+Arimo-/.test(n ?? ''))).toEqual([]);
    expect(pageTexts.join('\n')).toContain('Grafik Capaian IKU');
    expect(pageTexts.join('\n')).toContain('101,25');
  });

  it('sets the metadata with fixed dates and a content-derived /ID', () => {
    const file = join(dir, 'info.pdf');
    writeFileSync(file, first.pdf);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Laporan Kinerja Contoh/);
    expect(info).toMatch(/Author:\s+Dinas Contoh/);
    expect(info).toMatch(/Keywords:\s+LKJIP 2024/);
    expect(info).toMatch(/Producer:\s+lkjip/);
    expect(info).toMatch(/CreationDate:\s+2025-02-14T08:00:00Z/);
    expect(info).toMatch(/ModDate:\s+2025-02-14T08:00:00Z/);
    const raw = Buffer.from(first.pdf).toString('latin1');
    expect(raw).not.toMatch(/HeadlessChrome/);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it('gives byte-identical files for two prints of the same HTML', async () => {
    const again = await printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta: META });
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });

  it('gives the same bytes when printed at the same time as other documents (a background tab)', async () => {
    // Two prints at once in one browser: the first page opened is a background tab while the
    // second prints. A hidden tab culled what lies outside the printed page (here the transformed
    // TOC leaders, as in the real templates) where the front tab emits it clipped: other bytes.
    const geser = html.replace('.toc .dots { flex: 1;', '.toc .dots { flex: 1; transform: translateY(-1pt);');
    expect(geser).not.toBe(html);
    const sendiri = await printPdf(session, { html: geser, baseUrl: SAMPLE_BASE_URL, meta: META });
    const [a, b] = await Promise.all([
      printPdf(session, { html: geser, baseUrl: SAMPLE_BASE_URL, meta: META }),
      printPdf(session, { html: geser, baseUrl: SAMPLE_BASE_URL, meta: META }),
    ]);
    expect(a.pdf.length).toBe(sendiri.pdf.length);
    expect(Buffer.from(a.pdf).equals(Buffer.from(sendiri.pdf))).toBe(true);
    expect(Buffer.from(b.pdf).equals(Buffer.from(sendiri.pdf))).toBe(true);
  });

  it('fails with LKJ504 when a TOC entry points at a missing id', async () => {
    const html = sampleHtml().replace('data-target="bab-3"', 'data-target="bab-9"');
    await expect(printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta: META })).rejects.toMatchObject({ code: 'LKJ504' });
  });

  it('fails with LKJ502 instead of hanging when the render is too slow', async () => {
    const error = await printPdf(session, { html: sampleHtml(), baseUrl: SAMPLE_BASE_URL, meta: META }, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('LKJ502');
  });
});
