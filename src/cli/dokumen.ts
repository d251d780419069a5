/**
 * The documents `lkjip build` can produce and how: one entry per document, each naming its HTML
 * renderer (for HTML and PDF) and its workbook builder (for XLSX). Adding a document or a format is
 * one entry here; the build command only iterates.
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
