import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { statusTahun } from '../../validate/index.js';
import { diagnosa, type Diagnostic } from '../../diagnostics.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';
import { periksaData } from './validate.js';

export type Format = 'pdf' | 'html' | 'xlsx';
export type Dokumen = 'lkjip' | 'renja';

export interface BuildOptions extends GlobalOptions {
  out: string;
  only?: Dokumen;
  format: Format[];
  /** Per-pass render limit in seconds. */
  timeout?: number;
}

/** Formats and documents this version can produce; asking for another is a usage error, not a silent skip. */
const DIDUKUNG: Record<Dokumen, Format[]> = { lkjip: ['pdf', 'html'], renja: [] };

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

const detik = (ms: number): string => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

export async function commandBuild(tahun: number, opts: BuildOptions, io: Io): Promise<number> {
  const mulai = performance.now();
  const log = (s: string): void => io.err(`${s}\n`);
  const dokumen: Dokumen[] = opts.only ? [opts.only] : (['lkjip', 'renja'] as Dokumen[]).filter((d) => DIDUKUNG[d].length > 0);
  for (const d of dokumen) {
    const tidak = opts.format.filter((f) => !DIDUKUNG[d].includes(f));
    if (tidak.length > 0 && opts.only) {
      io.err(`kesalahan: ${d.toUpperCase()} dalam format ${tidak.join(', ')} belum tersedia di versi ini.\n`);
      return EXIT.usage;
    }
  }

  // Chromium starts while the data is read, checked and rendered (it runs on the other core), so
  // its launch is hidden behind work the build does anyway; closed below if nothing is printed.
  const butuhPdf = opts.format.includes('pdf') && dokumen.length > 0;
  const browserJanji = butuhPdf
    ? import('../../export/browser.js').then(({ openBrowser }) =>
        openBrowser({ env: io.env, timeoutMs: opts.timeout ? opts.timeout * 1000 : undefined }),
      )
    : undefined;
  browserJanji?.catch(() => undefined); // a launch failure is reported where the browser is needed
  const tutupBrowser = async (): Promise<void> => {
    const s = await browserJanji?.catch(() => undefined);
    await s?.close();
  };

  const { loaded, diagnostics, ok } = await periksaData(tahun, opts, io);
  const status = loaded.years.includes(tahun) ? statusTahun(loaded, tahun) : { bisaDibangun: false, kurang: ['folder tahun'] };
  const masalah: Diagnostic[] = [...diagnostics];
  if (ok && !status.bisaDibangun) {
    masalah.push(diagnosa('LKJ402', { tahun, kurang: status.kurang }, { file: `${opts.data}/${tahun}` }));
  }
  const gagal = masalah.some((d) => d.severity === 'error');
  laporkan(masalah.filter((d) => d.severity !== 'info'), opts.reporter, io, loaded.sources);
  if (gagal || !loaded.dataSet) {
    await tutupBrowser();
    log(`Build dibatalkan: ${ringkasan(masalah)}. Keluaran sebelumnya di ${opts.out}/ tidak diubah.`);
    return EXIT.dataError;
  }

  const { buatKonteksDokumen } = await import('../../render/konteks.js');
  const ctx = buatKonteksDokumen(loaded.dataSet, tahun);
  const berkas: { relPath: string; data: Uint8Array | string }[] = [];
  const outDir = path.resolve(io.cwd, opts.out, String(tahun));
  try {
    for (const d of dokumen) {
      if (d !== 'lkjip') continue;
      const t0 = performance.now();
      const { renderLkjip } = await import('../../render/lkjip.js');
      const doc = await renderLkjip(ctx);
      laporkan(doc.peringatan, opts.reporter, io, loaded.sources);
      if (opts.format.includes('html')) berkas.push({ relPath: `lkjip-${tahun}.html`, data: doc.html });
      if (butuhPdf) {
        const { printPdf } = await import('../../export/pdf.js');
        const session = await browserJanji!;
        const hasil = await printPdf(session, {
          html: doc.html,
          baseUrl: doc.baseUrl,
          meta: {
            title: doc.judul,
            author: ctx.opd.nama_lengkap,
            subject: `Laporan Kinerja Instansi Pemerintah Tahun ${tahun}`,
            keywords: ['LKJIP', String(tahun), ctx.opd.nama_lengkap],
            creator: 'lkjip',
            date: tanggalDokumen(io.env, ctx.d.lkjip?.dokumen?.tanggal, tahun),
          },
        });
        berkas.push({ relPath: `lkjip-${tahun}.pdf`, data: hasil.pdf });
        log(`LKJIP ${tahun}: ${hasil.pages.length} halaman, ${hasil.passes} kali cetak (${detik(performance.now() - t0)})`);
      } else {
        log(`LKJIP ${tahun}: HTML (${detik(performance.now() - t0)})`);
      }
    }
  } finally {
    await tutupBrowser();
  }

  const { writeOutputs } = await import('../../export/write-atomic.js');
  const ditulis = await writeOutputs(outDir, berkas.map((b) => ({ relPath: b.relPath, data: b.data })));
  log(`Selesai dalam ${detik(performance.now() - mulai)}. Ditulis:`);
  for (const p of ditulis) log(`  ${path.relative(io.cwd, p) || p}`);
  return EXIT.ok;
}
