/**
 * The LKJIP tables as workbook sheets (Excel annex for Bappeda): the same rows, columns, titles and
 * "Sumber data" lines as the HTML tables (lkjip-tabel.ts + templates/lkjip/tabel/*.hbs), with every
 * derived cell a live formula whose cached result is the calculator's value. Pure: takes the
 * document context, returns `Lembar`s; src/export/xlsx.ts writes them.
 */
import type { BarisKinerja, BarisLraHasil, HasilSasaran, Nilai } from '../calc/types.js';
import { jumlahBaris } from '../calc/konteks.js';
import {
  kelompokAnggaran,
  predikatNilai,
  riwayatIndikator,
  tabelKondisi,
  totalNilaiSarana,
} from '../calc/tabel-lkjip.js';
import { desimalSatuan } from '../util/format.js';
import type { BarangSarana, Indikator, PkVersi, Program } from '../model/types.js';
import { createEnv, type HandlebarsEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import { adaPapbd, captionTabel, definisiTabel, nomorUrut, tabelTersedia } from './lkjip-tabel.js';
import { FORMAT, PenyusunLembar, ref, type Lembar, type Sel, type SelKepala } from './workbook-model.js';
import {
  formatNilai,
  rumusCapaian,
  rumusEfisiensi,
  rumusJumlah,
  rumusKategori,
  rumusPersen,
  rumusSum,
  skalaPredikat,
} from './workbook-rumus.js';

/** Table ids of the LKJIP workbook, in sheet order, with their sheet names. */
export const LEMBAR_LKJIP: readonly { id: string; nama: string }[] = [
  { id: '1.1', nama: 'Tabel 1.1' },
  { id: 'pns-golongan', nama: 'PNS Golongan' },
  { id: 'sarana-prasarana', nama: 'Sarana Prasarana' },
  { id: '2.2.1', nama: 'Tabel 2.2.1' },
  { id: 'pk-ikhtisar', nama: 'Ikhtisar PK' },
  { id: 'III.1', nama: 'Tabel III.1' },
  { id: '3.1.a', nama: 'Tabel 3.1.a' },
  { id: '3.1.3.a.1', nama: 'Tabel 3.1.3.a.1' },
  { id: '3.1.3.a.2', nama: 'Tabel 3.1.3.a.2' },
  { id: '3.1.3.b', nama: 'Tabel 3.1.3.b' },
  { id: '3.1.3.c', nama: 'Tabel 3.1.3.c' },
  { id: '3.2.a', nama: 'Tabel 3.2.a' },
  { id: 'lra', nama: 'LRA' },
  { id: '3.2.b', nama: 'Tabel 3.2.b' },
  { id: '3.3.a', nama: 'Tabel 3.3.a' },
];

// ---------------------------------------------------------------------------------------------
// Cells

/** A base value; null prints as "-" would in the PDF only for text columns, numbers stay empty. */
function angka(n: Nilai | undefined, fmt: string, extra: Partial<Sel> = {}): Sel {
  return { v: n ?? null, fmt, rata: 'kanan', ...extra };
}

function teks(s: string | null | undefined, extra: Partial<Sel> = {}): Sel {
  return { v: s ?? '', ...extra };
}

function rumus(f: string, hasil: Nilai | string | undefined, fmt: string = FORMAT.desimal, extra: Partial<Sel> = {}): Sel {
  return { f, hasil: hasil ?? null, fmt, rata: 'kanan', ...extra };
}

/**
 * An indicator value: a bare number (its unit is the row's SATUAN cell; a graded indicator's
 * grade goes in a PREDIKAT column beside it, workbook-predikat.ts), or the text kept when the
 * value is missing ("Proses di BKSDM").
 */
function nilai(ctx: KonteksDokumen, id: string, n: Nilai, satuan: string, predikat: string | null = null, keterangan: string | null = null): Sel {
  if (n === null) return keterangan ? teks(keterangan, { rata: 'kanan' }) : { v: null, rata: 'kanan' };
  const skala = skalaPredikat(definisiIndikator(ctx, id)?.predikat);
  return {
    v: n,
    fmt: formatNilai(satuan, n, ctx.h.desimal_persen),
    rata: 'kanan',
    ...(skala ? { predikat: { skala, desimal: ctx.h.desimal_persen, hasil: predikat } } : {}),
  };
}

/** The SATUAN cell of an indicator row. */
function satuan(s: string | null | undefined): Sel {
  return teks(s ?? '', { rata: 'tengah' });
}

function nilaiTarget(ctx: KonteksDokumen, b: BarisKinerja): Sel {
  return nilai(ctx, b.id, b.target, b.satuan, b.predikat_target);
}

function nilaiRealisasi(ctx: KonteksDokumen, b: BarisKinerja): Sel {
  return nilai(ctx, b.id, b.realisasi, b.satuan, b.predikat_realisasi, b.keterangan);
}

function tahunTerakhir(tahun: number, n = 3): number[] {
  return Array.from({ length: n }, (_, i) => tahun - (n - 1) + i);
}

function definisiIndikator(ctx: KonteksDokumen, id: string): Indikator | undefined {
  return ctx.data.strategis.indikator.find((i) => i.id === id) ?? ctx.data.program?.indikator.find((i) => i.id === id);
}

function programTree(ctx: KonteksDokumen): Program[] {
  return ctx.data.program?.program ?? [];
}

function namaProgram(ctx: KonteksDokumen, kode: string): string {
  return programTree(ctx).find((p) => p.kode === kode)?.nama ?? kode;
}

function decodeHtml(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}

/** Title lines, the header, and after `isi` the Sumber data line of one table. */
function mulaiLembar(env: HandlebarsEnv, ctx: KonteksDokumen, id: string, nama: string, lebar: number[]): PenyusunLembar {
  const l = new PenyusunLembar(nama, lebar);
  const c = captionTabel(env, id, ctx);
  l.judul(`${c.nomor} ${decodeHtml(c.judul)}`.trim());
  l.judul(`${ctx.opd.nama_lengkap} — LKJIP Tahun ${ctx.tahun}`);
  l.kosong();
  return l;
}

function akhiri(l: PenyusunLembar, ctx: KonteksDokumen, id: string): Lembar {
  l.sumber(definisiTabel(id).sumber(ctx));
  return l.selesai();
}

/** Rows of a sasaran > indicators table: merges the sasaran cells over the indicator rows. */
function barisSasaran(
  l: PenyusunLembar,
  sasaran: readonly HasilSasaran[],
  kolomGabung: number[],
  isi: (b: BarisKinerja, s: HasilSasaran, i: number, r: number) => (Sel | null)[],
  nomorAwal = 0,
): void {
  sasaran.forEach((s, i) => {
    const mulai = l.berikut;
    s.indikator.forEach((b, j) => {
      const r = l.berikut;
      const cells = isi(b, s, nomorAwal + i + 1, r);
      if (j > 0) for (const c of kolomGabung) cells[c - 1] = null;
      l.baris(cells);
    });
    if (s.indikator.length > 1) for (const c of kolomGabung) l.gabungkan(mulai, c, l.berikut - 1, c);
  });
}

function kosongBaris(l: PenyusunLembar, n: number): void {
  l.baris([teks('-', { rata: 'tengah' }), ...Array.from({ length: n - 1 }, () => teks('-', { rata: 'tengah' }))]);
}

// ---------------------------------------------------------------------------------------------
// Sheets

/** Number format with `d` decimals (Indonesian Excel shows 1.234,56). */
const formatDesimal = (d: number): string => (d <= 0 ? FORMAT.bulat : `#,##0.${'0'.repeat(d)}`);

/**
 * The context table: the agency's rows, each year a column. Base values and indicator
 * realisations are values; sums and percentages of other rows are live formulas over the same
 * column, caching the calculator's result.
 */
function lembar11(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const tahun = tahunTerakhir(ctx.tahun);
  const l = mulaiLembar(env, ctx, '1.1', 'Tabel 1.1', [6, 48, ...tahun.map(() => 16)]);
  l.kepala([[{ teks: 'NO' }, { teks: 'URAIAN' }, ...tahun.map((t) => ({ teks: String(t) }))]]);
  const t = tabelKondisi(ctx.data, ctx.h, ctx.riwayat, tahun);
  const baris = t?.baris ?? [];
  const r0 = l.berikut;
  const kol = (i: number): number => 3 + i;
  for (const b of baris) {
    const fmt = formatDesimal(desimalSatuan(b.satuan, b.nilai, ctx.h.desimal_persen));
    const dari = b.dari.map((j) => r0 + j);
    const sel = (n: Nilai, i: number): Sel | null => {
      if (b.jenis === 'label') return null;
      if (b.jenis === 'jumlah' && dari.length > 0) {
        const refs = dari.map((r) => ref(r, kol(i)));
        return rumus(`IF(AND(${refs.map((x) => `ISNUMBER(${x})`).join(',')}),${refs.join('+')},"")`, n, fmt);
      }
      if (b.jenis === 'persen' && dari.length === 2) return rumus(rumusPersen(ref(dari[0] as number, kol(i)), ref(dari[1] as number, kol(i))), n, fmt);
      return angka(n, fmt);
    };
    l.baris([
      b.nomor !== null ? teks(String(b.nomor), { rata: 'tengah' }) : null,
      teks(b.uraian, b.tingkat === 2 ? { indent: 1 } : {}),
      ...b.nilai.map(sel),
    ]);
  }
  if (baris.length === 0) kosongBaris(l, 2 + tahun.length);
  return akhiri(l, ctx, '1.1');
}

function lembarPns(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, 'pns-golongan', 'PNS Golongan', [12, 12, 12, 12, 12, 14]);
  l.kepala([
    [{ teks: 'TAHUN', baris: 2 }, { teks: 'GOL PNS', kolom: 4 }, { teks: 'JUMLAH', baris: 2 }],
    [{ teks: 'I' }, { teks: 'II' }, { teks: 'III' }, { teks: 'IV' }],
  ]);
  for (const t of tahunTerakhir(ctx.tahun)) {
    const g = ctx.data.tahun.get(t)?.konteks?.pns_golongan?.golongan;
    const golongan = [g?.I ?? null, g?.II ?? null, g?.III ?? null, g?.IV ?? null];
    const r = l.berikut;
    l.baris([
      teks(String(t), { rata: 'tengah' }),
      ...golongan.map((n) => angka(n, FORMAT.bulat)),
      rumus(rumusJumlah([`${ref(r, 2)}:${ref(r, 5)}`]), jumlahBaris(golongan), FORMAT.bulat, { tebal: true }),
    ]);
  }
  return akhiri(l, ctx, 'pns-golongan');
}

