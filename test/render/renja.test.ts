import { beforeAll, describe, expect, it } from 'vitest';
import { gulungPagu, hitungMatriks, hitungTc31, paguRincian } from '../../src/calc/tabel-renja.js';
import { loadData } from '../../src/load/index.js';
import type { DataSet, DataTahun, RenjaRincian } from '../../src/model/types.js';
import { buatKonteksDokumen } from '../../src/render/konteks.js';
import { renderRenja } from '../../src/render/renja.js';
import { TABEL_RENJA } from '../../src/render/renja-tabel.js';
import { lembarRenja } from '../../src/render/workbook-renja.js';
import { lebarSel } from '../../src/render/bagi-kolom.js';
import { lebarTeks } from '../../src/render/ukuran-teks.js';

let data: DataSet;
let html: string;

/** Text of an HTML fragment: tags removed, one space between cells. */
function teks(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&gt;/g, '>')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The <figure> of a form. */
function figur(id: string): string {
  const m = new RegExp(`<figure class="[^"]*" id="tabel-${id}">([\\s\\S]*?)</figure>`).exec(html);
  if (!m) throw new Error(`tabel ${id} tidak ada`);
  return m[1] ?? '';
}

/** Body rows of a form as arrays of cell texts (of its first table, or of table `bagian`). */
function baris(id: string, bagian = 0): string[][] {
  const body = [...figur(id).matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)][bagian]?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => teks(c[1] ?? '')),
  );
}

