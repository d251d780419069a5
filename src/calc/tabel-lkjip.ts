/**
 * Derived values that only the LKJIP tables need and that `HasilTahun` does not carry: the printed
 * intervals of the category scale, grades of values other than the year's target/realisation,
 * one indicator across several years, Tabel 1.1 per year, the sarana JUMLAH, and the money of each
 * merged budget cell (`sasaran.alokasi_anggaran`) of Tabel 3.2.a / 3.2.b / 3.3.a. Pure functions.
 */
import type { BarangSarana, BatasKategori, DataSet, Indikator } from '../model/types.js';
import { jumlahkan } from './angka.js';
import { ringkasAnggaran } from './anggaran.js';
import { predikat } from './capaian.js';
import { hitungKetenagakerjaan } from './konteks.js';
import type { BarisKinerja, HasilSasaran, HasilTahun, Nilai, RingkasAnggaran } from './types.js';

/** One row of the "Tabel Skala Penilaian": `lebih_dari` < capaian <= `sampai` (null = open end). */
export interface IntervalSkala {
  kategori: string;
  /** Exclusive lower bound; null for the lowest row. */
  lebih_dari: number | null;
  /** Inclusive upper bound (the next row's `lebih_dari`); null for the highest row. */
  sampai: number | null;
}

/**
 * The scale as printable intervals, highest first. The upper bound of a row is the lower bound of
 * the row above, so the printed table has no gaps (the source's "91 s.d 100 / 76 s.d 90" had).
 */
export function intervalSkala(skala: readonly BatasKategori[]): IntervalSkala[] {
  const urut = [...skala].sort((a, b) => {
    if (a.lebih_dari === null) return b.lebih_dari === null ? 0 : 1;
    if (b.lebih_dari === null) return -1;
    return b.lebih_dari - a.lebih_dari;
  });
  return urut.map((b, i) => ({
    kategori: b.kategori,
    lebih_dari: b.lebih_dari,
    sampai: i === 0 ? null : urut[i - 1]?.lebih_dari ?? null,
  }));
}

/** Every indicator definition of the data set by id (strategic level first). */
function definisi(data: DataSet, id: string): Indikator | undefined {
  return (
    data.strategis?.indikator?.find((i) => i.id === id) ?? data.program?.indikator?.find((i) => i.id === id)
  );
}

/** Grade of any value of an indicator (end target, a comparator's value) on its own scale. */
export function predikatNilai(data: DataSet, id: string, nilai: Nilai | undefined, desimal: number): string | null {
  return predikat(nilai ?? null, definisi(data, id)?.predikat, desimal);
}

/** One indicator in one year, as the 3-year tables print it. */
export interface TitikTabel {
  tahun: number;
  target: Nilai;
  realisasi: Nilai;
  capaian: Nilai;
  predikat_target: string | null;
  predikat_realisasi: string | null;
  /** Text kept instead of a missing value ("Proses di BKSDM"). */
  keterangan: string | null;
}

function semuaBaris(h: HasilTahun): BarisKinerja[] {
  const k = h.kinerja;
  return [...k.tujuan, ...k.iku, ...k.lainnya, ...k.program];
}

/** The indicator's row in a year's results (same program when the indicator hangs on one). */
export function cariBaris(h: HasilTahun | undefined, id: string, program: string | null = null): BarisKinerja | undefined {
  if (!h) return undefined;
  const semua = semuaBaris(h);
  return semua.find((b) => b.id === id && (program === null || b.program === program)) ?? semua.find((b) => b.id === id);
}

/**
 * An indicator over `tahun` (ascending years). A year with its own results (the report year or an
 * earlier year of the data set) gives its full row; a year that only has Renstra targets gives the
 * report year's `riwayat` point; anything else is null, printed "-".
 */
export function riwayatIndikator(
  data: DataSet,
  h: HasilTahun,
  riwayat: ReadonlyMap<number, HasilTahun>,
  id: string,
  tahun: readonly number[],
  program: string | null = null,
): TitikTabel[] {
  const kini = cariBaris(h, id, program);
  return tahun.map((t): TitikTabel => {
    const baris = t === h.tahun ? kini : cariBaris(riwayat.get(t), id, program);
    if (baris) {
      return {
        tahun: t,
        target: baris.target,
        realisasi: baris.realisasi,
        capaian: baris.capaian,
        predikat_target: baris.predikat_target,
        predikat_realisasi: baris.predikat_realisasi,
        keterangan: baris.keterangan,
      };
    }
    const titik = kini?.riwayat.find((r) => r.tahun === t);
    return {
      tahun: t,
      target: titik?.target ?? null,
      realisasi: titik?.realisasi ?? null,
      capaian: titik?.capaian ?? null,
      predikat_target: predikatNilai(data, id, titik?.target, h.desimal_persen),
      predikat_realisasi: predikatNilai(data, id, titik?.realisasi, h.desimal_persen),
      keterangan: null,
    };
  });
}