function lembarSarana(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, 'sarana-prasarana', 'Sarana Prasarana', [60, 12, 18, 20]);
  l.kepala([[{ teks: 'URAIAN' }, { teks: 'SATUAN' }, { teks: 'JUMLAH BARANG' }, { teks: 'NILAI (Rp)' }]]);
  const barang = ctx.d.konteks?.sarana_prasarana?.barang ?? [];
  const daun: string[] = [];
  const jalan = (b: BarangSarana, kedalaman: number): void => {
    const kelompok = (b.rincian?.length ?? 0) > 0;
    const r = l.berikut;
    if (kelompok) {
      l.baris([teks(b.uraian, { indent: kedalaman, tebal: true }), null, null, null]);
    } else {
      const jumlah = b.jumlah ?? null;
      l.baris([teks(b.uraian, { indent: kedalaman }), satuan(b.satuan), angka(jumlah, formatNilai(b.satuan, jumlah, ctx.h.desimal_persen)), angka(b.nilai ?? null, FORMAT.rupiah)]);
      daun.push(ref(r, 4));
    }
    for (const c of b.rincian ?? []) jalan(c, kedalaman + 1);
  };
  barang.forEach((b) => jalan(b, 0));
  if (barang.length === 0) kosongBaris(l, 4);
  l.baris([teks('JUMLAH', { tebal: true }), null, null, rumus(rumusJumlah(daun), totalNilaiSarana(barang), FORMAT.rupiah, { tebal: true })]);
  return akhiri(l, ctx, 'sarana-prasarana');
}

