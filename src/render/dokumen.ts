/**
 * Shared machinery of both documents: the chapter/sub-chapter block helpers that collect the table
 * of contents, narrative sections that append the tables the narrative did not place, partial
 * loading, and the final HTML assembly (fonts, page CSS, TOC). Pure: takes values, returns HTML.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { HelperOptions } from 'handlebars';
import type { Diagnostic } from '../diagnostics.js';
import { PAGE_NUMBER_CSS } from '../export/page-numbers.js';
import { escapeHtml } from '../export/html-marks.js';
import { fontFaceCss, fontStack, templatesDir } from './assets.js';
import type { HandlebarsEnv } from './handlebars-env.js';
import { nomoriKeterangan, renderDaftarKeterangan } from './nomor-keterangan.js';
import { tandaiPengantarPendek } from './pengantar-pendek.js';

export interface EntriToc {
  id: string;
  tingkat: 1 | 2;
  judul: string;
}

/** Registers every `*.hbs` of a template folder as a partial named after the file (without .hbs). */
export function daftarkanPartial(env: HandlebarsEnv, folder: string): void {
  for (const nama of readdirSync(folder)) {
    if (!nama.endsWith('.hbs')) continue;
    env.registerPartial(nama.slice(0, -4), readFileSync(path.join(folder, nama), 'utf8'));
  }
}

export function bacaTemplate(...bagian: string[]): string {
  return readFileSync(path.join(templatesDir(), ...bagian), 'utf8');
}

const daftarDariHash = (v: unknown): string[] =>
  typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];

export interface PenyusunBagian {
  /** Renders a narrative file (or nothing when the file is missing) and reports which tables/charts it placed. */
  narasi(berkas: string): { html: string; tabel: string[]; grafik: string[] } | undefined;
  tabel(id: string): string;
  grafik(id: string): string;
  /** Whether a section's default table has data; missing ones are not appended (default: yes). */
  tersedia?(id: string): boolean;
}

/**
 * Registers `bab`, `subbab`, `depan`, `lampiran` and `narasi` on the env. Headings are collected
 * into `toc` as the body renders, so the table of contents is built after the body.
 */
export function daftarkanStruktur(env: HandlebarsEnv, penyusun: PenyusunBagian): { toc: EntriToc[] } {
  const toc: EntriToc[] = [];
  const hb = env;

  hb.registerHelper('depan', function (this: unknown, id: string, judul: string, options: HelperOptions) {
    toc.push({ id, tingkat: 1, judul });
    return new hb.SafeString(
      `<section class="halaman-depan bagian-depan" id="${escapeHtml(id)}-bagian" data-bab="">` +
        `<h1 id="${escapeHtml(id)}" data-bookmark="1">${escapeHtml(judul)}</h1>${options.fn(this)}</section>`,
    );
  });

  hb.registerHelper('bab', function (this: unknown, nomor: string, judul: string, options: HelperOptions) {
    const id = String(options.hash.id ?? `bab-${nomor}`);
    const judulToc = `BAB ${nomor} ${judul}`;
    toc.push({ id, tingkat: 1, judul: judulToc });
    const awal = options.hash.awal ? ' data-page-start' : '';
    return new hb.SafeString(
      `<section class="bab" id="${escapeHtml(id)}-bagian" data-bab="${escapeHtml(nomorBab(nomor))}"${awal}>` +
        `<h1 id="${escapeHtml(id)}" data-bookmark="1" data-bookmark-title="${escapeHtml(judulToc)}">BAB ${escapeHtml(nomor)}<br>${escapeHtml(judul)}</h1>` +
        `${options.fn(this)}</section>`,
    );
  });

  hb.registerHelper('lampiran', function (this: unknown, id: string, judul: string, options: HelperOptions) {
    toc.push({ id, tingkat: 1, judul });
    return new hb.SafeString(
      `<section class="bab lampiran" id="${escapeHtml(id)}-bagian" data-bab="L">` +
        `<h1 id="${escapeHtml(id)}" data-bookmark="1">${escapeHtml(judul)}</h1>${options.fn(this)}</section>`,
    );
  });

  hb.registerHelper('subbab', function (this: unknown, nomor: string, judul: string, options: HelperOptions) {
    const id = String(options.hash.id ?? `sub-${nomor}`);
    const teks = `${nomor} ${judul}`;
    toc.push({ id, tingkat: 2, judul: teks });
    return new hb.SafeString(
      `<section class="subbab"><h2 id="${escapeHtml(id)}" data-bookmark="2">${escapeHtml(teks)}</h2>${options.fn(this)}</section>`,
    );
  });

  hb.registerHelper('narasi', function (berkas: string, options: HelperOptions) {
    const tabel = daftarDariHash(options.hash.tabel);
    const grafik = daftarDariHash(options.hash.grafik);
    const hasil = penyusun.narasi(berkas);
    let html = hasil?.html ?? '';
    for (const id of grafik) if (!hasil?.grafik.includes(id)) html += penyusun.grafik(id);
    for (const id of tabel) if (!hasil?.tabel.includes(id) && (penyusun.tersedia?.(id) ?? true)) html += penyusun.tabel(id);
    return new hb.SafeString(html);
  });

  return { toc };
}