/** The tables (parts) of a form. */
function bagianTabel(id: string): string[] {
  return [...figur(id).matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
}

/** A row of E.81 across its parts: the cells of the row starting with `awal` in every part, joined. */
function cariE81(awal: string): string[] {
  return bagianTabel('e-81').flatMap((_, i) => {
    const r = baris('e-81', i).find((row) => row.some((c) => c === awal || c.startsWith(awal)));
    return r ?? [];
  });
}

function cari(id: string, awal: string): string[] {
  const r = baris(id).find((row) => row.some((c) => c === awal || c.startsWith(awal)));
  if (!r) throw new Error(`baris "${awal}" tidak ada di tabel ${id}`);
  return r;
}

function denganRenja(ubah: (d: DataTahun) => DataTahun): DataSet {
  const tahun = new Map(data.tahun);
  tahun.set(2024, ubah(data.tahun.get(2024)!));
  return { ...data, tahun };
}

beforeAll(async () => {
  const loaded = await loadData('data');
  if (!loaded.dataSet) throw new Error('data/ tidak terbaca');
  data = loaded.dataSet;
  html = (await renderRenja(buatKonteksDokumen(data, 2024))).html;
});

describe('registry', () => {
  it('has every Renja table id of COMMON.md, in document order, wide forms landscape', () => {
    expect([...TABEL_RENJA.keys()]).toEqual(['kebijakan', 'E.81', 'TC-29', 'TC-30', 'isu', 'TC-31', 'usulan', '4.1']);
    const lebar = [...TABEL_RENJA.values()].filter((t) => t.lebar === true).map((t) => t.id);
    expect(lebar).toEqual(['E.81', 'TC-29', 'TC-31', '4.1']);
  });

  it('titles hard-code no agency name: they come from opd.yaml', () => {
    for (const def of TABEL_RENJA.values()) expect(def.judul).not.toMatch(/Mojokerto|Tenaga Kerja/i);
  });
});

describe('document 2024', () => {
  it('is a Perubahan Renja: cover, Kata Pengantar signed "Mojokerto, Agustus 2024"', () => {
    expect(html).toContain('PERUBAHAN RENCANA KERJA TAHUN 2024');
    expect(teks(html)).toContain('Mojokerto, Agustus 2024');
    expect(html).toContain('MOHAMMAD TAUFIQURROHMAN, S.STP., MM');
  });

  it('has the table of contents of the source', () => {
    const toc = teks(/<section class="halaman-depan daftar-isi"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
    for (const judul of [
      'KATA PENGANTAR',
      'BAB I PENDAHULUAN',
      '1.4 SISTEMATIKA PENULISAN',
      'BAB II HASIL EVALUASI RENCANA KERJA SAMPAI DENGAN TRIWULAN KE II TAHUN BERKENAAN',
      '2.1 EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TW. II DAN CAPAIAN RENSTRA PERANGKAT DAERAH',
      '2.4 REVIEW TERHADAP RANCANGAN PERUBAHAN RKPD',
      'BAB III RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH',
      'BAB IV PENUTUP',
    ]) {
      expect(toc).toContain(judul);
    }
  });

  it.each([
    ['e-81', 'Tabel 2.1', 'EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH DINAS TENAGA KERJA KABUPATEN MOJOKERTO TAHUN 2024 TRIWULAN II', 'Tabel E.81'],
    ['tc-29', 'Tabel 2.2', 'REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA PERANGKAT DAERAH DAN PENCAPAIAN RENSTRA PERANGKAT DAERAH S/D TAHUN 2023 KABUPATEN MOJOKERTO', 'Tabel TC-29'],
    ['tc-30', 'Tabel 2.3', 'PENCAPAIAN KINERJA PELAYANAN PERANGKAT DAERAH DINAS TENAGA KERJA KABUPATEN MOJOKERTO', 'Tabel TC-30'],
    ['tc-31', 'Tabel 2.5', 'REVIEW TERHADAP PERUBAHAN RKPD TAHUN 2024 KABUPATEN MOJOKERTO', 'Tabel TC-31'],
    ['4-1', 'Tabel 3.1', 'MATRIKS PERUBAHAN PROGRAM DAN KEGIATAN PERANGKAT DAERAH TAHUN 2024', 'Tabel 4.1'],
  ])('form %s is numbered "%s" in its chapter and keeps its form name', (id, nomor, judul, formulir) => {
    const cap = teks(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(figur(id))?.[1] ?? '');
    expect(cap).toBe(`${nomor} ${judul} (${formulir})`);
  });

  it('wide forms sit on landscape pages; the others do not', () => {
    for (const id of ['e-81', 'tc-29', 'tc-31', '4-1']) expect(html).toContain(`class="tabel lebar renja" id="tabel-${id}"`);
    for (const id of ['kebijakan', 'tc-30', 'isu', 'usulan']) expect(html).toContain(`class="tabel renja" id="tabel-${id}"`);
  });

  it('never prints NaN, Infinity, undefined or #DIV/0!', () => {
    expect(html).not.toMatch(/NaN|Infinity|undefined|#DIV\/0!/);
  });

  it('Tabel 4.1 JUMLAH is the sum of the rincian: 10.560.086.840', () => {
    expect(cari('4-1', 'JUMLAH')).toContain('10.560.086.840');
    expect(cari('4-1', '2.07.05')).toContain('4.200.749.900');
  });

  it('TC-31 rolls both sides up: RKPD 9.938.911.600, analisis 10.560.086.840', () => {
    const jumlah = cari('tc-31', 'JUMLAH');
    expect(jumlah).toEqual(['', 'JUMLAH', '9.938.911.600', 'JUMLAH', '10.560.086.840', '']);
    const program = cari('tc-31', '2.07.01');
    expect(program).toContain('5.405.019.600');
    expect(program).toContain('5.259.052.600');
    // The RKPD printed the LKjIP target without a number ("-- dokumen").
    expect(cari('tc-31', 'Penyusunan Dokumen LKjIP')).toContain('- dokumen');
  });

  it('E.81: cells of a sub kegiatan, a program, the means and the JUMLAH row', () => {
    const jamsos = cariE81('2.07.05.2.02.0005');
    // K7, Rp7, then TW II K and Rp, 13 K/Rp, 15 K/Rp.
    expect(jamsos).toEqual(
      expect.arrayContaining(['27.945', '3.046.192.000', '27.740', '977.118.100', '99,27', '32,08', '4.660,42', '110,78']),
    );
    const penunjang = cariE81('2.07.01');
    expect(penunjang[0]).toBe('1.');
    expect(penunjang).toContain('2.241.316.647');
    expect(penunjang).toContain('5.405.019.600');
    const rata = bagianTabel('e-81').flatMap((_, i) => baris('e-81', i)).filter((r) => r[0] === 'Rata-rata capaian kinerja (%)');
    expect(rata).toHaveLength(5);
    expect(rata[0]?.slice(1, 3)).toEqual(['37,32', '40,66']);
    const jumlah = cariE81('JUMLAH ANGGARAN DAN REALISASI DARI SELURUH PROGRAM');
    expect(jumlah).toContain('9.938.911.600');
    expect(jumlah).toContain('3.538.042.347');
    expect(cariE81('PREDIKAT KINERJA DARI SELURUH PROGRAM')).toContain('Sangat Rendah');
  });

  it('E.81 is printed in parts that repeat columns 1-4 and together hold all 28 columns once', () => {
    const bagian = bagianTabel('e-81');
    expect(bagian.length).toBeGreaterThan(1);
    const nomorLain: string[] = [];
    let kolomLain = 0;
    bagian.forEach((t, i) => {
      const thead = /<thead>([\s\S]*?)<\/thead>/.exec(t)?.[1] ?? '';
      expect(teks(thead)).toContain(`Bagian ${i + 1} dari ${bagian.length}`);
      const nomor = [...(/<tr class="nomor-kolom">([\s\S]*?)<\/tr>/.exec(thead)?.[1] ?? '').matchAll(/<th(?: colspan="(\d+)")?>([^<]*)<\/th>/g)];
      expect(nomor.slice(0, 4).map((m) => m[2])).toEqual(['1', '2', '3', '4']);
      nomorLain.push(...nomor.slice(4).map((m) => m[2]!.split(' ')[0]!));
      const kolom = (t.match(/<col /g) ?? []).length;
      // The column-number row spans exactly the part's columns.
      expect(nomor.reduce((n, m) => n + Number(m[1] ?? 1), 0)).toBe(kolom);
      kolomLain += kolom - 4;
      // Widths in mm fill the landscape text width (267 mm) less 1 mm for the outer border.
      const mm = [...t.matchAll(/<col style="width: ([\d.]+)mm">/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(mm).toBeGreaterThan(265.5);
      expect(mm).toBeLessThanOrEqual(266.3);
    });
    expect(nomorLain).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17']);
    expect(kolomLain).toBe(24);
    expect(teks(figur('e-81'))).toContain('12 = 8+9+10+11');
    expect(teks(figur('e-81'))).toContain('15 = 14/5 × 100%');
  });

  it.each(['tc-29', 'tc-31', '4-1'])('%s: column widths from the values fill the landscape text width less 1 mm', (id) => {
    const mm = [...figur(id).matchAll(/<col style="width: ([\d.]+)mm">/g)].map((m) => Number(m[1]));
    expect(mm.length).toBeGreaterThan(10);
    const jumlah = mm.reduce((a, b) => a + b, 0);
    expect(jumlah).toBeGreaterThan(265.5);
    expect(jumlah).toBeLessThanOrEqual(266.3);
  });

  it('2.5 prints "Tidak ada usulan" for an empty list', () => {
    expect(cari('usulan', 'Tidak ada usulan')).toEqual(['-', 'Tidak ada usulan']);
  });

  it('TC-29 shows the node once over its indicator rows', () => {
    const r = cari('tc-29', '2.07.05');
    expect(r[1]).toBe('Program Hubungan Industrial');
    expect(figur('tc-29')).toMatch(/<td class="kode" rowspan="2">2\.07\.05</);
  });
});

describe('TC-30 layout from its values', () => {
  const kolomMm = (f: string) => [...f.matchAll(/<col style="width: ([\d.]+)mm">/g)].map((m) => Number(m[1]));
  const jumlah = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('small values stay on a portrait page, columns filling its text width', () => {
    const f = figur('tc-30');
    expect(html).toMatch(/<figure class="tabel renja" id="tabel-tc-30">/);
    expect(jumlah(kolomMm(f))).toBeGreaterThan(163.5);
    expect(jumlah(kolomMm(f))).toBeLessThanOrEqual(164.3);
    expect(Number(/tabel-tc30[^"]*" style="font-size: (\d+)pt"/.exec(f)?.[1])).toBeGreaterThanOrEqual(7);
  });

  it('rupiah values of hundreds of billions go landscape, every value column as wide as its widest value', async () => {
    // A revenue agency's TC-30 was printed portrait at 201 mm: its last columns were cut off.
    const besar = { '2023': 438615250000, '2024': 470000000000 };
    const ds = denganRenja((d) => ({
      ...d,
      renja: {
        ...d.renja!,
        tc30: {
          tahun: [2023, 2024],
          baris: d.renja!.tc30!.baris.map((b) => ({ ...b, target_renstra: besar, realisasi: besar, proyeksi: besar, catatan_analisis: 'Target dinaikkan pada P-APBD' })),
        },
      },
    }));
    const h = (await renderRenja(buatKonteksDokumen(ds, 2024))).html;
    const m = /<figure class="([^"]*)" id="tabel-tc-30">([\s\S]*?)<\/figure>/.exec(h);
    expect(m?.[1]).toBe('tabel lebar renja');
    const f = m?.[2] ?? '';
    const pt = Number(/tabel-tc30[^"]*" style="font-size: (\d+)pt"/.exec(f)?.[1]);
    expect(pt).toBeGreaterThanOrEqual(7);
    const mm = kolomMm(f);
    expect(mm).toHaveLength(11);
    expect(jumlah(mm)).toBeGreaterThan(265.5);
    expect(jumlah(mm)).toBeLessThanOrEqual(266.3);
    // Columns 5-10 hold the values; the widest is one word (number) or, with .utuh, the whole value.
    const utuh = /class="tabel-tc30 utuh"/.test(f);
    const sel = [...f.matchAll(/<td class="angka">([^<]*)<\/td>/g)].map((x) => x[1]!.trim());
    expect(sel.some((t) => t.startsWith('470.000.000.000'))).toBe(true);
    const perlu = Math.max(...sel.map((t) => lebarSel(lebarTeks(utuh ? t : (t.split(' ')[0] ?? ''), pt, true))));
    for (const w of mm.slice(4, 10)) expect(w).toBeGreaterThanOrEqual(perlu - 0.1);
  });
});

describe('E.81 percentages', () => {
  it('a percentage indicator\'s K values have pengaturan.desimal_persen decimals, whole or not (as in the workbook)', () => {
    const r = cariE81('2.07.01.2.01');
    // After NO, KODE, name, indicator: K5, Rp5, K6, Rp6, K7, Rp7, TW I K, Rp, TW II K
    expect(r.slice(4, 13)).toEqual(['100,00', '678.827.596', '100,00', '128.547.200', '100,00', '17.500.000', '33,30', '-', '33,30']);
  });
});

describe('E.81 quarter headings', () => {
  it('the workbook and the PDF print the same four quarter labels', () => {
    const pdf = [...figur('e-81').matchAll(/<th[^>]*>((?:I|II|III|IV) \([A-Z]+ - [A-Z]+\))<\/th>/g)].map((m) => m[1]);
    const e81 = lembarRenja(buatKonteksDokumen(data, 2024)).find((l) => l.nama.includes('E.81'))!;
    const xlsx = [...e81.sel.values()].map((x) => String(x.v ?? '')).filter((t) => /^(I|II|III|IV) \(/.test(t));
    expect(new Set(pdf).size).toBe(4);
    expect([...new Set(xlsx)]).toEqual([...new Set(pdf)]);
  });
});

describe('without perubahan or renja.yaml', () => {
  it('a plain Renja says "RENCANA KERJA" and reviews the RKPD', async () => {
    const ds = denganRenja((d) => ({ ...d, renja: { ...d.renja!, perubahan: false } }));
    const h = (await renderRenja(buatKonteksDokumen(ds, 2024))).html;
    expect(h).toContain('RENCANA KERJA TAHUN 2024');
    expect(h).not.toContain('PERUBAHAN RENCANA KERJA TAHUN 2024');
    expect(h).toContain('REVIEW TERHADAP RKPD TAHUN 2024');
  });

  it('a landscape form without rows is its caption and one sentence in the portrait text, no landscape page', async () => {
    const ds = denganRenja((d) => ({ ...d, renja: { ...d.renja!, tc31: undefined } }));
    const h = (await renderRenja(buatKonteksDokumen(ds, 2024))).html;
    const m = /<figure class="([^"]*)" id="tabel-tc-31">([\s\S]*?)<\/figure>/.exec(h);
    expect(m?.[1]).toBe('tabel renja kosong');
    expect(m?.[2]).not.toContain('<table');
    expect(teks(m?.[2] ?? '')).toContain('REVIEW TERHADAP PERUBAHAN RKPD TAHUN 2024 KABUPATEN MOJOKERTO (Tabel TC-31) Tidak ada data review RKPD.');
    // The other landscape forms, which have rows, stay landscape.
    expect(h).toMatch(/<figure class="tabel lebar renja" id="tabel-4-1">/);
  });

  it('renders with "-" and empty-table rows when renja.yaml is missing', async () => {
    const ds = denganRenja((d) => {
      const { renja: _tidak, ...lain } = d;
      return lain;
    });
    const h = (await renderRenja(buatKonteksDokumen(ds, 2024))).html;
    expect(h).not.toMatch(/NaN|Infinity|undefined|#DIV\/0!/);
    expect(h).toContain('Tidak ada usulan');
    expect(h).toContain('Tidak ada data review RKPD');
  });
});

describe('pagu roll-up (calc/tabel-renja)', () => {
  const r = (pagu?: number, kelompok = false): RenjaRincian => ({ uraian: 'x', ...(pagu === undefined ? {} : { pagu }), kelompok });

  it.each([
    [[r(3750000), r(3750000)], 7500000],
    [[r(100), r(undefined, true), r(200)], 300],
    [[r(0)], 0],
    [[r(undefined)], null],
    [[], null],
  ])('paguRincian(%j) = %j', (rincian, hasil) => {
    expect(paguRincian(rincian)).toBe(hasil);
  });

  it('parents are the sums of their listed children; the JUMLAH sums the programs', () => {
    const kode = ['1.01', '1.01.2.01', '1.01.2.01.0001', '1.01.2.01.0002', '1.01.2.02', '1.02', '1.02.2.01'];
    const sumber = [{}, {}, { rincian: [r(10), r(5)] }, { rincian: [r(7)] }, { pagu: 3 }, {}, {}];
    const g = gulungPagu(kode, (i) => sumber[i] ?? {});
    expect(g.pagu).toEqual([25, 22, 15, 7, 3, null, null]);
    expect(g.jumlah).toBe(25);
  });

  it('data 2024: TC-31 and Tabel 4.1 totals as printed in the source', () => {
    const renja = data.tahun.get(2024)?.renja;
    expect(hitungTc31(data.program, renja?.tc31).jumlah).toEqual({ rkpd: 9938911600, analisis: 10560086840 });
    expect(hitungMatriks(data.program, renja?.matriks).jumlah).toBe(10560086840);
  });
});
