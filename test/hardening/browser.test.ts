/**
 * Chromium failing under a build: missing, exiting at once, never answering, its page renderer
 * crashing or freezing, the whole browser killed mid-print. Each ends with LKJ501/LKJ502 and exit 3
 * within a bounded time, no stack trace, nothing written to out/, and no browser process left
 * behind. The fakes are small shell scripts made here (a renderer prefix wraps the real renderer
 * of the system Chromium), so the failure is the same on every run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, openBrowser } from '../../src/export/browser.js';
import { isExportError } from '../../src/export/export-error.js';
import { printPdf } from '../../src/export/pdf.js';
import { assetDirs } from '../../src/render/assets.js';
import { pathToFileURL } from 'node:url';
import { isiFolder, jalankan, segarkanData, sidikFolder, STACK } from './corpus.js';

/** A browser case: launch or print limit of 2-3 s, plus the slow start of Chromium on a busy machine. */
const BATAS_BROWSER_MS = 40_000;

let tmp: string;
let chromium: string | undefined;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-hostile-browser-'));
  segarkanData(tmp);
  try {
    chromium = findBrowser({ env: {} });
  } catch {
    chromium = undefined;
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function skrip(nama: string, isi: string): string {
  const p = path.join(tmp, nama);
  writeFileSync(p, `#!/bin/sh\n${isi}\n`);
  chmodSync(p, 0o755);
  return p;
}

/** The real Chromium with every page renderer started through `prefix` (a shell script). */
function denganRenderer(nama: string, prefix: string): string {
  const pre = skrip(`${nama}-renderer.sh`, prefix);
  return skrip(`${nama}.sh`, `exec "${chromium}" --renderer-cmd-prefix="${pre}" "$@"`);
}

async function build(executable: string, timeout = '3') {
  const out = path.join(tmp, 'out');
  rmSync(out, { recursive: true, force: true });
  const sebelum = sidikFolder(path.join(tmp, 'data'));
  const r = await jalankan(
    ['build', '2024', '--data', 'data', '--out', 'out', '--only', 'lkjip', '--format', 'pdf,html', '--timeout', timeout],
    tmp,
    { PUPPETEER_EXECUTABLE_PATH: executable },
  );
  expect(r.stderr).not.toMatch(STACK);
  expect(r.ms).toBeLessThan(BATAS_BROWSER_MS);
  // all or nothing: the HTML was ready, but without its PDF nothing is written
  expect(isiFolder(out)).toEqual([]);
  expect(sidikFolder(path.join(tmp, 'data'))).toBe(sebelum);
  return r;
}

describe('Chromium failures', () => {
  it('missing: PUPPETEER_EXECUTABLE_PATH=/nonexistent -> LKJ501, exit 3', async () => {
    const r = await build('/nonexistent');
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ501 [^\n]*\n\s+Browser yang ditunjuk PUPPETEER_EXECUTABLE_PATH tidak ada: \/nonexistent/);
  });

  it('a "browser" that exits at once -> LKJ501', async () => {
    const r = await build(skrip('keluar.sh', 'exit 1'));
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ501 [^\n]*\n\s+Chromium \([^)]*keluar\.sh\) gagal dijalankan/);
  });

  it('a "browser" that never answers -> LKJ501 after the limit', async () => {
    const r = await build(skrip('diam.sh', 'exec sleep 317'), '2');
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ501 [^\n]*\n\s+Chromium \([^)]*diam\.sh\) gagal dijalankan: tidak menjawab dalam 2 detik/);
  });

  it('the page renderer crashes while printing -> LKJ501 (or LKJ502), no process left', async (ctx) => {
    if (!chromium) ctx.skip();
    // the renderer is killed one second after it starts: during the load or the print of the PDF
    const r = await build(denganRenderer('renderer-mati', '( sleep 1; kill -9 $$ ) &\nexec "$@"'));
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ50[12] [^\n]*\n\s+Chromium (berhenti tiba-tiba|tidak selesai|\([^)]*\) gagal dijalankan)/);
  });

  it('a page renderer that freezes -> LKJ502 within the limit (the build does not hang)', async (ctx) => {
    if (!chromium) ctx.skip();
    const r = await build(denganRenderer('renderer-beku', 'kill -STOP $$\nexec "$@"'), '2');
    expect(r.exit).toBe(3);
    expect(r.stderr).toMatch(/kesalahan LKJ50[12] [^\n]*\n\s+Chromium (tidak selesai [^\n]* dalam 2 detik|\([^)]*\) gagal dijalankan)/);
  });

  it('the browser process killed in the middle of loading the document -> ExportError LKJ501, not a raw Puppeteer error', async (ctx) => {
    if (!chromium) ctx.skip();
    const sesi = await openBrowser({ executablePath: chromium, timeoutMs: 20_000 });
    try {
      const asli = sesi.newPage.bind(sesi);
      sesi.newPage = async () => {
        const halaman = await asli();
        const pid = halaman.page.browser().process()?.pid;
        // kill the whole browser the moment the document is requested
        halaman.page.once('request', () => {
          if (pid !== undefined) process.kill(-pid, 'SIGKILL');
        });
        return halaman;
      };
      const t0 = Date.now();
      const html = '<!doctype html><html><body><h1 id="a">Judul</h1><p>isi</p></body></html>';
      const gagal = await printPdf(sesi, {
        html,
        baseUrl: pathToFileURL(assetDirs()[0]!).href,
        meta: { title: 't', author: 'a', subject: 's', keywords: [], creator: 'lkjip', date: new Date(0) },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isExportError(gagal), String(gagal)).toBe(true);
      expect((gagal as { code: string }).code).toBe('LKJ501');
      expect((gagal as Error).message).toMatch(/Chromium berhenti tiba-tiba/);
      expect(Date.now() - t0).toBeLessThan(15_000);
    } finally {
      await sesi.close(); // must not throw or hang on a dead browser
    }
  });

  it('leaves no fake or real browser process of these cases running', async () => {
    const hidup = (): string[] =>
      spawnSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((l) => !l.trim().startsWith('Z') && (l.includes(tmp) || l.includes('sleep 317')));
    // Puppeteer removes its profile folder (up to ~5 s) before it kills a browser that never answered.
    for (let i = 0; i < 40 && hidup().length > 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(hidup()).toEqual([]);
  });
});
