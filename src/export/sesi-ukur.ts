/**
 * One measuring session on a loaded print page, shared by the layout audit (audit.ts) and the
 * placement of landscape tables (apung.ts) before the first print.
 *
 * The print page runs with JavaScript disabled (`setJavaScriptEnabled(false)`, i.e.
 * Emulation.setScriptExecutionDisabled): the document's own scripts never run, but DevTools
 * evaluation still does. The measuring functions are evaluated with CDP `Runtime.evaluate` in an
 * isolated world created for them (`Page.createIsolatedWorld`): they share the DOM and none of the
 * page's JavaScript (checked on Chromium 156). Print media is emulated while the session is open,
 * so the layout is the one Chromium prints; closing the session clears the emulation.
 */
import type { CDPSession, Page } from 'puppeteer-core';

export interface SesiUkur {
  /** Evaluates `fungsi(arg)` in the isolated world; `fungsi` must be self-contained (sent as source). */
  jalankan<T, A>(fungsi: (arg: A) => T, arg: A): Promise<T>;
  /** Evaluates an expression built from such functions' source (several steps in one evaluation). */
  jalankanSumber<T>(sumber: string): Promise<T>;
  tutup(): Promise<void>;
}

export async function bukaSesiUkur(page: Page): Promise<SesiUkur> {
  const cdp: CDPSession = await page.createCDPSession();
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'lkjip-ukur',
      grantUniveralAccess: false,
    });
    await cdp.send('Emulation.setEmulatedMedia', { media: 'print' });
    const jalankanSumber = async <T>(expression: string): Promise<T> => {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
      if (r.exceptionDetails) {
        throw new Error(`pengukuran tata letak gagal di halaman: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      }
      return r.result.value as T;
    };
    return {
      jalankan: (fungsi, arg) => jalankanSumber(`(${fungsi.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`),
      jalankanSumber,
      async tutup() {
        await cdp.send('Emulation.setEmulatedMedia', { media: '' }).catch(() => undefined);
        await cdp.detach().catch(() => undefined);
      },
    };
  } catch (error) {
    await cdp.detach().catch(() => undefined);
    throw error;
  }
}