function lembar221(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const { tahun_target: tahun, tahun_data_awal: awal } = ctx.h.tahun_renstra;
  const l = mulaiLembar(env, ctx, '2.2.1', 'Tabel 2.2.1', [5, 34, 34, 34, 10, 12, ...tahun.map(() => 11)]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: 'NO', baris: 2 },
      { teks: 'SASARAN', baris: 2 },
      { teks: 'INDIKATOR SASARAN', baris: 2 },
      { teks: 'RUMUS PERHITUNGAN', baris: 2 },
      { teks: 'SATUAN', baris: 2 },
      { teks: 'DATA AWAL' },
      { teks: 'TARGET KINERJA SASARAN PADA TAHUN KE-', kolom: Math.max(1, tahun.length) },
    ],
    [{ teks: String(awal) }, ...tahun.map((t) => ({ teks: String(t) }))],
  ]);
  l.nomorKolom([1, 2, 3, 4, '4a', ...Array.from({ length: 1 + tahun.length }, (_, i) => i + 5)]);
  const sasaran = ctx.data.strategis.sasaran.filter((s) => s.jenis === 'utama');
  sasaran.forEach((s, i) => {
    const mulai = l.berikut;
    s.indikator.forEach((id, j) => {
      const ind = definisiIndikator(ctx, id);
      const unit = ind?.satuan ?? '';
      const awal = ind?.data_awal ?? null;
      l.baris([
        j === 0 ? teks(String(i + 1), { rata: 'tengah' }) : null,
        j === 0 ? teks(s.uraian) : null,
        teks(ind?.nama ?? id),
        teks(ind?.rumus ?? '-'),
        satuan(unit),
        angka(awal, formatNilai(unit, awal, ctx.h.desimal_persen)),
        ...tahun.map((t) => {
          const n = ind?.target?.[String(t)] ?? null;
          return angka(n, formatNilai(unit, n, ctx.h.desimal_persen));
        }),
      ]);
    });
    if (s.indikator.length > 1) {
      l.gabungkan(mulai, 1, l.berikut - 1, 1);
      l.gabungkan(mulai, 2, l.berikut - 1, 2);
    }
  });
  if (sasaran.length === 0) kosongBaris(l, 6 + tahun.length);
  return akhiri(l, ctx, '2.2.1');
}

/** The PK form of a year without a P-APBD version: the APBD half only, as the PDF prints it. */
function lembarPkApbd(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, 'pk-ikhtisar', 'Ikhtisar PK', [5, 40, 40, 14, 10]);
  l.kepala([
    [{ teks: 'NO', baris: 2 }, { teks: 'APBD', kolom: 3 }, { teks: 'SATUAN', baris: 2 }],
    [{ teks: 'SASARAN STRATEGIS' }, { teks: 'INDIKATOR KINERJA' }, { teks: 'TARGET' }],
  ]);
  const isi = (b: BarisKinerja, s: HasilSasaran, nomor: number): (Sel | null)[] => [
    teks(String(nomor), { rata: 'tengah' }),
    teks(s.uraian),
    teks(b.nama),
    angka(b.target_pk_apbd, formatNilai(b.satuan, b.target_pk_apbd, ctx.h.desimal_persen)),
    satuan(b.satuan),
  ];
  const utama = ctx.h.sasaran.filter((s) => s.jenis === 'utama');
  const lainnya = ctx.h.sasaran.filter((s) => s.jenis === 'lainnya');
  barisSasaran(l, utama, [1, 2], isi);
  if (utama.length === 0) kosongBaris(l, 5);
  if (lainnya.length > 0) {
    const sub = { tebal: true };
    l.baris([null, teks('KINERJA LAINNYA', sub), teks('INDIKATOR KINERJA', sub), teks('TARGET', sub), teks('SATUAN', sub)]);
    barisSasaran(l, lainnya, [1, 2], isi, utama.length);
  }
  l.kosong();
  l.kepalaTambahan([
    // Under the indicator table's SATUAN column KET spans two columns.
    [{ teks: 'NO', baris: 2 }, { teks: 'ANGGARAN APBD', kolom: 4 }],
    [{ teks: 'PROGRAM' }, { teks: 'ANGGARAN (Rp)' }, { teks: 'KET', kolom: 2 }],
  ]);
  const pk = ctx.h.anggaran.pk;
  const ket = (kode: string): string => ctx.d.pk?.apbd?.anggaran?.find((a) => a.program === kode)?.keterangan ?? '-';
  const mulai = l.berikut;
  (pk?.program ?? []).forEach((p, i) => {
    l.baris([teks(String(i + 1), { rata: 'tengah' }), teks(namaProgram(ctx, p.program)), angka(p.apbd, FORMAT.rupiah), teks(ket(p.program), { rata: 'tengah' })]);
    l.gabungkan(l.berikut - 1, 4, l.berikut - 1, 5);
  });
  const akhir = l.berikut - 1;
  if (pk && pk.program.length > 0) {
    const total = pk.total_apbd === null ? null : rumus(rumusSum([`${ref(mulai, 3)}:${ref(akhir, 3)}`]), pk.total_apbd, FORMAT.rupiah, { tebal: true });
    l.baris([null, teks('JUMLAH', { tebal: true }), total, null]);
    l.gabungkan(l.berikut - 1, 4, l.berikut - 1, 5);
  } else {
    kosongBaris(l, 5);
  }
  return akhiri(l, ctx, 'pk-ikhtisar');
}

