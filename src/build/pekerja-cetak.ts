/**
 * Chromium driven from a worker thread. The build's thread spends long stretches rendering HTML,
 * workbooks and checking data without returning to its event loop; every exchange with Chromium
 * (the launch handshake, opening a page, each measuring step, the print's reply) would wait for
 * the end of such a stretch, and Chromium would sit idle meanwhile. In a worker of its own the
 * browser is answered at once, and the browser driver and PDF library are loaded and run there,
 * on the other core. The build only sends documents and receives PDFs (`BrowserBersama`).
 *
 * Where the worker cannot run (the TypeScript sources under the tests' transform, or
 * `LKJIP_PEKERJA=0`), the same printing runs in the calling thread (browser-bersama.ts).
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { ExportError, isExportError, type ExportErrorCode } from '../export/export-error.js';
import type { PdfSource, PrintedPdf } from '../export/pdf.js';
import { ambilJejak, tambahJejak, type RentangJejak } from '../util/jejak.js';
import { browserBersama, type BrowserBersama, type OpsiBrowserBersama, type OpsiCetak } from './browser-bersama.js';

type Pesan =
  | { jenis: 'mulai'; halaman: number }
  | { jenis: 'cetak'; id: number; doc: PdfSource; audit: boolean; auditTerpisah: boolean; titik: boolean }
  | { jenis: 'lanjut'; id: number }
  | { jenis: 'tutup' };

type Balasan =
  | { jenis: 'hasil'; id: number; hasil: PrintedPdf }
  | { jenis: 'galat'; id: number; galat: GalatTerkirim }
  | { jenis: 'titik'; id: number }
  | { jenis: 'tertutup'; jejak: RentangJejak[] };

interface GalatTerkirim {
  nama: string;
  pesan: string;
  stack?: string;
  code?: ExportErrorCode;
  hint?: string;
}

const kirimGalat = (e: unknown): GalatTerkirim => {
  const g = e instanceof Error ? e : new Error(String(e));
  const hasil: GalatTerkirim = { nama: g.name, pesan: g.message };
  if (g.stack !== undefined) hasil.stack = g.stack;
  if (isExportError(g)) {
    hasil.code = g.code;
    hasil.hint = g.hint;
  }
  return hasil;
};

/** The error as the build would have seen it in its own thread (an ExportError stays one). */
const terimaGalat = (g: GalatTerkirim): Error => {
  if (g.code) {
    const e = new ExportError(g.code, g.pesan, g.hint ?? '');
    if (g.stack !== undefined) e.stack = g.stack;
    return e;
  }
  const e = new Error(g.pesan);
  e.name = g.nama;
  if (g.stack !== undefined) e.stack = g.stack;
  return e;
};

/** The worker script: set by the bundle's launcher, else the compiled entry next to this module. */
function berkasPekerja(env: Readonly<Record<string, string | undefined>>): string | URL | undefined {
  if (env.LKJIP_PEKERJA === '0') return undefined;
  const dariPeluncur = (globalThis as { __lkjipPekerja?: string }).__lkjipPekerja;
  if (dariPeluncur) return dariPeluncur;
  // TypeScript sources (vitest) cannot run in a worker of their own: print in this thread.
  return import.meta.url.endsWith('.js') ? new URL('./pekerja-cetak-entri.js', import.meta.url) : undefined;
}

/** The build's browser: in a worker thread where one can run, else in this thread. */
export function buatBrowser(opsi: OpsiBrowserBersama): BrowserBersama {
  const berkas = berkasPekerja(opsi.env);
  return berkas === undefined ? browserBersama(opsi) : browserDiPekerja(berkas, opsi);
}

