/**
 * Pictures from the data folder (src/load/gambar.ts, src/validate/gambar.ts): every way a picture
 * can be unusable is a diagnostic with its code at the file:line:column that names it; a good one
 * passes. The cases that need a real file system (symbolic links, a 2 MB file) are built here; the
 * others also exist as broken-data fixtures (test/fixtures/broken/gambar-*).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bacaGambar, BATAS_GAMBAR, cariGambarMarkdown, jalurGambar, muatGambar, periksaSvg } from '../../src/load/gambar.js';
import { loadData, tampilanPath } from '../../src/load/load-data.js';
import { sanitasiSvg, uriGambar } from '../../src/render/gambar.js';
import { periksaGambar } from '../../src/validate/gambar.js';
import { folderSementara } from '../load/helpers.js';

/** A valid PNG of `lebar` x `tinggi` white pixels (`data: false`: the header only, for size checks). */
export function png(lebar: number, tinggi: number, data = true): Buffer {
  const crcTabel = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer): number => {
    let c = 0xffffffff;
    for (const x of b) c = crcTabel[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (jenis: string, isi: Buffer): Buffer => {
    const j = Buffer.from(jenis, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(isi.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(Buffer.concat([j, isi])));
    return Buffer.concat([len, j, isi, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(lebar, 0);
  ihdr.writeUInt32BE(tinggi, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const baris = Buffer.concat([Buffer.from([0]), Buffer.alloc(lebar * 3, 0xff)]);
  const idat = data ? chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: tinggi }, () => baris)))) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), idat, chunk('IEND', Buffer.alloc(0))]);
}

/** The start of a JPEG with its frame size (enough for the checks; not decodable). */
function jpeg(lebar: number, tinggi: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, tinggi >> 8, tinggi & 0xff, lebar >> 8, lebar & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46]), sof, Buffer.from([0xff, 0xd9])]);
}

