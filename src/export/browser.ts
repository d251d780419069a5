/**
 * The one Chromium of a build. The CLI opens it once (`openBrowser`), prints every document with
 * it, and closes it in `finally`; nothing here keeps a module-level browser.
 *
 * The print page is locked down because the HTML carries user-written narrative: JavaScript is
 * off (a `<script>` that slipped through the Markdown renderer never runs) and every request is
 * aborted except data:/about: URLs and file:// URLs inside the allow-listed folders (templates/ and
 * the font package). The document itself is served from memory at a virtual file:// URL inside
 * `baseUrl`, so relative asset URLs resolve without writing the HTML anywhere.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { TimeoutError, type Browser, type HTTPRequest, type Page } from 'puppeteer';
import { assetDirs } from '../render/assets.js';
import { ExportError } from './export-error.js';

export const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

/** Flags that work in containers and CI without a GPU, a sandbox-capable kernel or network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** Name of the in-memory document inside baseUrl; never written to disk. */
const DOCUMENT_NAME = '.lkjip-dokumen.html';

export interface BrowserOptions {
  /** Explicit browser binary; otherwise PUPPETEER_EXECUTABLE_PATH, the system Chromium, Puppeteer's own. */
  executablePath?: string;
  /** Environment to read PUPPETEER_EXECUTABLE_PATH from (tests pass their own). */
  env?: Record<string, string | undefined>;
  /** Folders whose files the page may load; default: templates/ and the font package. */
  allowDirs?: readonly string[];
  /** Limit for loading plus printing one pass of one document. */
  timeoutMs?: number;
}

export interface BrowserSession {
  readonly executablePath: string;
  readonly allowDirs: readonly string[];
  readonly timeoutMs: number;
  newPage(): Promise<PrintPage>;
  close(): Promise<void>;
}

export interface PrintPage {
  readonly page: Page;
  /** URLs the page tried to load and was refused, in order (for warnings and tests). */
  readonly blocked: string[];
  /** Loads `html` as if it were a file in the folder `baseUrl` and waits for it and its fonts. */
  load(html: string, baseUrl: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Finds the browser binary or fails with LKJ501 saying how to install one. */
export function findBrowser(options: Pick<BrowserOptions, 'executablePath' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  const explicit = options.executablePath ?? env['PUPPETEER_EXECUTABLE_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (existsSync(explicit)) return explicit;
    throw new ExportError(
      'LKJ501',
      `Browser yang ditunjuk PUPPETEER_EXECUTABLE_PATH tidak ada: ${explicit}`,
      'Perbaiki atau hapus variabel PUPPETEER_EXECUTABLE_PATH, atau pasang Chromium (Debian/Ubuntu: `apt-get install chromium`).',
    );
  }
  for (const candidate of SYSTEM_CHROMIUM) if (existsSync(candidate)) return candidate;
  let bundled: string | undefined;
  try {
    bundled = puppeteer.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled !== undefined && existsSync(bundled)) return bundled;
  throw new ExportError(
    'LKJ501',
    'Tidak ada browser Chromium untuk mencetak PDF (dicari: PUPPETEER_EXECUTABLE_PATH, ' +
      `${SYSTEM_CHROMIUM.join(', ')}, dan browser bawaan Puppeteer).`,
    'Pasang Chromium (Debian/Ubuntu: `apt-get install chromium`) atau tunjuk browser yang ada dengan ' +
      'PUPPETEER_EXECUTABLE_PATH=/jalur/ke/chrome. Dengan internet: `npx puppeteer browsers install chrome`.',
  );
}

export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = findBrowser(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const allowDirs = (options.allowDirs ?? assetDirs()).map((dir) => canonicalPath(resolve(dir)));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: Math.min(timeoutMs, 60_000),
    });
  } catch (error) {
    throw new ExportError(
      'LKJ501',
      `Chromium (${executablePath}) gagal dijalankan: ${firstLine(error)}`,
      'Periksa bahwa browser itu bisa dijalankan di mesin ini (`' + executablePath + ' --version`), atau tunjuk ' +
        'browser lain dengan PUPPETEER_EXECUTABLE_PATH.',
      { cause: error },
    );
  }
  return {
    executablePath,
    allowDirs,
    timeoutMs,
    newPage: () => createPrintPage(browser, allowDirs, timeoutMs),
    close: async () => {
      await browser.close();
    },
  };
}

async function createPrintPage(browser: Browser, allowDirs: readonly string[], defaultTimeoutMs: number): Promise<PrintPage> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  let served: { url: string; html: string } | undefined;
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (served !== undefined && url === served.url) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html });
    } else if (isAllowedUrl(url, allowDirs)) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return {
    page,
    blocked,
    async load(html, baseUrl, timeoutMs = defaultTimeoutMs) {
      const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
      if (!base.startsWith('file:')) throw new Error(`baseUrl harus URL file://, bukan ${baseUrl}`);
      served = { url: new URL(DOCUMENT_NAME, base).href, html };
      await withDeadline(page.goto(served.url, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs, 'memuat HTML');
    },
    close: () => page.close(),
  };
}

/** data:, about: and file:// inside an allowed folder (after resolving symlinks). */
export function isAllowedUrl(url: string, allowDirs: readonly string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = canonicalPath(fileURLToPath(url));
  } catch {
    return false;
  }
  return allowDirs.some((dir) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep));
}

function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Runs `work` but gives up after `ms` with LKJ502. Puppeteer's own timeouts are passed too; this
 * also covers steps that have none (font loading inside page.pdf).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(renderTimeout(ms, what)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (error instanceof TimeoutError) throw renderTimeout(ms, what, error);
    throw error;
  } finally {
    clearTimeout(timer);
    // the losing promise may reject later; it must not become an unhandled rejection
    work.catch(() => undefined);
  }
}

function renderTimeout(ms: number, what: string, cause?: unknown): ExportError {
  return new ExportError(
    'LKJ502',
    `Chromium tidak selesai ${what} dalam ${Math.round(ms / 1000)} detik.`,
    'Dokumen mungkin sangat besar atau mesin sedang sibuk; naikkan batas waktu (opsi timeout) atau kecilkan dokumen.',
    cause === undefined ? undefined : { cause },
  );
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
