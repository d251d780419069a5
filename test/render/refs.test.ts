/**
 * Figure references of the narrative against the bundled 2024 data: every reference the bundled
 * narrative uses renders without warning, and the key figures are pinned to the source document.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataSet } from '../../src/model/types.js';
import { loadData } from '../../src/load/index.js';
import { buatKonteksDokumen, type KonteksDokumen } from '../../src/render/konteks.js';
import { createEnv } from '../../src/render/handlebars-env.js';
import { renderNarasi, type HasilNarasi } from '../../src/render/narasi.js';
import { REFERENSI, jarakEdit, palingMirip } from '../../src/render/refs.js';

const DIR = fileURLToPath(new URL('../../data', import.meta.url));

let data: DataSet;
let ctx: KonteksDokumen;
const env = createEnv();
const opsi = { renderTabel: (id: string) => `<div class="tabel">${id}</div>\n`, renderGrafik: (id: string) => `<div class="grafik">${id}</div>\n` };

/** Without the source marks for the layout audit (tested in narasi.test.ts). */
function render(text: string, k: KonteksDokumen = ctx, file = 'uji.md'): HasilNarasi {
  const r = renderNarasi(text, file, k, env, opsi);
  return { ...r, html: r.html.replace(/ data-(?:baris|narasi)="[^"]*"/g, '') };
}
/** One reference rendered alone, as plain text. */
function isi(ref: string, k: KonteksDokumen = ctx): string {
  return render(ref, k).html.replace(/^<p>|<\/p>\n$/g, '');
}

function narasi(ds: DataSet): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const [dok, m] of Object.entries(ds.tahun.get(2024)?.narasi ?? {})) {
    for (const [nama, text] of Object.entries(m)) out.push({ file: `data/2024/narasi/${dok}/${nama}.md`, text });
  }
  return out;
}

beforeAll(async () => {
  const loaded = await loadData(DIR);
  if (!loaded.dataSet) throw new Error('data bawaan tidak dapat dimuat');
  data = loaded.dataSet;
  ctx = buatKonteksDokumen(data, 2024);
});

