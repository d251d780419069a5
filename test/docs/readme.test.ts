/** data/README.md documents the narrative sections and references as the code defines them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { daftarBagian, DOKUMEN_BAGIAN } from '../../src/render/bagian.js';
import { markdownBagian, perbaruiReadme } from '../../src/render/dokumentasi.js';
import { REFERENSI } from '../../src/render/refs.js';

const readme = readFileSync(path.resolve(__dirname, '../../data/README.md'), 'utf8');

describe('data/README.md', () => {
  it('its generated parts are current (run `npm run docs` when this fails)', () => {
    expect(perbaruiReadme(readme)).toBe(readme);
  });

  it('names every narrative file each document template reads, with its heading and tables', () => {
    for (const dokumen of DOKUMEN_BAGIAN) {
      const bagian = daftarBagian(dokumen);
      expect(bagian.length).toBeGreaterThan(10);
      for (const b of bagian) expect(readme).toContain(`\`${b.berkas}.md\``);
    }
    const md = markdownBagian();
    expect(md).toMatch(/\| `bab-1\.1-latar-belakang\.md` \| BAB I PENDAHULUAN > 1\.1\. LATAR BELAKANG \| tabel `1\.1` \|/);
    expect(md).toMatch(/`bab-4-penutup\.md` \(tanpa berkas ini: `penutup` di renja\.yaml\)/);
    expect(md).toMatch(/REVIEW TERHADAP RANCANGAN AWAL RKPD \(Perubahan Renja: .*RANCANGAN PERUBAHAN RKPD\)/);
  });

  it('lists every narrative reference', () => {
    for (const r of REFERENSI.values()) expect(readme).toContain(r.contoh);
  });

  it('fails loudly when a marker is gone', () => {
    expect(() => perbaruiReadme('tanpa penanda')).toThrow(/penanda/);
  });
});

describe('section lists stored by the build (dist/bagian-templat.json)', () => {
  it('are what the templates say, and are used only while the templates are unchanged', async () => {
    const { bacaBagianTemplat, bagianUntukDisimpan, sidikTemplat } = await import('../../src/render/bagian.js');
    const simpan = bagianUntukDisimpan();
    for (const d of DOKUMEN_BAGIAN) expect(simpan.bagian[d]).toEqual(bacaBagianTemplat(d));
    expect(simpan.sidik).toBe(sidikTemplat({ lkjip: bacaTemplatSemua('lkjip'), renja: bacaTemplatSemua('renja') }));
    expect(sidikTemplat({ lkjip: [...bacaTemplatSemua('lkjip'), 'x'], renja: bacaTemplatSemua('renja') })).not.toBe(simpan.sidik);
  });
});

function bacaTemplatSemua(dokumen: string): string[] {
  return ['depan.hbs', 'isi.hbs'].map((f) => readFileSync(path.resolve(__dirname, '../../templates', dokumen, f), 'utf8'));
}
