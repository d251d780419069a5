/**
 * Derived values that only the Renja forms need and that `HasilTahun` does not carry:
 * - TC-31 and Tabel 4.1: pagu of every sub kegiatan (sum of its rincian), kegiatan and program (sum
 *   of the listed children) and the JUMLAH (sum of the programs). The data stores pagu only on the
 *   rincian rows (data/README.md), so every printed node amount is computed here, once.
 * - E.81: the quarter Rp totals of the JUMLAH row (HasilE81.total has the other columns).
 * - TC-30: rows with the indicator definition resolved, one value per year column.
 * Pure functions over the model; nothing is rounded (formatting happens in util/format).
 */
import type {
  DataSet,
  Indikator,
  RenjaMatriksNode,
  RenjaRincian,
  RenjaTarget,
  RenjaTc30,
  RenjaTc31Node,
  RenstraProgram,
  Triwulan,
} from '../model/types.js';
import { jumlahkan } from './angka.js';
import type { HasilE81, Nilai } from './types.js';

export type TingkatNode = 'program' | 'kegiatan' | 'sub_kegiatan';

/** A node of the Renstra tree as the forms print it. */
export interface NodePohonRenja {
  kode: string;
  nama: string;
  tingkat: TingkatNode;
  /** false: "TIDAK ADA DI KEPMENDAGRI TERBARU". */
  aktif: boolean;
}

/** Every program / kegiatan / sub kegiatan of the Renstra tree by kode. */
export function indeksPohon(program: RenstraProgram | undefined): Map<string, NodePohonRenja> {
  const peta = new Map<string, NodePohonRenja>();
  for (const p of program?.program ?? []) {
    peta.set(p.kode, { kode: p.kode, nama: p.nama, tingkat: 'program', aktif: p.aktif !== false });
    for (const k of p.kegiatan ?? []) {
      peta.set(k.kode, { kode: k.kode, nama: k.nama, tingkat: 'kegiatan', aktif: k.aktif !== false });
      for (const s of k.sub_kegiatan ?? []) {
        peta.set(s.kode, { kode: s.kode, nama: s.nama, tingkat: 'sub_kegiatan', aktif: s.aktif !== false });
      }
    }
  }
  return peta;
}

/**
 * Level of a kode that is not in the tree, from the Kepmendagri pattern: program `2.07.03` (3
 * parts), kegiatan `2.07.03.2.01` (5), sub kegiatan `2.07.03.2.01.0001` (6).
 */
export function tingkatDariKode(kode: string): TingkatNode {
  const n = kode.split('.').length;
  return n <= 3 ? 'program' : n <= 5 ? 'kegiatan' : 'sub_kegiatan';
}

function nodePohon(pohon: ReadonlyMap<string, NodePohonRenja>, kode: string): NodePohonRenja {
  return pohon.get(kode) ?? { kode, nama: kode, tingkat: tingkatDariKode(kode), aktif: true };
}

/** Sum of the pagu of the rincian rows (group headings carry none); null when no row has one. */
export function paguRincian(rincian: readonly RenjaRincian[] | undefined): Nilai {
  return jumlahkan((rincian ?? []).filter((r) => !r.kelompok).map((r) => r.pagu ?? null));
}

/** What one node contributes to a roll-up: its own pagu and rincian. */
export interface SumberPagu {
  pagu?: number;
  rincian?: RenjaRincian[];
}

/**
 * Rolls pagu up a list of nodes given by kode (in document order). A node's parent is the listed
 * node with the longest kode that prefixes it. A node with listed children gets the sum of its
 * children; a leaf gets the sum of its rincian, else its own `pagu`, else null. The JUMLAH is the
 * sum of the roots (the programs).
 */
export function gulungPagu(kode: readonly string[], sumber: (i: number) => SumberPagu): { pagu: Nilai[]; jumlah: Nilai } {
  const induk = kode.map((k, i) => {
    let terbaik = -1;
    kode.forEach((lain, j) => {
      if (j !== i && k.startsWith(lain + '.') && (terbaik < 0 || lain.length > (kode[terbaik]?.length ?? 0))) terbaik = j;
    });
    return terbaik;
  });
  const anak = kode.map((_, i) => induk.flatMap((p, j) => (p === i ? [j] : [])));
  const memo = new Map<number, Nilai>();
  const hitung = (i: number): Nilai => {
    const ada = memo.get(i);
    if (ada !== undefined) return ada;
    const s = sumber(i);
    const a = anak[i] ?? [];
    const v =
      a.length > 0
        ? jumlahkan(a.map(hitung))
        : (s.rincian ?? []).some((r) => !r.kelompok && r.pagu !== undefined)
          ? paguRincian(s.rincian)
          : s.pagu ?? null;
    memo.set(i, v);
    return v;
  };
  const pagu = kode.map((_, i) => hitung(i));
  return { pagu, jumlah: jumlahkan(pagu.filter((_, i) => induk[i] === -1)) };
}

// ---------------------------------------------------------------------------------------------
// TC-31

export interface SisiTc31Hasil {
  lokasi: string | null;
  indikator: RenjaTarget[];
  rincian: RenjaRincian[];
  /** Computed pagu (see gulungPagu). */
  pagu: Nilai;
}

export interface BarisTc31 extends NodePohonRenja {
  rkpd: SisiTc31Hasil;
  analisis: SisiTc31Hasil;
  catatan: string | null;
}

export interface HasilTc31 {
  baris: BarisTc31[];
  jumlah: { rkpd: Nilai; analisis: Nilai };
}

