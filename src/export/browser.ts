/**
 * The one Chromium of a build. The CLI opens it once (`openBrowser`), prints every document with
 * it, and closes it in `finally`; nothing here keeps a module-level browser.
 *
 * The print page is locked down because the HTML carries user-written narrative: JavaScript is
 * off (a `<script>` that slipped through the Markdown renderer never runs) and every request is
 * aborted except data:/about: URLs and file:// URLs inside the allow-listed folders (templates/ and
 * the font package). The document itself is served from memory at a virtual file:// URL inside
 * `baseUrl`, so relative asset URLs resolve without writing the HTML anywhere.
 *
 * Chromium never outlives the build: it is driven over a pipe (`--remote-debugging-pipe`), and a
 * Chromium whose pipe closes exits with its whole process tree, also when this process is killed
 * with SIGKILL (checked in test/chaos). Its profile is a folder of our own in the temp folder,
 * `lkjip-chromium-<pid>-*`, removed on close; one left behind by a killed build is removed by the
 * next build once its process is gone. Puppeteer's own signal handlers are off: the CLI decides
 * what SIGINT/SIGTERM/SIGHUP do (stop, close the browser, clean up, exit 130/143/129).
 */
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { ProtocolError, TimeoutError, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { assetDirs } from '../render/assets.js';
import { cariBrowser, lokasiBrowser } from './cari-browser.js';
import { ExportError } from './export-error.js';
import { prosesHidup } from './proses.js';

export { prosesHidup } from './proses.js';

export const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

/** Closing a page or the browser never waits longer than this; then the process group is killed. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Largest delay setTimeout honours (a larger one fires at once). */
const MAX_TIMER_MS = 2_147_483_647;

/** A usable per-pass limit: a missing, zero, negative or non-numeric one means the default. */
export function renderTimeoutMs(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return DEFAULT_RENDER_TIMEOUT_MS;
  return Math.min(Math.max(ms, 1), MAX_TIMER_MS);
}

/** Flags that work in containers and CI without a GPU, a sandbox-capable kernel or network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Name of the in-memory document inside baseUrl; never written to disk. */
const DOCUMENT_NAME = '.lkjip-dokumen.html';

export interface BrowserOptions {
  /** Explicit browser binary (`--browser`); otherwise LKJIP_BROWSER, PUPPETEER_EXECUTABLE_PATH, the usual places. */
  executablePath?: string;
  /** Environment to read LKJIP_BROWSER / PUPPETEER_EXECUTABLE_PATH from (tests pass their own). */
  env?: Record<string, string | undefined>;
  /** Folders whose files the page may load; default: templates/ and the font package. */
  allowDirs?: readonly string[];
  /** Limit for loading plus printing one pass of one document. */
  timeoutMs?: number;
  /** Where the temporary browser profile goes; default the system temp folder. */
  tempDir?: string;
}

export interface BrowserSession {
  readonly executablePath: string;
  readonly allowDirs: readonly string[];
  readonly timeoutMs: number;
  /** The browser's temporary profile folder (removed on close). */
  readonly profileDir: string;
  /** A print page: one opened ahead (siapkanHalaman) when there is one, else a new one. */
  newPage(): Promise<PrintPage>;
  /**
   * Opens print pages ahead, up to `n` waiting, so the next documents do not wait for Chromium to
   * create them (a build calls it while it still reads and renders the data).
   */
  siapkanHalaman(n: number): void;
  close(): Promise<void>;
}

export interface PrintPage {
  readonly page: Page;
  /** URLs the page tried to load and was refused, in order (for warnings and tests). */
  readonly blocked: string[];
  /** Loads `html` as if it were a file in the folder `baseUrl` and waits for it and its fonts. */
  load(html: string, baseUrl: string, timeoutMs?: number): Promise<void>;
  /**
   * Runs one browser step (a print) under the limit, and fails at once with LKJ501 when the page's
   * renderer or the browser crashes meanwhile instead of waiting for the limit.
   */
  guard<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T>;
  close(): Promise<void>;
}

/** Finds the browser binary (see cari-browser.ts) or fails with LKJ501 saying how to install one. */
export function findBrowser(options: Pick<BrowserOptions, 'executablePath' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  const hasil = cariBrowser(options.executablePath, { platform: process.platform, env, exists: existsSync, osRelease: bacaOsRelease() });
  if (hasil.ok) return hasil.path;
  if (hasil.sumber !== 'sistem') {
    throw new ExportError(
      'LKJ501',
      `Browser yang ditunjuk ${hasil.sumber} tidak ada: ${hasil.path}`,
      `Perbaiki atau hapus ${hasil.sumber}. ${hasil.saran}`,
    );
  }
  const biasa = lokasiBrowser(process.platform, env);
  throw new ExportError(
    'LKJ501',
    'Tidak ada browser Chrome, Edge atau Chromium untuk mencetak PDF (dicari: --browser, LKJIP_BROWSER, ' +
      `PUPPETEER_EXECUTABLE_PATH, ${biasa.join(', ')}${process.platform === 'win32' ? '' : ' dan PATH'}).`,
    hasil.saran,
  );
}

/** /etc/os-release (Linux only), for install hints that name the distribution's package manager. */
export function bacaOsRelease(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return undefined;
  }
}

