/**
 * The paginated column layout (src/export/ramal-halaman.ts) knows before printing where the print
 * will put things: for every landscape table of both agencies' documents, how far down its page
 * the portrait text before it ends, compared with the marker's destination in a real print.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { ramalApung, siapkanApung, terpakaiDariTujuan } from '../../src/export/apung.js';
import { openBrowser, type BrowserSession } from '../../src/export/browser.js';
import { injectAnchorLinks } from '../../src/export/html-marks.js';
import { destinationTop, readNamedDestinations } from '../../src/export/pdf-structure.js';
import { bukaSesiUkur } from '../../src/export/sesi-ukur.js';
import { templatesDir } from '../../src/render/assets.js';

const root = path.resolve(__dirname, '../..');
const kerja = mkdtempSync(path.join(tmpdir(), 'lkjip-ramal-'));
let session: BrowserSession;

const DOKUMEN = [
  { nama: 'bundled', data: path.join(root, 'data'), tahun: 2024 },
  { nama: 'opd-contoh', data: path.join(root, 'test/fixtures/opd-contoh/data'), tahun: 2026 },
];

beforeAll(async () => {
  for (const d of DOKUMEN) {
    const io = memoryIo();
    const code = await run(['build', String(d.tahun), '--data', d.data, '--out', path.join(kerja, d.nama), '--format', 'html'], io);
    expect(code, io.stderr).toBe(0);
  }
  session = await openBrowser();
}, 180_000);

afterAll(async () => {
  await session?.close();
  rmSync(kerja, { recursive: true, force: true });
}, 60_000);

describe('pagination known before printing', { timeout: 120_000 }, () => {
  const kasus = DOKUMEN.flatMap((d) => (['lkjip', 'renja'] as const).map((jenis) => ({ ...d, jenis })));
  it.each(kasus)('$nama $jenis: the used height above every landscape table equals the print', async ({ nama, tahun, jenis }) => {
    const html = readFileSync(path.join(kerja, nama, String(tahun), `${jenis}-${tahun}.html`), 'utf8');
    const page = await session.newPage();
    try {
      await page.load(injectAnchorLinks(html, ['x']), pathToFileURL(`${templatesDir()}/`).href);
      const sesi = await bukaSesiUkur(page.page);
      const persiapan = await siapkanApung(sesi);
      const ramalan = await ramalApung(sesi, persiapan);
      await sesi.tutup();
      const doc = await PDFDocument.load(await page.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false }));
      const tujuan = readNamedDestinations(doc);
      for (const r of persiapan.run) {
        const a = tujuan.get(r.id);
        expect(a, r.id).toBeDefined();
        const cetak = terpakaiDariTujuan(destinationTop(a as NonNullable<typeof a>) as number, persiapan.aturan, r.halaman).terpakaiPx;
        const ramal = ramalan.get(r.id) as number;
        const tinggi = terpakaiDariTujuan(0, persiapan.aturan, r.halaman).tinggiCetakPx;
        // A marker after a block ending at the page foot (opd-contoh renja, after Tabel 2.4): the
        // print places it a few px above the foot, the columns at the foot; both say "full page",
        // all the float needs. Anywhere else the destination, rounded to whole CSS px, is exact.
        if (cetak > 0.98 * tinggi) expect(ramal, `${r.id}: ramalan ${ramal}, cetak ${cetak}`).toBeGreaterThan(0.98 * tinggi);
        else expect(Math.abs(ramal - cetak), `${r.id}: ramalan ${ramal}, cetak ${cetak}`).toBeLessThan(1.5);
      }
    } finally {
      await page.close();
    }
  });

  it('has landscape tables to check in the bundled documents', async () => {
    const html = readFileSync(path.join(kerja, 'bundled', '2024', 'lkjip-2024.html'), 'utf8');
    const page = await session.newPage();
    try {
      await page.load(html, pathToFileURL(`${templatesDir()}/`).href);
      const sesi = await bukaSesiUkur(page.page);
      expect((await siapkanApung(sesi)).run.length).toBeGreaterThanOrEqual(3);
      await sesi.tutup();
    } finally {
      await page.close();
    }
  });
});
