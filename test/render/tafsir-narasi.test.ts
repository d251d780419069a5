/**
 * Narratives evaluated on their AST (src/render/tafsir-narasi.ts) give exactly what Handlebars'
 * compiled templates give: every document of the bundled agency and of the fixture agencies is
 * rendered both ways and compared whole (HTML and warnings); and the cases it leaves to Handlebars.
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { DOKUMEN } from '../../src/build/dokumen.js';
import { loadData } from '../../src/load/load-data.js';
import { muatGambar } from '../../src/load/gambar.js';
import { buatKonteksDokumen } from '../../src/render/konteks.js';
import { aturTafsirNarasi } from '../../src/render/narasi.js';
import { tafsirNarasi } from '../../src/render/tafsir-narasi.js';

const root = path.resolve(__dirname, '../..');

afterAll(() => aturTafsirNarasi(true));

const AGENSI = [
  { data: path.join(root, 'data'), tahun: 2024 },
  { data: path.join(root, 'test/fixtures/opd-contoh/data'), tahun: 2026 },
  { data: path.join(root, 'test/fixtures/opd-kesehatan/data'), tahun: 2026 },
];

describe('narratives evaluated on the AST equal compiled Handlebars', () => {
  it.each(AGENSI)('every document of $data ($tahun)', async ({ data, tahun }) => {
    const loaded = await loadData(data);
    let dokumen = 0;
    for (const d of DOKUMEN) {
      if (!d.html) continue;
      const param = { triwulan: d.triwulanan ? (3 as const) : undefined };
      const render = async (tafsir: boolean) => {
        aturTafsirNarasi(tafsir);
        const ctx = buatKonteksDokumen(loaded.dataSet!, tahun, undefined, undefined, muatGambar(loaded, tahun));
        try {
          return await d.html!(ctx, param);
        } catch (e) {
          return { galat: (e as Error).message };
        }
      };
      const a = await render(true);
      const b = await render(false);
      expect(a, d.id).toEqual(b);
      if (!('galat' in a)) dokumen += 1;
    }
    expect(dokumen).toBeGreaterThanOrEqual(2);
  });
});

describe('what is left to Handlebars', () => {
  const hb = Handlebars.create();
  hb.registerHelper('ref', (a: unknown) => `<${String(a)}>`);
  const jalan = (t: string, konteks: Record<string, unknown> = { opd: { nama: 'Dinas' } }) => tafsirNarasi(hb.parse(t), hb.helpers, konteks, {});

  it.each([
    ['a block', '{{#if x}}y{{/if}}'],
    ['a path argument', '{{ref opd.nama}}'],
    ['a sub-expression', '{{ref (ref "a")}}'],
    ['this', '{{this.opd}}'],
    ['@data', '{{@root.opd}}'],
    ['a field the data lacks', '{{opd.kepala}}'],
    ['an unknown name', '{{tidak_ada}}'],
    ['a partial', '{{> bagian}}'],
  ])('%s', (_nama, t) => {
    expect(jalan(t)).toBeUndefined();
  });

  it('evaluates text, comments, helpers with literals and fields like the compiled template', () => {
    const t = 'A {{! catatan }}{{ref "x" n=2}} {{opd.nama}} {{ref 3}} {{ref true}}~{{~ref null}}';
    const konteks = { opd: { nama: 'Dinas' } };
    expect(jalan(t, konteks)).toBe(hb.compile(t, { strict: true, noEscape: true })(konteks));
  });

  it('calls no helper when it hands a template over (helpers record warnings and placeholders)', () => {
    let dipanggil = 0;
    const h = Handlebars.create();
    h.registerHelper('catat', () => String(++dipanggil));
    expect(tafsirNarasi(h.parse('{{catat}} {{#if x}}y{{/if}}'), h.helpers, {}, {})).toBeUndefined();
    expect(dipanggil).toBe(0);
  });
});