/** Prefix of our browser profiles in the temp folder; the pid after it tells whose it is. */
const PROFIL_AWALAN = 'lkjip-chromium-';

/**
 * Removes browser profiles that builds killed with SIGKILL (or a power cut) left in `folder`: only
 * ours (by name) and only when the process named in it is gone. Returns the folders removed.
 */
export async function bersihkanProfilBasi(folder: string = tmpdir()): Promise<string[]> {
  let nama: string[];
  try {
    nama = await readdir(folder);
  } catch {
    return [];
  }
  const basi = nama.filter((n) => {
    const m = new RegExp(`^${PROFIL_AWALAN}(\\d+)-`).exec(n);
    return m !== null && Number(m[1]) !== process.pid && !prosesHidup(Number(m[1]));
  });
  await Promise.all(basi.map((n) => rm(join(folder, n), { recursive: true, force: true }).catch(() => undefined)));
  return basi.map((n) => join(folder, n));
}

export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = findBrowser(options);
  const timeoutMs = renderTimeoutMs(options.timeoutMs);
  const allowDirs = (options.allowDirs ?? assetDirs()).map((dir) => canonicalPath(resolve(dir)));
  const tempDir = options.tempDir ?? tmpdir();
  const dibersihkan = bersihkanProfilBasi(tempDir);
  let profileDir: string;
  try {
    profileDir = await mkdtemp(join(tempDir, `${PROFIL_AWALAN}${process.pid}-`));
  } catch (error) {
    throw new ExportError(
      'LKJ501',
      `Folder profil sementara untuk Chromium tidak dapat dibuat di ${tempDir}: ${firstLine(error)}`,
      'Periksa bahwa folder sementara (TMPDIR, di Windows TEMP) ada dan dapat ditulisi.',
      { cause: error },
    );
  }
  // A process that ends without closing the browser (an uncaught bug, process.exit) still removes
  // the profile; Puppeteer's own exit hook kills the browser first.
  const hapusProfil = (): void => {
    try {
      rmSync(profileDir, { recursive: true, force: true });
    } catch {
      // best effort: the next build removes what is left
    }
  };
  process.once('exit', hapusProfil);
  let browser: Browser;
  // Over a pipe Puppeteer's launch timeout does not cover the first exchange with the browser (a
  // browser that never answers would wait for the protocol timeout, minutes): this limit covers
  // the whole launch and kills the process when it passes.
  const batasLuncur = Math.min(timeoutMs, 60_000);
  const henti = new AbortController();
  const timer = setTimeout(() => henti.abort(), batasLuncur);
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profileDir,
      args: [...CHROMIUM_ARGS],
      timeout: batasLuncur + 5_000,
      signal: henti.signal,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    process.off('exit', hapusProfil);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => undefined);
    const sebab = henti.signal.aborted ? `tidak menjawab dalam ${Math.round(batasLuncur / 1000)} detik` : firstLine(error);
    throw new ExportError(
      'LKJ501',
      `Chromium (${executablePath}) gagal dijalankan: ${sebab}`,
      'Periksa bahwa browser itu bisa dijalankan di mesin ini (`' + executablePath + ' --version`), atau tunjuk ' +
        'browser lain dengan --browser atau LKJIP_BROWSER.',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  await dibersihkan;
  // Rejects once the browser goes away (crash, killed, out of memory), so that no step waits for
  // its full limit on a browser that is gone.
  const gone = new Promise<never>((_, reject) => {
    browser.once('disconnected', () => reject(browserCrashed('mencetak', new Error('browser terputus (disconnected)'))));
  });
  gone.catch(() => undefined);
  let ditutup: Promise<void> | undefined;
  // The tab Chromium opens at start-up is the first print page: one renderer less to start.
  let awal: Promise<Page | undefined> | undefined = browser
    .pages()
    .then((p) => (p.length === 1 && p[0]?.url() === 'about:blank' ? p[0] : undefined))
    .catch(() => undefined);
  const ambilAwal = (): Promise<Page | undefined> => {
    const a = awal;
    awal = undefined;
    return a ?? Promise.resolve(undefined);
  };
  const baru = (): Promise<PrintPage> => createPrintPage(browser, allowDirs, timeoutMs, gone, ambilAwal);
  const cadangan: Promise<PrintPage>[] = [];
  return {
    executablePath,
    allowDirs,
    timeoutMs,
    profileDir,
    // Every page is set up the same way whenever it was opened (focus claimed, see createPrintPage):
    // a page opened ahead prints the same bytes.
    newPage: () => cadangan.shift()?.catch(baru) ?? baru(),
    siapkanHalaman(n) {
      while (ditutup === undefined && cadangan.length < n) {
        const p = baru();
        p.catch(() => undefined);
        cadangan.push(p);
      }
    },
    close: () =>
      (ditutup ??= (async () => {
        await closeBrowser(browser);
        process.off('exit', hapusProfil);
        await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
      })()),
  };
}

