import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/index.js';
import type { DataSet } from '../../src/model/types.js';
import { createEnv } from '../../src/render/handlebars-env.js';
import { buatKonteksDokumen, type KonteksDokumen } from '../../src/render/konteks.js';
import { captionTabel, renderTabel, slugTabel, TABEL_LKJIP } from '../../src/render/lkjip-tabel.js';
import { lembarLkjip } from '../../src/render/workbook-lkjip.js';
import { intervalSkala } from '../../src/calc/tabel-lkjip.js';
import { lebarSel } from '../../src/render/bagi-kolom.js';
import { lebarTeks } from '../../src/render/ukuran-teks.js';

const IDS = [
  '1.1', 'pns-golongan', 'sarana-prasarana', 'II.A.1', '2.2.1', 'pk-ikhtisar', 'skala', 'target-tujuan',
  'III.1', '3.1.a', '3.1.3.a.1', '3.1.3.a.2', '3.1.3.b', '3.1.3.c', '3.1.3.d', '3.2.a', 'lra', '3.2.b',
  '3.3.a', 'reviu', 'pk-lampiran',
];

let data: DataSet;
let ctx: KonteksDokumen;
const env = createEnv();
const html = new Map<string, string>();

/** The text of a rendered table without tags, one space between cells. */
function teks(s: string): string {
  return s.replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();
}

/** Rows as arrays of cell texts (header and body). */
function baris(s: string): string[][] {
  return [...s.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => teks(c[1] ?? '')),
  );
}

function cari(id: string, awal: string): string[] {
  const rows = baris(html.get(id) ?? '');
  const r = rows.find((row) => row.includes(awal)) ?? rows.find((row) => row.some((c) => c.startsWith(awal)));
  if (!r) throw new Error(`baris "${awal}" tidak ada di tabel ${id}`);
  return r;
}

beforeAll(async () => {
  const loaded = await loadData('data');
  if (!loaded.dataSet) throw new Error('data/ tidak terbaca');
  data = loaded.dataSet;
  ctx = buatKonteksDokumen(data, 2024);
  for (const id of IDS) html.set(id, renderTabel(env, id, ctx));
});

describe('registry', () => {
  it('has every LKJIP table id of COMMON.md, in document order', () => {
    expect([...TABEL_LKJIP.keys()]).toEqual(IDS);
  });

  it('titles hard-code no agency name: they come from opd.yaml', () => {
    for (const def of TABEL_LKJIP.values()) expect(def.judul).not.toMatch(/Mojokerto|Tenaga Kerja/);
  });

  it('unknown id throws with the list of ids', () => {
    expect(() => renderTabel(env, 'x', ctx)).toThrow(/3\.1\.a/);
  });
});