function lembarPk(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  if (!adaPapbd(ctx)) return lembarPkApbd(env, ctx);
  // One SATUAN column, last: both halves list the same indicators.
  const l = mulaiLembar(env, ctx, 'pk-ikhtisar', 'Ikhtisar PK', [5, 34, 34, 14, 34, 34, 14, 10]);
  l.kepala([
    [
      { teks: 'NO', baris: 2 },
      { teks: 'SEBELUM PERUBAHAN (APBD)', kolom: 3 },
      { teks: 'SETELAH PERUBAHAN (P-APBD)', kolom: 3 },
      { teks: 'SATUAN', baris: 2 },
    ],
    [
      { teks: 'SASARAN STRATEGIS' },
      { teks: 'INDIKATOR KINERJA' },
      { teks: 'TARGET' },
      { teks: 'SASARAN STRATEGIS' },
      { teks: 'INDIKATOR KINERJA' },
      { teks: 'TARGET' },
    ],
  ]);
  const isi = (b: BarisKinerja, s: HasilSasaran, nomor: number): (Sel | null)[] => [
    teks(String(nomor), { rata: 'tengah' }),
    teks(s.uraian),
    teks(b.nama),
    angka(b.target_pk_apbd, formatNilai(b.satuan, b.target_pk_apbd, ctx.h.desimal_persen)),
    teks(s.uraian),
    teks(b.nama),
    angka(b.target_pk_papbd, formatNilai(b.satuan, b.target_pk_papbd, ctx.h.desimal_persen)),
    satuan(b.satuan),
  ];
  const utama = ctx.h.sasaran.filter((s) => s.jenis === 'utama');
  const lainnya = ctx.h.sasaran.filter((s) => s.jenis === 'lainnya');
  barisSasaran(l, utama, [1, 2, 5], isi);
  if (utama.length === 0) kosongBaris(l, 8);
  if (lainnya.length > 0) {
    const sub = { tebal: true };
    l.baris([
      null,
      teks('KINERJA LAINNYA', sub),
      teks('INDIKATOR KINERJA', sub),
      teks('TARGET', sub),
      teks('KINERJA LAINNYA', sub),
      teks('INDIKATOR KINERJA', sub),
      teks('TARGET', sub),
      teks('SATUAN', sub),
    ]);
    barisSasaran(l, lainnya, [1, 2, 5], isi, utama.length);
  }
  l.kosong();
  l.kepalaTambahan([
    // Under the indicator table's SATUAN column the right KET spans two columns.
    [{ teks: 'NO', baris: 2 }, { teks: 'ANGGARAN SEBELUM PERUBAHAN (APBD)', kolom: 3 }, { teks: 'ANGGARAN SETELAH PERUBAHAN (P-APBD)', kolom: 4 }],
    [{ teks: 'PROGRAM' }, { teks: 'ANGGARAN (Rp)' }, { teks: 'KET' }, { teks: 'PROGRAM' }, { teks: 'ANGGARAN (Rp)' }, { teks: 'KET', kolom: 2 }],
  ]);
  const pk = ctx.h.anggaran.pk;
  const ket = (v: PkVersi | undefined, kode: string): string => v?.anggaran?.find((a) => a.program === kode)?.keterangan ?? '-';
  const mulai = l.berikut;
  (pk?.program ?? []).forEach((p, i) => {
    const nama = namaProgram(ctx, p.program);
    l.baris([
      teks(String(i + 1), { rata: 'tengah' }),
      teks(nama),
      angka(p.apbd, FORMAT.rupiah),
      teks(ket(ctx.d.pk?.apbd, p.program), { rata: 'tengah' }),
      teks(nama),
      angka(p.papbd, FORMAT.rupiah),
      teks(ket(ctx.d.pk?.papbd, p.program), { rata: 'tengah' }),
    ]);
    l.gabungkan(l.berikut - 1, 7, l.berikut - 1, 8);
  });
  const akhir = l.berikut - 1;
  if (pk && pk.program.length > 0) {
    const total = (c: number, n: Nilai): Sel | null =>
      n === null ? null : rumus(rumusSum([`${ref(mulai, c)}:${ref(akhir, c)}`]), n, FORMAT.rupiah, { tebal: true });
    const j = teks('JUMLAH', { tebal: true });
    l.baris([null, j, total(3, pk.total_apbd), null, j, total(6, pk.total_papbd), null]);
    l.gabungkan(l.berikut - 1, 7, l.berikut - 1, 8);
  } else {
    kosongBaris(l, 8);
  }
  return akhiri(l, ctx, 'pk-ikhtisar');
}

