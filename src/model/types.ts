/**
 * The data model: one interface per file kind under `data/`, exactly as the YAML is written.
 * Keys are the domain's own Indonesian words in snake_case. Only base values live here (targets,
 * realisations, budgets); every derived number is produced by `src/calc/`.
 *
 * Layout of a data folder:
 *   data/opd.yaml                      Opd            identity of the agency, signatories, settings
 *   data/renstra/strategis.yaml        RenstraStrategis  period, visi/misi, tujuan, sasaran, their indicators
 *   data/renstra/program.yaml          RenstraProgram    program > kegiatan > sub kegiatan tree and its indicators
 *   data/<tahun>/pk.yaml               PerjanjianKinerja PK APBD and P-APBD
 *   data/<tahun>/kinerja.yaml          KinerjaTahun      values of tujuan / IKU / kinerja lainnya indicators
 *   data/<tahun>/program.yaml          ProgramTahun      per program/kegiatan/sub kegiatan: pagu, indicator values, triwulan
 *   data/<tahun>/lra.yaml              Lra               Laporan Realisasi Anggaran lines
 *   data/<tahun>/renja.yaml            Renja             Renja-only forms (TC-30, isu, TC-31, Tabel 4.1, ...)
 *   data/<tahun>/konteks.yaml          Konteks           context tables of Bab I (kondisi, PNS, sarana, ...)
 *   data/<tahun>/lkjip.yaml            LkjipTahun        LKJIP document meta, provincial comparison, reviu
 *   data/<tahun>/narasi/lkjip/*.md     narrative Markdown per chapter
 *   data/<tahun>/narasi/renja/*.md
 */

/** Higher realisation is better (Formulasi 1) or worse (Formulasi 2). */
export type Polaritas = 'tinggi_baik' | 'rendah_baik';

/**
 * How capaian is computed. Default follows the polarity:
 * - `formulasi_1`: realisasi / target x 100 (tinggi_baik)
 * - `formulasi_2`: (target - (realisasi - target)) / target x 100 (rendah_baik)
 * - `target_per_realisasi`: target / realisasi x 100 (an alternative for rendah_baik used by some OPD)
 */
export type RumusCapaian = 'formulasi_1' | 'formulasi_2' | 'target_per_realisasi';

export type JenisIndikator = 'tujuan' | 'iku' | 'kinerja_lainnya' | 'program' | 'kegiatan' | 'sub_kegiatan';

export interface Pejabat {
  nama: string;
  jabatan: string;
  pangkat?: string;
  nip?: string;
}

/** One row of a category scale: a value strictly greater than `lebih_dari` gets `kategori`. */
export interface BatasKategori {
  kategori: string;
  /** Lower bound, exclusive. The lowest row uses `null` (everything else). */
  lebih_dari: number | null;
}

export interface Pengaturan {
  /** Category scale for capaian (%), sorted from the highest category down. */
  skala_penilaian?: BatasKategori[];
  /** Decimals shown for percentages (capaian, % realisasi). Default 2. */
  desimal_persen?: number;
  /**
   * Target column 13 of a quarterly E.81 is measured against: the year's (default) or the one up
   * to the quarter (`target_triwulan`, `anggaran_kas_triwulan` in program.yaml).
   */
  target_evaluasi?: 'tahunan' | 'triwulan';
  /**
   * A capaian above this (percent) is most likely a unit mismatch between target and realisation
   * (a percentage typed as a fraction, thousands as units): `validate` asks to check it. Default 300.
   */
  batas_capaian_wajar?: number;
}

/** data/opd.yaml */
export interface Opd {
  /** "Dinas Contoh" */
  nama: string;
  /** "Dinas Contoh Kabupaten Contoh" */
  nama_lengkap: string;
  singkatan?: string;
  /**
   * The government affair (urusan pemerintahan) the agency serves, as titles name it: "Kesehatan",
   * "Pekerjaan Umum dan Penataan Ruang". Printed in titles that name the urusan (the context table,
   * the Renja's policy alignment table); left out of them when absent.
   */
  urusan?: string;
  /** "Pemerintah Kabupaten Contoh" */
  pemerintah_daerah: string;
  /** "Kabupaten Contoh" */
  daerah: string;
  /** Place written before signature dates: "Contoh" */
  kota: string;
  alamat?: string;
  /** Coat of arms for the covers and the PK: a picture path relative to the data folder. */
  lambang?: string;
  /** The organisation chart's unit tree (LKJIP Bab I 1.4). */
  struktur_organisasi?: UnitOrganisasi;
  kepala: Pejabat;
  kepala_daerah: Pejabat;
  pengaturan?: Pengaturan;
}