describe('every table for 2024', () => {
  it.each(IDS)('%s: figure, caption, table, no NaN/Infinity/undefined', (id) => {
    const h = html.get(id) ?? '';
    const def = TABEL_LKJIP.get(id)!;
    const kelas = ['tabel', def.lebar ? 'lebar' : '', def.bernomor === false ? 'tanpa-nomor' : ''].filter(Boolean).join(' ');
    expect(h).toMatch(new RegExp(`^<figure class="${kelas}" id="tabel-${slugTabel(id)}">`));
    // Numbered tables get their number when the whole document is assembled (nomor-keterangan.ts);
    // the attached PK keeps its own label.
    if (def.bernomor === false) expect(h).toContain(`<span class="nomor">${def.nomor}</span>`);
    else expect(h).not.toContain('<span class="nomor">');
    expect(h).toContain('<thead>');
    expect(h).not.toMatch(/NaN|Infinity|undefined|#DIV\/0!|\{\{|\[object/);
  });

  it('captions resolve their pieces from the data', () => {
    expect(html.get('1.1')).toContain('Perkembangan Kondisi Ketenagakerjaan di Kabupaten Mojokerto');
    expect(html.get('2.2.1')).toContain('Dinas Tenaga Kerja Kabupaten Mojokerto Tahun 2021-2026');
    expect(html.get('lra')).toContain('Triwulan IV Tahun Anggaran 2024');
    expect(html.get('pk-lampiran')).toContain('Perjanjian Kinerja Perubahan Tahun 2024');
  });

  it('Sumber data lines come from the data (lkjip.yaml map, konteks, lra)', () => {
    expect(html.get('3.1.a')).toContain('<p class="sumber-data">Sumber data : Dinas Tenaga Kerja Kab. Mojokerto Tahun 2024 – Bag. Perencanaan</p>');
    expect(html.get('1.1')).toContain('Sumber data : diolah dari data BPS Kab. Mojokerto &amp; Kemenakertrans RI');
    expect(html.get('lra')).toContain('Sumber data : Dinas Tenaga Kerja Kabupaten Mojokerto – Bagian Keuangan Tahun 2024');
    expect(html.get('target-tujuan')).toMatch(/1\. RPJMD Kabupaten Mojokerto[^<]*<br>\n2\. BRS BPS/);
    expect(html.get('skala')).not.toContain('sumber-data');
  });
});

describe('key cells', () => {
  it('3.1.a: IKU-1 87,00% / 89,60% / 102,99 / Sangat Tinggi; SAKIP with its grade; group rows', () => {
    expect(cari('3.1.a', 'Persentase peserta pelatihan').slice(1)).toEqual([
      'Persentase peserta pelatihan yang berkualitas dan kompeten', '87,00%', '89,60%', '102,99', 'Sangat Tinggi', 'Bidang Pelatihan',
    ]);
    expect(cari('3.1.a', 'Persentase tingkat perselisihan').slice(2, 6)).toEqual(['3,50%', '1,50%', '157,14', 'Sangat Tinggi']);
    expect(cari('3.1.a', 'Nilai SAKIP').slice(2, 6)).toEqual(['83,50 (A)', '81,30 (A)', '97,37', 'Sangat Tinggi']);
    expect(cari('3.1.a', 'Jumlah inovasi').slice(2, 5)).toEqual(['2 inovasi', '2 inovasi', '100,00']);
    expect(teks(html.get('3.1.a')!)).toMatch(/KINERJA UTAMA .* KINERJA LAINNYA/);
    expect(html.get('3.1.a')).toMatch(/<td rowspan="2">Meningkatnya kualitas tenaga kerja/);
  });

  it('lra: OPD total row and columns 9-12', () => {
    const total = cari('lra', 'DINAS TENAGA KERJA');
    expect(total.slice(2, 12)).toEqual([
      '10.560.086.840', '10.214.427.543', '8.427.773.229', '345.659.297', '1.157.255.796',
      '10.560.086.840', '9.585.029.025', '100,00', '975.057.815', '90,77',
    ]);
    expect(cari('lra', '9 = (5+7)')).toContain('12 = (9/3) × 100%');
    // program rows bold (class), numbered; zero money prints "-"
    expect(html.get('lra')).toMatch(/<tr class="program"><td class="tengah">1<\/td>/);
    const kosong = cari('lra', '2.07.01.2.09.0009 2 Sub');
    expect(kosong.slice(2)).toEqual(['-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '']);
    // the source prints 72,95 for this sub kegiatan; its own figures give 82,79
    expect(cari('lra', '2.07.01.2.02.0001 1 Sub')[11]).toBe('82,79');
  });

  it('3.2.a: share of the OPD total per budget cell (7,20 where the source prints 7,2 %)', () => {
    expect(cari('3.2.a', 'Persentase peserta pelatihan').slice(-2)).toEqual(['760.284.340', '7,20']);
    expect(cari('3.2.a', 'Persentase tingkat perselisihan').slice(-2)).toEqual(['4.200.749.900', '39,78']);
    expect(cari('3.2.a', 'Jumlah inovasi').slice(-2)).toEqual(['0', '0,00']);
    // one merged budget cell for IKU-3 and IKU-4, one for the three SL-1 indicators
    expect(html.get('3.2.a')).toContain('<td class="angka" rowspan="2">4.200.749.900</td>');
    expect(html.get('3.2.a')).toContain('<td class="angka" rowspan="3">5.259.052.600</td>');
  });

  it('3.2.b: kinerja and anggaran side by side', () => {
    expect(cari('3.2.b', 'Persentase penyerapan').slice(1)).toEqual([
      '86,00%', '86,21%', '100,24', '340.000.000', '304.241.604', '89,48',
    ]);
  });

  it('3.3.a: % capaian and % efisiensi = 100 - % realisasi', () => {
    expect(cari('3.3.a', 'Persentase peserta pelatihan').slice(-4)).toEqual(['760.284.340', '716.968.800', '94,30', '5,70']);
    expect(cari('3.3.a', 'Nilai SAKIP').slice(-4)).toEqual(['5.259.052.600', '4.407.542.371', '83,81', '16,19']);
    expect(cari('3.3.a', 'Jumlah inovasi').slice(-4)).toEqual(['0', '0', '-', '-']);
  });

  it('1.1: 2022-2024 read from each year\'s konteks.yaml, derived rows computed', () => {
    expect(cari('1.1', 'NO')).toEqual(['NO', 'URAIAN', '2022', '2023', '2024']);
    expect(cari('1.1', 'Penduduk Usia Kerja').slice(2)).toEqual(['906.653', '893.299', '908.607']);
    // the source prints 647.752 for 2023; 617.553 + 30.219 = 647.772
    expect(cari('1.1', 'Angkatan Kerja').slice(2)).toEqual(['646.778', '647.772', '671.806']);
    expect(cari('1.1', 'Tingkat Pengangguran').slice(2)).toEqual(['4,83', '4,67', '3,87']);
    // the source prints 71,34 for 2023 (the 2022 value again)
    expect(cari('1.1', 'Tingkat Partisipasi').slice(2)).toEqual(['71,34', '72,51', '73,94']);
  });

  it('pns-golongan: three years with the computed JUMLAH', () => {
    expect(cari('pns-golongan', '2022')).toEqual(['2022', '0', '8', '15', '6', '29']);
    expect(cari('pns-golongan', '2024')).toEqual(['2024', '0', '5', '14', '7', '26']);
  });

  it('sarana-prasarana: JUMLAH computed', () => {
    expect(cari('sarana-prasarana', 'Gedung kantor')).toEqual(['Gedung kantor', '1 unit', '999.056.310']);
    expect(cari('sarana-prasarana', 'JUMLAH')).toEqual(['JUMLAH', '', '1.727.986.310']);
  });

  it('III.1 and 3.1.3.a.1: earlier years from the year files', () => {
    expect(cari('III.1', 'Tingkat Pengangguran')).toEqual([
      '1', 'Tingkat Pengangguran Terbuka (TPT)', '5,42%', '4,83%', '5,09%', '4,67%', '4,76%', '3,87%',
    ]);
    // the source prints 72,11 (B); on the PermenPAN-RB scale of strategis.yaml 72,11 is BB
    expect(cari('3.1.3.a.1', 'Nilai SAKIP')).toEqual([
      'Meningkatnya Tatakelola Birokrasi Pemerintahan yang Efektif, Efisien dan Akuntabel',
      'Nilai SAKIP perangkat daerah', '83,90 (A)', '84,40 (A)', '83,50 (A)', '72,11 (BB)', '83,01 (A)', '81,30 (A)',
    ]);
    expect(cari('3.1.3.a.1', '1')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('3.1.3.a.2: indicators of the non-support programs', () => {
    const t = teks(html.get('3.1.3.a.2')!);
    expect(t).toContain('Program Penempatan Tenaga Kerja');
    expect(t).not.toContain('Program Penunjang');
  });

  it('skala: intervals generated from the boundaries', () => {
    expect(baris(html.get('skala')!).slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['> 90%', 'Sangat Tinggi'],
      ['> 75% s.d. 90%', 'Tinggi'],
      ['> 65% s.d. 75%', 'Sedang'],
      ['> 50% s.d. 65%', 'Rendah'],
      ['≤ 50%', 'Sangat Rendah'],
    ]);
  });

  it('3.1.3.b, 3.1.3.c, 3.1.3.d, reviu, pk tables', () => {
    expect(cari('3.1.3.b', 'Nilai SAKIP').slice(2)).toEqual(['85,90 (A)', '81,30 (A)', '94,64']);
    expect(cari('3.1.3.c', 'Nilai SAKIP').slice(2, 4)).toEqual(['81,30 (A)', '91,20 (AA)']);
    expect(cari('3.1.3.c', 'Persentase perusahaan').slice(-2)).toEqual(['-', 'Perbedaan indikator']);
    expect(html.get('3.1.3.c')).toContain('<p class="catatan-tabel">*Perbandingan dengan');
    expect(teks(html.get('3.1.3.d')!)).not.toContain('Penunjang');
    expect(cari('reviu', '2')).toEqual(expect.arrayContaining(['Mekanisme penyusunan']));
    expect(cari('pk-ikhtisar', 'Program Hubungan Industrial')).toEqual([
      '4', 'Program Hubungan Industrial', '3.221.192.000', 'APBD', 'Program Hubungan Industrial', '4.200.749.900', 'P-APBD',
    ]);
    expect(cari('pk-lampiran', '1.3')).toEqual(['1.3', 'Indeks profesionalitas ASN Dinas Tenaga Kerja', '86 (Tinggi)']);
    expect(cari('pk-lampiran', 'Program Pelatihan')).toEqual(['2', 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', 'Rp 740.160.240', 'P-APBD 2024']);
  });
});

describe('PK form without a P-APBD version', () => {
  /** The bundled 2024 data with pk.yaml reduced to its APBD version. */
  function tanpaPapbd(): KonteksDokumen {
    const tahun = new Map(data.tahun);
    const d = tahun.get(2024)!;
    tahun.set(2024, { ...d, pk: { ...d.pk!, papbd: undefined } });
    return buatKonteksDokumen({ ...data, tahun }, 2024);
  }

  it('prints only the APBD half, on a portrait page, titled without "dan P-APBD"', () => {
    const c = tanpaPapbd();
    const h = renderTabel(env, 'pk-ikhtisar', c);
    expect(h).not.toMatch(/P-APBD|PERUBAHAN/);
    expect(h).toMatch(/<figure class="tabel"/);
    const rows = baris(h);
    expect(rows.find((r) => r.includes('Program Hubungan Industrial'))).toEqual(['4', 'Program Hubungan Industrial', '3.221.192.000', 'APBD']);
    expect(rows.find((r) => r.includes('Persentase peserta pelatihan yang berkualitas dan kompeten'))?.slice(-2)).toEqual([
      'Persentase peserta pelatihan yang berkualitas dan kompeten', '87,00%',
    ]);
    expect(captionTabel(env, 'pk-ikhtisar', c).judul).toBe('Formulir Indikator Perjanjian Kinerja APBD Tahun 2024');
    expect(captionTabel(env, 'pk-ikhtisar', ctx).judul).toBe('Formulir Indikator Perjanjian Kinerja APBD dan P-APBD Tahun 2024');
  });

  it('the workbook sheet has the same columns as the PDF: no P-APBD half', () => {
    const lembar = lembarLkjip(tanpaPapbd()).find((l) => l.nama === 'Ikhtisar PK')!;
    const teksSel = [...lembar.sel.values()].map((x) => String(x.v ?? '')).join(' | ');
    expect(teksSel).not.toMatch(/P-APBD|PERUBAHAN/);
    expect(teksSel).toContain('Program Hubungan Industrial');
    expect(lembar.lebar).toHaveLength(5);
    const penuh = lembarLkjip(ctx).find((l) => l.nama === 'Ikhtisar PK')!;
    expect([...penuh.sel.values()].some((x) => String(x.v ?? '').includes('P-APBD'))).toBe(true);
  });
});

describe('workbook sheets are the PDF\'s tables', () => {
  it('no "Sarana Prasarana" sheet when the data has none (the PDF leaves the table out)', () => {
    const tahun = new Map(data.tahun);
    const d = tahun.get(2024)!;
    tahun.set(2024, { ...d, konteks: { ...d.konteks!, sarana_prasarana: undefined } });
    const c = buatKonteksDokumen({ ...data, tahun }, 2024);
    const nama = lembarLkjip(c).map((l) => l.nama);
    expect(nama).not.toContain('Sarana Prasarana');
    expect(nama).toContain('Ikhtisar PK');
    expect(lembarLkjip(ctx).map((l) => l.nama)).toContain('Sarana Prasarana');
  });
});

describe('Tabel 2.2 (target Renstra) column widths from the values', () => {
  const kolomMm = (f: string) => [...f.matchAll(/<col style="width: ([\d.]+)mm">/g)].map((m) => Number(m[1]));

  it.each([
    ['the bundled targets', 1],
    ['rupiah targets of hundreds of billions', 1e10],
  ])('%s fill the landscape text width; every value fits its column on one line, unit included', (_nama, kali) => {
    // A revenue agency's "560.000.000.000 Rp" targets made the table 2 mm wider than its page.
    const indikator = data.strategis.indikator.map((i) =>
      kali === 1 ? i : { ...i, satuan: 'Rp', data_awal: 381450000000, target: Object.fromEntries(Object.keys(i.target ?? {}).map((t) => [t, 560000000000])) },
    );
    const c = buatKonteksDokumen({ ...data, strategis: { ...data.strategis, indikator } }, 2024);
    const h = renderTabel(env, '2.2.1', c);
    expect(h).toMatch(/<figure class="tabel lebar"/);
    const mm = kolomMm(h);
    expect(mm.reduce((a, b) => a + b, 0)).toBeGreaterThan(265.5);
    expect(mm.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(266.3);
    const pt = Number(/tabel-target-renstra[^"]*" style="font-size: (\d+)pt"/.exec(h)?.[1]);
    expect(pt).toBeGreaterThanOrEqual(7);
    const body = baris(/<tbody>([\s\S]*?)<\/tbody>/.exec(h)?.[1] ?? '');
    // DATA AWAL and the targets: the last (1 + years) cells of every row, all with their unit.
    const nilai = body.map((r) => r.slice(-6));
    if (kali !== 1) for (const r of nilai) for (const v of r) expect(v).toMatch(/^Rp \d{3}(\.\d{3}){3}$/);
    expect(h).toMatch(/class="tabel-target-renstra utuh"/);
    const perlu = Math.max(...nilai.flat().map((t) => lebarTeks(t, pt, true)));
    for (const w of mm.slice(-6)) expect(w).toBeGreaterThanOrEqual(lebarSel(perlu));
  });
});

describe('missing data', () => {
  it.each(IDS)('%s renders for 2022 (history-only year) without NaN or throwing', (id) => {
    const c = buatKonteksDokumen(data, 2022);
    const h = renderTabel(env, id, c);
    expect(h).not.toMatch(/NaN|Infinity|undefined|#DIV\/0!/);
  });

  it('2022: the years before the data and the money tables print "-"', () => {
    const c = buatKonteksDokumen(data, 2022);
    expect(baris(renderTabel(env, '1.1', c)).find((r) => r[1]?.startsWith('Penduduk'))).toEqual([
      '1', 'Penduduk Usia Kerja (15 Th keatas)', '-', '-', '906.653',
    ]);
    const lra = baris(renderTabel(env, 'lra', c));
    expect(lra.at(-1)?.slice(2, 12)).toEqual(Array(10).fill('-'));
  });

  it('3.1.a for a year whose kinerja.yaml is gone prints "-" cells', () => {
    const tahun = new Map(data.tahun);
    const d2022 = tahun.get(2022)!;
    tahun.set(2022, { ...d2022, kinerja: undefined, pk: undefined });
    const c = buatKonteksDokumen({ ...data, tahun }, 2022);
    const r = baris(renderTabel(env, '3.1.a', c)).find((x) => x.some((s) => s.startsWith('Persentase peserta')));
    // the Renstra target stays; realisation, capaian and kategori are "-"
    expect(r?.slice(-5)).toEqual(['85,00%', '-', '-', '-', 'Bidang Pelatihan']);
  });
});

describe('intervalSkala', () => {
  it('pairs each lower bound with the bound above, highest first, whatever the input order', () => {
    expect(
      intervalSkala([
        { kategori: 'C', lebih_dari: null },
        { kategori: 'A', lebih_dari: 80 },
        { kategori: 'B', lebih_dari: 60.5 },
      ]),
    ).toEqual([
      { kategori: 'A', lebih_dari: 80, sampai: null },
      { kategori: 'B', lebih_dari: 60.5, sampai: 80 },
      { kategori: 'C', lebih_dari: null, sampai: 60.5 },
    ]);
  });
});
