/**
 * The documents `lkjip build` can produce and how: one entry per document, each naming its HTML
 * renderer (for HTML and PDF) and its workbook builder (for XLSX). Adding a document or a format is
 * one entry here; the build stage (src/build/) turns each (year, document) into a job of steps
 * render -> print -> write and only iterates over this list.
 */
import type { KonteksDokumen } from '../render/konteks.js';
import type { HtmlDokumen } from '../render/lkjip.js';

export type Format = 'pdf' | 'html' | 'xlsx';
export type JenisDokumen = 'lkjip' | 'renja';

export interface DefinisiDokumen {
  id: JenisDokumen;
  /** Name in progress lines: "LKJIP", "Renja". */
  label: string;
  /** PDF subject line. */
  subjek(tahun: number, ctx: KonteksDokumen): string;
  /** The document's own date in the data (for the PDF/XLSX time stamps when SOURCE_DATE_EPOCH is unset). */
  tanggal(ctx: KonteksDokumen): string | undefined;
  html?: (ctx: KonteksDokumen) => Promise<HtmlDokumen>;
  xlsx?: (ctx: KonteksDokumen, opsi: { tanggal: Date }) => Promise<Uint8Array>;
}

export const DOKUMEN: readonly DefinisiDokumen[] = [
  {
    id: 'lkjip',
    label: 'LKJIP',
    subjek: (tahun) => `Laporan Kinerja Instansi Pemerintah Tahun ${tahun}`,
    tanggal: (ctx) => ctx.d.lkjip?.dokumen?.tanggal,
    html: async (ctx) => (await import('../render/lkjip.js')).renderLkjip(ctx),
    xlsx: async (ctx, opsi) => (await import('../export/xlsx.js')).buatWorkbookLkjip(ctx, opsi),
  },
  {
    id: 'renja',
    label: 'Renja',
    subjek: (tahun, ctx) => `${ctx.d.renja?.perubahan ? 'Perubahan ' : ''}Rencana Kerja Perangkat Daerah Tahun ${tahun}`,
    tanggal: (ctx) => ctx.d.renja?.dokumen?.tanggal,
    html: async (ctx) => (await import('../render/renja.js')).renderRenja(ctx),
    xlsx: async (ctx, opsi) => (await import('../export/xlsx.js')).buatWorkbookRenja(ctx, opsi),
  },
];

export function formatDidukung(d: DefinisiDokumen): Format[] {
  const f: Format[] = [];
  if (d.html) f.push('html', 'pdf');
  if (d.xlsx) f.push('xlsx');
  return f;
}

/**
 * The PDF's and workbook's dates come from SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else from the document's own date in the data, so the same data always gives the same bytes.
 */
export function tanggalDokumen(env: Readonly<Record<string, string | undefined>>, tanggalData: string | undefined, tahun: number): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(tanggalData ?? '');
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return new Date(Date.UTC(tahun + 1, 0, 1));
}
