/**
 * Derived values that only the LKJIP tables need and that `HasilTahun` does not carry: the printed
 * intervals of the category scale, grades of values other than the year's target/realisation,
 * one indicator across several years, the context table (Tabel 1.1) over years, the sarana JUMLAH, and the money of each
 * merged budget cell (`sasaran.alokasi_anggaran`) of Tabel 3.2.a / 3.2.b / 3.3.a. Pure functions.
 */
import type { BarangSarana, BarisKondisi, BatasKategori, DataSet, Indikator, Kondisi } from '../model/types.js';
import { jumlahkan } from './angka.js';
import { ringkasAnggaran } from './anggaran.js';
import { nilaiIndikator, realisasiTahunan } from './sumber.js';
import { predikat } from './capaian.js';
import { hitungKondisi, jenisBarisKondisi, type JenisBarisKondisi } from './konteks.js';
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

/** One row of the context table over the years shown. */
export interface BarisTabelKondisi {
  id: string | null;
  uraian: string;
  /** 1, 2, ... for rows of level 1; null for sub-rows (tingkat 2) and label rows under them. */
  nomor: number | null;
  tingkat: 1 | 2;
  satuan: string;
  jenis: JenisBarisKondisi;
  /** One value per year of `TabelKondisi.tahun`. */
  nilai: Nilai[];
  /** Rows (indexes into `baris`) a `jumlah` or `persen` row is computed from, in order. */
  dari: number[];
}

/** The context table (Tabel 1.1): the report year's row definitions, each year's values. */
export interface TabelKondisi {
  tahun: number[];
  judul: string | null;
  sumber_data: string | null;
  baris: BarisTabelKondisi[];
}

/** Where the table's rows are defined: the report year's konteks.yaml, else the latest year shown that has one. */
function definisiKondisi(data: DataSet, tahun: readonly number[], tahunLaporan: number): Kondisi | undefined {
  const urut = [tahunLaporan, ...[...tahun].sort((a, b) => b - a).filter((t) => t !== tahunLaporan)];
  for (const t of urut) {
    const k = data.tahun.get(t)?.konteks?.kondisi;
    if (k && Array.isArray(k.baris) && k.baris.length > 0) return k;
  }
  return undefined;
}

/** The same row in another year's table: by id, else by its text. */
function barisSama(def: BarisKondisi, lain: readonly BarisKondisi[] | undefined): BarisKondisi | undefined {
  if (!lain) return undefined;
  if (def.id !== undefined) return lain.find((b) => b.id === def.id);
  return def.uraian !== undefined ? lain.find((b) => b.id === undefined && b.uraian === def.uraian) : undefined;
}

/**
 * The context table over `tahun` (ascending). Base rows take each year's own value; `indikator`
 * rows the year's realisation of the indicator (the value Tabel III.1 prints); sums and
 * percentages are computed per year from that year's values. Undefined when no year has a table.
 */
export function tabelKondisi(
  data: DataSet,
  h: HasilTahun,
  riwayat: ReadonlyMap<number, HasilTahun>,
  tahun: readonly number[],
): TabelKondisi | undefined {
  const def = definisiKondisi(data, tahun, h.tahun);
  if (!def) return undefined;
  const baris = def.baris;
  const perTahun = tahun.map((t) => {
    const lain = data.tahun.get(t)?.konteks?.kondisi?.baris;
    return hitungKondisi(
      baris,
      (b) => {
        const v = barisSama(b, lain)?.nilai;
        return typeof v === 'number' ? v : null;
      },
      (id) => riwayatIndikator(data, h, riwayat, id, [t])[0]?.realisasi ?? null,
    );
  });
  const indeks = new Map<string, number>();
  baris.forEach((b, i) => b.id !== undefined && !indeks.has(b.id) && indeks.set(b.id, i));
  let nomor = 0;
  const hasil = baris.map((b, i): BarisTabelKondisi => {
    const ind = b.indikator !== undefined ? definisi(data, b.indikator) : undefined;
    const tingkat = b.tingkat === 2 ? 2 : 1;
    const rujukan = b.jumlah ?? b.persen ?? [];
    return {
      id: b.id ?? null,
      uraian: b.uraian ?? ind?.nama ?? b.indikator ?? '',
      nomor: tingkat === 1 ? ++nomor : null,
      tingkat,
      satuan: b.satuan ?? ind?.satuan ?? '',
      jenis: jenisBarisKondisi(b),
      nilai: perTahun.map((v) => v[i] ?? null),
      dari: rujukan.map((id) => indeks.get(id)).filter((j): j is number => j !== undefined),
    };
  });
  return { tahun: [...tahun], judul: def.judul ?? null, sumber_data: def.sumber_data ?? null, baris: hasil };
}

/**
 * One row of a year's own context table (`konteks.kondisi.<id>` in narratives): its value (base or
 * computed) and unit. `ada` is false when the year has no such row.
 */
export function nilaiKondisi(data: DataSet, tahun: number, id: string): { ada: boolean; nilai: Nilai; satuan: string } {
  const dt = data.tahun.get(tahun);
  const baris = dt?.konteks?.kondisi?.baris;
  const i = Array.isArray(baris) ? baris.findIndex((b) => b.id === id) : -1;
  if (!baris || i < 0) return { ada: false, nilai: null, satuan: '' };
  const nilai = hitungKondisi(
    baris,
    (b) => (typeof b.nilai === 'number' ? b.nilai : null),
    (ind) => realisasiTahunan(nilaiIndikator(dt, ind)?.nilai, definisi(data, ind)?.kumulatif ?? false),
  );
  const b = baris[i] as BarisKondisi;
  const satuan = b.satuan ?? (b.indikator !== undefined ? definisi(data, b.indikator)?.satuan : undefined) ?? '';
  return { ada: true, nilai: nilai[i] ?? null, satuan };
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
