/**
 * The floor for the PDF benchmark: a fresh process that launches Chromium (same executable and flags
 * as lkjip) and prints an already-final HTML file once, with the same page.pdf options. Nothing of
 * lkjip's own work (data, calculation, rendering, TOC pass, bookmarks) is in it.
 *
 *   node dist/test/bench/floor.js <file.html> <out.pdf>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../../src/export/browser.js';

const [htmlFile, outFile] = process.argv.slice(2);
if (!htmlFile || !outFile) {
  console.error('pakai: node dist/test/bench/floor.js <file.html> <out.pdf>');
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
  writeFileSync(outFile, pdf);
} finally {
  await browser.close();
}
readFileSync(outFile);