/** The Daftar Isi: entries carry `toc-page` spans that the export stage fills with printed page numbers. */
export function renderDaftarIsi(toc: readonly EntriToc[]): string {
  const baris = toc
    .map(
      (e) =>
        `<li class="tingkat-${e.tingkat}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.judul)}</a>` +
        `<span class="titik"></span><span class="toc-page" data-target="${escapeHtml(e.id)}"></span></li>`,
    )
    .join('\n');
  return (
    `<section class="halaman-depan daftar-isi" id="daftar-isi-bagian" data-toc data-bab="">` +
    `<h1 id="daftar-isi" data-bookmark="1">DAFTAR ISI</h1><ol>\n${baris}\n</ol></section>`
  );
}

/** Chapter number of captions: BAB III -> "3"; an arabic number stays as it is. */
export function nomorBab(nomor: string): string {
  const nilai: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  const r = nomor.trim().toUpperCase();
  if (!/^[IVXLC]+$/.test(r)) return nomor.trim();
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = nilai[r[i] as string] as number;
    const berikut = nilai[r[i + 1] as string] ?? 0;
    total += v < berikut ? -v : v;
  }
  return String(total);
}

export interface HasilSusun {
  html: string;
  /** Table / chart ids a narrative cross-reference names that the document does not print. */
  rujukanHilang: string[];
}

/**
 * The whole document: short lead-ins marked (pengantar-pendek.ts), numbered captions
 * (nomor-keterangan.ts), then the Daftar Isi, Daftar Tabel
 * and Daftar Gambar after the front matter that precedes them. The Daftar Isi lists the two lists
 * after the front-matter entries that come before it (the Kata Pengantar).
 */
export function susunHtml(opsi: {
  judul: string;
  css: string[];
  depan: string;
  toc: readonly EntriToc[];
  isi: string;
  /** false: a short document without Daftar Isi/Tabel/Gambar (captions are still numbered). */
  daftar?: boolean;
}): HasilSusun {
  const nomor = nomoriKeterangan([opsi.depan, tandaiPengantarPendek(opsi.isi)]);
  const [depan, isi] = nomor.bagian as [string, string];
  if (opsi.daftar === false) return { html: rakitHtml({ ...opsi, depan, daftarIsi: '', isi }), rujukanHilang: nomor.rujukanHilang };
  const daftar: EntriToc[] = [];
  if (nomor.tabel.length > 0) daftar.push({ id: 'daftar-tabel', tingkat: 1, judul: 'DAFTAR TABEL' });
  if (nomor.gambar.length > 0) daftar.push({ id: 'daftar-gambar', tingkat: 1, judul: 'DAFTAR GAMBAR' });
  const sebelum = opsi.toc.filter((e) => opsi.depan.includes(`id="${escapeHtml(e.id)}"`));
  const sesudah = opsi.toc.filter((e) => !sebelum.includes(e));
  const daftarIsi =
    renderDaftarIsi([...sebelum, ...daftar, ...sesudah]) +
    renderDaftarKeterangan('daftar-tabel', 'DAFTAR TABEL', nomor.tabel) +
    renderDaftarKeterangan('daftar-gambar', 'DAFTAR GAMBAR', nomor.gambar);
  return { html: rakitHtml({ ...opsi, depan, daftarIsi, isi }), rujukanHilang: nomor.rujukanHilang };
}

/** A cross-reference to a table or chart the document does not print (its data is missing). */
export function peringatanRujukan(ids: readonly string[]): Diagnostic[] {
  return ids.map((id) => ({
    code: 'LKJ312',
    severity: 'warning',
    message: `Nilai referensi narasi tidak tersedia: rujukan nomor ke "${id}" tidak dapat diisi karena tabel/grafik itu tidak tercetak di dokumen ini; dicetak id-nya.`,
    hint: 'lengkapi data tabel/grafik itu, atau hapus rujukan nomor_tabel / nomor_grafik dari narasi',
  }));
}

function rakitHtml(opsi: { judul: string; css: string[]; depan: string; daftarIsi: string; isi: string }): string {
  const teks = `${opsi.judul}${opsi.depan}${opsi.daftarIsi}${opsi.isi}`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${escapeHtml(opsi.judul)}</title>
<style>
${fontFaceCss({ teks })}
:root { --font: ${fontStack}; }
${PAGE_NUMBER_CSS}
${opsi.css.join('\n')}
</style>
</head>
<body>
${opsi.depan}
${opsi.daftarIsi}
${opsi.isi}
</body>
</html>
`;
}
