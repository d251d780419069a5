/**
 * Short lead-ins do not split. A paragraph right before a table or chart keeps with it
 * (`break-after: avoid`, templates/umum/dokumen.css); when the figure does not fit the rest of the
 * page, Chromium honours that by carrying the paragraph's last two lines over, and for a paragraph
 * of two or three lines that leaves one line alone on a page (a lone "tahun 2026." at a page top,
 * orphans ignored). A paragraph of four lines or more splits two and two, as it should; a shorter
 * one is marked here and goes over whole (`p.pengantar-pendek`). CSS cannot count lines, so the
 * count is estimated from the text's width in Arimo (ukuran-teks.ts) against the text width of
 * the figure's page; an estimate errs on the wide side, so only a paragraph that surely has at
 * most three lines is marked.
 */
import { lebarTeks } from './ukuran-teks.js';

/** Body text size (templates/umum/dokumen.css `html`), points. */
const PT_ISI = 11;
/** Text width of a portrait and a landscape page (mm), as the page rules in dokumen.css give. */
const LEBAR_TEGAK = 165;
const LEBAR_LANSKAP = 267;
/** A lead-in of at most this many lines does not split. */
const BARIS_PENDEK = 3;

const ENTITAS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ', '#x3D': '=' };

function teksPolos(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&([#\w]+);/g, (m, e: string) => ENTITAS[e] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Marks every `<p>` right before a `<figure>` whose text surely fits in three lines. */
export function tandaiPengantarPendek(html: string): string {
  return html.replace(
    /<p((?:\s+[\w-]+="[^"]*")*)>((?:(?!<\/p>|<p[\s>])[\s\S])*)<\/p>(\s*<figure class="([^"]*)")/g,
    (semua, atribut: string, isi: string, sisa: string, kelasFigur: string) => {
      const lebar = /\blebar\b/.test(kelasFigur) ? LEBAR_LANSKAP : LEBAR_TEGAK;
      if (lebarTeks(teksPolos(isi), PT_ISI) > BARIS_PENDEK * lebar) return semua;
      const atributBaru = / class="/.test(atribut)
        ? atribut.replace(/ class="([^"]*)"/, (_m, k: string) => ` class="${k} pengantar-pendek"`)
        : `${atribut} class="pengantar-pendek"`;
      return `<p${atributBaru}>${isi}</p>${sisa}`;
    },
  );
}