function lembarIII1(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const tahun = tahunTerakhir(ctx.tahun);
  const l = mulaiLembar(env, ctx, 'III.1', 'Tabel III.1', [5, 40, 10, ...tahun.flatMap(() => [12, 12])]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: 'NO', baris: 2 },
      { teks: 'INDIKATOR TUJUAN', baris: 2 },
      { teks: 'SATUAN', baris: 2 },
      ...tahun.map((t) => ({ teks: `TAHUN ${t}`, kolom: 2 })),
    ],
    tahun.flatMap(() => [{ teks: 'TARGET' }, { teks: 'REALISASI' }]),
  ]);
  ctx.h.kinerja.tujuan.forEach((b, i) => {
    const titik = riwayatIndikator(ctx.data, ctx.h, ctx.riwayat, b.id, tahun);
    l.baris([
      teks(String(i + 1), { rata: 'tengah' }),
      teks(b.nama),
      satuan(b.satuan),
      ...titik.flatMap((t) => [
        nilai(ctx, b.id, t.target, b.satuan, t.predikat_target),
        nilai(ctx, b.id, t.realisasi, b.satuan, t.predikat_realisasi, t.keterangan),
      ]),
    ]);
  });
  if (ctx.h.kinerja.tujuan.length === 0) kosongBaris(l, 3 + 2 * tahun.length);
  return akhiri(l, ctx, 'III.1');
}

function lembar31a(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, '3.1.a', 'Tabel 3.1.a', [34, 40, 10, 13, 13, 13, 14, 30]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: 'SASARAN STRATEGIS' },
      { teks: 'INDIKATOR KINERJA' },
      { teks: 'SATUAN' },
      { teks: `TARGET TAHUN ${ctx.tahun}` },
      { teks: `REALISASI TAHUN ${ctx.tahun}` },
      { teks: 'TINGKAT CAPAIAN (%)' },
      { teks: 'KATEGORI' },
      { teks: 'SUMBER DATA' },
    ],
  ]);
  l.nomorKolom([1, 2, '2a', 3, 4, '5 = capaian (4, 3)', 6, 7]);
  const isi = (b: BarisKinerja, s: HasilSasaran, _n: number, r: number): (Sel | null)[] => [
    teks(s.uraian),
    teks(b.nama),
    satuan(b.satuan),
    nilaiTarget(ctx, b),
    nilaiRealisasi(ctx, b),
    rumus(rumusCapaian(b.rumus, ref(r, 4), ref(r, 5)), b.capaian),
    rumus(rumusKategori(ref(r, 6), ctx.h.skala, ctx.h.desimal_persen), b.kategori, FORMAT.desimal, { rata: 'tengah' }),
    teks(definisiIndikator(ctx, b.id)?.sumber_data ?? '-'),
  ];
  const subjudul = (s: string) => {
    const r = l.baris([teks(s, { tebal: true })]);
    l.gabungkan(r, 1, r, 8);
  };
  const utama = ctx.h.sasaran.filter((s) => s.jenis === 'utama');
  const lainnya = ctx.h.sasaran.filter((s) => s.jenis === 'lainnya');
  subjudul('KINERJA UTAMA');
  barisSasaran(l, utama, [1], isi);
  if (utama.length === 0) kosongBaris(l, 8);
  if (lainnya.length > 0) {
    subjudul('KINERJA LAINNYA');
    barisSasaran(l, lainnya, [1], isi);
  }
  return akhiri(l, ctx, '3.1.a');
}

function lembar313a(env: HandlebarsEnv, ctx: KonteksDokumen, id: '3.1.3.a.1' | '3.1.3.a.2'): Lembar {
  const tahun = tahunTerakhir(ctx.tahun);
  const l = mulaiLembar(env, ctx, id, `Tabel ${id}`, [36, 40, 10, ...tahun.flatMap(() => [12]), ...tahun.flatMap(() => [12])]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: id === '3.1.3.a.1' ? 'SASARAN STRATEGIS' : 'PROGRAM', baris: 2 },
      { teks: 'INDIKATOR KINERJA', baris: 2 },
      { teks: 'SATUAN', baris: 2 },
      { teks: 'TARGET KINERJA TAHUN', kolom: tahun.length },
      { teks: 'REALISASI KINERJA TAHUN', kolom: tahun.length },
    ],
    [...tahun, ...tahun].map((t) => ({ teks: String(t) })),
  ]);
  l.nomorKolom([1, 2, '2a', ...Array.from({ length: 2 * tahun.length }, (_, i) => i + 3)]);
  const isiBaris = (b: BarisKinerja, program: string | null): Sel[] => {
    const titik = riwayatIndikator(ctx.data, ctx.h, ctx.riwayat, b.id, tahun, program);
    return [
      teks(b.nama),
      satuan(b.satuan),
      ...titik.map((t) => nilai(ctx, b.id, t.target, b.satuan, t.predikat_target)),
      ...titik.map((t) => nilai(ctx, b.id, t.realisasi, b.satuan, t.predikat_realisasi, t.keterangan)),
    ];
  };
  let ada = false;
  if (id === '3.1.3.a.1') {
    barisSasaran(l, ctx.h.sasaran, [1], (b, s) => [teks(s.uraian), ...isiBaris(b, null)]);
    ada = ctx.h.sasaran.some((s) => s.indikator.length > 0);
  } else {
    const utama = programTree(ctx).filter((p) => p.aktif !== false && p.jenis !== 'pendukung');
    for (const p of utama) {
      const ind = ctx.h.kinerja.program.filter((b) => b.program === p.kode);
      const mulai = l.berikut;
      ind.forEach((b, j) => {
        l.baris([j === 0 ? teks(`${p.kode} ${p.nama}`, { tebal: true }) : null, ...isiBaris(b, p.kode)]);
        ada = true;
      });
      if (ind.length > 1) l.gabungkan(mulai, 1, l.berikut - 1, 1);
    }
  }
  if (!ada) kosongBaris(l, 3 + 2 * tahun.length);
  return akhiri(l, ctx, id);
}