/** Tabel 1.1, one year. */
export interface KetenagakerjaanTahun {
  tahun: number;
  penduduk_usia_kerja: Nilai;
  angkatan_kerja: Nilai;
  bekerja: Nilai;
  penganggur: Nilai;
  /** The year's realisation of the tujuan indicator when there is one (the same TPT as Tabel III.1), else penganggur / angkatan kerja. */
  tpt: Nilai;
  tpak: Nilai;
}

/**
 * Tabel 1.1 values of a year from that year's konteks.yaml. TPT is the realisation of the
 * (first) tujuan indicator of that year, so Tabel 1.1 and Tabel III.1 print one value; without
 * it, the rate from the counts.
 */
export function ketenagakerjaanTahun(
  data: DataSet,
  h: HasilTahun,
  riwayat: ReadonlyMap<number, HasilTahun>,
  tahun: number,
): KetenagakerjaanTahun {
  const k = data.tahun.get(tahun)?.konteks?.ketenagakerjaan;
  const dasar = {
    penduduk_usia_kerja: k?.penduduk_usia_kerja ?? null,
    bekerja: k?.bekerja ?? null,
    penganggur: k?.penganggur ?? null,
  };
  const hasil = hitungKetenagakerjaan(dasar);
  const hTahun = tahun === h.tahun ? h : riwayat.get(tahun);
  const tujuan = (hTahun ?? h).kinerja.tujuan[0];
  const tptIndikator = tujuan ? riwayatIndikator(data, h, riwayat, tujuan.id, [tahun])[0]?.realisasi ?? null : null;
  return {
    tahun,
    ...dasar,
    angkatan_kerja: hasil.angkatan_kerja,
    tpt: tptIndikator ?? hasil.tpt,
    tpak: hasil.tpak,
  };
}

/** JUMLAH of the sarana table: the value of every item without rincian; null when none has one. */
export function totalNilaiSarana(barang: readonly BarangSarana[]): Nilai {
  const daun: Nilai[] = [];
  const jalan = (b: BarangSarana): void => {
    if (b.rincian && b.rincian.length > 0) b.rincian.forEach(jalan);
    else daun.push(b.nilai ?? null);
  };
  barang.forEach(jalan);
  return jumlahkan(daun);
}

/** One merged budget cell of Tabel 3.2.a / 3.2.b / 3.3.a: its indicators and its programs' money. */
export interface KelompokAnggaran {
  indikator: BarisKinerja[];
  program: string[];
  anggaran: RingkasAnggaran;
}

/**
 * The budget cells of a sasaran, from `alokasi_anggaran` in strategis.yaml (one cell for all its
 * indicators when absent). A cell without programs has no money of its own: 0 (as the source and
 * `hitungSasaran` print it). Indicators no cell names get a cell of their own without money.
 */
export function kelompokAnggaran(data: DataSet, hasil: HasilSasaran, totalOpd: Nilai): KelompokAnggaran[] {
  const def = data.strategis?.sasaran?.find((s) => s.id === hasil.id);
  const sumber = hasil.anggaran.sumber;
  const grup = def?.alokasi_anggaran ?? [{ indikator: hasil.indikator.map((b) => b.id), program: def?.program ?? [] }];
  const dipakai = new Set<string>();
  const hasilGrup = grup.map((g): KelompokAnggaran => {
    const indikator = g.indikator
      .map((id) => hasil.indikator.find((b) => b.id === id))
      .filter((b): b is BarisKinerja => b !== undefined);
    indikator.forEach((b) => dipakai.add(b.id));
    const uang = g.program.map((kode) => hasil.program.find((p) => p.kode === kode));
    const anggaran = g.program.length === 0 ? (sumber === null ? null : 0) : jumlahkan(uang.map((p) => p?.anggaran ?? null));
    const realisasi =
      g.program.length === 0 ? (sumber === 'lra' ? 0 : null) : jumlahkan(uang.map((p) => p?.realisasi ?? null));
    return { indikator, program: [...g.program], anggaran: ringkasAnggaran(anggaran, realisasi, totalOpd, sumber) };
  });
  const sisa = hasil.indikator.filter((b) => !dipakai.has(b.id));
  for (const b of sisa) {
    hasilGrup.push({ indikator: [b], program: [], anggaran: ringkasAnggaran(null, null, totalOpd, null) });
  }
  return hasilGrup.filter((g) => g.indikator.length > 0);
}
