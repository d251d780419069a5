/**
 * One Chromium and one temp folder per test file that prints (registered as beforeAll/afterAll),
 * and the printed PDF read back as text per page with pdftotext, for the export tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/export/browser.js';

export interface CetakUji {
  /** The file's browser session (after beforeAll). */
  readonly sesi: BrowserSession;
  /** Writes the PDF into the temp folder and returns its path. */
  berkas(pdf: Uint8Array): string;
  /** pdftotext -layout of the PDF, split at form feeds (one text per page, plus what follows the last). */
  teksHalaman(pdf: Uint8Array): string[];
}

export function pakaiCetakUji(awalan: string): CetakUji {
  let sesi: BrowserSession | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `lkjip-${awalan}-`));
    sesi = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await sesi?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const berkas = (pdf: Uint8Array): string => {
    const file = join(dir, `${awalan}-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, pdf);
    return file;
  };
  return {
    get sesi() {
      if (!sesi) throw new Error('browser belum dibuka (dipakai di luar tes?)');
      return sesi;
    },
    berkas,
    teksHalaman: (pdf) => execFileSync('pdftotext', ['-layout', berkas(pdf), '-'], { encoding: 'utf8' }).split('\f'),
  };
}
