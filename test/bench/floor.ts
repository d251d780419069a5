/**
 * The floor of the PDF benchmarks: a fresh process that launches Chromium (same executable and
 * flags as lkjip) and prints already-final HTML files, all at once in that one browser, with the
 * same page.pdf options. Nothing of lkjip's own work (data, calculation, rendering, layout audit,
 * floating tables, TOC numbers, bookmarks, workbooks) is in it.
 *
 *   node dist/test/bench/floor.js <out-folder> <file.html> [<file.html> ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../../src/export/browser.js';

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
  console.error('pakai: node dist/test/bench/floor.js <folder-keluaran> <file.html> [...]');
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: [...CHROMIUM_ARGS] });
try {
  await Promise.all(
    files.map(async (file) => {
      const page = await browser.newPage();
      await page.emulateFocusedPage(true);
      await page.setJavaScriptEnabled(false);
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
      writeFileSync(path.join(out, `${path.basename(file, '.html')}.pdf`), pdf);
    }),
  );
} finally {
  await browser.close();
}
for (const file of files) readFileSync(path.join(out, `${path.basename(file, '.html')}.pdf`));
