/**
 * A document-shaped HTML for the export tests: cover, foreword and TOC in the front matter,
 * three chapters (one with a 200-row table over several pages), a landscape appendix, and some
 * hostile content (escaped and real <script>, a remote image, a file outside the allow-list).
 */
import { pathToFileURL } from 'node:url';
import { fontFaceCss, fontStack, templatesDir } from '../../src/render/assets.js';
import { PAGE_NUMBER_CSS } from '../../src/export/page-numbers.js';

export const SAMPLE_BASE_URL = pathToFileURL(templatesDir() + '/').href;

/** Headings with the TOC text that identifies them in pdftotext output. */
export const SAMPLE_HEADINGS = [
  { id: 'kata-pengantar', text: 'KATA PENGANTAR', level: 1 },
  { id: 'bab-1', text: 'BAB I PENDAHULUAN', level: 1 },
  { id: 'bab-1-1', text: '1.1 Latar Belakang', level: 2 },
  { id: 'bab-1-2', text: '1.2 Maksud dan Tujuan', level: 2 },
  { id: 'bab-2', text: 'BAB II TABEL PANJANG', level: 1 },
  { id: 'bab-2-1', text: '2.1 Setelah Tabel', level: 2 },
  { id: 'bab-3', text: 'BAB III PENUTUP', level: 1 },
  { id: 'lampiran', text: 'LAMPIRAN MATRIKS LEBAR', level: 1 },
] as const;

const PARAGRAPH =
  'Laporan kinerja ini menyajikan capaian indikator kinerja utama perangkat daerah selama satu tahun anggaran, ' +
  'dibandingkan dengan target pada perjanjian kinerja dan rencana strategis, beserta analisis efisiensi anggaran. ';

function paragraphs(n: number): string {
  return Array.from({ length: n }, () => `<p>${PARAGRAPH.repeat(3)}</p>`).join('\n');
}

function heading(id: string): string {
  const h = SAMPLE_HEADINGS.find((x) => x.id === id);
  if (!h) throw new Error(id);
  const tag = h.level === 1 ? 'h1' : 'h2';
  const start = id === 'bab-1' ? ' data-page-start' : '';
  return `<${tag} id="${h.id}" data-bookmark="${h.level}"${start}>${h.text}</${tag}>`;
}

export function sampleHtml(chartSvg = ''): string {
  const toc = SAMPLE_HEADINGS.map(
    (h) =>
      `<p class="toc toc-${h.level}"><a href="#${h.id}">${h.text}</a><span class="dots"></span>` +
      `<span class="toc-page" data-target="${h.id}"></span></p>`,
  ).join('\n');
  const rows = Array.from(
    { length: 200 },
    (_, i) => `<tr><td>Baris ${String(i + 1).padStart(3, '0')}</td><td>Uraian kegiatan ke-${i + 1}</td><td>${(i * 1234.5).toFixed(2)}</td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Contoh</title>
<style>
${fontFaceCss()}
${PAGE_NUMBER_CSS}
@page { size: A4; margin: 20mm 20mm 22mm 20mm; @bottom-center { font-family: ${fontStack}; font-size: 10pt; } }
body { font-family: ${fontStack}; font-size: 11pt; line-height: 1.4; margin: 0; }
h1 { break-before: page; font-size: 15pt; }
.halaman-sampul h1, .toc-title { break-before: auto; }
.toc { display: flex; margin: 0 0 4pt; }
.toc-2 { padding-left: 12mm; }
.toc a { color: black; text-decoration: none; }
.toc .dots { flex: 1; border-bottom: 1px dotted #888; margin: 0 4pt 4pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #444; padding: 2pt 4pt; font-size: 10pt; }
.halaman-lebar table td { width: 8%; }
svg.marks { max-width: 100%; height: auto; }
</style></head>
<body>
<div class="halaman-sampul"><h1 style="margin-top:80mm;text-align:center">LAPORAN KINERJA CONTOH</h1></div>
<div class="halaman-depan">
  ${heading('kata-pengantar')}
  ${paragraphs(3)}
  <h1 class="toc-title" style="break-before:page">DAFTAR ISI</h1>
  ${toc}
</div>
<section>
  ${heading('bab-1')}
  ${paragraphs(4)}
  ${heading('bab-1-1')}
  ${paragraphs(6)}
  ${heading('bab-1-2')}
  ${paragraphs(2)}
</section>
<section>
  ${heading('bab-2')}
  <table><thead><tr><th>Nomor Urut</th><th>Uraian Kolom</th><th>Nilai (Rp)</th></tr></thead>
  <tbody>
${rows}
  </tbody></table>
  ${heading('bab-2-1')}
  ${paragraphs(1)}
</section>
<section>
  ${heading('bab-3')}
  <p>Teks berisi kode: &lt;script&gt;document.write('X')&lt;/script&gt; tetap teks.</p>
  <script>document.write('SKRIP-BERJALAN')</script>
  <p>Gambar jauh: <img src="http://example.com/pixel.png" alt="" width="1" height="1"></p>
  <p>Berkas luar: <img src="file:///etc/hostname" alt="" width="1" height="1"></p>
  ${paragraphs(1)}
  <figure>${chartSvg}</figure>
</section>
<div class="halaman-lebar">
  ${heading('lampiran')}
  <table><thead><tr>${Array.from({ length: 12 }, (_, i) => `<th>Kolom ${i + 1}</th>`).join('')}</tr></thead>
  <tbody><tr>${Array.from({ length: 12 }, (_, i) => `<td>${i * 10}</td>`).join('')}</tr></tbody></table>
</div>
</body></html>`;
}