/** Where a unit stands under the head in the organisation chart. */
export type JenisUnit = 'sekretariat' | 'bidang' | 'upt' | 'fungsional';

/** One unit of the organisation chart and the units under it. */
export interface UnitOrganisasi {
  unit: string;
  jenis?: JenisUnit;
  sub_unit?: (string | UnitOrganisasi)[];
}

/** A definition shared by every indicator, whatever its level. */
export interface Indikator {
  /** Stable id used by every other file: "IT-1", "IKU-1", "IKL-2", "I-2.07.03", "I-2.07.03.2.01.0001". */
  id: string;
  nama: string;
  jenis: JenisIndikator;
  /** "%", "nilai", "indeks", "orang", "dokumen", "inovasi", ... */
  satuan: string;
  polaritas: Polaritas;
  /** true: a count that adds up over quarters and years; false: the latest value stands. */
  kumulatif: boolean;
  rumus_capaian?: RumusCapaian;
  /** Rumus perhitungan as the Renstra states it (text). */
  rumus?: string;
  /** Sumber data / unit penanggung jawab. */
  sumber_data?: string;
  /** Optional grade scale of the value itself (SAKIP: AA, A, BB, ...; IP ASN: Tinggi, ...). */
  predikat?: { predikat: string; lebih_dari: number | null }[];
  /** Value in the first year of the period (data awal / kondisi awal). */
  data_awal?: number;
  /** Renstra targets per year, keys are years: { "2022": 85, ... }. */
  target?: Record<string, number>;
  /** Target at the end of the Renstra period when the Renstra states it separately. */
  target_akhir?: number;
  catatan?: string;
}

/** data/renstra/strategis.yaml */
export interface RenstraStrategis {
  periode: { awal: number; akhir: number };
  /** "RPJMD Kabupaten Contoh Tahun 2021-2026" */
  dokumen?: string;
  visi: string;
  misi: { nomor: number; uraian: string; terkait?: boolean }[];
  tujuan: { id: string; uraian: string; indikator: string[] }[];
  sasaran: {
    id: string;
    uraian: string;
    tujuan?: string;
    /** utama: PK kinerja utama (IKU); lainnya: "kinerja lainnya". */
    jenis: 'utama' | 'lainnya';
    indikator: string[];
    /** Program codes that serve this sasaran (Tabel 3.1.3.d, 3.2.a). */
    program?: string[];
    /**
     * Which programs' budget serves which of the sasaran's indicators (Tabel 3.2.a, 3.2.b, 3.3.a):
     * one group per merged budget cell. A group with `program: []` has no budget (printed 0).
     */
    alokasi_anggaran?: { indikator: string[]; program: string[] }[];
  }[];
  indikator: Indikator[];
}

export interface SubKegiatan {
  kode: string;
  nama: string;
  indikator: string[];
  /** Pagu of the whole Renstra period (E.81 col. 5 Rp). */
  pagu_renstra?: number;
  /** false when the nomenclature no longer lists it ("TIDAK ADA DI KEPMENDAGRI TERBARU"). */
  aktif?: boolean;
}

export interface Kegiatan extends SubKegiatan {
  sub_kegiatan: SubKegiatan[];
}

export interface Program extends SubKegiatan {
  jenis?: 'prioritas' | 'pendukung';
  unit_penanggung_jawab?: string;
  kegiatan: Kegiatan[];
}

/** data/renstra/program.yaml */
export interface RenstraProgram {
  urusan?: { kode?: string; nama: string }[];
  program: Program[];
  indikator: Indikator[];
}

export interface TargetPk {
  indikator: string;
  target: number;
}