function lembar313b(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, '3.1.3.b', 'Tabel 3.1.3.b', [36, 40, 10, 16, 16, 16]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: 'SASARAN STRATEGIS' },
      { teks: 'INDIKATOR KINERJA' },
      { teks: 'SATUAN' },
      { teks: 'TARGET AKHIR RPJMD/ RENSTRA' },
      { teks: `REALISASI ${ctx.tahun}` },
      { teks: 'TINGKAT KEMAJUAN (%)' },
    ],
  ]);
  l.nomorKolom([1, 2, '2a', 3, 4, '5 = capaian (4, 3)']);
  barisSasaran(l, ctx.h.sasaran, [1], (b, s, _n, r) => [
    teks(s.uraian),
    teks(b.nama),
    satuan(b.satuan),
    nilai(ctx, b.id, b.target_akhir, b.satuan, predikatNilai(ctx.data, b.id, b.target_akhir, ctx.h.desimal_persen)),
    nilaiRealisasi(ctx, b),
    // A cumulative indicator's kemajuan is measured on its realisation summed up to this year
    // (calc/kinerja.ts), which this row does not hold: the calculator's value, not a formula.
    b.kumulatif ? angka(b.kemajuan, FORMAT.desimal) : rumus(rumusCapaian(b.rumus, ref(r, 4), ref(r, 5)), b.kemajuan),
  ]);
  if (!ctx.h.sasaran.some((s) => s.indikator.length > 0)) kosongBaris(l, 6);
  return akhiri(l, ctx, '3.1.3.b');
}

function lembar313c(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const l = mulaiLembar(env, ctx, '3.1.3.c', 'Tabel 3.1.3.c', [36, 40, 10, 16, 18, 30]);
  l.ulangKolom(3);
  l.kepala([
    [
      { teks: 'SASARAN STRATEGIS' },
      { teks: 'INDIKATOR KINERJA' },
      { teks: 'SATUAN' },
      { teks: `REALISASI TAHUN ${ctx.tahun}` },
      { teks: '*REALISASI PROVINSI/ NASIONAL' },
      { teks: 'KET (+/-)' },
    ],
  ]);
  const p = ctx.d.lkjip?.pembanding;
  const sasaran = ctx.h.sasaran
    .map((s) => ({ ...s, indikator: s.indikator.filter((b) => p?.indikator.some((x) => x.id === b.id)) }))
    .filter((s) => s.indikator.length > 0);
  barisSasaran(l, sasaran, [1], (b, s) => {
    const x = p?.indikator.find((i) => i.id === b.id);
    const n = x?.nilai ?? null;
    return [
      teks(s.uraian),
      teks(b.nama),
      satuan(b.satuan),
      nilaiRealisasi(ctx, b),
      nilai(ctx, b.id, n, b.satuan, predikatNilai(ctx.data, b.id, n, ctx.h.desimal_persen)),
      teks(x?.keterangan ?? ''),
    ];
  });
  if (sasaran.length === 0) kosongBaris(l, 6);
  if (p?.catatan) l.catatan(`*${p.catatan}`);
  return akhiri(l, ctx, '3.1.3.c');
}

/** Where each LRA line sits in the LRA sheet, for the budget tables that reference it. */
interface PetaLra {
  baris: Map<string, number>;
  total: number;
}

/** LRA columns (1-based): 3 anggaran ... 12 % realisasi. */
const KOL_LRA = { anggaran: 3, rencana_sd: 4, realisasi_sd: 5, rencana_akhir: 6, realisasi_akhir: 7, target: 8, realisasi: 9, persenTarget: 10, sisa: 11, persen: 12, kendala: 13 } as const;

