/**
 * The one browser of a build, started on first use and shared by every document (and, under
 * `--watch`, by every rebuild). Closing it also ends any print in progress, which is how a signal
 * stops a build at once.
 *
 * The build only asks it to print (`cetak`); where the printing runs is this module's business:
 * here, in the build's own thread (pekerja-cetak.ts runs the same behind a worker thread, so
 * that driving Chromium never waits for the build's rendering, see there).
 */
import type { BrowserSession } from '../export/browser.js';
import type { PdfSource, PrintedPdf } from '../export/pdf.js';
import { jejak } from '../util/jejak.js';

export interface OpsiCetak {
  /** Run the layout audit (audit.ts). */
  audit: boolean;
  /**
   * Audit in a page of its own alongside the print instead of before it in the print page: costs
   * one more load of the document, on a core Chromium would otherwise leave idle (a build with a
   * single document to print), and takes the audit off the way to the PDF.
   */
  auditTerpisah?: boolean;
  /** Test hook: awaited after the first print (titik `saat-cetak`). */
  setelahCetak?: () => Promise<void>;
}

export interface BrowserBersama {
  /**
   * Starts the browser now, with `halaman` print pages opened ahead, so that it is ready when the
   * first document is: a build that will print calls it before reading the data.
   */
  mulai(halaman?: number): void;
  cetak(doc: PdfSource, opsi: OpsiCetak): Promise<PrintedPdf>;
  tutup(): Promise<void>;
}

export interface OpsiBrowserBersama {
  env: Readonly<Record<string, string | undefined>>;
  /** Per-pass render limit (ms). */
  timeoutMs?: number | undefined;
  /** `--browser <path>`. */
  browser?: string | undefined;
}

/** The browser driven from this thread. */
export function browserBersama(opsi: OpsiBrowserBersama): BrowserBersama {
  let janji: Promise<BrowserSession> | undefined;
  let penutupan: Promise<void> | undefined;
  const ambil = (): Promise<BrowserSession> =>
    (janji ??= jejak(
      'luncurkan chromium',
      () =>
        import('../export/browser.js').then(({ openBrowser }) =>
          openBrowser({
            env: { ...opsi.env },
            ...(opsi.timeoutMs !== undefined ? { timeoutMs: opsi.timeoutMs } : {}),
            ...(opsi.browser !== undefined ? { executablePath: opsi.browser } : {}),
          }),
        ),
      'chromium',
    ));
  return {
    mulai(halaman = 0) {
      ambil()
        .then((s) => s.siapkanHalaman(halaman))
        .catch(() => undefined);
      // The PDF side (pdf-lib and the export modules) loads while Chromium starts, not when the
      // first document is waiting.
      import('../export/pdf.js').catch(() => undefined);
    },
    async cetak(doc, o) {
      const [{ printPdf }, sesi] = await Promise.all([import('../export/pdf.js'), ambil()]);
      return printPdf(sesi, doc, {
        audit: o.audit,
        ...(o.auditTerpisah ? { auditTerpisah: true } : {}),
        ...(o.setelahCetak ? { afterPass: async (n: number) => (n === 1 ? o.setelahCetak?.() : undefined) } : {}),
      });
    },
    tutup() {
      // Closing twice (a signal, then the build's end) waits for the one close in progress.
      const lama = janji;
      if (!lama) return penutupan ?? Promise.resolve();
      janji = undefined;
      penutupan = lama.then((s) => s.close(), () => undefined);
      return penutupan;
    },
  };
}
