import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTocPages, injectAnchorLinks, scanHtml, textOf } from '../../src/export/html-marks.js';
import { pageLabel, toLowerRoman } from '../../src/export/page-numbers.js';
import { nestBookmarks } from '../../src/export/pdf-structure.js';
import { isAllowedUrl, findBrowser } from '../../src/export/browser.js';

const HTML = `<html><body>
<p><span class="toc-page" data-target="bab-1"></span><span data-target="bab-2" class="x toc-page">9</span></p>
<h1 id="bab-1" data-bookmark="1" data-page-start>BAB I <em>PENDAHULUAN</em> &amp; lain</h1>
<h2 data-bookmark="2" id="bab-1-1" data-bookmark-title="1.1 Judul Pendek">1.1 Judul yang sangat panjang</h2>
<h1 id="bab-2" data-bookmark="1">BAB II</h1><p id="bab-2">dua kali</p>
</body></html>`;

describe('scanHtml', () => {
  const marks = scanHtml(HTML);
  it('finds TOC targets, bookmarks, the page start and duplicate ids', () => {
    expect(marks.tocTargets).toEqual(['bab-1', 'bab-2']);
    expect(marks.bookmarks).toEqual([
      { level: 1, id: 'bab-1', title: 'BAB I PENDAHULUAN & lain' },
      { level: 2, id: 'bab-1-1', title: '1.1 Judul Pendek' },
      { level: 1, id: 'bab-2', title: 'BAB II' },
    ]);
    expect(marks.pageStartId).toBe('bab-1');
    expect(marks.duplicateIds).toEqual(['bab-2']);
  });
  it('knows the first table of contents (Daftar Isi before Daftar Tabel ...)', () => {
    const html =
      '<p id="awal"></p><section id="isi" data-toc><span class="toc-page" data-target="bab"></span></section>' +
      '<section id="tabel" data-toc><h1 id="daftar-tabel">DAFTAR TABEL</h1><span class="toc-page" data-target="t"></span></section>' +
      '<h1 id="bab">BAB</h1><figcaption id="t"></figcaption>';
    const m = scanHtml(html);
    expect(m.tocId).toBe('isi');
  });

  it('fills every TOC span, replacing what was there, escaping the label', () => {
    const filled = fillTocPages(HTML, (id) => (id === 'bab-1' ? 'iv' : '<12>'));
    expect(filled).toContain('<span class="toc-page" data-target="bab-1">iv</span>');
    expect(filled).toContain('<span data-target="bab-2" class="x toc-page">&lt;12&gt;</span>');
  });
  it('injects hidden links before </body>', () => {
    const out = injectAnchorLinks(HTML, ['bab-1', 'a b']);
    expect(out).toMatch(/<div aria-hidden="true" style="display:none" data-lkjip-anchors><a href="#bab-1">\.<\/a><a href="#a%20b">\.<\/a><\/div>\n?<\/body>/);
  });
  it('extracts visible text', () => {
    expect(textOf('<b>A</b>&nbsp;&#x42;\n  <i>C</i>')).toBe('A B C');
  });
});

describe('page labels', () => {
  it.each([
    [1, 3, 'i'],
    [3, 3, 'iii'],
    [4, 3, '1'],
    [14, 3, '11'],
    [5, 0, '5'],
  ])('physical %i with %i front pages prints %s', (physical, front, label) => {
    expect(pageLabel(physical, front)).toBe(label);
  });
  it.each([[4, 'iv'], [9, 'ix'], [14, 'xiv'], [49, 'xlix'], [2024, 'mmxxiv']])('roman %i = %s', (n, r) => {
    expect(toLowerRoman(n)).toBe(r);
  });
});

describe('nestBookmarks', () => {
  it('nests by level and attaches a skipped level to the nearest shallower one', () => {
    const tree = nestBookmarks([
      { level: 2, id: 'a', title: 'A' },
      { level: 1, id: 'b', title: 'B' },
      { level: 3, id: 'c', title: 'C' },
      { level: 2, id: 'd', title: 'D' },
      { level: 1, id: 'e', title: 'E' },
    ]);
    const ids = (nodes: typeof tree): unknown => nodes.map((n) => [n.bookmark.id, ids(n.children)]);
    expect(ids(tree)).toEqual([['a', []], ['b', [['c', []], ['d', []]]], ['e', []]]);
  });
});

describe('isAllowedUrl', () => {
  const dirs = ['/work/main/templates', '/opt/fonts'];
  it.each([
    ['data:image/png;base64,AAAA', true],
    ['about:blank', true],
    ['file:///work/main/templates/lkjip/gaya.css', true],
    ['file:///opt/fonts/files/a.woff2', true],
    ['file:///work/main/templates/../data/opd.yaml', false],
    ['file:///work/main/templates-lain/x.css', false],
    ['file:///etc/passwd', false],
    ['http://example.com/x.png', false],
    ['https://fonts.googleapis.com/css', false],
    ['ws://localhost:1/', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedUrl(url, dirs)).toBe(allowed);
  });
});

describe('findBrowser', () => {
  it('fails with LKJ501 naming a PUPPETEER_EXECUTABLE_PATH that does not exist', () => {
    expect(() => findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/tidak/ada/chrome' } })).toThrow(
      expect.objectContaining({ code: 'LKJ501', message: expect.stringContaining('/tidak/ada/chrome') }),
    );
  });
  it.skipIf(!existsSync('/usr/bin/chromium'))('uses the system Chromium when nothing is configured', () => {
    expect(findBrowser({ env: {} })).toBe('/usr/bin/chromium');
  });
});