function lembarLra(env: HandlebarsEnv, ctx: KonteksDokumen): { lembar: Lembar; peta: PetaLra | null } {
  const l = mulaiLembar(env, ctx, 'lra', 'LRA', [5, 50, 17, 17, 17, 17, 17, 17, 17, 10, 17, 10, 24]);
  l.ulangKolom(2);
  const lra = ctx.h.anggaran.lra;
  const t = ctx.tahun;
  const sd = lra?.bulan_sd ?? '';
  const ak = lra?.bulan_akhir ?? '';
  l.kepala([
    [
      { teks: 'No', baris: 2 },
      { teks: 'NAMA PROGRAM / KEGIATAN / SUB KEGIATAN', baris: 2 },
      { teks: `ANGGARAN P-APBD ${t} (Rp)`, baris: 2 },
      { teks: `RENCANA s.d. ${sd} ${t} (Rp)`, baris: 2 },
      { teks: `REALISASI s.d. ${sd} ${t} (Rp)`, baris: 2 },
      { teks: ak.toUpperCase(), kolom: 2 },
      { teks: `TARGET REALISASI s.d. ${ak} ${t} (Rp)`, baris: 2 },
      { teks: `JUMLAH REALISASI ANGGARAN s.d. ${ak} ${t} (Rp)`, baris: 2 },
      { teks: '% TARGET', baris: 2 },
      { teks: 'SISA ANGGARAN (Rp)', baris: 2 },
      { teks: '% REALISASI TOTAL', baris: 2 },
      { teks: 'KENDALA', baris: 2 },
    ],
    [{ teks: 'RENCANA (Rp)' }, { teks: 'REALISASI KEUANGAN (Rp)' }],
  ]);
  l.nomorKolom([1, 2, 3, 4, 5, 6, 7, '8 = (4+6)', '9 = (5+7)', '10 = (8/3) × 100%', '11 = (3-9)', '12 = (9/3) × 100%', 13]);
  if (!lra) {
    kosongBaris(l, 13);
    return { lembar: akhiri(l, ctx, 'lra'), peta: null };
  }
  // Rows are known before writing: the total row, then every line in tree order.
  const rTotal = l.berikut;
  const baris = new Map<string, number>();
  lra.baris.forEach((b, i) => baris.set(b.kode, rTotal + 1 + i));
  const urutan = nomorUrut(lra.baris);
  const tulis = (b: BarisLraHasil, r: number, anak: number[], label: Sel, nomor: Sel | null): void => {
    const tebal = b.tingkat === 'program' || b.tingkat === 'lainnya' || b.tingkat === 'kegiatan';
    const gaya = { tebal: b.tingkat !== 'sub_kegiatan' && tebal };
    const uang = (c: number, v: number): Sel =>
      anak.length > 0 ? rumus(rumusSum(anak.map((x) => ref(x, c))), v, FORMAT.rupiah, gaya) : angka(v, FORMAT.rupiah, gaya);
    const R = (c: number) => ref(r, c);
    l.baris([
      nomor,
      label,
      uang(KOL_LRA.anggaran, b.anggaran),
      uang(KOL_LRA.rencana_sd, b.rencana_sd),
      uang(KOL_LRA.realisasi_sd, b.realisasi_sd),
      uang(KOL_LRA.rencana_akhir, b.rencana_akhir),
      uang(KOL_LRA.realisasi_akhir, b.realisasi_akhir),
      rumus(`${R(4)}+${R(6)}`, b.target_realisasi, FORMAT.rupiah, gaya),
      rumus(`${R(5)}+${R(7)}`, b.realisasi, FORMAT.rupiah, gaya),
      rumus(rumusPersen(R(8), R(3)), b.persen_target, FORMAT.desimal, gaya),
      rumus(`${R(3)}-${R(9)}`, b.sisa, FORMAT.rupiah, gaya),
      rumus(rumusPersen(R(9), R(3)), b.persen_realisasi, FORMAT.desimal, gaya),
      teks(b.kendala ?? ''),
    ]);
  };
  tulis(
    lra.total,
    rTotal,
    lra.total.anak.map((k) => baris.get(k) ?? 0).filter((x) => x > 0),
    teks(ctx.opd.nama.toUpperCase(), { tebal: true }),
    null,
  );
  for (const b of lra.baris) {
    const r = baris.get(b.kode) ?? 0;
    const anak = b.anak.map((k) => baris.get(k) ?? 0).filter((x) => x > 0);
    const nomor = urutan.get(b.kode);
    const sub = b.tingkat === 'sub_kegiatan' || b.tingkat === 'lainnya';
    const label = `${b.kode} ${sub && nomor ? `${nomor} ` : ''}${b.uraian ?? '-'}`;
    tulis(b, r, anak, teks(label, { indent: Math.max(0, b.kedalaman), tebal: b.tingkat !== 'sub_kegiatan' }), b.tingkat === 'program' ? teks(String(nomor ?? ''), { rata: 'tengah', tebal: true }) : null);
  }
  return { lembar: akhiri(l, ctx, 'lra'), peta: { baris, total: rTotal } };
}

