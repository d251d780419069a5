/**
 * Narrative rendering (Markdown, placeholders, safety) and the reference check on the AST.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSet } from '../../src/model/types.js';
import { loadData } from '../../src/load/index.js';
import { buatKonteksDokumen, type KonteksDokumen } from '../../src/render/konteks.js';
import { createEnv } from '../../src/render/handlebars-env.js';
import { checkNarasi, renderNarasi } from '../../src/render/narasi.js';
import { JENIS_JUMLAH, REFERENSI } from '../../src/render/refs.js';

const DIR = fileURLToPath(new URL('../../data', import.meta.url));

let data: DataSet;
let ctx: KonteksDokumen;
const env = createEnv();
const opsi = {
  renderTabel: (id: string) => `<table data-id="${id}"></table>\n`,
  renderGrafik: (id: string) => `<figure data-id="${id}"></figure>\n`,
};
/** The source marks for the layout audit (data-baris, data-narasi) are tested on their own below. */
const tanpaTanda = (html: string): string => html.replace(/ data-(?:baris|narasi)="[^"]*"/g, '');
const render = (text: string) => {
  const r = renderNarasi(text, 'uji.md', ctx, env, opsi);
  return { ...r, html: tanpaTanda(r.html) };
};
const cek = (text: string, file = 'data/2024/narasi/lkjip/uji.md') => checkNarasi([{ file, text }], data, 2024);

beforeAll(async () => {
  const loaded = await loadData(DIR);
  if (!loaded.dataSet) throw new Error('data bawaan tidak dapat dimuat');
  data = loaded.dataSet;
  ctx = buatKonteksDokumen(data, 2024);
});

