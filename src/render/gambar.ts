/**
 * Pictures from the data folder in the documents: embedded as `data:` URIs, so the HTML stays one
 * portable file and the print page loads nothing from disk (src/export/browser.ts blocks file://
 * outside templates/ and the fonts). The CLI reads and checks the files (src/load/gambar.ts);
 * here they only become markup.
 *
 * An SVG goes through <img> as well, never inline: in an image a browser runs no script and loads
 * nothing, and the picture's own CSS cannot restyle the document. An image cannot use the page's
 * fonts either, so Arimo (and the names Arial and Helvetica, which it matches metrically) is given
 * to each SVG as an embedded @font-face.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '../export/html-marks.js';
import { jalurGambar, MIME_GAMBAR, type GambarTerbaca } from '../load/gambar.js';
import { fontPackageDir } from './assets.js';
import type { KonteksDokumen } from './konteks.js';

let fontSvg: string | undefined;

/** @font-face rules with Arimo regular and bold as data: URIs, for the SVG pictures. */
function fontUntukSvg(): string {
  if (fontSvg === undefined) {
    const rules: string[] = [];
    for (const berat of [400, 700] as const) {
      const data = readFileSync(path.join(fontPackageDir(), 'files', `arimo-latin-${berat}-normal.woff2`)).toString('base64');
      for (const nama of ['Arimo', 'Arial', 'Helvetica', 'Liberation Sans']) {
        rules.push(`@font-face{font-family:'${nama}';font-weight:${berat};font-style:normal;src:url(data:font/woff2;base64,${data}) format('woff2')}`);
      }
    }
    fontSvg = rules.join('');
  }
  return fontSvg;
}

/**
 * Removes from an SVG what could run or load something. Validation already refuses such files
 * (LKJ325); this is the second line, for a picture that reached the renderer another way.
 */
export function sanitasiSvg(teks: string): string {
  return teks
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<!ENTITY[\s\S]*?>/gi, '')
    .replace(/<\?xml-stylesheet[\s\S]*?\?>/gi, '')
    .replace(/<(script|foreignObject|iframe|embed|object|audio|video)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|foreignObject|iframe|embed|object|audio|video)\b[^>]*\/>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s((?:[a-z]+:)?(?:href|src))\s*=\s*(["'])([\s\S]*?)\2/gi, (m, _nama: string, _q: string, nilai: string) =>
      /^(#|data:image\/(png|jpeg|gif|webp);base64,)/i.test(nilai.trim()) ? m : '',
    )
    .replace(/url\(\s*(["']?)([\s\S]*?)\1\s*\)/gi, (m, _q: string, nilai: string) => (/^(#|data:)/i.test(nilai.trim()) && !/^data:text/i.test(nilai.trim()) ? m : 'none'))
    .replace(/@import[^;]*;?/gi, '')
    .replace(/javascript:/gi, '');
}

/** The picture as a `data:` URI. */
export function uriGambar(g: GambarTerbaca): string {
  if (g.jenis !== 'svg') return `data:${MIME_GAMBAR[g.jenis]};base64,${g.data.toString('base64')}`;
  const svg = sanitasiSvg(g.data.toString('utf8').replace(/^\uFEFF/, '')).replace(/<svg\b[^>]*>/i, (buka) => `${buka}<style>${fontUntukSvg()}</style>`);
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The checked picture `src` named in data file `asal`, or null when it was not read (validation reported why). */
export function cariGambar(ctx: KonteksDokumen, asal: string, src: string): GambarTerbaca | null {
  const j = jalurGambar(asal, src);
  return j.ok ? ctx.gambar.get(j.rel) ?? null : null;
}

/** `<img>` of a picture, sized by CSS (.gambar img). */
export function imgGambar(g: GambarTerbaca, alt: string, kelas = ''): string {
  const k = [g.jenis === 'svg' ? 'vektor' : 'raster', kelas].filter(Boolean).join(' ');
  return `<img class="${k}" src="${uriGambar(g)}" alt="${escapeHtml(alt)}">`;
}

/** A picture with its caption, the markup of every figure of the documents (numbered by the export stage). */
export function figurGambar(id: string, judul: string, isi: string, kelas = '', awalan: 'gambar' | 'grafik' = 'gambar'): string {
  return `<figure class="grafik gambar${kelas ? ` ${kelas}` : ''}" id="${awalan}-${escapeHtml(id)}"><figcaption>${escapeHtml(judul)}</figcaption>${isi}</figure>`;
}

/** The lambang of opd.yaml as a `data:` URI, or null without one. */
export function lambangUri(ctx: KonteksDokumen): string | null {
  if (!ctx.opd.lambang) return null;
  const g = cariGambar(ctx, 'opd.yaml', ctx.opd.lambang);
  return g ? uriGambar(g) : null;
}

/** "bab-1.4-data-umum-organisasi" -> "bab-1-4-data-umum-organisasi" */
export function slugGambar(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