/** Rows of Tabel 3.2.a / 3.2.b / 3.3.a: sasaran cell and budget cells merged like the HTML. */
function lembarAnggaran(env: HandlebarsEnv, ctx: KonteksDokumen, id: '3.2.a' | '3.2.b' | '3.3.a', peta: PetaLra | null): Lembar {
  const spesifikasi = {
    '3.2.a': { nama: 'Tabel 3.2.a', lebar: [5, 36, 40, 18, 14] },
    '3.2.b': { nama: 'Tabel 3.2.b', lebar: [36, 40, 10, 12, 12, 11, 18, 18, 11] },
    '3.3.a': { nama: 'Tabel 3.3.a', lebar: [36, 40, 18, 18, 12, 12] },
  }[id];
  const l = mulaiLembar(env, ctx, id, spesifikasi.nama, spesifikasi.lebar);
  l.ulangKolom(id === '3.2.a' ? 3 : 2);
  if (id === '3.2.a') {
    l.kepala([[{ teks: 'NO' }, { teks: 'SASARAN STRATEGIS' }, { teks: 'INDIKATOR KINERJA' }, { teks: 'ANGGARAN (Rp)' }, { teks: '% ANGGARAN DARI TOTAL' }]]);
    l.nomorKolom([1, 2, 3, 4, '5 = 4 / total × 100']);
  } else if (id === '3.2.b') {
    l.kepala([
      [
        { teks: 'SASARAN/ PROGRAM', baris: 2 },
        { teks: 'INDIKATOR', baris: 2 },
        { teks: 'SATUAN', baris: 2 },
        { teks: 'KINERJA', kolom: 3 },
        { teks: 'ANGGARAN', kolom: 3 },
      ],
      [{ teks: 'TARGET' }, { teks: 'REALISASI' }, { teks: '%' }, { teks: 'ALOKASI (Rp)' }, { teks: 'REALISASI (Rp)' }, { teks: '%' }],
    ]);
    l.nomorKolom([1, 2, '2a', 3, 4, '5 = capaian (4, 3)', 6, 7, '8 = 7/6 × 100']);
  } else {
    l.kepala([
      [{ teks: 'SASARAN/ PROGRAM', baris: 2 }, { teks: 'INDIKATOR', baris: 2 }, { teks: 'ANGGARAN', kolom: 4 }],
      [{ teks: 'ALOKASI (Rp)' }, { teks: 'REALISASI (Rp)' }, { teks: '% CAPAIAN' }, { teks: '% EFISIENSI' }],
    ]);
    l.nomorKolom([1, 2, 3, 4, '5 = 4/3 × 100', '6 = 100 - 5']);
  }
  const opd = ctx.h.anggaran.opd;
  const pakaiLra = opd.sumber === 'lra' && peta !== null;
  // Money of a merged cell: the sum of its programs' LRA lines (a live reference) or the value.
  const uang = (program: readonly string[], n: Nilai, kolom: number): Sel => {
    const rows = program.map((k) => peta?.baris.get(k));
    if (pakaiLra && program.length > 0 && rows.every((x) => x !== undefined)) {
      return rumus(rows.map((x) => `LRA!${ref(x ?? 0, kolom)}`).join('+'), n, FORMAT.rupiah);
    }
    return angka(n, FORMAT.rupiah);
  };
  const total = pakaiLra && peta ? `LRA!$C$${peta.total}` : opd.anggaran === null ? null : String(opd.anggaran);
  let ada = false;
  ctx.h.sasaran.forEach((s, i) => {
    const grup = kelompokAnggaran(ctx.data, s, opd.anggaran);
    const mulaiSasaran = l.berikut;
    for (const g of grup) {
      const mulai = l.berikut;
      g.indikator.forEach((b, j) => {
        ada = true;
        const r = l.berikut;
        const pertama = j === 0;
        const a = g.anggaran;
        if (id === '3.2.a') {
          const rA = mulai;
          l.baris([
            r === mulaiSasaran ? teks(String(i + 1), { rata: 'tengah' }) : null,
            r === mulaiSasaran ? teks(s.uraian) : null,
            teks(b.nama),
            pertama ? uang(g.program, a.anggaran, KOL_LRA.anggaran) : null,
            pertama ? (total === null ? angka(a.persen_dari_total, FORMAT.desimal) : rumus(rumusPersen(ref(rA, 4), total), a.persen_dari_total)) : null,
          ]);
        } else if (id === '3.2.b') {
          l.baris([
            r === mulaiSasaran ? teks(s.uraian) : null,
            teks(b.nama),
            satuan(b.satuan),
            nilaiTarget(ctx, b),
            nilaiRealisasi(ctx, b),
            rumus(rumusCapaian(b.rumus, ref(r, 4), ref(r, 5)), b.capaian),
            pertama ? uang(g.program, a.anggaran, KOL_LRA.anggaran) : null,
            pertama ? uang(g.program, a.realisasi, KOL_LRA.realisasi) : null,
            pertama ? rumus(rumusPersen(ref(mulai, 8), ref(mulai, 7)), a.persen_realisasi) : null,
          ]);
        } else {
          l.baris([
            r === mulaiSasaran ? teks(s.uraian) : null,
            teks(b.nama),
            pertama ? uang(g.program, a.anggaran, KOL_LRA.anggaran) : null,
            pertama ? uang(g.program, a.realisasi, KOL_LRA.realisasi) : null,
            pertama ? rumus(rumusPersen(ref(mulai, 4), ref(mulai, 3)), a.persen_realisasi) : null,
            pertama ? rumus(rumusEfisiensi(ref(mulai, 5)), a.persen_efisiensi) : null,
          ]);
        }
      });
      const akhir = l.berikut - 1;
      if (akhir > mulai) {
        const kolomUang = id === '3.2.a' ? [4, 5] : id === '3.2.b' ? [7, 8, 9] : [3, 4, 5, 6];
        for (const c of kolomUang) l.gabungkan(mulai, c, akhir, c);
      }
    }
    const akhirSasaran = l.berikut - 1;
    if (akhirSasaran > mulaiSasaran) {
      for (const c of id === '3.2.a' ? [1, 2] : [1]) l.gabungkan(mulaiSasaran, c, akhirSasaran, c);
    }
  });
  if (!ada) kosongBaris(l, spesifikasi.lebar.length);
  return akhiri(l, ctx, id);
}

/** Every LKJIP sheet of the workbook, in order. */
export function lembarLkjip(ctx: KonteksDokumen, env: HandlebarsEnv = createEnv(ctx.h.desimal_persen)): Lembar[] {
  const lra = lembarLra(env, ctx);
  const dibuat: Record<string, () => Lembar> = {
    '1.1': () => lembar11(env, ctx),
    'pns-golongan': () => lembarPns(env, ctx),
    'sarana-prasarana': () => lembarSarana(env, ctx),
    '2.2.1': () => lembar221(env, ctx),
    'pk-ikhtisar': () => lembarPk(env, ctx),
    'III.1': () => lembarIII1(env, ctx),
    '3.1.a': () => lembar31a(env, ctx),
    '3.1.3.a.1': () => lembar313a(env, ctx, '3.1.3.a.1'),
    '3.1.3.a.2': () => lembar313a(env, ctx, '3.1.3.a.2'),
    '3.1.3.b': () => lembar313b(env, ctx),
    '3.1.3.c': () => lembar313c(env, ctx),
    '3.2.a': () => lembarAnggaran(env, ctx, '3.2.a', lra.peta),
    lra: () => lra.lembar,
    '3.2.b': () => lembarAnggaran(env, ctx, '3.2.b', lra.peta),
    '3.3.a': () => lembarAnggaran(env, ctx, '3.3.a', lra.peta),
  };
  // A table the PDF leaves out for want of data (no sarana prasarana, no PNS per golongan) gets
  // no empty sheet either: the workbook holds the PDF's tables.
  return LEMBAR_LKJIP.filter(({ id }) => tabelTersedia(id, ctx)).map(({ id }) => {
    const f = dibuat[id];
    if (!f) throw new Error(`lembar LKJIP ${id} tidak dikenal`);
    return f();
  });
}