const svg = (isi: string): string => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${isi}</svg>`;
const NARASI = '2024/narasi/lkjip/bab-1.md';

/** A data folder whose narrative is `md` and that holds `berkas` (path -> content). */
function dataDengan(md: string, berkas: Record<string, string | Buffer> = {}, opd = 'nama: Dinas\n'): string {
  const dir = folderSementara({ 'opd.yaml': opd, [NARASI]: md });
  for (const [rel, isi] of Object.entries(berkas)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), isi);
  }
  return dir;
}

async function periksa(dir: string) {
  const loaded = await loadData(dir);
  return { loaded, ds: periksaGambar(loaded) };
}

describe('pictures named in the narrative', () => {
  const baris = 'Teks pembuka.\n\n![Struktur Organisasi](GAMBAR)\n';
  const kolom = baris.split('\n')[2]!.indexOf('](') + 3;
  it.each<[string, string, Record<string, string | Buffer>, string, RegExp]>([
    ['missing', 'gambar/struktur.png', {}, 'LKJ320', /tidak ada/],
    ['outside through ..', '../../../../rahasia.png', {}, 'LKJ321', /keluar dari folder data/],
    ['absolute path', '/etc/passwd', {}, 'LKJ321', /absolut/],
    ['Windows path', 'C:\\Users\\a.png', {}, 'LKJ321', /absolut/],
    ['web address', 'https://contoh.go.id/a.png', {}, 'LKJ321', /alamat https/],
    ['file address', 'file:///etc/passwd', {}, 'LKJ321', /alamat file/],
    ['data: address', 'data:image/png;base64,iVBORw0KGgo=', {}, 'LKJ321', /alamat data/],
    ['text named .png', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': 'halo' }, 'LKJ322', /bukan gambar/],
    ['HTML named .png', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': '<!DOCTYPE html><html></html>' }, 'LKJ322', /halaman HTML/],
    ['GIF', 'gambar/a.gif', { '2024/narasi/lkjip/gambar/a.gif': 'GIF89a\x01\x00\x01\x00' }, 'LKJ322', /GIF/],
    ['JPEG named .png', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': jpeg(10, 10) }, 'LKJ322', /berekstensi \.png tetapi isinya JPEG/],
    ['PNG without extension', 'gambar/a', { '2024/narasi/lkjip/gambar/a': png(2, 2) }, 'LKJ322', /tanpa ekstensi/],
    ['too many bytes', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': Buffer.concat([png(2, 2), Buffer.alloc(BATAS_GAMBAR.byte)]) }, 'LKJ323', /melebihi batas 2,0 MB/],
    ['too many pixels (PNG)', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': png(5001, 10, false) }, 'LKJ324', /5001 × 10/],
    ['too many pixels (JPEG)', 'gambar/a.jpg', { '2024/narasi/lkjip/gambar/a.jpg': jpeg(300, 6000) }, 'LKJ324', /300 × 6000/],
    ['broken PNG', 'gambar/a.png', { '2024/narasi/lkjip/gambar/a.png': png(2, 2).subarray(0, 12) }, 'LKJ326', /IHDR/],
    ['broken JPEG', 'gambar/a.jpg', { '2024/narasi/lkjip/gambar/a.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]) }, 'LKJ326', /JPEG/],
    ['SVG with a script', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<script>alert(1)</script>') }, 'LKJ325', /<script>/],
    ['SVG with an event handler', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<rect width="5" height="5" onload="x()"/>') }, 'LKJ325', /onload=/],
    ['SVG with foreignObject', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<foreignObject><p>x</p></foreignObject>') }, 'LKJ325', /foreignObject/],
    ['SVG with an external image', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<image href="http://contoh.go.id/a.png"/>') }, 'LKJ325', /rujukan ke luar berkas/],
    ['SVG using another file', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<use xlink:href="lain.svg#x"/>') }, 'LKJ325', /xlink|href="lain/],
    ['SVG with a remote font', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': svg('<style>@font-face{src:url(https://contoh.go.id/f.woff)}</style>') }, 'LKJ325', /url\(https/],
    ['SVG with an entity', 'gambar/a.svg', { '2024/narasi/lkjip/gambar/a.svg': `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>` }, 'LKJ325', /DOCTYPE/],
  ])('%s: %s', async (_n, src, berkas, code, pesan) => {
    const dir = dataDengan(baris.replace('GAMBAR', src), berkas);
    const { loaded, ds } = await periksa(dir);
    expect(ds.map((d) => d.code)).toEqual([code]);
    const d = ds[0]!;
    expect(d.file).toBe(tampilanPath(path.join(dir, NARASI)));
    expect([d.line, d.column]).toEqual([3, kolom]);
    expect(d.message).toMatch(pesan);
    expect(d.severity).toBe('error');
    // The Markdown file joins the sources, for the code frame of the report.
    expect(loaded.sources.get(d.file!)).toContain(src);
  });

  it('passes a good PNG, JPEG and SVG, in a list item and as a reference-style image', async () => {
    const md = ['- butir ![A](gambar/a.png)', '', '![B][b]', '', '[b]: gambar/b.svg', '', '![C](gambar/c.jpeg "judul")', ''].join('\n');
    const dir = dataDengan(md, {
      '2024/narasi/lkjip/gambar/a.png': png(3, 2),
      '2024/narasi/lkjip/gambar/b.svg': svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/><use href="#g"/>'),
      '2024/narasi/lkjip/gambar/c.jpeg': jpeg(640, 480),
    });
    const { loaded, ds } = await periksa(dir);
    expect(ds).toEqual([]);
    const dimuat = muatGambar(loaded, 2024);
    expect([...dimuat.keys()].sort()).toEqual(['2024/narasi/lkjip/gambar/a.png', '2024/narasi/lkjip/gambar/b.svg', '2024/narasi/lkjip/gambar/c.jpeg']);
    expect(dimuat.get('2024/narasi/lkjip/gambar/c.jpeg')).toMatchObject({ jenis: 'jpeg', lebar: 640, tinggi: 480 });
  });

  it('warns about an image without a caption (LKJ327) and still accepts it', async () => {
    const dir = dataDengan('![](gambar/a.png)\n', { '2024/narasi/lkjip/gambar/a.png': png(2, 2) });
    const { ds } = await periksa(dir);
    expect(ds.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['LKJ327', 'warning', 1, 5]]);
  });

  it('follows a symbolic link that stays inside the data folder and refuses one that leaves it', async () => {
    const luar = folderSementara({ 'rahasia.png': '' });
    writeFileSync(path.join(luar, 'rahasia.png'), png(2, 2));
    const dir = dataDengan('![Dalam](gambar/dalam.png)\n\n![Luar](gambar/luar.png)\n', { 'gambar-asli/a.png': png(2, 2) });
    const folder = path.join(dir, '2024/narasi/lkjip/gambar');
    mkdirSync(folder, { recursive: true });
    symlinkSync(path.join(dir, 'gambar-asli/a.png'), path.join(folder, 'dalam.png'), 'file');
    symlinkSync(path.join(luar, 'rahasia.png'), path.join(folder, 'luar.png'), 'file');
    const { ds } = await periksa(dir);
    expect(ds.map((d) => [d.code, d.line])).toEqual([['LKJ321', 3]]);
    expect(ds[0]!.message).toMatch(/tautan simbolik/);
    // A folder linked from outside is refused the same way.
    symlinkSync(luar, path.join(dir, '2024/narasi/lkjip/luar-folder'), 'dir');
    expect(bacaGambar(dir, '2024/narasi/lkjip/luar-folder/rahasia.png')).toMatchObject({ ok: false, masalah: { kode: 'LKJ321' } });
    expect(bacaGambar(dir, 'gambar-asli/a.png')).toMatchObject({ ok: true });
  });
});

describe('the lambang of opd.yaml', () => {
  it('is resolved against the data folder and reported at its value', async () => {
    const dir = dataDengan('x', {}, 'nama: Dinas\nlambang: gambar/lambang.png\n');
    const { ds } = await periksa(dir);
    expect(ds.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['LKJ320', tampilanPath(path.join(dir, 'opd.yaml')), 2, 10]]);
    mkdirSync(path.join(dir, 'gambar'));
    writeFileSync(path.join(dir, 'gambar/lambang.png'), png(20, 24));
    expect((await periksa(dir)).ds).toEqual([]);
  });
});

describe('jalurGambar and cariGambarMarkdown', () => {
  it.each([
    ['2024/narasi/lkjip/bab.md', 'gambar/a.png', '2024/narasi/lkjip/gambar/a.png'],
    ['2024/narasi/lkjip/bab.md', './gambar/../a.png', '2024/narasi/lkjip/a.png'],
    ['2024/narasi/lkjip/bab.md', '../../gambar/a.png', '2024/gambar/a.png'],
    ['2024/narasi/lkjip/bab.md', 'gambar/nama%20berspasi.png', '2024/narasi/lkjip/gambar/nama berspasi.png'],
    ['opd.yaml', 'gambar\\lambang.png', 'gambar/lambang.png'],
  ])('%s names %s: %s', (asal, src, rel) => {
    expect(jalurGambar(asal, src)).toEqual({ ok: true, rel });
  });

  it('finds images with the position of their path, not inside code', () => {
    const teks = 'Awal `![bukan](x.png)` teks.\n\n```\n![bukan](y.png)\n```\n\nDua ![A](a.png) dan ![B](  <b c.png>).\n';
    expect(cariGambarMarkdown(teks)).toEqual([
      { src: 'a.png', judul: 'A', line: 7, column: 10 },
      { src: 'b%20c.png', judul: 'B', line: 7, column: 29 },
    ]);
  });
});

describe('SVG: refused at validation, and sanitised again when embedded', () => {
  const jahat = svg(
    '<script>alert(1)</script><rect onload="x()" width="5" height="5" fill="url(#g)"/>' +
      '<foreignObject><iframe src="http://a"/></foreignObject><image href="http://a/b.png"/>' +
      '<image href="data:image/png;base64,iVBORw0KGgo="/><style>@import url(http://a/c.css); rect{fill:url(https://a/d)}</style>',
  );

  it('periksaSvg names every problem; a clean SVG has none', () => {
    const temuan = periksaSvg(jahat).join('\n');
    for (const t of ['<script>', 'onload=', '<foreignObject>', 'href="http://a/b.png"', '@import', 'url(https://a/d)']) expect(temuan).toContain(t);
    expect(periksaSvg(svg('<rect fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,AAAA"/>'))).toEqual([]);
  });

  it('sanitasiSvg removes them and keeps internal references and data: images', () => {
    const bersih = sanitasiSvg(jahat);
    expect(bersih).not.toMatch(/<script|onload|foreignObject|iframe|http:\/\/a|https:\/\/a|@import/i);
    expect(bersih).toContain('url(#g)');
    expect(bersih).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(periksaSvg(bersih)).toEqual([]);
  });

  it('uriGambar embeds a sanitised SVG with Arimo as an embedded font, and a PNG as it is', () => {
    const uri = uriGambar({ jenis: 'svg', rel: 'a.svg', data: Buffer.from(jahat) });
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const isi = Buffer.from(uri.split(',')[1]!, 'base64').toString('utf8');
    expect(isi).not.toMatch(/<script|onload|http:\/\/a/i);
    expect(isi).toMatch(/@font-face\{font-family:'Arimo';font-weight:400;[^}]*src:url\(data:font\/woff2;base64,/);
    const p = png(2, 2);
    expect(uriGambar({ jenis: 'png', rel: 'a.png', data: p })).toBe(`data:image/png;base64,${p.toString('base64')}`);
  });
});
