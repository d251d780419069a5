import { describe, expect, it } from 'vitest';
import { tandaiPengantarPendek } from '../../src/render/pengantar-pendek.js';

const kalimat = (n: number) => 'Bagian ini menguraikan pelaksanaan tugas Badan Pendapatan Daerah Kabupaten Sukamaju. '.repeat(n);

describe('tandaiPengantarPendek: lead-ins of at most three lines do not split', () => {
  it.each<[string, string, boolean]>([
    ['a two-line lead-in of a portrait chart', `<p>${kalimat(1)}</p>\n<figure class="grafik" id="g">`, true],
    ['a six-line lead-in', `<p>${kalimat(6)}</p>\n<figure class="tabel" id="t">`, false],
    // 267 mm landscape lines: what takes four portrait lines takes three there.
    ['a four-line (portrait) lead-in of a landscape table', `<p>${kalimat(4)}</p><figure class="tabel lebar" id="t">`, true],
    ['a paragraph not followed by a figure', `<p>${kalimat(1)}</p>\n<p>lain</p>`, false],
    // As the narrative renders it (the audit's source marks are removed before the print).
    ['a narrative paragraph with its source attributes', `<p data-baris="1" data-narasi="narasi/x.md">${kalimat(1)}</p>\n<figure class="grafik" id="g">`, true],
  ])('%s', (_nama, html, ditandai) => {
    expect(tandaiPengantarPendek(html).includes('class="pengantar-pendek"')).toBe(ditandai);
  });

  it('keeps a class the paragraph already has, and only marks the paragraph right before the figure', () => {
    const html = `<p>satu</p>\n<p class="catatan">dua <em>x</em></p>\n<figure class="grafik" id="g">`;
    expect(tandaiPengantarPendek(html)).toBe(`<p>satu</p>\n<p class="catatan pengantar-pendek">dua <em>x</em></p>\n<figure class="grafik" id="g">`);
    expect(tandaiPengantarPendek('<p data-baris="2">dua</p><figure class="tabel" id="t">')).toBe('<p data-baris="2" class="pengantar-pendek">dua</p><figure class="tabel" id="t">');
  });
});
