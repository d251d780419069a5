/**
 * The Renja forms: a registry (caption number, title, page width, "Sumber data" line, view) and
 * `renderTabelRenja`, which wraps the form's partial (templates/renja/tabel/<id>.hbs) in a numbered
 * <figure>, exactly like the LKJIP tables (same figure markup and CSS). Views only pick and group
 * what the calculator computed (HasilTahun.renja, src/calc/tabel-renja.ts): rowspans, order, the
 * pairing of the two TC-31 sides; partials only format. Missing values print "-", never throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BarisTc29, Nilai } from '../calc/types.js';
import { predikatNilai } from '../calc/tabel-lkjip.js';
import {
  hitungMatriks,
  hitungTc30,
  hitungTc31,
  type NodePohonRenja,
  type SisiTc31Hasil,
} from '../calc/tabel-renja.js';
import type { Indikator, RenjaRincian, RenjaTarget } from '../model/types.js';
import { formatAngka, formatPersen } from '../util/format.js';
import { lebarKolom, pilihTataLetak, ukurKolom, urutanTata, type Kolom, type PilihanUtuh } from './bagi-kolom.js';
import { formatNilai, type HandlebarsEnv } from './handlebars-env.js';
import { templatesDir } from './assets.js';
import { viewE81 } from './renja-e81.js';
import { templatTabel } from './templat-tabel.js';
import type { KonteksDokumen } from './konteks.js';
import { slugTabel } from './lkjip-tabel.js';

/** One Renja form. */
export interface DefinisiTabelRenja {
  id: string;
  /** Caption label as the official form numbers it ("Tabel E.81"); "Tabel" for unnumbered ones. */
  nomor: string;
  /** Title; a Handlebars template over { tahun, opd, h, d, v (the view) }. */
  judul: string;
  /** true: needs an A4 landscape page; a function: decided by the view (from the data's widths). */
  lebar: boolean | ((v: object) => boolean);
  /** What the partial iterates. */
  view: (ctx: KonteksDokumen) => object;
  /**
   * For a landscape form: the sentence printed instead of the form when the view has no row (the
   * caption stays, in the portrait flow; an empty form would take a landscape page of its own).
   */
  kosong?: (v: object) => string | null;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of the views

/** A value with its unit and grade: partial `tabel-nilai` (templates/lkjip/tabel/_nilai.hbs). */
interface SelNilai {
  n: Nilai;
  satuan: string;
  predikat: string | null;
  /** Printed instead of a missing value. */
  keterangan: string | null;
}

function definisiIndikator(ctx: KonteksDokumen, id: string): Indikator | undefined {
  return ctx.data.program?.indikator.find((i) => i.id === id) ?? ctx.data.strategis?.indikator.find((i) => i.id === id);
}

function selNilai(ctx: KonteksDokumen, id: string, n: Nilai, satuan: string): SelNilai {
  return { n, satuan, predikat: predikatNilai(ctx.data, id, n, ctx.h.desimal_persen), keterangan: null };
}

/**
 * A target as a Renja form prints it: "84,90 (A)", "36 Orang/bln"; a target printed without a
 * number ("-- dokumen") keeps its unit: "- dokumen".
 */
function selTarget(ctx: KonteksDokumen, t: RenjaTarget): SelNilai {
  const satuan = t.satuan ?? definisiIndikator(ctx, t.id)?.satuan ?? '';
  const n = t.target ?? null;
  const sel = selNilai(ctx, t.id, n, satuan);
  return n === null && satuan && satuan !== '%' ? { ...sel, keterangan: `- ${satuan}` } : sel;
}

/** The text `tabel-nilai` (templates/lkjip/tabel/_nilai.hbs) prints for a value, for the column widths. */
function teksNilai(s: SelNilai | null): string {
  if (!s) return '';
  if (s.n === null || !Number.isFinite(s.n)) return s.keterangan ?? '-';
  return `${formatNilai(s.n, s.satuan)}${s.predikat ? ` (${s.predikat})` : ''}`;
}

/** The text the `rp` helper prints. */
function teksRp(n: Nilai | undefined): string {
  return typeof n !== 'number' || !Number.isFinite(n) || n === 0 ? '-' : formatAngka(n, 0);
}

/** Type size of the landscape forms: the floor every printed text keeps. */
const PT_FORM = 7;

/** Urusan / bidang urusan heading rows of the program forms (renstra/program.yaml `urusan`). */
function urusan(ctx: KonteksDokumen): { kode: string; nama: string }[] {
  return (ctx.data.program?.urusan ?? []).map((u) => ({ kode: u.kode ?? '', nama: u.nama }));
}

function nomorKolom(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Marks the level and the dropped nomenclature for the row classes. */
function simpul(n: NodePohonRenja) {
  return {
    kode: n.kode,
    nama: n.nama,
    tingkat: n.tingkat,
    program: n.tingkat === 'program',
    tidak_aktif: !n.aktif,
  };
}

// ---------------------------------------------------------------------------------------------
// Views

function viewKebijakan(ctx: KonteksDokumen) {
  const k = ctx.d.renja?.kebijakan ?? [];
  return {
    kolom: k.map((x) => ({ tingkat: x.tingkat, judul_sasaran: x.judul_sasaran ?? 'Sasaran Strategis', visi: x.visi, sasaran: x.sasaran })),
    ada: k.length > 0,
  };
}

/** TC-29 rows: the node cells merged over its indicator rows. */
function viewTc29(ctx: KonteksDokumen) {
  const rows = ctx.h.renja.tc29 ?? [];
  const jumlahPerKode = new Map<string, number>();
  for (const r of rows) jumlahPerKode.set(r.kode, (jumlahPerKode.get(r.kode) ?? 0) + 1);
  const aktif = new Map<string, boolean>();
  for (const p of ctx.data.program?.program ?? []) {
    for (const k of p.kegiatan ?? []) {
      aktif.set(k.kode, k.aktif !== false);
      for (const s of k.sub_kegiatan ?? []) aktif.set(s.kode, s.aktif !== false);
    }
  }
  let sebelumnya: string | null = null;
  const baris = rows.map((r: BarisTc29) => {
    const pertama = r.kode !== sebelumnya;
    sebelumnya = r.kode;
    const s = (n: Nilai): SelNilai => selNilai(ctx, r.indikator, n, r.satuan);
    return {
      tingkat: r.tingkat,
      kepala: pertama
        ? { kode: r.kode, nama: r.nama, rowspan: jumlahPerKode.get(r.kode) ?? 1, tidak_aktif: aktif.get(r.kode) === false }
        : null,
      nama_indikator: r.nama_indikator,
      k4: s(r.k4),
      k5: s(r.k5),
      k6: s(r.k6),
      k7: s(r.k7),
      k8: r.k8,
      k9: s(r.k9),
      k10: s(r.k10),
      k11: r.k11,
    };
  });
  // Widths from the values: the kode on one line, the numbers (with their units, which may wrap at
  // a space) at least as wide as their longest word, the rest to the two text columns.
  const judul: Record<number, string> = {
    4: `TARGET KINERJA CAPAIAN PROGRAM (RENSTRA) PERANGKAT DAERAH TAHUN ${ctx.h.tahun_renstra.akhir}`,
    5: `REALISASI TARGET KINERJA HASIL PROGRAM DAN KELUARAN KEGIATAN s/d TAHUN ${ctx.tahun - 2}`,
    6: `TARGET RENJA PERANGKAT DAERAH TAHUN ${ctx.tahun - 1}`,
    7: `REALISASI RENJA PERANGKAT DAERAH TAHUN ${ctx.tahun - 1}`,
    8: 'TINGKAT REALISASI (%)',
    9: `TARGET PROGRAM DAN KEGIATAN (RENJA PERANGKAT DAERAH TAHUN ${ctx.tahun})`,
    10: `REALISASI CAPAIAN PROGRAM DAN KEGIATAN s/d TAHUN BERJALAN (${ctx.tahun})`,
    11: 'TINGKAT CAPAIAN REALISASI TARGET RENSTRA (%)',
  };
  let kolomKe = 3;
  const angka = (pilih: (b: (typeof baris)[number]) => string): Kolom =>
    ukurKolom({ teks: baris.map(pilih), judul: judul[++kolomKe], barisJudul: 5, min: 17, lentur: 0.3, maks: 26 }, PT_FORM);
  const lebar = lebarKolom([
    ukurKolom({ utuh: ['KODE', ...baris.flatMap((b) => (b.kepala ? [b.kepala.kode] : [])), ...urusan(ctx).map((u) => u.kode)] }, PT_FORM),
    ukurKolom({ teks: baris.flatMap((b) => (b.kepala ? [b.kepala.nama] : [])), min: 30, lentur: 1, maks: 75 }, PT_FORM),
    ukurKolom({ teks: baris.map((b) => b.nama_indikator), min: 30, lentur: 1, maks: 75 }, PT_FORM),
    angka((b) => teksNilai(b.k4)),
    angka((b) => teksNilai(b.k5)),
    angka((b) => teksNilai(b.k6)),
    angka((b) => teksNilai(b.k7)),
    angka((b) => formatPersen(b.k8, ctx.h.desimal_persen)),
    angka((b) => teksNilai(b.k9)),
    angka((b) => teksNilai(b.k10)),
    angka((b) => formatPersen(b.k11, ctx.h.desimal_persen)),
  ]);
  return {
    ada: baris.length > 0,
    tahun: ctx.tahun,
    tahun_lalu: ctx.tahun - 1,
    tahun_2: ctx.tahun - 2,
    akhir: ctx.h.tahun_renstra.akhir,
    urusan: urusan(ctx),
    baris,
    lebar,
    judul,
  };
}

/**
 * TC-30 has a value column per year in each of three groups: with rupiah indicators and a few
 * years it no longer fits a portrait page. Its columns are measured from the values (as TC-29's),
 * and it prints portrait in the first layout of `urutanTata` that fits (down to 7 pt), else landscape.
 */
function viewTc30(ctx: KonteksDokumen) {
  const { tahun, baris: hasil } = hitungTc30(ctx.data, ctx.d.renja?.tc30);
  const s = (id: string, satuan: string) => (n: Nilai): SelNilai => selNilai(ctx, id, n, satuan);
  const baris = hasil.map((b) => ({
    no: b.no,
    nama: b.nama,
    spm: b.spm,
    ikk: b.ikk,
    target: b.target_renstra.map(s(b.indikator, b.satuan)),
    realisasi: b.realisasi.map(s(b.indikator, b.satuan)),
    proyeksi: b.proyeksi.map(s(b.indikator, b.satuan)),
    catatan: b.catatan_analisis,
  }));
  // Empty text columns keep their minimum; the room goes to the columns that print something.
  const spm = baris.flatMap((b) => (b.spm ? [b.spm] : []));
  const ikk = baris.flatMap((b) => (b.ikk ? [b.ikk] : []));
  const catatan = baris.flatMap((b) => (b.catatan ? [b.catatan] : []));
  const kolom = ({ pt, utuh }: PilihanUtuh): Kolom[] => [
    ukurKolom({ utuh: ['NO', ...baris.map((b) => String(b.no))] }, pt),
    ukurKolom({ teks: baris.map((b) => b.nama), judul: 'INDIKATOR', min: 22, lentur: 1, maks: 70 }, pt),
    ukurKolom({ teks: spm, judul: 'SPM/ STANDAR NASIONAL', min: 12, lentur: spm.length > 0 ? 0.3 : 0, maks: 30 }, pt),
    ukurKolom({ teks: ikk, judul: 'IKK', min: 9, lentur: ikk.length > 0 ? 0.3 : 0, maks: 30 }, pt),
    // A value wraps only at the space before its unit; the number is one word.
    ...(['target', 'realisasi', 'proyeksi'] as const).flatMap((g) =>
      tahun.map((t, i) => {
        const nilai = baris.map((b) => teksNilai(b[g][i] ?? null));
        return ukurKolom({ ...(utuh ? { utuh: nilai } : { teks: nilai }), judul: String(t), min: 11, lentur: 0.15, maks: 30 }, pt);
      }),
    ),
    ukurKolom({ teks: catatan, judul: 'CATATAN ANALISIS', min: 20, lentur: catatan.length > 0 ? 0.8 : 0, maks: 60 }, pt),
  ];
  const tata = pilihTataLetak(kolom, urutanTata([false, true]));
  return { tahun, kolom: nomorKolom(5 + 3 * tahun.length), baris, lebar: tata.lebar, pt: tata.pt, lanskap: tata.lanskap, utuh: tata.utuh };
}

/** One item prints as text, several as a numbered list (as the source does). */
function daftarAtauTeks(x: readonly string[]): { teks: string | null; daftar: string[] | null } {
  return x.length === 1 ? { teks: x[0] ?? null, daftar: null } : { teks: null, daftar: [...x] };
}

function viewIsu(ctx: KonteksDokumen) {
  return {
    baris: (ctx.d.renja?.isu ?? []).map((i) => ({
      no: i.no,
      isu: i.isu,
      kendala: daftarAtauTeks(i.kendala),
      rekomendasi: daftarAtauTeks(i.rekomendasi),
    })),
  };
}

/** A rincian row of one side: target printed only when the row has one (null prints "-"). */
interface SelRincian {
  ada: boolean;
  uraian: string;
  kelompok: boolean;
  ada_target: boolean;
  target: SelNilai;
  ada_pagu: boolean;
  pagu: Nilai;
  keterangan: string | null;
}

function selRincian(r: RenjaRincian | undefined): SelRincian {
  return {
    ada: r !== undefined,
    uraian: r?.uraian ?? '',
    kelompok: r?.kelompok === true,
    ada_target: r !== undefined && r.target !== undefined,
    target: {
      n: r?.target ?? null,
      satuan: r?.satuan ?? '',
      predikat: null,
      // "-- dokumen" in the source: a unit printed without a number.
      keterangan: r?.target === null && r.satuan ? `- ${r.satuan}` : null,
    },
    ada_pagu: r !== undefined && !r.kelompok && r.pagu !== undefined,
    pagu: r?.pagu ?? null,
    keterangan: r?.keterangan ?? null,
  };
}

function indikatorSisi(ctx: KonteksDokumen, s: SisiTc31Hasil, j: number) {
  const t = s.indikator[j];
  return t ? { ada: true, nama: definisiIndikator(ctx, t.id)?.nama ?? t.id, target: selTarget(ctx, t) } : { ada: false, nama: '', target: null };
}

function viewTc31(ctx: KonteksDokumen) {
  const h = hitungTc31(ctx.data.program, ctx.d.renja?.tc31);
  const node = h.baris.map((b) => {
    const n = Math.max(1, b.rkpd.indikator.length, b.analisis.indikator.length);
    const baris = Array.from({ length: n }, (_, j) => ({
      pertama: j === 0,
      rkpd: indikatorSisi(ctx, b.rkpd, j),
      analisis: indikatorSisi(ctx, b.analisis, j),
    }));
    const m = Math.max(b.rkpd.rincian.length, b.analisis.rincian.length);
    const rincian = Array.from({ length: m }, (_, i) => ({
      rkpd: selRincian(b.rkpd.rincian[i]),
      analisis: selRincian(b.analisis.rincian[i]),
    }));
    return {
      ...simpul(b),
      rowspan: n,
      rkpd: { lokasi: b.rkpd.lokasi, pagu: b.rkpd.pagu },
      analisis: { lokasi: b.analisis.lokasi, pagu: b.analisis.pagu },
      catatan: b.catatan,
      baris,
      rincian,
    };
  });
  // Widths: one side (uraian, lokasi, indikator, target, pagu) twice, between the kode and the notes.
  const sisi = (pilih: 'rkpd' | 'analisis'): Kolom[] => {
    const rincian = node.flatMap((n) => n.rincian.map((r) => r[pilih]));
    return [
      ukurKolom({ teks: [...node.map((n) => n.nama), ...rincian.map((r) => r.uraian)], min: 26, lentur: 1, maks: 60 }, PT_FORM),
      ukurKolom({ teks: node.flatMap((n) => (n[pilih].lokasi ? [n[pilih].lokasi] : [])), judul: 'LOKASI', min: 13 }, PT_FORM),
      ukurKolom({ teks: node.flatMap((n) => n.baris.map((b) => b[pilih].nama)), min: 26, lentur: 1, maks: 60 }, PT_FORM),
      ukurKolom({ teks: [...node.flatMap((n) => n.baris.map((b) => teksNilai(b[pilih].target))), ...rincian.map((r) => teksNilai(r.target))], judul: 'TARGET CAPAIAN', min: 14 }, PT_FORM),
      ukurKolom({ utuh: [...node.map((n) => teksRp(n[pilih].pagu)), ...rincian.map((r) => teksRp(r.pagu)), teksRp(h.jumlah[pilih])], judul: 'PAGU INDIKATIF (Rp)', min: 16 }, PT_FORM),
    ];
  };
  const lebar = lebarKolom([
    ukurKolom({ utuh: ['KODE', ...node.map((n) => n.kode), ...urusan(ctx).map((u) => u.kode)] }, PT_FORM),
    ...sisi('rkpd'),
    ...sisi('analisis'),
    ukurKolom({ teks: node.flatMap((n) => (n.catatan ? [n.catatan] : [])), judul: 'CATATAN PENTING', min: 16, lentur: 0.3, maks: 40 }, PT_FORM),
  ]);
  return { perubahan: ctx.d.renja?.perubahan === true, urusan: urusan(ctx), node, jumlah: h.jumlah, lebar };
}

function viewUsulan(ctx: KonteksDokumen) {
  return {
    baris: (ctx.d.renja?.usulan_masyarakat ?? []).map((u, i) => ({
      nomor: i + 1,
      uraian: u.uraian,
      kode: u.kode ?? null,
      lokasi: u.lokasi ?? null,
      keterangan: u.keterangan ?? null,
    })),
  };
}

function viewMatriks(ctx: KonteksDokumen) {
  const h = hitungMatriks(ctx.data.program, ctx.d.renja?.matriks);
  const node = h.baris.map((b) => {
    const n = Math.max(1, b.indikator.length);
    const baris = Array.from({ length: n }, (_, j) => {
      const t = b.indikator[j];
      return {
        pertama: j === 0,
        nama: t ? definisiIndikator(ctx, t.id)?.nama ?? t.id : '',
        target: t ? selTarget(ctx, t) : null,
      };
    });
    return {
      ...simpul(b),
      rowspan: n,
      up: b.up,
      bl: b.bl,
      lokasi: b.lokasi,
      pagu: b.pagu,
      apbd_provinsi: b.apbd_provinsi,
      apbn: b.apbn,
      baris,
      rincian: b.rincian.map(selRincian),
      catatan: b.catatan,
    };
  });
  const rincian = node.flatMap((n) => n.rincian);
  const lebar = lebarKolom([
    ukurKolom({ utuh: ['KODE', ...node.map((n) => n.kode), ...urusan(ctx).map((u) => u.kode)] }, PT_FORM),
    ukurKolom({ teks: [...node.map((n) => n.nama), ...rincian.map((r) => r.uraian)], min: 30, lentur: 1, maks: 70 }, PT_FORM),
    ukurKolom({ utuh: ['UP'], min: 6 }, PT_FORM),
    ukurKolom({ utuh: ['BL'], min: 6 }, PT_FORM),
    ukurKolom({ teks: node.flatMap((n) => (n.program ? [] : n.baris.map((b) => b.nama))), judul: 'OUTPUT', min: 26, lentur: 1, maks: 60 }, PT_FORM),
    ukurKolom({ teks: node.flatMap((n) => (n.program ? n.baris.map((b) => b.nama) : [])), judul: 'OUTCOME', min: 24, lentur: 0.8, maks: 60 }, PT_FORM),
    ukurKolom({ teks: [...node.flatMap((n) => n.baris.map((b) => teksNilai(b.target))), ...rincian.map((r) => teksNilai(r.target))], judul: 'TARGET', min: 15 }, PT_FORM),
    ukurKolom({ teks: [...node.flatMap((n) => (n.lokasi ? [n.lokasi] : [])), ...rincian.flatMap((r) => (r.keterangan ? [r.keterangan] : []))], judul: 'LOKASI', min: 14, lentur: 0.2, maks: 30 }, PT_FORM),
    ukurKolom({ utuh: [...node.map((n) => teksRp(n.pagu)), ...rincian.map((r) => teksRp(r.pagu)), teksRp(h.jumlah)], judul: 'APBD KAB (Rp)', min: 16 }, PT_FORM),
    ukurKolom({ teks: node.flatMap((n) => (n.apbd_provinsi?.skpd_terkait ? [n.apbd_provinsi.skpd_terkait] : [])), judul: 'SKPD TERKAIT', min: 14 }, PT_FORM),
    ukurKolom({ utuh: node.flatMap((n) => (n.apbd_provinsi?.pagu ? [teksRp(n.apbd_provinsi.pagu)] : [])), judul: 'PAGU (Rp)', min: 14 }, PT_FORM),
    ukurKolom({ teks: node.flatMap((n) => (n.apbn?.kl ? [n.apbn.kl] : [])), judul: 'KL', min: 8 }, PT_FORM),
    ukurKolom({ utuh: node.flatMap((n) => (n.apbn?.pagu ? [teksRp(n.apbn.pagu)] : [])), judul: 'Rp', min: 10 }, PT_FORM),
    ukurKolom({ teks: node.flatMap((n) => (n.apbn?.sumber ? [n.apbn.sumber] : [])), judul: 'D/ TB/ DAK', min: 9 }, PT_FORM),
  ]);
  return { perubahan: ctx.d.renja?.perubahan === true, urusan: urusan(ctx), node, jumlah: h.jumlah, lebar };
}

// ---------------------------------------------------------------------------------------------
// Registry

const daftar: DefinisiTabelRenja[] = [
  {
    id: 'kebijakan',
    nomor: 'Tabel',
    // The urusan comes from opd.yaml; without one the title names none.
    judul: 'KESELARASAN KEBIJAKAN {{#if opd.urusan}}{{huruf_besar opd.urusan}} {{/if}}PUSAT, PROVINSI DAN {{huruf_besar opd.daerah}}',
    lebar: false,
    view: viewKebijakan,
  },
  {
    id: 'E.81',
    nomor: 'Tabel E.81',
    judul:
      'EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH<br>{{huruf_besar opd.nama_lengkap}} TAHUN {{tahun}}{{#if v.triwulan}} TRIWULAN {{v.triwulan}}{{/if}}',
    lebar: true,
    view: viewE81,
  },
  {
    id: 'TC-29',
    nomor: 'Tabel TC-29',
    judul:
      'REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA PERANGKAT DAERAH<br>DAN PENCAPAIAN RENSTRA PERANGKAT DAERAH S/D TAHUN {{v.tahun_lalu}}<br>{{huruf_besar opd.daerah}}',
    lebar: true,
    view: viewTc29,
    kosong: (v) => ((v as { ada: boolean }).ada ? null : `Tidak ada data program tahun ${(v as { tahun: number }).tahun}.`),
  },
  {
    id: 'TC-30',
    nomor: 'Tabel TC-30',
    judul: 'PENCAPAIAN KINERJA PELAYANAN PERANGKAT DAERAH<br>{{huruf_besar opd.nama_lengkap}}',
    lebar: (v) => (v as { lanskap: boolean }).lanskap,
    view: viewTc30,
  },
  {
    id: 'isu',
    nomor: 'Tabel',
    judul: 'ISU-ISU PENTING PENYELENGGARAAN TUGAS DAN FUNGSI PERANGKAT DAERAH',
    lebar: false,
    view: viewIsu,
  },
  {
    id: 'TC-31',
    nomor: 'Tabel TC-31',
    judul: 'REVIEW TERHADAP {{#if v.perubahan}}PERUBAHAN {{/if}}RKPD TAHUN {{tahun}}<br>{{huruf_besar opd.daerah}}',
    lebar: true,
    view: viewTc31,
    kosong: (v) => ((v as { node: unknown[] }).node.length > 0 ? null : 'Tidak ada data review RKPD.'),
  },
  {
    id: 'usulan',
    nomor: 'Tabel',
    judul: 'USULAN PROGRAM DAN KEGIATAN DARI PARA PEMANGKU KEPENTINGAN TAHUN {{tahun}}',
    lebar: false,
    view: viewUsulan,
  },
  {
    id: '4.1',
    nomor: 'Tabel 4.1',
    judul: 'MATRIKS {{#if v.perubahan}}PERUBAHAN {{/if}}PROGRAM DAN KEGIATAN PERANGKAT DAERAH TAHUN {{tahun}}',
    lebar: true,
    view: viewMatriks,
    kosong: (v) => ((v as { node: unknown[] }).node.length > 0 ? null : 'Tidak ada data matriks program dan kegiatan.'),
  },
];

/** Every Renja form by id, in document order. */
export const TABEL_RENJA: ReadonlyMap<string, DefinisiTabelRenja> = new Map(daftar.map((t) => [t.id, t]));

export function definisiTabelRenja(id: string): DefinisiTabelRenja {
  const t = TABEL_RENJA.get(id);
  if (!t) throw new Error(`Tabel Renja "${id}" tidak dikenal. Id yang ada: ${[...TABEL_RENJA.keys()].join(', ')}.`);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Rendering

type Template = (context: unknown) => string;

function tabelDir(): string {
  return join(templatesDir(), 'renja', 'tabel');
}

/** Registers, once per env, the helpers and partials these tables use. */
function siapkan(env: HandlebarsEnv): void {
    env.registerPartial('tabel-nilai', readFileSync(join(templatesDir(), 'lkjip', 'tabel', '_nilai.hbs'), 'utf8').trim());
    // Money never wraps: the columns are as wide as their widest amount (renja-e81.ts, bagi-kolom.ts).
    env.registerHelper('rp', (v: unknown) => (typeof v !== 'number' || !Number.isFinite(v) || v === 0 ? '-' : formatAngka(v, 0)));
}

const templat = (env: HandlebarsEnv) => templatTabel(env, tabelDir(), siapkan);

function partialOf(env: HandlebarsEnv, id: string): Template {
  return templat(env).partial(id);
}

function judulOf(env: HandlebarsEnv, def: DefinisiTabelRenja): Template {
  return templat(env).judul(def.id, def.judul);
}

function sumberRenja(ctx: KonteksDokumen, id: string): string | null {
  const s = ctx.d.renja?.sumber_data?.[id];
  return s && s.trim() !== '' ? s : null;
}

/**
 * `<figure class="tabel [lebar]" id="tabel-<slug>">` with the caption, the form and its
 * "Sumber data" line (omitted when renja.yaml names none). The title may hold `<br>` line breaks
 * as the forms print them; every data value in it is escaped by Handlebars.
 */
export function renderTabelRenja(env: HandlebarsEnv, id: string, ctx: KonteksDokumen): string {
  const def = definisiTabelRenja(id);
  const v = def.view(ctx);
  const basis = { tahun: ctx.tahun, opd: ctx.opd, h: ctx.h, d: ctx.d };
  const judul = judulOf(env, def)({ ...basis, v });
  const sumber = sumberRenja(ctx, id);
  // The chapter number ("Tabel 2.1") is added when the whole document is assembled; the official
  // form name stays after the title ("(Tabel E.81)"): it is what Bappeda and the narrative call it.
  const esc = env.Utils.escapeExpression;
  const formulir = def.nomor.trim() === 'Tabel' ? '' : ` <span class="formulir">(${esc(def.nomor)})</span>`;
  const lebar = typeof def.lebar === 'function' ? def.lebar(v) : def.lebar;
  const kosong = lebar ? def.kosong?.(v) ?? null : null;
  if (kosong !== null) {
    // No landscape page for a form without rows: its caption and one sentence in the portrait text.
    return (
      `<figure class="tabel renja kosong" id="tabel-${slugTabel(id)}">\n` +
      `<figcaption><span class="judul">${judul}</span>${formulir}</figcaption>\n` +
      `<p class="tabel-kosong">${esc(kosong)}</p>\n` +
      `${sumber ? `<p class="sumber-data">Sumber data : ${esc(sumber)}</p>\n` : ''}</figure>`
    );
  }
  // A wide form prints its "Sumber data" line as the last row of its table: Chromium keeps a row
  // with the rows before it, but does not move rows under a tall repeated header to keep a
  // paragraph after the table with them (the line would stand alone on a page).
  const isi = partialOf(env, id)({ ...basis, v, sumber: lebar ? sumber : null });
  const kelas = lebar ? 'tabel lebar' : 'tabel';
  const sumberP = sumber && !lebar ? `<p class="sumber-data">Sumber data : ${esc(sumber)}</p>\n` : '';
  return (
    `<figure class="${kelas} renja" id="tabel-${slugTabel(id)}">\n` +
    `<figcaption><span class="judul">${judul}</span>${formulir}</figcaption>\n` +
    `${isi.trim()}\n${sumberP}</figure>`
  );
}