export interface PkVersi {
  /** ISO date "2024-09-23". */
  tanggal?: string;
  tempat?: string;
  pihak_pertama?: Pejabat;
  pihak_kedua?: Pejabat;
  target: TargetPk[];
  /** Program budgets of the PK; absent when the source does not give them (PK of earlier years). */
  anggaran?: { program: string; anggaran: number; keterangan?: string }[];
}

/** data/<tahun>/pk.yaml */
export interface PerjanjianKinerja {
  tahun: number;
  apbd?: PkVersi;
  papbd?: PkVersi;
  sumber_data?: string;
}

/** Four quarters; `null` where not (yet) reported. */
export type Triwulan = [number | null, number | null, number | null, number | null];

export interface NilaiIndikator {
  id: string;
  /** Target of the year when it is not the PK's (PK P-APBD, else PK APBD, else Renstra). */
  target?: number;
  /** Annual realisation; null when not available ("Proses di BKSDM"). */
  realisasi?: number | null;
  realisasi_triwulan?: Triwulan;
  /**
   * Target per quarter, for quarterly evaluations measured against the target up to the quarter
   * (`pengaturan.target_evaluasi: triwulan`): combined like the realisations (sum when cumulative,
   * the last quarter's level otherwise).
   */
  target_triwulan?: Triwulan;
  /** Cumulative realisation up to the end of the previous year, where earlier years are not in data. */
  realisasi_sd_tahun_lalu?: number;
  keterangan?: string;
}

/** data/<tahun>/kinerja.yaml */
export interface KinerjaTahun {
  tahun: number;
  indikator: NilaiIndikator[];
  sumber_data?: string;
}

export interface NodeTahun {
  kode: string;
  /** Pagu APBD (murni) of the year. P-APBD pagu is the LRA's `anggaran`. */
  pagu?: number;
  realisasi_rp_triwulan?: Triwulan;
  /** Budget planned per quarter (anggaran kas), for quarterly evaluations against the plan. */
  anggaran_kas_triwulan?: Triwulan;
  realisasi_rp_sd_tahun_lalu?: number;
  indikator?: NilaiIndikator[];
}

/** data/<tahun>/program.yaml */
export interface ProgramTahun {
  tahun: number;
  node: NodeTahun[];
}

export interface BarisLra {
  kode: string;
  /** Name as printed in the LRA when it differs from the nomenclature. */
  uraian?: string;
  anggaran: number;
  rencana_sd: number;
  realisasi_sd: number;
  rencana_akhir: number;
  realisasi_akhir: number;
  kendala?: string;
}

/** data/<tahun>/lra.yaml */
export interface Lra {
  tahun: number;
  /** "Triwulan IV" */
  periode?: string;
  /** Month up to which rencana_sd / realisasi_sd run: "November". */
  bulan_sd: string;
  /** The last month: "Desember". */
  bulan_akhir: string;
  baris: BarisLra[];
  sumber_data?: string;
}

/** data/<tahun>/renja.yaml: see data/README.md for every section. */
export interface Renja {
  tahun: number;
  /** true: the mid-year revision (Perubahan Renja / P-Renja), aligned with the P-RKPD. */
  perubahan?: boolean;
  /** Document meta: place, date and signatory of the Kata Pengantar and Bab IV. */
  dokumen?: {
    /** Place before the signature date. Default: opd.kota. */
    tempat?: string;
    /** "2024-08" (printed "Agustus 2024") or "2024-08-14". */
    tanggal: string;
    /** Default: opd.kepala. */
    penandatangan?: Pejabat;
  };
  /** The quarter up to which the P-Renja evaluates (E.81), e.g. 2. */
  triwulan_evaluasi: number;
  /** Quarterly evaluation documents (`build --triwulan n`): place, date and signatory per quarter. */
  evaluasi_triwulan?: { triwulan: number; tempat?: string; tanggal?: string; penandatangan?: Pejabat }[];
  /** Bab I alignment table: one column group per level (Kementerian, Provinsi, Kabupaten). */
  kebijakan?: RenjaKebijakan[];
  /** E.81 columns not in program.yaml (16 unit penanggung jawab, 17 ket); values live in <tahun>/program.yaml. */
  e81?: { node: { kode: string; unit_penanggung_jawab?: string; ket?: string }[] };
  tc30?: RenjaTc30;
  isu?: RenjaIsu[];
  tc31?: { node: RenjaTc31Node[] };
  usulan_masyarakat?: RenjaUsulan[];
  /** Tabel 4.1 matriks program dan kegiatan. */
  matriks?: { node: RenjaMatriksNode[] };
  penutup?: { catatan_penting?: string; kaidah_pelaksanaan?: string; rencana_tindak_lanjut?: string };
  /** Sumber data line per Renja table id ("E.81", "TC-29", "TC-31", "4.1", ...). */
  sumber_data?: Record<string, string>;
}