describe('bundled 2024 narrative', () => {
  it('has narrative files', () => {
    expect(narasi(data).length).toBeGreaterThan(20);
  });

  it('renders every file without a warning and with every placeholder replaced', () => {
    for (const { file, text } of narasi(data)) {
      const r = render(text, ctx, file);
      expect(r.peringatan, file).toEqual([]);
      expect(r.html, file).not.toMatch(/LKJIP[0-9a-f]+(TABEL|GRAFIK)/);
      expect(r.html, file).not.toContain('{{');
    }
  });

  it('renders every distinct reference to a value (never "-")', () => {
    const refs = new Set<string>();
    for (const { text } of narasi(data)) for (const m of text.matchAll(/\{\{[^}]*\}\}/g)) refs.add(m[0]);
    expect(refs.size).toBeGreaterThan(100);
    for (const ref of refs) {
      if (/^\{\{(tabel|grafik) /.test(ref)) continue;
      const r = render(ref);
      expect(r.peringatan, ref).toEqual([]);
      expect(r.html.replace(/<\/?p>|\n/g, ''), ref).not.toBe('-');
    }
  });
});

describe('pinned values (source: LKJIP 2024)', () => {
  it.each([
    ['{{capaian "IKU-1"}}', '102,99'],
    ['{{realisasi "IKU-1"}}', '89,60'],
    ['{{target "IKU-1"}}', '87,00'],
    ['{{target "IKU-3"}}', '3,50'],
    ['{{realisasi "IKU-1" tahun=2022}}', '85,06'],
    ['{{realisasi "IT-1" tahun=2023}}', '4,67'],
    ['{{realisasi "IKL-4"}}', '2'],
    ['{{realisasi "IKL-1"}}', '81,30'],
    ['{{predikat "IKL-1"}}', 'A'],
    ['{{kategori "IKU-1"}}', 'Sangat Tinggi'],
    ['{{perubahan "IKU-1" dari=2023}}', 'naik 4,39 poin dari tahun 2023'],
    ['{{perubahan "IT-1" dari=2023}}', 'turun 0,80 poin dari tahun 2023'],
    ['{{perubahan "IKU-1" tahun=2023 dari=2022}}', 'naik 0,15 poin dari tahun 2022'],
    ['{{anggaran}}', '10.560.086.840'],
    ['{{realisasi_anggaran}}', '9.585.029.025'],
    ['{{sisa_anggaran}}', '975.057.815'],
    ['{{efisiensi}}', '9,23'],
    ['{{persen_realisasi_anggaran}}', '90,77'],
    ['{{anggaran jenis="prioritas"}}', '5.301.034.240'],
    ['{{anggaran "2.07.05"}}', '4.200.749.900'],
    ['{{anggaran "2.07.03"}}', '760.284.340'],
    ['{{anggaran_terbilang "2.07.04"}}', 'Tiga ratus empat puluh juta'],
    ['{{anggaran_terbilang}}', 'Sepuluh miliar lima ratus enam puluh juta delapan puluh enam ribu delapan ratus empat puluh'],
    ['{{jumlah "iku"}}', '4'],
    ['{{jumlah_terbilang "iku"}}', 'empat'],
    ['{{jumlah "program"}}', '4'],
    ['{{jumlah "program" jenis="prioritas"}}', '3'],
    ['{{jumlah_terbilang "program" jenis="pendukung"}}', 'satu'],
    ['{{jumlah "kegiatan" program="2.07.05"}}', '1'],
    ['{{jumlah "sub_kegiatan" program="2.07.05"}}', '4'],
    ['{{jumlah "sasaran" jenis="utama"}}', '2'],
    ['{{jumlah "kategori"}}', '5'],
    ['{{data "konteks.kondisi.penduduk_usia_kerja"}}', '908.607'],
    ['{{data "konteks.kondisi.angkatan_kerja"}}', '671.806'],
    ['{{data "konteks.kondisi.tpak"}}', '73,94'],
    ['{{data "konteks.kondisi.penganggur" tahun=2023}}', '30.219'],
    ['{{perubahan_data "konteks.kondisi.bekerja" dari=2023}}', 'naik 28.272 orang (4,58%) dari tahun 2023'],
    ['{{perubahan_data "konteks.kondisi.penganggur" dari=2023}}', 'turun 4.238 orang (14,02%) dari tahun 2023'],
    ['{{triwulan_evaluasi}}', 'II'],
    ['{{tahun}}', '2024'],
    ['{{tahun_berikut}}', '2025'],
    ['{{periode_renstra}}', '2021-2026'],
    ['{{opd.nama_lengkap}}', 'Dinas Tenaga Kerja Kabupaten Mojokerto'],
  ])('%s -> %s', (ref, diharapkan) => {
    const r = render(ref);
    expect(r.peringatan).toEqual([]);
    expect(isi(ref)).toBe(diharapkan);
  });
});

describe('rupiah before the amount', () => {
  it('an indicator in Rp: the change reads "naik Rp 52.757.550.000" (the value alone stays a bare number)', () => {
    const ds = structuredClone(data);
    const def = ds.strategis!.indikator.find((i) => i.id === 'IKU-1')!;
    def.satuan = 'Rp';
    ds.tahun.get(2023)!.kinerja!.indikator.find((i) => i.id === 'IKU-1')!.realisasi = 438_615_250_000;
    ds.tahun.get(2024)!.kinerja!.indikator.find((i) => i.id === 'IKU-1')!.realisasi = 491_372_800_000;
    const ctx = buatKonteksDokumen(ds, 2024);
    expect(isi('{{perubahan "IKU-1" dari=2023}}', ctx)).toBe('naik Rp 52.757.550.000 dari tahun 2023');
    expect(isi('{{realisasi "IKU-1"}}', ctx)).toBe('491.372.800.000');
  });
});

describe('missing values print "-" with a warning, never throw', () => {
  it('perubahan with equal values says "tetap sama"', () => {
    const ds = structuredClone(data);
    const k24 = ds.tahun.get(2024)!.kinerja!.indikator.find((i) => i.id === 'IKU-1')!;
    k24.realisasi = 85.21;
    expect(isi('{{perubahan "IKU-1" dari=2023}}', buatKonteksDokumen(ds, 2024))).toBe('tetap sama dengan tahun 2023');
  });

  it('a missing konteks and a missing opd field', () => {
    const ds = structuredClone(data);
    delete ds.tahun.get(2024)!.konteks;
    delete ds.opd.singkatan;
    const r = render('Baris satu.\n\nPenduduk {{data "konteks.kondisi.bekerja"}} orang, {{opd.singkatan}}.', buatKonteksDokumen(ds, 2024));
    expect(r.html).toBe('<p>Baris satu.</p>\n<p>Penduduk - orang, -.</p>\n');
    expect(r.peringatan.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['LKJ312', 'warning', 3, 10],
      ['LKJ312', 'warning', 3, 52],
    ]);
  });

  it('an unknown indicator at render time', () => {
    const r = render('{{realisasi "IKU-9"}}');
    expect(r.html).toBe('<p>-</p>\n');
    expect(r.peringatan[0]?.message).toContain('IKU-9');
  });

  it('no LRA: money references fall back or print "-"', () => {
    const ds = structuredClone(data);
    delete ds.tahun.get(2024)!.lra;
    const k = buatKonteksDokumen(ds, 2024);
    const r = render('{{anggaran}} | {{realisasi_anggaran}} | {{jumlah "program"}} | {{jumlah "kegiatan"}}', k);
    expect(r.html).toBe('<p>10.539.962.740 | - | 4 | 11</p>\n');
    expect(r.peringatan.map((d) => d.code)).toEqual(['LKJ312']);
  });
});

describe('values are text in Markdown, not Markdown', () => {
  it('escapes Markdown and HTML in data values', () => {
    const ds = structuredClone(data);
    ds.opd.nama = 'Dinas *Uji* <b>x</b> & [a](b)';
    expect(isi('{{opd.nama}}', buatKonteksDokumen(ds, 2024))).toBe('Dinas *Uji* &lt;b&gt;x&lt;/b&gt; &amp; [a](b)');
  });
});

describe('registry', () => {
  it('covers the reference names of the brief', () => {
    for (const n of [
      'target', 'realisasi', 'capaian', 'kategori', 'predikat', 'target_akhir', 'perubahan', 'rata_rata_capaian',
      'kategori_rata_rata', 'anggaran', 'anggaran_apbd', 'realisasi_anggaran', 'persen_realisasi_anggaran',
      'sisa_anggaran', 'efisiensi', 'kategori_realisasi_anggaran', 'anggaran_terbilang', 'realisasi_anggaran_terbilang',
      'data', 'perubahan_data', 'jumlah', 'jumlah_terbilang', 'triwulan_evaluasi', 'tahun', 'tahun_berikut',
      'periode_renstra', 'tabel', 'grafik',
    ]) {
      expect(REFERENSI.has(n), n).toBe(true);
    }
  });

  it('suggests by edit distance', () => {
    expect(jarakEdit('realisasy', 'realisasi')).toBe(1);
    expect(palingMirip('realisasy', [...REFERENSI.keys()])).toBe('realisasi');
    expect(palingMirip('zzzzzz', ['IKU-1'])).toBeUndefined();
  });
});