/** Tabel TC-31 (review of the (P-)RKPD against the needs analysis) with every pagu computed. */
export function hitungTc31(program: RenstraProgram | undefined, tc31: { node: RenjaTc31Node[] } | undefined): HasilTc31 {
  const node = tc31?.node ?? [];
  const pohon = indeksPohon(program);
  const kode = node.map((n) => n.kode);
  const rkpd = gulungPagu(kode, (i) => node[i]?.rkpd ?? {});
  const analisis = gulungPagu(kode, (i) => node[i]?.analisis ?? {});
  const sisi = (s: RenjaTc31Node['rkpd'], pagu: Nilai): SisiTc31Hasil => ({
    lokasi: s.lokasi ?? null,
    indikator: s.indikator ?? [],
    rincian: s.rincian ?? [],
    pagu,
  });
  return {
    baris: node.map((n, i) => ({
      ...nodePohon(pohon, n.kode),
      rkpd: sisi(n.rkpd, rkpd.pagu[i] ?? null),
      analisis: sisi(n.analisis, analisis.pagu[i] ?? null),
      catatan: n.catatan ?? null,
    })),
    jumlah: { rkpd: rkpd.jumlah, analisis: analisis.jumlah },
  };
}

// ---------------------------------------------------------------------------------------------
// Tabel 4.1

export interface BarisMatriks extends NodePohonRenja {
  up: boolean;
  bl: boolean;
  indikator: RenjaTarget[];
  lokasi: string | null;
  /** APBD kabupaten, computed (see gulungPagu). */
  pagu: Nilai;
  apbd_provinsi: { skpd_terkait: string | null; pagu: Nilai };
  apbn: { kl: string | null; pagu: Nilai; sumber: string | null };
  rincian: RenjaRincian[];
  catatan: string | null;
}

export interface HasilMatriks {
  baris: BarisMatriks[];
  /** JUMLAH of the APBD kabupaten column. */
  jumlah: Nilai;
}

/** Tabel 4.1 (matriks program dan kegiatan) with the APBD kabupaten pagu computed. */
export function hitungMatriks(program: RenstraProgram | undefined, matriks: { node: RenjaMatriksNode[] } | undefined): HasilMatriks {
  const node = matriks?.node ?? [];
  const pohon = indeksPohon(program);
  const g = gulungPagu(
    node.map((n) => n.kode),
    (i) => node[i] ?? {},
  );
  return {
    baris: node.map((n, i) => ({
      ...nodePohon(pohon, n.kode),
      up: n.up === true,
      bl: n.bl === true,
      indikator: n.indikator ?? [],
      lokasi: n.lokasi ?? null,
      pagu: g.pagu[i] ?? null,
      apbd_provinsi: { skpd_terkait: n.apbd_provinsi?.skpd_terkait ?? null, pagu: n.apbd_provinsi?.pagu ?? null },
      apbn: { kl: n.apbn?.kl ?? null, pagu: n.apbn?.pagu ?? null, sumber: n.apbn?.sumber ?? null },
      rincian: n.rincian ?? [],
      catatan: n.catatan ?? null,
    })),
    jumlah: g.jumlah,
  };
}

// ---------------------------------------------------------------------------------------------
// E.81

/** Rp of each quarter summed over the programs (the JUMLAH row of Tabel E.81). */
export function jumlahTriwulanE81(e81: HasilE81 | null): Triwulan {
  const kepala = (e81?.program ?? []).map((p) => p.baris[0]?.rp.triwulan);
  return [0, 1, 2, 3].map((i) => jumlahkan(kepala.map((t) => t?.[i] ?? null))) as Triwulan;
}

// ---------------------------------------------------------------------------------------------
// TC-30

export interface BarisTc30 {
  no: number;
  indikator: string;
  nama: string;
  satuan: string;
  spm: string | null;
  ikk: string | null;
  /** One value per year of `tahun`, in that order. */
  target_renstra: Nilai[];
  realisasi: Nilai[];
  proyeksi: Nilai[];
  catatan_analisis: string | null;
}

function definisi(data: DataSet, id: string): Indikator | undefined {
  return data.strategis?.indikator.find((i) => i.id === id) ?? data.program?.indikator.find((i) => i.id === id);
}

/**
 * TC-30 rows. The year columns are `tc30.tahun`, else every year any row names, ascending. A
 * target the form leaves out falls back to the Renstra target of that year.
 */
export function hitungTc30(data: DataSet, tc30: RenjaTc30 | undefined): { tahun: number[]; baris: BarisTc30[] } {
  const baris = tc30?.baris ?? [];
  const tahun =
    tc30?.tahun ??
    [...new Set(baris.flatMap((b) => [b.target_renstra, b.realisasi, b.proyeksi].flatMap((m) => Object.keys(m ?? {}))))]
      .map(Number)
      .sort((a, b) => a - b);
  const per = (m: Record<string, number | null> | undefined): Nilai[] => tahun.map((t) => m?.[String(t)] ?? null);
  return {
    tahun,
    baris: baris.map((b) => {
      const ind = definisi(data, b.indikator);
      const target = per(b.target_renstra).map((v, i) => v ?? ind?.target?.[String(tahun[i])] ?? null);
      return {
        no: b.no,
        indikator: b.indikator,
        nama: ind?.nama ?? b.indikator,
        satuan: ind?.satuan ?? '',
        spm: b.spm ?? null,
        ikk: b.ikk ?? null,
        target_renstra: target,
        realisasi: per(b.realisasi),
        proyeksi: per(b.proyeksi),
        catatan_analisis: b.catatan_analisis ?? null,
      };
    }),
  };
}
