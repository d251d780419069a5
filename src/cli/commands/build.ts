import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { statusTahun } from '../../validate/index.js';
import { diagnosa, type Diagnostic } from '../../diagnostics.js';
import type { BrowserSession } from '../../export/browser.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';
import { DOKUMEN, formatDidukung, type DefinisiDokumen, type Format, type JenisDokumen } from '../dokumen.js';
import { periksaData } from './validate.js';

export type { Format } from '../dokumen.js';
export type Dokumen = JenisDokumen;

export interface BuildOptions extends GlobalOptions {
  out: string;
  only?: JenisDokumen;
  format: Format[];
  /** Per-pass render limit in seconds. */
  timeout?: number;
}

/**
 * The PDF's dates come from SOURCE_DATE_EPOCH when set (reproducible-builds.org), else from the
 * document's own date in the data, so the same data always gives the same bytes.
 */
export function tanggalDokumen(env: Io['env'], tanggalData: string | undefined, tahun: number): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(tanggalData ?? '');
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return new Date(Date.UTC(tahun + 1, 0, 1));
}

export const detik = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

/** What to produce: the documents asked for, each with the asked formats it supports. */
export function rencanaBuild(opts: Pick<BuildOptions, 'only' | 'format'>): { dokumen: DefinisiDokumen; format: Format[] }[] {
  return DOKUMEN.filter((d) => !opts.only || d.id === opts.only)
    .map((d) => ({ dokumen: d, format: opts.format.filter((f) => formatDidukung(d).includes(f)) }))
    .filter((r) => r.format.length > 0);
}

/** A browser started lazily and shared by every document of the process (one browser per process). */
export interface BrowserBersama {
  ambil(): Promise<BrowserSession>;
  tutup(): Promise<void>;
}

export function browserBersama(io: Io, timeout?: number): BrowserBersama {
  let janji: Promise<BrowserSession> | undefined;
  return {
    ambil() {
      janji ??= import('../../export/browser.js').then(({ openBrowser }) =>
        openBrowser({ env: io.env, timeoutMs: timeout ? timeout * 1000 : undefined }),
      );
      return janji;
    },
    async tutup() {
      const s = await janji?.catch(() => undefined);
      janji = undefined;
      await s?.close();
    },
  };
}

export async function commandBuild(tahun: number, opts: BuildOptions, io: Io): Promise<number> {
  const rencana = rencanaBuild(opts);
  if (opts.only && rencana.length === 0) {
    io.err(`kesalahan: ${opts.only.toUpperCase()} dalam format ${opts.format.join(', ')} belum tersedia di versi ini.\n`);
    return EXIT.usage;
  }
  const browser = browserBersama(io, opts.timeout);
  try {
    return await buildTahun(tahun, opts, io, browser);
  } finally {
    await browser.tutup();
  }
}

/**
 * Builds one year: check the data (a failure stops here and nothing is written), render every
 * document in memory, then move all files into out/<tahun>/ at once.
 */
export async function buildTahun(tahun: number, opts: BuildOptions, io: Io, browser: BrowserBersama): Promise<number> {
  const mulai = performance.now();
  const log = (s: string): void => io.err(`${s}\n`);
  const rencana = rencanaBuild(opts);
  // Chromium starts while the data is read, checked and rendered (it runs on the other core), so
  // its launch is hidden behind work the build does anyway.
  if (rencana.some((r) => r.format.includes('pdf'))) browser.ambil().catch(() => undefined);

  const { loaded, diagnostics, ok } = await periksaData(tahun, opts, io);
  const status = loaded.years.includes(tahun) ? statusTahun(loaded, tahun) : { bisaDibangun: false, kurang: ['folder tahun'] };
  const masalah: Diagnostic[] = [...diagnostics];
  if (ok && !status.bisaDibangun) {
    masalah.push(diagnosa('LKJ402', { tahun, kurang: status.kurang }, { file: `${opts.data}/${tahun}` }));
  }
  const gagal = masalah.some((d) => d.severity === 'error');
  laporkan(masalah.filter((d) => d.severity !== 'info'), opts.reporter, io, loaded.sources);
  if (gagal || !loaded.dataSet) {
    log(`Build ${tahun} dibatalkan: ${ringkasan(masalah)}. Keluaran sebelumnya di ${opts.out}/${tahun}/ tidak diubah.`);
    return EXIT.dataError;
  }

  const { buatKonteksDokumen } = await import('../../render/konteks.js');
  const ctx = buatKonteksDokumen(loaded.dataSet, tahun);
  const berkas: { relPath: string; data: Uint8Array | string }[] = [];
  for (const { dokumen: d, format } of rencana) {
    const t0 = performance.now();
    const tanggal = tanggalDokumen(io.env, d.tanggal(ctx), tahun);
    const bagian: string[] = [];
    if (d.html && (format.includes('html') || format.includes('pdf'))) {
      const doc = await d.html(ctx);
      laporkan(doc.peringatan, opts.reporter, io, loaded.sources);
      if (format.includes('html')) berkas.push({ relPath: `${d.id}-${tahun}.html`, data: doc.html });
      if (format.includes('pdf')) {
        const { printPdf } = await import('../../export/pdf.js');
        const hasil = await printPdf(await browser.ambil(), {
          html: doc.html,
          baseUrl: doc.baseUrl,
          meta: {
            title: doc.judul,
            author: ctx.opd.nama_lengkap,
            subject: d.subjek(tahun, ctx),
            keywords: [d.label, String(tahun), ctx.opd.nama_lengkap],
            creator: 'lkjip',
            date: tanggal,
          },
        });
        berkas.push({ relPath: `${d.id}-${tahun}.pdf`, data: hasil.pdf });
        bagian.push(`PDF ${hasil.pages.length} halaman`);
      }
      if (format.includes('html')) bagian.push('HTML');
    }
    if (d.xlsx && format.includes('xlsx')) {
      berkas.push({ relPath: `${d.id}-${tahun}.xlsx`, data: await d.xlsx(ctx, { tanggal }) });
      bagian.push('XLSX');
    }
    log(`${d.label} ${tahun}: ${bagian.join(', ')} (${detik(performance.now() - t0)})`);
  }

  const { writeOutputs } = await import('../../export/write-atomic.js');
  const outDir = path.resolve(io.cwd, opts.out, String(tahun));
  const ditulis = await writeOutputs(outDir, berkas);
  log(`Selesai ${tahun} dalam ${detik(performance.now() - mulai)}. Ditulis:`);
  for (const p of ditulis) log(`  ${path.relative(io.cwd, p) || p}`);
  return EXIT.ok;
}