export interface RenjaKebijakan {
  /** "Kementerian ...", "Pemerintah Daerah Provinsi ...", ... */
  tingkat: string;
  visi: string;
  /** Column header of the sasaran list ("Sasaran Strategis OPD"). */
  judul_sasaran?: string;
  sasaran: string[];
}

/** TC-30: one row per IKU; maps are keyed by year ("2023"). */
export interface RenjaTc30 {
  tahun?: number[];
  baris: {
    no: number;
    indikator: string;
    spm?: string | null;
    ikk?: string | null;
    target_renstra?: Record<string, number | null>;
    realisasi?: Record<string, number | null>;
    proyeksi?: Record<string, number | null>;
    catatan_analisis?: string | null;
  }[];
}

export interface RenjaIsu {
  no: number;
  isu: string;
  kendala: string[];
  rekomendasi: string[];
}

/** An indicator of a node with the target printed in a Renja form. */
export interface RenjaTarget {
  id: string;
  /** null when printed without a number ("-- dokumen", "-"). */
  target?: number | null;
  /** Unit as printed ("Orang/bln", "Paket"). */
  satuan?: string;
}

/** A rincian row under a sub kegiatan. Node pagu = sum of its rincian (computed). */
export interface RenjaRincian {
  uraian: string;
  target?: number | null;
  satuan?: string;
  pagu?: number;
  /** A group heading row without target or pagu. */
  kelompok?: boolean;
  keterangan?: string;
}

/** One side of TC-31 (RKPD or hasil analisis kebutuhan). */
export interface RenjaTc31Sisi {
  lokasi?: string;
  indikator: RenjaTarget[];
  /** Only for a node with neither children nor rincian; otherwise computed. */
  pagu?: number;
  rincian?: RenjaRincian[];
}

export interface RenjaTc31Node {
  kode: string;
  rkpd: RenjaTc31Sisi;
  analisis: RenjaTc31Sisi;
  catatan?: string;
}

export interface RenjaUsulan {
  uraian: string;
  kode?: string;
  lokasi?: string;
  keterangan?: string;
}

export interface RenjaMatriksNode {
  kode: string;
  up?: boolean;
  bl?: boolean;
  /** Outcome for a program, output for kegiatan / sub kegiatan. */
  indikator: RenjaTarget[];
  lokasi?: string;
  /** APBD kabupaten pagu, only for a node with neither children nor rincian; otherwise computed. */
  pagu?: number;
  apbd_provinsi?: { skpd_terkait?: string; pagu?: number };
  apbn?: { kl?: string; pagu?: number; sumber?: string };
  rincian?: RenjaRincian[];
  catatan?: string;
}

/**
 * One row of the context table (Tabel 1.1 "Perkembangan Kondisi ..."), values of one year. A row is
 * one of: a base value (`nilai`), a sum of other rows (`jumlah`), a percentage of two rows
 * (`persen`: pembilang / penyebut x 100), the year's realisation of an indicator (`indikator`, the
 * same value as Tabel III.1), or, with none of them, a label row without values. Derived rows are
 * never stored as numbers: the calculator computes them.
 */
export interface BarisKondisi {
  /** Row id, used by `jumlah`/`persen`, by narrative references (`konteks.kondisi.<id>`) and to find the row in other years. */
  id?: string;
  /** Printed text; default for an `indikator` row: the indicator's name. */
  uraian?: string;
  /** Unit: decides decimals ("%" -> desimal_persen) and the word of a change ("naik 120 orang"). */
  satuan?: string;
  /** 2: a sub-row of the numbered row above it (no number, indented). Default 1. */
  tingkat?: 1 | 2;
  /** Base value of the year; null while not available (printed "-"). */
  nilai?: number | null;
  /** Sum of these rows (ids). */
  jumlah?: string[];
  /** [pembilang, penyebut]: pembilang / penyebut x 100. */
  persen?: [string, string];
  /** Indicator id: the row shows the indicator's realisation of each year. */
  indikator?: string;
}