describe('renderNarasi', () => {
  it('prints raw HTML of a narrative as text', () => {
    const r = render('Awal <script>alert(1)</script> akhir\n\n<img src=x onerror=alert(1)>');
    expect(r.html).not.toContain('<script');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('replaces table and chart placeholders by the HTML of the callbacks, whole paragraph', () => {
    const r = render('Teks {{tahun}}.\n\n{{tabel "3.1.a"}}\n\n{{grafik "iku-capaian"}}\n\nPenutup.');
    expect(r.tabel).toEqual(['3.1.a']);
    expect(r.grafik).toEqual(['iku-capaian']);
    expect(r.html).toBe(
      '<p>Teks 2024.</p>\n<table data-id="3.1.a"></table>\n<figure data-id="iku-capaian"></figure>\n<p>Penutup.</p>\n',
    );
  });

  it('marks each block with its narrative line and each top-level block with its file (for the layout audit)', () => {
    const r = renderNarasi('Satu.\n\n- a\n- b\n\n{{tabel "skala"}}\n\nDua.', 'data/2024/narasi/lkjip/uji.md', ctx, env, opsi);
    expect(r.html).toBe(
      '<p data-baris="1" data-narasi="data/2024/narasi/lkjip/uji.md">Satu.</p>\n' +
        '<ul data-baris="3" data-narasi="data/2024/narasi/lkjip/uji.md">\n<li data-baris="3">a</li>\n<li data-baris="4">b</li>\n</ul>\n' +
        '<table data-id="skala"></table>\n' +
        '<p data-baris="8" data-narasi="data/2024/narasi/lkjip/uji.md">Dua.</p>\n',
    );
  });

  it('places a table written inside a paragraph on its own', () => {
    const r = render('Berikut tabelnya: {{tabel "lra"}} dan selesai.');
    expect(r.html).toContain('<table data-id="lra"></table>');
    expect(r.html).not.toMatch(/LKJIP[0-9a-f]+TABEL/);
  });

  it('does not let a narrative forge a placeholder', () => {
    const r = render('LKJIPTABEL0END dan LKJIPdeadbeef0000TABEL0END');
    expect(r.tabel).toEqual([]);
    expect(r.html).toBe('<p>LKJIPTABEL0END dan LKJIPdeadbeef0000TABEL0END</p>\n');
  });

  it('renders "- a. text" lists as lettered ordered lists', () => {
    const r = render('- a. satu;\n- b. dua;\n- c. tiga.');
    expect(r.html).toBe('<ol type="a">\n<li>satu;</li>\n<li>dua;</li>\n<li>tiga.</li>\n</ol>\n');
  });

  it('keeps bullet lists whose items are not consecutive letters', () => {
    expect(render('- a. satu\n- c. dua').html).toContain('<ul>');
    expect(render('- satu\n- dua').html).toContain('<ul>');
  });

  it('nested lettered list inside a numbered list', () => {
    const r = render('1. Fungsi :\n   - a. satu;\n   - b. dua.');
    expect(r.html).toContain('<ol type="a">\n<li>satu;</li>\n<li>dua.</li>\n</ol>');
  });

  it('renders ### and #### as h3 / h4 without id', () => {
    const r = render('### Struktur {{tahun}}\n\n#### A. Bagian');
    expect(r.html).toBe('<h3>Struktur 2024</h3>\n<h4>A. Bagian</h4>\n');
  });

  it('leaves quotes alone (typographer off)', () => {
    expect(render('"kutip" -- (c)').html).toBe('<p>&quot;kutip&quot; -- (c)</p>\n');
  });

  it('fails loudly on an unknown path (strict mode)', () => {
    expect(() => render('{{tidak_ada}}')).toThrow(/uji\.md/);
  });
});

describe('checkNarasi', () => {
  it('accepts the whole bundled 2024 narrative', () => {
    const files: { file: string; text: string }[] = [];
    for (const [dok, m] of Object.entries(data.tahun.get(2024)!.narasi)) {
      for (const [nama, text] of Object.entries(m)) files.push({ file: `data/2024/narasi/${dok}/${nama}.md`, text });
    }
    expect(files.length).toBeGreaterThan(20);
    expect(checkNarasi(files, data, 2024)).toEqual([]);
  });

  it('reports an unknown indicator id at its line:column, with a suggestion', () => {
    const ds = cek('Baris satu.\n\nRealisasi {{realisasi "IKU-9"}}% pada tahun ini.');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      code: 'LKJ310',
      severity: 'error',
      file: 'data/2024/narasi/lkjip/uji.md',
      line: 3,
      // the argument "IKU-9" (1-based column)
      column: 23,
      found: 'IKU-9',
    });
    expect(ds[0]!.message).toContain('IKU-9');
    expect(ds[0]!.hint).toMatch(/mungkin maksudnya `IKU-\d`/);
  });

  it.each([
    ['{{realisasy "IKU-1"}}', 1, 1, /mungkin maksudnya `realisasi`/],
    ['{{opd.nama_lengkp}}', 1, 1, /mungkin maksudnya `opd.nama_lengkap`/],
    ['{{opd}}', 1, 1, /./],
    ['ada {{tabel "3.1.z"}}', 1, 13, /mungkin maksudnya `3.1.a`/],
    ['{{grafik "iku"}}', 1, 10, /grafik yang dikenal|mungkin/],
    ['{{realisasi "IKU-1" tahun=2019}}', 1, 27, /2022, 2023, 2024/],
    ['{{realisasi "IKU-1" tahun="2023"}}', 1, 27, undefined],
    ['{{realisasi "IKU-1" thn=2023}}', 1, 21, /mungkin maksudnya `tahun`/],
    ['{{realisasi}}', 1, 1, /contoh/],
    ['{{realisasi IKU-1}}', 1, 13, undefined],
    ['{{anggaran "9.99"}}', 1, 12, /kode program/],
    ['{{jumlah "program" jenis="utama"}}', 1, 20, /./],
    ['{{jumlah "iku" program="2.07.05"}}', 1, 16, /./],
    ['{{jumlah "programs"}}', 1, 10, /mungkin maksudnya `program`/],
    ['{{data "konteks.kondisi.bekrja"}}', 1, 8, /mungkin maksudnya `konteks.kondisi.bekerja`/],
    ['{{data "kontek.x"}}', 1, 8, /konteks/],
    ['{{tahun 2024}}', 1, 9, /./],
    ['a\n{{#if x}}y{{/if}}', 2, 1, /referensi yang dikenal/],
    ['{{> bagian}}', 1, 1, /./],
  ])('%s -> LKJ310 at %i:%i', (text, line, column, hint) => {
    const ds = cek(text);
    expect(ds.length, JSON.stringify(ds)).toBeGreaterThanOrEqual(1);
    expect(ds[0]).toMatchObject({ code: 'LKJ310', severity: 'error', line, column });
    if (hint) expect(ds[0]!.hint).toMatch(hint);
  });

  it('accepts derived konteks values and every known form', () => {
    expect(
      cek(
        '{{data "konteks.kondisi.angkatan_kerja"}} {{data "konteks.kondisi.tpak"}} ' +
          '{{data "konteks.pns_golongan.jumlah"}} {{anggaran_apbd}} {{anggaran_apbd "2.07.05"}} ' +
          '{{target_akhir "IKU-1"}} {{rata_rata_capaian "semua"}} {{jumlah "kegiatan" jenis="prioritas" program="2.07.03"}} ' +
          '{{! komentar }} {{{opd.nama}}}',
      ),
    ).toEqual([]);
  });

  it('reports a syntax error as LKJ311 with its position', () => {
    const ds = cek('Baris satu\nada {{realisasi "IKU-1}} lagi');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'LKJ311', severity: 'error', line: 2 });
    expect(ds[0]!.column).toBe(17); // the stray quote
  });

  it('reports an unclosed mustache as LKJ311', () => {
    const ds = cek('ok\n\nteks {{tahun');
    expect(ds[0]).toMatchObject({ code: 'LKJ311', line: 3 });
  });

  it('checks each file on its own and keeps going', () => {
    const ds = checkNarasi(
      [
        { file: 'a.md', text: '{{realisasi "X"}}' },
        { file: 'b.md', text: '{{#each}}' },
        { file: 'c.md', text: '{{tahun}}' },
      ],
      data,
      2024,
    );
    expect(ds.map((d) => [d.file, d.code])).toEqual([
      ['a.md', 'LKJ310'],
      ['b.md', 'LKJ311'],
    ]);
  });
});