function browserDiPekerja(berkas: string | URL, opsi: OpsiBrowserBersama): BrowserBersama {
  let worker: Worker | undefined;
  let nomor = 0;
  const menunggu = new Map<number, { selesai(h: PrintedPdf): void; gagal(e: Error): void; titik?: (() => Promise<void>) | undefined }>();
  let tertutup: (() => void) | undefined;
  let penutupan: Promise<void> | undefined;
  const gagalSemua = (e: Error): void => {
    for (const m of menunggu.values()) m.gagal(e);
    menunggu.clear();
  };
  const pastikan = (): Worker => {
    if (worker) return worker;
    const w = new Worker(berkas, {
      workerData: { opsi: { env: { ...opsi.env }, timeoutMs: opsi.timeoutMs, browser: opsi.browser } },
      // The worker's timeline is written with the build's (LKJIP_JEJAK), from the same start.
      env: { ...process.env, LKJIP_JEJAK_ASAL: String(performance.timeOrigin) },
    });
    w.on('message', (b: Balasan) => {
      if (b.jenis === 'tertutup') {
        tambahJejak(b.jejak);
        tertutup?.();
        return;
      }
      const m = menunggu.get(b.id);
      if (!m) return;
      if (b.jenis === 'titik') {
        void Promise.resolve(m.titik?.()).finally(() => w.postMessage({ jenis: 'lanjut', id: b.id } satisfies Pesan));
        return;
      }
      menunggu.delete(b.id);
      if (b.jenis === 'hasil') m.selesai(b.hasil);
      else m.gagal(terimaGalat(b.galat));
    });
    // A bug in the worker, or the worker gone: every print waiting fails with it.
    w.on('error', (e) => gagalSemua(e));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      penutupan = undefined;
      gagalSemua(
        new ExportError('LKJ501', 'Chromium berhenti tiba-tiba saat mencetak (pengendali browser berhenti); dokumen tidak jadi dan tidak ada berkas yang ditulis.', 'Jalankan build sekali lagi; bila terus terjadi, laporkan sebagai bug.'),
      );
      tertutup?.();
    });
    worker = w;
    return w;
  };
  return {
    mulai(halaman = 0) {
      pastikan().postMessage({ jenis: 'mulai', halaman } satisfies Pesan);
    },
    cetak(doc, o: OpsiCetak) {
      return new Promise<PrintedPdf>((selesai, gagal) => {
        const id = ++nomor;
        menunggu.set(id, { selesai, gagal, titik: o.setelahCetak });
        pastikan().postMessage({ jenis: 'cetak', id, doc, audit: o.audit, auditTerpisah: o.auditTerpisah === true, titik: o.setelahCetak !== undefined } satisfies Pesan);
      });
    },
    tutup() {
      // Closing twice (a signal, then the build's end) waits for the one close in progress.
      const w = worker;
      if (!w) return penutupan ?? Promise.resolve();
      worker = undefined;
      penutupan = (async () => {
        await new Promise<void>((selesai) => {
          const batas = setTimeout(selesai, 10_000);
          tertutup = () => {
            clearTimeout(batas);
            selesai();
          };
          w.postMessage({ jenis: 'tutup' } satisfies Pesan);
        });
        tertutup = undefined;
        await w.terminate();
      })();
      return penutupan;
    },
  };
}

/** The worker's side: runs the browser of this thread for the build's messages. */
export function jalankanPekerjaCetak(simpanCache?: () => void): void {
  const port = parentPort;
  if (!port) throw new Error('jalankanPekerjaCetak hanya di dalam worker thread');
  const b = browserBersama((workerData as { opsi: OpsiBrowserBersama }).opsi);
  const titik = new Map<number, () => void>();
  port.on('message', (m: Pesan) => {
    switch (m.jenis) {
      case 'mulai':
        b.mulai(m.halaman);
        return;
      case 'cetak': {
        const setelahCetak = m.titik
          ? () =>
              new Promise<void>((lanjut) => {
                titik.set(m.id, lanjut);
                port.postMessage({ jenis: 'titik', id: m.id } satisfies Balasan);
              })
          : undefined;
        b.cetak(m.doc, { audit: m.audit, auditTerpisah: m.auditTerpisah, ...(setelahCetak ? { setelahCetak } : {}) }).then(
          (hasil) => port.postMessage({ jenis: 'hasil', id: m.id, hasil } satisfies Balasan, [hasil.pdf.buffer as ArrayBuffer]),
          (e: unknown) => port.postMessage({ jenis: 'galat', id: m.id, galat: kirimGalat(e) } satisfies Balasan),
        );
        return;
      }
      case 'lanjut':
        titik.get(m.id)?.();
        titik.delete(m.id);
        return;
      case 'tutup':
        void b
          .tutup()
          .catch(() => undefined)
          .then(() => {
            try {
              simpanCache?.();
            } catch {
              // a cache that cannot be written changes nothing
            }
            port.postMessage({ jenis: 'tertutup', jejak: ambilJejak() } satisfies Balasan);
            port.close();
          });
        return;
    }
  });
}
