/**
 * The LKJIP tables: a registry (caption number, title, page width, "Sumber data" line, view) and
 * `renderTabel`, which wraps the table's partial (templates/lkjip/tabel/<id>.hbs) in a numbered
 * <figure>. Views only pick and group what the calculator computed (rowspans, order, years);
 * partials only format. A table whose data is missing renders "-" cells, never throws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BarisKinerja, BarisLraHasil, HasilSasaran, Nilai, RingkasAnggaran } from '../calc/types.js';
import {
  intervalSkala,
  kelompokAnggaran,
  predikatNilai,
  riwayatIndikator,
  tabelKondisi,
  totalNilaiSarana,
  type IntervalSkala,
  type TitikTabel,
} from '../calc/tabel-lkjip.js';
import { jumlahBaris } from '../calc/konteks.js';
import { desimalSatuan } from '../util/format.js';
import type { BarangSarana, Indikator, PkVersi, Program } from '../model/types.js';
import { templatesDir } from './assets.js';
import { templatTabel } from './templat-tabel.js';
import { formatNilai, type HandlebarsEnv } from './handlebars-env.js';
import { pilihTataLetak, ukurKolom, urutanTata, type Kolom, type PilihanUtuh } from './bagi-kolom.js';
import type { KonteksDokumen } from './konteks.js';

/** One LKJIP table. */
export interface DefinisiTabel {
  id: string;
  /**
   * The source document's own label ("Tabel 3.1.a"; "Tabel" for unnumbered ones), kept for the
   * workbook. The PDF numbers every table per chapter instead (render/nomor-keterangan.ts).
   */
  nomor: string;
  /** false: not numbered in the PDF; the caption shows `nomor` as it is (the attached PK). */
  bernomor?: boolean;
  /** Title; a Handlebars template over { tahun, opd, h, d, v (the view) }. */
  judul: string;
  /** true: needs an A4 landscape page (a function when that depends on the data). */
  lebar: boolean | ((ctx: KonteksDokumen) => boolean);
  /** The "Sumber data" line(s). */
  sumber: (ctx: KonteksDokumen) => string[];
  /** What the partial iterates. */
  view: (ctx: KonteksDokumen) => object;
  /**
   * Whether the data holds anything for this table. A table a template section lists by default is
   * left out when this says no (an agency without labour-market data has no Tabel 1.1); a table the
   * narrative places explicitly is always printed.
   */
  tersedia?: (ctx: KonteksDokumen) => boolean;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of the views

/** A value with its unit, grade and the text kept when it is missing: partial `tabel-nilai`. */
export interface SelNilai {
  /** The value (named `n`: `nilai` is a helper). */
  n: Nilai;
  satuan: string;
  predikat: string | null;
  keterangan: string | null;
}

function sel(n: Nilai, satuan: string, predikat: string | null = null, keterangan: string | null = null): SelNilai {
  return { n, satuan, predikat, keterangan };
}

/** The first row of a merged cell carries it (with its rowspan); the other rows carry null. */
interface Gabung {
  uraian: string;
  nomor: number;
  rowspan: number;
}

/** The row of column numbers under a header: 1..n. */
function nomorKolom(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

function tahunTerakhir(tahun: number, n = 3): number[] {
  return Array.from({ length: n }, (_, i) => tahun - (n - 1) + i);
}

function sumberLkjip(ctx: KonteksDokumen, id: string): string[] {
  const s = ctx.d.lkjip?.sumber_data?.[id];
  if (s === undefined) return [];
  return (Array.isArray(s) ? s : [s]).filter((x) => x.trim() !== '');
}

/** The lkjip.yaml entry for the table, else the first of the fallbacks that exists. */
function sumberDengan(id: string, ...cadangan: ((ctx: KonteksDokumen) => string | undefined)[]) {
  return (ctx: KonteksDokumen): string[] => {
    const peta = sumberLkjip(ctx, id);
    if (peta.length > 0) return peta;
    for (const c of cadangan) {
      const s = c(ctx);
      if (s && s.trim() !== '') return [s];
    }
    return [];
  };
}

const dariKinerja = (ctx: KonteksDokumen): string | undefined => ctx.d.kinerja?.sumber_data;
const dariPk = (ctx: KonteksDokumen): string | undefined => ctx.d.pk?.sumber_data;
const dariLra = (ctx: KonteksDokumen): string | undefined => ctx.d.lra?.sumber_data;

function definisiIndikator(ctx: KonteksDokumen, id: string): Indikator | undefined {
  return ctx.data.strategis.indikator.find((i) => i.id === id) ?? ctx.data.program.indikator.find((i) => i.id === id);
}

function programTree(ctx: KonteksDokumen): Program[] {
  return ctx.data.program?.program ?? [];
}

function namaProgram(ctx: KonteksDokumen, kode: string): string {
  return programTree(ctx).find((p) => p.kode === kode)?.nama ?? kode;
}

/** Programs the "level program" tables show: every active program that is not a support program. */
function programUtama(ctx: KonteksDokumen): Program[] {
  return programTree(ctx).filter((p) => p.aktif !== false && p.jenis !== 'pendukung');
}

function sasaranJenis(ctx: KonteksDokumen, jenis: 'utama' | 'lainnya'): HasilSasaran[] {
  return ctx.h.sasaran.filter((s) => s.jenis === jenis);
}

/** Flattens sasaran > indicators into rows; the first row of each sasaran carries the merged cell. */
function barisPerSasaran<T>(
  sasaran: readonly HasilSasaran[],
  isi: (b: BarisKinerja, s: HasilSasaran) => T,
  nomorAwal = 0,
): ({ sasaran: Gabung | null } & T)[] {
  const rows: ({ sasaran: Gabung | null } & T)[] = [];
  sasaran.forEach((s, i) => {
    s.indikator.forEach((b, j) => {
      rows.push({
        sasaran: j === 0 ? { uraian: s.uraian, nomor: nomorAwal + i + 1, rowspan: s.indikator.length } : null,
        ...isi(b, s),
      });
    });
  });
  return rows;
}

function selTarget(b: BarisKinerja): SelNilai {
  return sel(b.target, b.satuan, b.predikat_target);
}

function selRealisasi(b: BarisKinerja): SelNilai {
  return sel(b.realisasi, b.satuan, b.predikat_realisasi, b.keterangan);
}

function selTitik(t: TitikTabel, satuan: string): { target: SelNilai; realisasi: SelNilai } {
  return {
    target: sel(t.target, satuan, t.predikat_target),
    realisasi: sel(t.realisasi, satuan, t.predikat_realisasi, t.keterangan),
  };
}

/** Rows of Tabel 3.2.a / 3.2.b / 3.3.a: indicators with the sasaran cell and the budget cell merged. */
interface BarisAnggaran {
  sasaran: Gabung | null;
  uang: (RingkasAnggaran & { rowspan: number }) | null;
  indikator: BarisKinerja;
  target: SelNilai;
  realisasi: SelNilai;
}

function barisAnggaran(ctx: KonteksDokumen): BarisAnggaran[] {
  const total = ctx.h.anggaran.opd.anggaran;
  const rows: BarisAnggaran[] = [];
  ctx.h.sasaran.forEach((s, i) => {
    const grup = kelompokAnggaran(ctx.data, s, total);
    const jumlah = grup.reduce((n, g) => n + g.indikator.length, 0);
    let pertama = true;
    for (const g of grup) {
      g.indikator.forEach((b, j) => {
        rows.push({
          sasaran: pertama ? { uraian: s.uraian, nomor: i + 1, rowspan: jumlah } : null,
          uang: j === 0 ? { ...g.anggaran, rowspan: g.indikator.length } : null,
          indikator: b,
          target: selTarget(b),
          realisasi: selRealisasi(b),
        });
        pertama = false;
      });
    }
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Views

/** The context table with its rows' decimals: "%" rows as percentages, whole counts without decimals. */
function view11(ctx: KonteksDokumen) {
  const tahun = tahunTerakhir(ctx.tahun);
  const t = tabelKondisi(ctx.data, ctx.h, ctx.riwayat, tahun);
  return {
    tahun,
    judul: t?.judul ?? null,
    baris: (t?.baris ?? []).map((b) => ({
      ...b,
      desimal: desimalSatuan(b.satuan, b.nilai, ctx.h.desimal_persen),
      ada: b.jenis !== 'label',
    })),
  };
}

function viewPns(ctx: KonteksDokumen) {
  return {
    baris: tahunTerakhir(ctx.tahun).map((t) => {
      const g = ctx.data.tahun.get(t)?.konteks?.pns_golongan?.golongan;
      const golongan = [g?.I ?? null, g?.II ?? null, g?.III ?? null, g?.IV ?? null];
      return { tahun: t, golongan, jumlah: jumlahBaris(golongan) };
    }),
  };
}

interface BarisSarana {
  uraian: string;
  kedalaman: number;
  kelompok: boolean;
  jumlah: number | null;
  satuan: string;
  nilai: number | null;
}

function viewSarana(ctx: KonteksDokumen) {
  const barang = ctx.d.konteks?.sarana_prasarana?.barang ?? [];
  const baris: BarisSarana[] = [];
  const jalan = (b: BarangSarana, kedalaman: number): void => {
    const kelompok = (b.rincian?.length ?? 0) > 0;
    baris.push({
      uraian: b.uraian,
      kedalaman,
      kelompok,
      jumlah: b.jumlah ?? null,
      satuan: b.satuan ?? '',
      nilai: b.nilai ?? null,
    });
    for (const r of b.rincian ?? []) jalan(r, kedalaman + 1);
  };
  barang.forEach((b) => jalan(b, 0));
  return { baris, total: totalNilaiSarana(barang) };
}

function viewIIA1(ctx: KonteksDokumen) {
  const tujuan = ctx.data.strategis.tujuan.map((t, i) => {
    const sasaran = ctx.data.strategis.sasaran.filter((s) => s.tujuan === t.id);
    const indikator = t.indikator.map((id) => definisiIndikator(ctx, id)?.nama ?? id);
    return { nomor: i + 1, indikator, sasaran };
  });
  const baris = tujuan.flatMap((t) => {
    const sas = t.sasaran.length > 0 ? t.sasaran : [null];
    return sas.map((s, j) => ({
      tujuan: j === 0 ? { nomor: t.nomor, indikator: t.indikator, rowspan: sas.length } : null,
      nomor: s ? j + 1 : null,
      sasaran: s ? s.uraian : null,
    }));
  });
  return { baris };
}

function view221(ctx: KonteksDokumen) {
  const { tahun_target: tahun, tahun_data_awal: awal } = ctx.h.tahun_renstra;
  const sasaran = ctx.data.strategis.sasaran.filter((s) => s.jenis === 'utama');
  const baris = sasaran.flatMap((s, i) =>
    s.indikator.map((id, j) => {
      const ind = definisiIndikator(ctx, id);
      const satuan = ind?.satuan ?? '';
      return {
        sasaran: j === 0 ? { nomor: i + 1, uraian: s.uraian, rowspan: s.indikator.length } : null,
        nama: ind?.nama ?? id,
        rumus: ind?.rumus ?? null,
        data_awal: sel(ind?.data_awal ?? null, satuan),
        target: tahun.map((t) => sel(ind?.target?.[String(t)] ?? null, satuan)),
      };
    }),
  );
  // Column numbers 1..(5 + years): NO, SASARAN, INDIKATOR, RUMUS, DATA AWAL, one per year.
  const kolom = nomorKolom(5 + tahun.length);
  // Widths from the values, as the wide Renja forms (bagi-kolom.ts): rupiah targets of an agency
  // with hundreds of billions made the landscape table 2 mm wider than the page.
  const teks = (x: SelNilai): string => `${formatNilai(x.n, x.satuan, undefined, ctx.h.desimal_persen)}${x.predikat ? ` (${x.predikat})` : ''}`;
  const angka = (judul: string, nilai: string[], utuh: boolean, pt: number): Kolom =>
    ukurKolom({ ...(utuh ? { utuh: nilai } : { teks: nilai }), judul, min: 14, lentur: 0.15, maks: 40, pad: PAD_LKJIP_MM }, pt);
  const ukur = ({ pt, utuh }: PilihanUtuh): Kolom[] => [
    ukurKolom({ utuh: ['NO', ...baris.flatMap((b) => (b.sasaran ? [String(b.sasaran.nomor)] : []))], pad: PAD_LKJIP_MM }, pt),
    ukurKolom({ teks: baris.flatMap((b) => (b.sasaran ? [b.sasaran.uraian] : [])), judul: 'SASARAN', min: 22, lentur: 1, maks: 60, pad: PAD_LKJIP_MM }, pt),
    ukurKolom({ teks: baris.map((b) => b.nama), judul: 'INDIKATOR SASARAN', min: 22, lentur: 1, maks: 60, pad: PAD_LKJIP_MM }, pt),
    ukurKolom({ teks: baris.flatMap((b) => (b.rumus ? [b.rumus] : [])), judul: 'RUMUS PERHITUNGAN', min: 22, lentur: 1, maks: 60, pad: PAD_LKJIP_MM }, pt),
    angka(`DATA AWAL ${awal}`, baris.map((b) => teks(b.data_awal)), utuh, pt),
    ...tahun.map((t, i) => angka(String(t), baris.map((b) => teks(b.target[i] as SelNilai)), utuh, pt)),
  ];
  const tata = pilihTataLetak(ukur, urutanTata([true]));
  return { awal, tahun, baris, kolom, lebar: tata.lebar, pt: tata.pt, utuh: tata.utuh };
}

/** Horizontal padding and border of a cell of the LKJIP tables in mm (4 pt each side and 0.75 pt, tabel.css). */
const PAD_LKJIP_MM = ((8 + 0.75) * 25.4) / 72;

/** Whether the year's PK has a P-APBD version: the PK forms print its half only then. */
export function adaPapbd(ctx: KonteksDokumen): boolean {
  return ctx.d.pk?.papbd !== undefined && ctx.d.pk?.papbd !== null;
}

function viewPkIkhtisar(ctx: KonteksDokumen) {
  const isi = (b: BarisKinerja) => ({
    nama: b.nama,
    apbd: sel(b.target_pk_apbd, b.satuan),
    papbd: sel(b.target_pk_papbd, b.satuan),
  });
  const pk = ctx.h.anggaran.pk;
  const ket = (v: PkVersi | undefined, kode: string): string | null =>
    v?.anggaran?.find((a) => a.program === kode)?.keterangan ?? null;
  const anggaran = (pk?.program ?? []).map((p, i) => ({
    nomor: i + 1,
    nama: namaProgram(ctx, p.program),
    apbd: p.apbd,
    ket_apbd: ket(ctx.d.pk?.apbd, p.program),
    papbd: p.papbd,
    ket_papbd: ket(ctx.d.pk?.papbd, p.program),
  }));
  const utama = sasaranJenis(ctx, 'utama');
  return {
    // Without a P-APBD version (pk.yaml has no `papbd`) only the APBD half is printed.
    perubahan: adaPapbd(ctx),
    utama: barisPerSasaran(utama, isi),
    // The signed form numbers the "kinerja lainnya" sasaran on after the main ones.
    lainnya: barisPerSasaran(sasaranJenis(ctx, 'lainnya'), isi, utama.length),
    anggaran,
  };
}

/** The grading scale's bounds are thresholds, not measured percentages: "> 90%", decimals only when one has them. */
function viewSkala(ctx: KonteksDokumen): { baris: (IntervalSkala & { nomor: number })[]; desimal: number } {
  const baris = intervalSkala(ctx.h.skala).map((b, i) => ({ ...b, nomor: i + 1 }));
  return { baris, desimal: desimalSatuan(null, baris.flatMap((b) => [b.lebih_dari, b.sampai])) };
}

function viewTargetTujuan(ctx: KonteksDokumen) {
  return {
    baris: ctx.h.kinerja.tujuan.map((b) => ({ nama: b.nama, target: selTarget(b), realisasi: selRealisasi(b) })),
  };
}

function viewIII1(ctx: KonteksDokumen) {
  const tahun = tahunTerakhir(ctx.tahun);
  return {
    tahun,
    baris: ctx.h.kinerja.tujuan.map((b, i) => ({
      nomor: i + 1,
      nama: b.nama,
      tahun: riwayatIndikator(ctx.data, ctx.h, ctx.riwayat, b.id, tahun).map((t) => selTitik(t, b.satuan)),
    })),
  };
}

function view31a(ctx: KonteksDokumen) {
  const isi = (b: BarisKinerja) => ({
    indikator: b,
    target: selTarget(b),
    realisasi: selRealisasi(b),
    sumber_data: definisiIndikator(ctx, b.id)?.sumber_data ?? null,
  });
  return {
    utama: barisPerSasaran(sasaranJenis(ctx, 'utama'), isi),
    lainnya: barisPerSasaran(sasaranJenis(ctx, 'lainnya'), isi),
  };
}

function view313a1(ctx: KonteksDokumen) {
  const tahun = tahunTerakhir(ctx.tahun);
  const isi = (b: BarisKinerja) => {
    const titik = riwayatIndikator(ctx.data, ctx.h, ctx.riwayat, b.id, tahun).map((t) => selTitik(t, b.satuan));
    return { nama: b.nama, target: titik.map((t) => t.target), realisasi: titik.map((t) => t.realisasi) };
  };
  return { tahun, kolom: nomorKolom(2 + 2 * tahun.length), baris: barisPerSasaran(ctx.h.sasaran, isi) };
}

function view313a2(ctx: KonteksDokumen) {
  const tahun = tahunTerakhir(ctx.tahun);
  const baris = programUtama(ctx).flatMap((p) => {
    const ind = ctx.h.kinerja.program.filter((b) => b.program === p.kode);
    return ind.map((b, j) => {
      const titik = riwayatIndikator(ctx.data, ctx.h, ctx.riwayat, b.id, tahun, p.kode).map((t) => selTitik(t, b.satuan));
      return {
        program: j === 0 ? { kode: p.kode, uraian: p.nama, rowspan: ind.length } : null,
        nama: b.nama,
        target: titik.map((t) => t.target),
        realisasi: titik.map((t) => t.realisasi),
      };
    });
  });
  return { tahun, kolom: nomorKolom(2 + 2 * tahun.length), baris };
}

function view313b(ctx: KonteksDokumen) {
  const desimal = ctx.h.desimal_persen;
  return {
    baris: barisPerSasaran(ctx.h.sasaran, (b) => ({
      nama: b.nama,
      target_akhir: sel(b.target_akhir, b.satuan, predikatNilai(ctx.data, b.id, b.target_akhir, desimal)),
      realisasi: selRealisasi(b),
      kemajuan: b.kemajuan,
    })),
  };
}

function view313c(ctx: KonteksDokumen) {
  const p = ctx.d.lkjip?.pembanding;
  const desimal = ctx.h.desimal_persen;
  // Only the indicators the comparison lists, in the sasaran order of the other tables.
  const sasaran = ctx.h.sasaran
    .map((s) => ({ ...s, indikator: s.indikator.filter((b) => p?.indikator.some((x) => x.id === b.id)) }))
    .filter((s) => s.indikator.length > 0);
  return {
    catatan: p?.catatan ?? null,
    baris: barisPerSasaran(sasaran, (b) => {
      const x = p?.indikator.find((i) => i.id === b.id);
      const nilai = x?.nilai ?? null;
      return {
        nama: b.nama,
        realisasi: selRealisasi(b),
        pembanding: sel(nilai, b.satuan, predikatNilai(ctx.data, b.id, nilai, desimal)),
        keterangan: x?.keterangan ?? null,
      };
    }),
  };
}

function view313d(ctx: KonteksDokumen) {
  const utama = new Set(programUtama(ctx).map((p) => p.kode));
  const sasaran = ctx.data.strategis.sasaran
    .map((s) => ({ uraian: s.uraian, program: (s.program ?? []).filter((k) => utama.has(k)) }))
    .filter((s) => s.program.length > 0);
  const baris = sasaran.flatMap((s, i) =>
    s.program.map((kode, j) => ({
      sasaran: j === 0 ? { nomor: i + 1, uraian: s.uraian, rowspan: s.program.length } : null,
      program: namaProgram(ctx, kode),
    })),
  );
  return { baris };
}

interface BarisLraView extends BarisLraHasil {
  /** Program number in the No column, sub kegiatan number within its kegiatan. */
  nomor: number | null;
  program: boolean;
  kegiatan: boolean;
  sub_kegiatan: boolean;
}

function viewLra(ctx: KonteksDokumen) {
  const lra = ctx.h.anggaran.lra;
  const periode = lra?.periode ?? null;
  if (!lra) {
    return { ada: false, periode, bulan_sd: '', bulan_akhir: '', total: null, baris: [] as BarisLraView[] };
  }
  const urutan = nomorUrut(lra.baris);
  const baris = lra.baris.map(
    (b): BarisLraView => ({
      ...b,
      nomor: b.tingkat === 'program' || b.tingkat === 'sub_kegiatan' ? urutan.get(b.kode) ?? null : null,
      program: b.tingkat === 'program',
      kegiatan: b.tingkat === 'kegiatan',
      sub_kegiatan: b.tingkat === 'sub_kegiatan' || b.tingkat === 'lainnya',
    }),
  );
  return { ada: true, periode, bulan_sd: lra.bulan_sd, bulan_akhir: lra.bulan_akhir, total: lra.total, baris };
}

function viewReviu(ctx: KonteksDokumen) {
  const r = ctx.d.lkjip?.reviu;
  return {
    tahun: r?.tahun ?? null,
    baris: (r?.butir ?? []).map((b, i) => ({ nomor: i + 1, ...b })),
  };
}

function viewPkLampiran(ctx: KonteksDokumen) {
  const pk = ctx.d.pk;
  const versi = pk?.papbd ?? pk?.apbd;
  const desimal = ctx.h.desimal_persen;
  const target = (b: BarisKinerja): SelNilai => {
    const t = versi?.target.find((x) => x.indikator === b.id)?.target ?? null;
    return sel(t, b.satuan, predikatNilai(ctx.data, b.id, t, desimal));
  };
  const blok = (jenis: 'utama' | 'lainnya') =>
    sasaranJenis(ctx, jenis).flatMap((s, i) =>
      s.indikator.map((b, j) => ({
        sasaran: j === 0 ? { nomor: i + 1, uraian: s.uraian, rowspan: s.indikator.length } : null,
        // "1.1", "1.2": numbered within the sasaran only when it has several indicators, as signed.
        kode: s.indikator.length > 1 ? `${i + 1}.${j + 1}` : null,
        nama: b.nama,
        target: target(b),
      })),
    );
  const anggaran = (versi?.anggaran ?? []).map((a, i) => ({
    nomor: i + 1,
    nama: namaProgram(ctx, a.program),
    anggaran: a.anggaran,
    keterangan: a.keterangan ?? null,
  }));
  return { perubahan: pk?.papbd !== undefined, utama: blok('utama'), lainnya: blok('lainnya'), anggaran };
}

// ---------------------------------------------------------------------------------------------
// Registry

const daftar: DefinisiTabel[] = [
  {
    id: '1.1',
    nomor: 'Tabel 1.1',
    // The agency's own title, else one naming its urusan (opd.yaml) and its region.
    judul:
      '{{#if v.judul}}{{v.judul}}{{else}}Perkembangan Kondisi {{#if opd.urusan}}{{opd.urusan}} {{/if}}di {{opd.daerah}} dalam 3 (tiga) Tahun Terakhir{{/if}}',
    lebar: false,
    sumber: sumberDengan('1.1', (c) => tabelKondisi(c.data, c.h, c.riwayat, tahunTerakhir(c.tahun))?.sumber_data ?? undefined),
    view: view11,
    tersedia: (c) => tabelKondisi(c.data, c.h, c.riwayat, tahunTerakhir(c.tahun)) !== undefined,
  },
  {
    id: 'pns-golongan',
    nomor: 'Tabel',
    judul: 'Jumlah PNS {{opd.nama_lengkap}} Menurut Pangkat / Golongan',
    lebar: false,
    sumber: sumberDengan('pns-golongan', (c) => c.d.konteks?.pns_golongan?.sumber_data),
    view: viewPns,
    tersedia: (c) => [c.tahun - 2, c.tahun - 1, c.tahun].some((t) => c.data.tahun.get(t)?.konteks?.pns_golongan !== undefined),
  },
  {
    id: 'sarana-prasarana',
    nomor: 'Tabel',
    judul: 'Sarana dan Prasarana Penunjang {{opd.nama_lengkap}}',
    lebar: false,
    sumber: sumberDengan('sarana-prasarana', (c) => c.d.konteks?.sarana_prasarana?.sumber_data),
    view: viewSarana,
    tersedia: (c) => (c.d.konteks?.sarana_prasarana?.barang?.length ?? 0) > 0,
  },
  {
    id: 'II.A.1',
    nomor: 'Tabel II.A.1',
    judul: 'Indikator Tujuan dan Sasaran Strategis',
    lebar: false,
    sumber: sumberDengan('II.A.1'),
    view: viewIIA1,
  },
  {
    id: '2.2.1',
    nomor: 'Tabel 2.2.1',
    judul: 'Target Sasaran dan Indikator Sasaran {{opd.nama_lengkap}} Tahun {{h.tahun_renstra.awal}}-{{h.tahun_renstra.akhir}}',
    lebar: true,
    sumber: sumberDengan('2.2.1'),
    view: view221,
  },
  {
    id: 'pk-ikhtisar',
    nomor: 'Tabel',
    judul: 'Formulir Indikator Perjanjian Kinerja APBD{{#if v.perubahan}} dan P-APBD{{/if}} Tahun {{tahun}}',
    lebar: adaPapbd,
    sumber: sumberDengan('pk-ikhtisar', dariPk),
    view: viewPkIkhtisar,
  },
  {
    id: 'skala',
    nomor: 'Tabel',
    judul: 'Skala Penilaian',
    lebar: false,
    sumber: sumberDengan('skala'),
    view: viewSkala,
  },
  {
    id: 'target-tujuan',
    nomor: 'Tabel',
    judul: 'Target Kinerja {{opd.pemerintah_daerah}} Tahun {{tahun}}',
    lebar: false,
    sumber: sumberDengan('target-tujuan', dariKinerja),
    view: viewTargetTujuan,
  },
  {
    id: 'III.1',
    nomor: 'Tabel III.1',
    judul: 'Realisasi Pencapaian Target Indikator Tujuan',
    lebar: false,
    sumber: sumberDengan('III.1', dariKinerja),
    view: viewIII1,
  },
  {
    id: '3.1.a',
    nomor: 'Tabel 3.1.a',
    judul: 'Pencapaian Kinerja Utama',
    lebar: true,
    sumber: sumberDengan('3.1.a', dariKinerja),
    view: view31a,
  },
  {
    id: '3.1.3.a.1',
    nomor: 'Tabel 3.1.3.a.1',
    judul: 'Perbandingan Realisasi Kinerja Level Sasaran Strategis',
    lebar: true,
    sumber: sumberDengan('3.1.3.a.1', dariKinerja),
    view: view313a1,
  },
  {
    id: '3.1.3.a.2',
    nomor: 'Tabel 3.1.3.a.2',
    judul: 'Perbandingan Realisasi Kinerja Level Program',
    lebar: true,
    sumber: sumberDengan('3.1.3.a.2', dariKinerja),
    view: view313a2,
  },
  {
    id: '3.1.3.b',
    nomor: 'Tabel 3.1.3.b',
    judul: 'Perbandingan Realisasi Kinerja s/d. Akhir Periode Renstra',
    lebar: false,
    sumber: sumberDengan('3.1.3.b', dariKinerja),
    view: view313b,
  },
  {
    id: '3.1.3.c',
    nomor: 'Tabel 3.1.3.c',
    judul: 'Perbandingan Realisasi Kinerja dengan Realisasi Provinsi/ Nasional',
    lebar: false,
    sumber: sumberDengan('3.1.3.c', dariKinerja),
    view: view313c,
    tersedia: (c) => (c.d.lkjip?.pembanding?.indikator?.length ?? 0) > 0,
  },
  {
    id: '3.1.3.d',
    nomor: 'Tabel 3.1.3.d',
    judul: 'Sasaran dan Program Prioritas Perangkat Daerah {{opd.nama_lengkap}}',
    lebar: false,
    sumber: sumberDengan('3.1.3.d'),
    view: view313d,
  },
  {
    id: '3.2.a',
    nomor: 'Tabel 3.2.a',
    judul: 'Alokasi Anggaran Per Sasaran',
    lebar: false,
    sumber: sumberDengan('3.2.a', dariLra),
    view: (ctx) => ({ baris: barisAnggaran(ctx) }),
  },
  {
    id: 'lra',
    nomor: 'Tabel',
    judul:
      'Laporan Realisasi Anggaran (LRA) {{opd.nama}} Tahun {{tahun}}{{#if v.periode}} — {{v.periode}} Tahun Anggaran {{tahun}}{{/if}}',
    lebar: true,
    sumber: sumberDengan('lra', dariLra),
    view: viewLra,
  },
  {
    id: '3.2.b',
    nomor: 'Tabel 3.2.b',
    judul: 'Pencapaian Kinerja dan Anggaran',
    lebar: true,
    sumber: sumberDengan('3.2.b', dariLra),
    view: (ctx) => ({ baris: barisAnggaran(ctx) }),
  },
  {
    id: '3.3.a',
    nomor: 'Tabel 3.3.a',
    judul: 'Efisiensi Anggaran Tahun {{tahun}}',
    lebar: false,
    sumber: sumberDengan('3.3.a', dariLra),
    view: (ctx) => ({ baris: barisAnggaran(ctx) }),
  },
  {
    id: 'reviu',
    nomor: 'Tabel',
    judul: 'Rekomendasi Hasil Reviu{{#if v.tahun}} Tahun {{v.tahun}}{{/if}} dan Tindak Lanjutnya',
    lebar: false,
    sumber: sumberDengan('reviu'),
    view: viewReviu,
    tersedia: (c) => (c.d.lkjip?.reviu?.butir?.length ?? 0) > 0,
  },
  {
    id: 'pk-lampiran',
    nomor: 'Lampiran',
    bernomor: false,
    judul: 'Perjanjian Kinerja{{#if v.perubahan}} Perubahan{{/if}} Tahun {{tahun}} {{opd.nama_lengkap}}',
    lebar: false,
    sumber: sumberDengan('pk-lampiran'),
    view: viewPkLampiran,
  },
];

/** Every LKJIP table by id, in document order. */
export const TABEL_LKJIP: ReadonlyMap<string, DefinisiTabel> = new Map(daftar.map((t) => [t.id, t]));

export function definisiTabel(id: string): DefinisiTabel {
  const t = TABEL_LKJIP.get(id);
  if (!t) throw new Error(`Tabel LKJIP "${id}" tidak dikenal. Id yang ada: ${[...TABEL_LKJIP.keys()].join(', ')}.`);
  return t;
}

/** "3.1.a" -> "3-1-a", "II.A.1" -> "ii-a-1": the figure's element id is `tabel-<slug>`. */
export function slugTabel(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Rendering

type Template = (context: unknown) => string;

function tabelDir(): string {
  return join(templatesDir(), 'lkjip', 'tabel');
}

/** Registers, once per env, the helpers and partials these tables use. */
function siapkan(env: HandlebarsEnv): void {
    env.registerPartial('tabel-nilai', readFileSync(join(tabelDir(), '_nilai.hbs'), 'utf8').trim());
}

const templat = (env: HandlebarsEnv) => templatTabel(env, tabelDir(), siapkan);

function partialOf(env: HandlebarsEnv, id: string): Template {
  return templat(env).partial(id);
}

function judulOf(env: HandlebarsEnv, def: DefinisiTabel): Template {
  return templat(env).judul(def.id, def.judul);
}

/** Caption pieces of a table (also for a list of tables). */
export function captionTabel(env: HandlebarsEnv, id: string, ctx: KonteksDokumen): { nomor: string; judul: string } {
  const def = definisiTabel(id);
  const v = def.view(ctx);
  return { nomor: def.nomor, judul: judulOf(env, def)({ ...konteksTemplate(ctx), v }) };
}

function konteksTemplate(ctx: KonteksDokumen) {
  return { tahun: ctx.tahun, opd: ctx.opd, h: ctx.h, d: ctx.d };
}

/**
 * `<figure class="tabel [lebar]" id="tabel-<slug>">` with the caption, the table(s) of the partial
 * and the "Sumber data" line(s) (omitted when the data names none).
 */
/** Row numbers as the LRA prints them: 1, 2, ... among the children of the same parent. */
export function nomorUrut(baris: readonly { kode: string; induk: string | null }[]): Map<string, number> {
  const urutan = new Map<string, number>();
  const hitung = new Map<string | null, number>();
  for (const b of baris) {
    const n = (hitung.get(b.induk) ?? 0) + 1;
    hitung.set(b.induk, n);
    urutan.set(b.kode, n);
  }
  return urutan;
}

/** Whether a table has data to show (see DefinisiTabel.tersedia); tables without the check always do. */
export function tabelTersedia(id: string, ctx: KonteksDokumen): boolean {
  return definisiTabel(id).tersedia?.(ctx) ?? true;
}

export function renderTabel(env: HandlebarsEnv, id: string, ctx: KonteksDokumen): string {
  const def = definisiTabel(id);
  const v = def.view(ctx);
  const basis = konteksTemplate(ctx);
  const judul = judulOf(env, def)({ ...basis, v });
  const isi = partialOf(env, id)({ ...basis, v });
  const esc = env.Utils.escapeExpression;
  const sumber = def.sumber(ctx);
  const barisSumber =
    sumber.length === 0
      ? ''
      : sumber.length === 1
        ? `<p class="sumber-data">Sumber data : ${esc(sumber[0] ?? '')}</p>`
        : `<p class="sumber-data">Sumber data : ${sumber.map((s, i) => `${i + 1}. ${esc(s)}`).join('<br>\n')}</p>`;
  const bernomor = def.bernomor !== false;
  const lebar = typeof def.lebar === 'function' ? def.lebar(ctx) : def.lebar;
  const kelas = ['tabel', lebar ? 'lebar' : '', bernomor ? '' : 'tanpa-nomor'].filter(Boolean).join(' ');
  // The number ("Tabel 3.4") is added when the whole document is assembled.
  const label = bernomor ? '' : `<span class="nomor">${esc(def.nomor)}</span> `;
  return (
    `<figure class="${kelas}" id="tabel-${slugTabel(id)}">\n` +
    `<figcaption>${label}<span class="judul">${judul}</span></figcaption>\n` +
    `${isi.trim()}\n${barisSumber}${barisSumber ? '\n' : ''}</figure>`
  );
}