/**
 * Closes the browser without ever throwing or hanging: a crashed or frozen Chromium would otherwise
 * turn the error that stopped the build into a stack trace, or keep the process alive forever.
 */
async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  try {
    await withDeadline(browser.close(), CLOSE_TIMEOUT_MS, 'menutup browser');
  } catch {
    // killed below
  }
  // Always the whole process group (Puppeteer starts Chromium detached, as a group leader): after a
  // crash or a frozen renderer the main process may be gone while renderers live on, holding the
  // pipes that keep this process from exiting.
  if (child?.pid !== undefined && process.platform !== 'win32') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group has already gone
    }
  }
}

async function createPrintPage(
  browser: Browser,
  allowDirs: readonly string[],
  defaultTimeoutMs: number,
  gone: Promise<never>,
  ada?: () => Promise<Page | undefined>,
): Promise<PrintPage> {
  const open = async (): Promise<Page> => {
    const p = (await ada?.()) ?? (await browser.newPage());
    // Only the newest tab of a headless Chromium is "visible"; an older tab is hidden, and a hidden
    // page paints its print differently (content outside a page, e.g. the TOC's dotted leaders, is
    // culled instead of emitted clipped): same look, other bytes (LKJIP 2024: 290 KB instead of
    // 468 KB when two documents printed at once). Every print page claims focus, so the bytes do
    // not depend on how many pages are open or in which order they were opened.
    await p.emulateFocusedPage(true);
    await p.setJavaScriptEnabled(false);
    await p.setRequestInterception(true);
    return p;
  };
  const page = await withDeadline(Promise.race([open(), gone]), defaultTimeoutMs, 'membuka halaman');
  const blocked: string[] = [];
  let served: { url: string; html: string } | undefined;
  // A renderer crash ("Aw, Snap!") leaves the browser alive: the page emits 'error' and a print in
  // progress would wait for its limit. Racing this makes it fail at once.
  const crashed = new Promise<never>((_, reject) => {
    page.once('error', (error: Error) => reject(browserCrashed('mencetak', error)));
  });
  crashed.catch(() => undefined);
  const guard = <T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> => {
    work.catch(() => undefined);
    return withDeadline(Promise.race([work, crashed, gone]), timeoutMs, what);
  };
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
      await guard(page.goto(served.url, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs, 'memuat HTML');
    },
    guard,
    close: async () => {
      await withDeadline(page.close(), CLOSE_TIMEOUT_MS, 'menutup halaman').catch(() => undefined);
    },
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
  const limit = renderTimeoutMs(ms);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(renderTimeout(limit, what)), limit);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    if (error instanceof TimeoutError) throw renderTimeout(limit, what, error);
    if (isBrowserCrash(error)) throw browserCrashed(what, error);
    throw error;
  } finally {
    clearTimeout(timer);
    // the losing promise may reject later; it must not become an unhandled rejection
    work.catch(() => undefined);
  }
}

/**
 * Errors Puppeteer raises when Chromium or the page's renderer died under it (connection or
 * session closed, target crashed). Anything else from a step is a bug and stays as it is.
 */
function isBrowserCrash(error: unknown): boolean {
  if (error instanceof ProtocolError) return true; // TargetCloseError is one too
  const text = error instanceof Error ? error.message : '';
  // net::ERR_ABORTED: the navigation to our own in-memory document was cut off, which only happens
  // when its renderer died (the request handler never aborts the document itself).
  return /crash|Target closed|Session closed|Connection closed|detached|disconnected|browser has been closed|net::ERR_ABORTED/i.test(text);
}

function browserCrashed(what: string, cause: unknown): ExportError {
  return new ExportError(
    'LKJ501',
    `Chromium berhenti tiba-tiba saat ${what} (${firstLine(cause)}); dokumen tidak jadi dan tidak ada berkas yang ditulis.`,
    'Biasanya karena memori habis atau browser dimatikan program lain; jalankan build sekali lagi. Bila terus terjadi, ' +
      'coba browser lain dengan --browser atau LKJIP_BROWSER, atau laporkan sebagai bug.',
    { cause },
  );
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