/** The context table of Bab I (Tabel 1.1), as its year's konteks.yaml writes it. */
export interface Kondisi {
  /** Title after "Tabel 1.1"; default "Perkembangan Kondisi <urusan> di <daerah> dalam 3 (tiga) Tahun Terakhir". */
  judul?: string;
  sumber_data?: string;
  baris: BarisKondisi[];
}

/** PNS per golongan (table and chart `pns-golongan`); the total is derived. */
export interface PnsGolongan {
  sumber_data?: string;
  golongan: { I: number; II: number; III: number; IV: number };
}

/** One row of the sarana prasarana table: a group (with `rincian`) or an item. */
export interface BarangSarana {
  uraian: string;
  jumlah?: number;
  /** "unit" */
  satuan?: string;
  /** Full Rupiah (integer). */
  nilai?: number;
  rincian?: BarangSarana[];
}

/** data/<tahun>/konteks.yaml: context tables of Bab I, each section with its own sumber_data. */
export interface Konteks {
  tahun: number;
  /** Tabel 1.1: the agency's context indicators. */
  kondisi?: Kondisi;
  pns_golongan?: PnsGolongan;
  /** Table `sarana-prasarana`. */
  sarana_prasarana?: { sumber_data?: string; barang: BarangSarana[] };
}

/** One indicator in Tabel 3.1.3.c (comparison with the province / nation). */
export interface PembandingIndikator {
  /** Indicator id: "IKU-1". */
  id: string;
  /** Value of the comparator; null where none is printed ("-"). */
  nilai: number | null;
  /** Who the comparator is: "Dinas ... Provinsi ...". */
  pembanding?: string;
  /** "Perbedaan indikator" */
  keterangan?: string;
}

/** One row of the reviu table (Bab IV 4.2). */
export interface ButirReviu {
  aspek: string;
  rekomendasi: string[];
  tindak_lanjut: string[];
}

/** data/<tahun>/lkjip.yaml: document meta and LKJIP-only data. */
export interface LkjipTahun {
  /** The year reported on (LKJIP 2024 -> 2024). */
  tahun: number;
  dokumen: {
    /** "Laporan Kinerja Instansi Pemerintah" */
    judul: string;
    /** "LKJIP" */
    singkatan?: string;
    /** Place before the signature: "Contoh". Default: opd.kota. */
    tempat?: string;
    /** "2025-02" (printed "Februari 2025") or "2025-02-14" (printed "14 Februari 2025"). */
    tanggal: string;
    /** Default: opd.kepala. */
    penandatangan?: Pejabat;
  };
  /** Units of the organisation (Bab I 1.4), for the organisation chart. */
  struktur_organisasi?: { unit: string; sub_unit?: string[] }[];
  /** Tabel 3.1.3.c */
  pembanding?: { catatan?: string; indikator: PembandingIndikator[] };
  /** Bab IV 4.2: reviu recommendations and their follow-up. */
  reviu?: { tahun?: number; butir: ButirReviu[] };
  /** Table or chart id -> its "Sumber data" line(s), for tables whose data lives in other files. */
  sumber_data?: Record<string, string | string[]>;
}

/** Everything loaded for one build. Years hold whatever files exist for them. */
export interface DataSet {
  opd: Opd;
  strategis: RenstraStrategis;
  program: RenstraProgram;
  tahun: Map<number, DataTahun>;
}

export interface DataTahun {
  tahun: number;
  pk?: PerjanjianKinerja;
  kinerja?: KinerjaTahun;
  program?: ProgramTahun;
  lra?: Lra;
  renja?: Renja;
  konteks?: Konteks;
  lkjip?: LkjipTahun;
  /** Narrative Markdown by document and file name without extension: narasi.lkjip["bab-1"]. */
  narasi: Record<string, Record<string, string>>;
}
