/**
 * Renja / Perubahan Renja: data + calculator results -> one HTML document (cover, Kata Pengantar,
 * Daftar Isi, Bab I-IV with the Permendagri 86/2017 forms). Same engine as the LKJIP (dokumen.ts:
 * block helpers, TOC, assembly; the export stage adds page numbers and the landscape pages of wide
 * forms). Structure in templates/renja/*.hbs, forms in templates/renja/tabel/ (renja-tabel.ts),
 * narrative in data/<tahun>/narasi/renja/. Pure apart from reading templates.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../export/html-marks.js';
import { lambangUri } from './gambar.js';
import { templatesDir } from './assets.js';
import { bacaTemplate, daftarkanPartial, daftarkanStruktur, peringatanRujukan, susunHtml } from './dokumen.js';
import { createEnv, romawi } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import type { HtmlDokumen } from './lkjip.js';
import { daftarkanRefs, renderNarasi } from './narasi.js';
import { renderTabelRenja } from './renja-tabel.js';
import { SUMBER_LAIN } from './bagian.js';
import { judulBagian } from './judul-renja.js';

export type { HtmlDokumen } from './lkjip.js';

/** Bab IV from renja.yaml `penutup` when the year has no bab-4-penutup.md. */
function penutupDariData(ctx: KonteksDokumen): string {
  const p = ctx.d.renja?.penutup;
  if (!p) return '';
  const bagian: [string, string | undefined][] = [
    ['a. Catatan Penting', p.catatan_penting],
    ['b. Kaidah-kaidah Pelaksanaan', p.kaidah_pelaksanaan],
    ['c. Rencana Tindak Lanjut', p.rencana_tindak_lanjut],
  ];
  return bagian
    .filter(([, teks]) => teks && teks.trim() !== '')
    .map(([judul, teks]) => `<h3>${escapeHtml(judul)}</h3>\n<p>${escapeHtml(teks ?? '')}</p>\n`)
    .join('');
}

export async function renderRenja(ctx: KonteksDokumen): Promise<HtmlDokumen> {
  const peringatan: Diagnostic[] = [];
  const env = createEnv(ctx.h.desimal_persen);
  const folder = path.join(templatesDir(), 'renja');
  daftarkanPartial(env, folder);
  // The signature block is the LKJIP's: one look for both documents.
  env.registerPartial('tanda-tangan', bacaTemplate('lkjip', 'tanda-tangan.hbs'));
  daftarkanRefs(env, ctx, peringatan);
  const narasiRenja = ctx.d.narasi.renja ?? {};
  const renderTabelIni = (id: string): string => renderTabelRenja(env, id, ctx);
  // Sections with another source of text (bagian.ts SUMBER_LAIN) print it when their file is missing.
  const dariData: Record<string, (c: KonteksDokumen) => string> = { penutup: penutupDariData };
  const cadangan: Record<string, () => string> = Object.fromEntries(
    Object.entries(SUMBER_LAIN.renja).map(([berkas, s]) => [berkas, () => dariData[s.kunci]?.(ctx) ?? '']),
  );

  const { toc } = daftarkanStruktur(env, {
    narasi(berkas) {
      const teks = narasiRenja[berkas];
      if (teks === undefined) {
        const html = cadangan[berkas]?.();
        return html ? { html, tabel: [], grafik: [] } : undefined;
      }
      return renderNarasi(teks, ctx.berkasNarasi('renja', berkas), ctx, env, {
        renderTabel: renderTabelIni,
        renderGrafik: () => '',
        asal: `${ctx.tahun}/narasi/renja/${berkas}.md`,
      });
    },
    tabel: renderTabelIni,
    grafik: () => '',
  });

  const renja = ctx.d.renja;
  const perubahan = renja?.perubahan === true;
  const tanggal = renja?.dokumen?.tanggal ?? '';
  const view = {
    tahun: ctx.tahun,
    tahun_terbit: (tanggal || String(ctx.tahun)).slice(0, 4),
    opd: ctx.opd,
    lambang: lambangUri(ctx),
    dokumen: {
      judul: perubahan ? 'Perubahan Rencana Kerja' : 'Rencana Kerja',
      singkatan: perubahan ? 'P-Renja' : 'Renja',
      tempat: renja?.dokumen?.tempat ?? ctx.opd.kota,
      tanggal,
      penandatangan: renja?.dokumen?.penandatangan ?? ctx.opd.kepala,
    },
    judul: judulBagian(perubahan, renja?.triwulan_evaluasi ?? null),
  };
  const opsiCompile = { strict: false, knownHelpersOnly: false } as const;
  const depan = env.compile(bacaTemplate('renja', 'depan.hbs'), opsiCompile)(view);
  const isi = env.compile(bacaTemplate('renja', 'isi.hbs'), opsiCompile)(view);
  const judul = `${view.dokumen.judul} ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`;
  const { html, rujukanHilang } = susunHtml({
    judul,
    css: [bacaTemplate('umum', 'dokumen.css'), bacaTemplate('lkjip', 'tabel.css'), bacaTemplate('renja', 'tabel.css')],
    depan,
    toc,
    isi,
  });
  peringatan.push(...peringatanRujukan(rujukanHilang));
  return { html, baseUrl: pathToFileURL(folder + path.sep).href, judul, peringatan };
}
