/**
 * The one browser of a build, started on first use and shared by every document (and, under
 * `--watch`, by every rebuild). Closing it also ends any print in progress, which is how a signal
 * stops a build at once.
 */
import type { BrowserSession } from '../export/browser.js';
import { jejak } from '../util/jejak.js';

export interface BrowserBersama {
  ambil(): Promise<BrowserSession>;
  tutup(): Promise<void>;
}

export interface OpsiBrowserBersama {
  env: Readonly<Record<string, string | undefined>>;
  /** Per-pass render limit (ms). */
  timeoutMs?: number | undefined;
  /** `--browser <path>`. */
  browser?: string | undefined;
}

export function browserBersama(opsi: OpsiBrowserBersama): BrowserBersama {
  let janji: Promise<BrowserSession> | undefined;
  return {
    ambil() {
      janji ??= jejak('luncurkan chromium', () => import('../export/browser.js').then(({ openBrowser }) =>
        openBrowser({
          env: { ...opsi.env },
          ...(opsi.timeoutMs !== undefined ? { timeoutMs: opsi.timeoutMs } : {}),
          ...(opsi.browser !== undefined ? { executablePath: opsi.browser } : {}),
        }),
      ), 'chromium');
      return janji;
    },
    async tutup() {
      const s = await janji?.catch(() => undefined);
      janji = undefined;
      await s?.close();
    },
  };
}
