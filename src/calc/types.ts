/**
 * Result types of the calculator. Every derived number is a plain `number` (unrounded) or `null`
 * when it cannot be computed (missing base value, division by zero); formatting and rounding
 * happen only in `src/util/format.ts`. A `null` always comes with a diagnostic in `peringatan`.
 */
import type { BatasKategori, JenisIndikator, Polaritas, RumusCapaian, Triwulan } from '../model/types.js';

export type { Diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';

export type Nilai = number | null;

/** Where the target of a year came from (for footnotes and debugging). */
export type SumberTarget = 'kinerja' | 'program' | 'pk_papbd' | 'pk_apbd' | 'renstra';

export type Arah = 'naik' | 'turun' | 'tetap';

/** One year of an indicator's history (Tabel III.1, 3.1.3.a.1/2, chart "iku-3-tahun"). */
export interface TitikRiwayat {
  tahun: number;
  target: Nilai;
  realisasi: Nilai;
  capaian: Nilai;
}

/** One indicator of a year with everything the LKJIP shows about it. */
export interface BarisKinerja {
  id: string;
  nama: string;
  jenis: JenisIndikator;
  satuan: string;
  polaritas: Polaritas;
  kumulatif: boolean;
  rumus: RumusCapaian;
  /** Sasaran (or tujuan for indikator tujuan) the indicator belongs to; null when none lists it. */
  sasaran: string | null;
  tujuan: string | null;
  /** Program kode for program-level indicators (3.1.3.a.2). */
  program: string | null;
  target: Nilai;
  sumber_target: SumberTarget | null;
  /** PK targets as signed, for the APBD vs P-APBD overview. */
  target_pk_apbd: Nilai;
  target_pk_papbd: Nilai;
  realisasi: Nilai;
  /** Text kept with the value ("Proses di BKSDM"). */
  keterangan: string | null;
  capaian: Nilai;
  kategori: string | null;
  /** Grade of the target / realisation value itself (SAKIP "A"), when the indicator has a scale. */
  predikat_target: string | null;
  predikat_realisasi: string | null;
  /** Year-over-year: realisasi N - realisasi N-1, in the indicator's own unit (percentage points). */
  realisasi_tahun_lalu: Nilai;
  selisih_tahun_lalu: Nilai;
  arah: Arah | null;
  /** Whether the change is good news given the polarity (a fall of a rendah_baik value is). */
  membaik: boolean | null;
  /** Tabel 3.1.3.b: end-of-Renstra target, the gap and the "tingkat kemajuan". */
  target_akhir: Nilai;
  /** realisasi - target_akhir, in the indicator's unit. */
  selisih_target_akhir: Nilai;
  /**
   * "Tingkat kemajuan": capaian of realisasi N against target_akhir with the indicator's own formula
   * (so 100 means the end-of-period target is already reached). The source mixes point differences
   * and percentages in this column; this is the one rule.
   */
  kemajuan: Nilai;
  /** Years N-2, N-1, N (only years present in the data set or in the Renstra targets). */
  riwayat: TitikRiwayat[];
}

export interface RataRata {
  capaian: Nilai;
  kategori: string | null;
  /** How many indicators had a capaian (the mean is over these). */
  jumlah: number;
}

/** LRA line after the roll-up, with the derived columns of the TW IV table. */
export interface BarisLraHasil {
  kode: string;
  uraian: string | null;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan' | 'lainnya';
  /** Depth in the kode tree (program = 0). */
  kedalaman: number;
  induk: string | null;
  anak: string[];
  /** true when the money columns are the sum of the children (always, when children exist). */
  dijumlahkan: boolean;
  /** Kolom 3..7 */
  anggaran: number;
  rencana_sd: number;
  realisasi_sd: number;
  rencana_akhir: number;
  realisasi_akhir: number;
  /** Kolom 8 = rencana_sd + rencana_akhir */
  target_realisasi: number;
  /** Kolom 9 = realisasi_sd + realisasi_akhir */
  realisasi: number;
  /** Kolom 10 = 8 / 3 x 100 */
  persen_target: Nilai;
  /** Kolom 11 = 3 - 9 */
  sisa: number;
  /** Kolom 12 = 9 / 3 x 100 */
  persen_realisasi: Nilai;
  /** 100 - kolom 12 (Tabel 3.3.a) */
  persen_efisiensi: Nilai;
  /** anggaran / total OPD x 100 (Tabel 3.2.a) */
  persen_dari_total: Nilai;
  kendala: string | null;
}

export interface HasilLra {
  periode: string | null;
  bulan_sd: string;
  bulan_akhir: string;
  /** OPD total row (= sum of the programs), kode "" and tingkat "lainnya". */
  total: BarisLraHasil;
  /** Every line in tree order (program, its kegiatan, their sub kegiatan, next program ...). */
  baris: BarisLraHasil[];
}

/** Money of a group of programs (a sasaran, the OPD). */
export interface RingkasAnggaran {
  anggaran: Nilai;
  realisasi: Nilai;
  sisa: Nilai;
  persen_realisasi: Nilai;
  persen_efisiensi: Nilai;
  persen_dari_total: Nilai;
  /** Where the money came from: the LRA, or (without an LRA) the PK P-APBD / APBD budget. */
  sumber: 'lra' | 'pk_papbd' | 'pk_apbd' | null;
}

export interface AnggaranProgram extends RingkasAnggaran {
  kode: string;
  nama: string | null;
}

/** Tabel 3.2.a / 3.2.b / 3.3.a: one sasaran with its indicators and the money of its programs. */
export interface HasilSasaran {
  id: string;
  uraian: string;
  jenis: 'utama' | 'lainnya';
  tujuan: string | null;
  indikator: BarisKinerja[];
  program: AnggaranProgram[];
  anggaran: RingkasAnggaran;
}

export interface RingkasPk {
  total_apbd: Nilai;
  total_papbd: Nilai;
  /** P-APBD - APBD */
  selisih: Nilai;
  program: { program: string; apbd: Nilai; papbd: Nilai; selisih: Nilai }[];
}

/** K (kinerja) columns of one indicator row of Tabel E.81. Column numbers as printed. */
export interface KolomE81K {
  indikator: string;
  nama: string;
  satuan: string;
  kumulatif: boolean;
  /** 5: Renstra target at the end of the period */
  k5: Nilai;
  /** 6: realisation up to the end of the previous year */
  k6: Nilai;
  /** 7: target of the year */
  k7: Nilai;
  /** 8..11: quarters */
  triwulan: Triwulan;
  /** 12: sum of reported quarters (cumulative) or the latest reported one */
  k12: Nilai;
  /** 13 = 12 / 7 x 100 (indicator formula) */
  k13: Nilai;
  /** 14 = 6 + 12 (cumulative) or 12 (else 6) for non-cumulative */
  k14: Nilai;
  /** 15 = 14 / 5 x 100 (indicator formula) */
  k15: Nilai;
  /** Quarterly evaluation against quarterly targets: the target column 13 was measured against. */
  target_evaluasi?: Nilai;
}

/** Rp columns of a node of Tabel E.81 (parents are sums of their children). */
export interface KolomE81Rp {
  rp5: Nilai;
  rp6: Nilai;
  rp7: Nilai;
  triwulan: Triwulan;
  rp12: Nilai;
  rp13: Nilai;
  rp14: Nilai;
  rp15: Nilai;
  /** Quarterly evaluation against quarterly targets: the budget (anggaran kas) column 13 was measured against. */
  target_evaluasi?: Nilai;
}

export interface BarisE81 {
  kode: string;
  nama: string;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan';
  unit_penanggung_jawab: string | null;
  indikator: KolomE81K[];
  rp: KolomE81Rp;
}

export interface RataRataE81 {
  /** means over the rows that have a value */
  k13: Nilai;
  rp13: Nilai;
  k15: Nilai;
  rp15: Nilai;
  /** Category of the mean k13 on the capaian scale. */
  predikat: string | null;
}

export interface ProgramE81 {
  kode: string;
  nama: string;
  baris: BarisE81[];
  rata_rata: RataRataE81;
}

export interface HasilE81 {
  tahun: number;
  /** Quarter up to which the Renja is evaluated (Renja.triwulan_evaluasi), null without renja.yaml. */
  triwulan_evaluasi: number | null;
  /**
   * Set for a quarterly evaluation (see OpsiEvaluasi in renja.ts): quarters counted, which target
   * column 13 uses, and per quarter of the window the number of rows not yet filled.
   */
  evaluasi: { sampai: 1 | 2 | 3 | 4; target: 'tahunan' | 'triwulan'; belum_diisi: number[] } | null;
  tahun_akhir_renstra: number;
  program: ProgramE81[];
  total: {
    /** sums over the programs */
    rp5: Nilai;
    rp6: Nilai;
    rp7: Nilai;
    rp12: Nilai;
    rp14: Nilai;
    /** mean of the programs' means, and its category */
    rata_rata: RataRataE81;
  };
}

/** One indicator row of Tabel TC-29. */
export interface BarisTc29 {
  kode: string;
  nama: string;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan';
  indikator: string;
  nama_indikator: string;
  satuan: string;
  kumulatif: boolean;
  /** 4: Renstra target at the end of the period */
  k4: Nilai;
  /** 5: realisation up to the end of year N-2 */
  k5: Nilai;
  /** 6 / 7: target and realisation of year N-1 ("tahun lalu") */
  k6: Nilai;
  k7: Nilai;
  /** 8 = 7 / 6 x 100 (indicator formula) */
  k8: Nilai;
  /** 9: target of year N */
  k9: Nilai;
  /** 10 = 5 + 7 + 9 (cumulative) or the latest of 9, 7, 5 */
  k10: Nilai;
  /** 11 = 10 / 4 x 100 (indicator formula) */
  k11: Nilai;
}

export interface HasilTahun {
  tahun: number;
  /** Effective category scale (Opd.pengaturan.skala_penilaian or the default). */
  skala: BatasKategori[];
  desimal_persen: number;
  tahun_renstra: {
    awal: number;
    akhir: number;
    /**
     * Years of the Renstra's yearly target columns (Tabel 2.2 and its sheet): awal+1..akhir, plus
     * `awal` itself when any indicator has a target for it (a Renstra "2025-2029" whose first plan
     * year is 2025, against one "2021-2026" whose 2021 is the baseline).
     */
    tahun_target: number[];
    /** The year the DATA AWAL column stands for: the year before the first target year. */
    tahun_data_awal: number;
  };
  kinerja: {
    tujuan: BarisKinerja[];
    iku: BarisKinerja[];
    lainnya: BarisKinerja[];
    /** Program-level indicators (Tabel 3.1.3.a.2), one per program indicator. */
    program: BarisKinerja[];
    rata_rata: { iku: RataRata; lainnya: RataRata; semua: RataRata };
  };
  sasaran: HasilSasaran[];
  anggaran: {
    lra: HasilLra | null;
    /** OPD total (the LRA total row, or the PK budget without an LRA). */
    opd: RingkasAnggaran;
    pk: RingkasPk | null;
  };
  renja: {
    e81: HasilE81 | null;
    tc29: BarisTc29[] | null;
  };
  peringatan: Diagnostic[];
}