describe('placeholders inside lists', () => {
  it('keeps a table inside its list item', () => {
    const r = render('1. Satu\n\n   {{tabel "skala"}}\n\n2. Dua');
    expect(r.html).toBe('<ol>\n<li>\n<p>Satu</p>\n<table data-id="skala"></table>\n</li>\n<li>\n<p>Dua</p>\n</li>\n</ol>\n');
  });
});

describe('document env stays untouched', () => {
  it('does not shadow template fields such as {{tahun}} and collects warnings when asked', async () => {
    const { daftarkanRefs } = await import('../../src/render/narasi.js');
    const docEnv = createEnv();
    const kumpulan: import('../../src/diagnostics.js').Diagnostic[] = [];
    daftarkanRefs(docEnv, ctx, kumpulan);
    expect(render('{{tahun}}').html).toBe('<p>2024</p>\n');
    renderNarasi('{{realisasi "IKU-9"}}', 'x.md', ctx, docEnv, opsi);
    expect(docEnv.compile('{{tahun}}', { strict: true })({ tahun: 1999 })).toBe('1999');
    expect(kumpulan.map((d) => [d.code, d.file])).toEqual([['LKJ312', 'x.md']]);
  });
});

describe('the documented forms of {{jumlah}}', () => {
  const ket = REFERENSI.get('jumlah')?.keterangan ?? '';
  const [dikenal = '', tidakDikenal = ''] = ket.split('bukan banyaknya indikator');
  const bentuk = (s: string): string[] => [...s.matchAll(/`(\{\{jumlah [^`]*\}\})`/g)].map((m) => m[1] as string);

  it('names every kind it counts, each with its exact syntax', () => {
    expect(bentuk(dikenal).map((b) => /"([^"]+)"/.exec(b)?.[1])).toEqual([...JENIS_JUMLAH]);
  });

  it.each(bentuk(dikenal))('%s is accepted', (b) => {
    expect(cek(b)).toEqual([]);
  });

  it('the forms it says are not known are rejected, naming the accepted ones', () => {
    const salah = [...bentuk(tidakDikenal), '{{jumlah "iku" kategori="Sangat Tinggi"}}'];
    expect(salah.length).toBe(2);
    for (const b of salah) {
      const d = cek(b);
      expect(d.map((x) => x.code)).toEqual(['LKJ310']);
      expect(`${d[0]?.message} ${d[0]?.hint}`).toMatch(/kategori/);
    }
  });
});
