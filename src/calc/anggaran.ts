/**
 * Budget arithmetic and the LRA roll-up. Rupiah are integers and stay integers (sums only);
 * percentages are unrounded numbers or null.
 */
import type { BarisLra, Lra, Program } from '../model/types.js';
import { bersihkan, kurangi, persen } from './angka.js';
import type { BarisLraHasil, Diagnostic, HasilLra, Nilai, RingkasAnggaran } from './types.js';

export { jumlahkan } from './angka.js';

/** realisasi / anggaran x 100 */
export function persenRealisasi(realisasi: Nilai | undefined, anggaran: Nilai | undefined): Nilai {
  return persen(realisasi, anggaran);
}

/** anggaran - realisasi */
export function sisaAnggaran(anggaran: Nilai | undefined, realisasi: Nilai | undefined): Nilai {
  return kurangi(anggaran, realisasi);
}

/** % efisiensi = 100 - % realisasi (Tabel 3.3.a). */
export function persenEfisiensi(realisasi: Nilai | undefined, anggaran: Nilai | undefined): Nilai {
  const p = persenRealisasi(realisasi, anggaran);
  return p === null ? null : bersihkan(100 - p);
}

/** bagian / total x 100 (Tabel 3.2.a "% anggaran dari total"). */
export function persenDariTotal(bagian: Nilai | undefined, total: Nilai | undefined): Nilai {
  return persen(bagian, total);
}

/** Money summary of a group (a program, a sasaran, the OPD). */
export function ringkasAnggaran(
  anggaran: Nilai,
  realisasi: Nilai,
  total: Nilai,
  sumber: RingkasAnggaran['sumber'],
): RingkasAnggaran {
  return {
    anggaran,
    realisasi,
    sisa: sisaAnggaran(anggaran, realisasi),
    persen_realisasi: persenRealisasi(realisasi, anggaran),
    persen_efisiensi: persenEfisiensi(realisasi, anggaran),
    persen_dari_total: persenDariTotal(anggaran, total),
    sumber,
  };
}

/**
 * Parent of each kode: the longest other kode that prefixes it at a dot boundary
 * ("2.07.03" is the parent of "2.07.03.2.01", which is the parent of "2.07.03.2.01.0001").
 */
export function indukKode(kodes: readonly string[]): Map<string, string | null> {
  // The longest prefix first, by the dots of the kode itself: linear in the lines (a search of
  // every pair made 2.000 LRA lines cost a tenth of a second).
  const ada = new Set(kodes);
  const hasil = new Map<string, string | null>();
  for (const k of kodes) {
    let induk: string | null = null;
    for (let i = k.lastIndexOf('.'); i > 0 && induk === null; i = k.lastIndexOf('.', i - 1)) {
      const p = k.slice(0, i);
      if (ada.has(p)) induk = p;
    }
    hasil.set(k, induk);
  }
  return hasil;
}

/** kode -> tingkat/nama from the Renstra tree, to name LRA lines and to know their level. */
export interface InfoNode {
  nama: string;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan';
  /** Program kode this node belongs to. */
  program: string;
}

export function indeksPohon(program: readonly Program[]): Map<string, InfoNode> {
  const peta = new Map<string, InfoNode>();
  for (const p of program) {
    peta.set(p.kode, { nama: p.nama, tingkat: 'program', program: p.kode });
    for (const k of p.kegiatan ?? []) {
      peta.set(k.kode, { nama: k.nama, tingkat: 'kegiatan', program: p.kode });
      for (const s of k.sub_kegiatan ?? []) {
        peta.set(s.kode, { nama: s.nama, tingkat: 'sub_kegiatan', program: p.kode });
      }
    }
  }
  return peta;
}

type KolomUang = 'anggaran' | 'rencana_sd' | 'realisasi_sd' | 'rencana_akhir' | 'realisasi_akhir';
const KOLOM_UANG: readonly KolomUang[] = ['anggaran', 'rencana_sd', 'realisasi_sd', 'rencana_akhir', 'realisasi_akhir'];

/** Level from the Renstra tree, else from the shape of the kode (Kepmendagri: 3, 5, 6 segments). */
function tingkatKode(kode: string, kedalaman: number, pohon: Map<string, InfoNode>): BarisLraHasil['tingkat'] {
  const info = pohon.get(kode);
  if (info) return info.tingkat;
  const segmen = kode.split('.').length;
  if (segmen === 3) return 'program';
  if (segmen === 5) return 'kegiatan';
  if (segmen === 6) return 'sub_kegiatan';
  return (['program', 'kegiatan', 'sub_kegiatan'] as const)[kedalaman] ?? 'lainnya';
}

function barisTurunan(
  kode: string,
  uang: Record<KolomUang, number>,
  meta: Pick<BarisLraHasil, 'uraian' | 'tingkat' | 'kedalaman' | 'induk' | 'anak' | 'dijumlahkan' | 'kendala'>,
): BarisLraHasil {
  const target = uang.rencana_sd + uang.rencana_akhir;
  const realisasi = uang.realisasi_sd + uang.realisasi_akhir;
  return {
    kode,
    ...meta,
    ...uang,
    target_realisasi: target,
    realisasi,
    persen_target: persen(target, uang.anggaran),
    sisa: uang.anggaran - realisasi,
    persen_realisasi: persenRealisasi(realisasi, uang.anggaran),
    persen_efisiensi: persenEfisiensi(realisasi, uang.anggaran),
    persen_dari_total: null,
  };
}

/**
 * The LRA TW IV table: every parent (program, kegiatan) is the sum of its children whenever it
 * has children, whatever the data says for it (the validator reports the difference); the OPD
 * total is the sum of the top-level lines. Columns: 8 = 4 + 6, 9 = 5 + 7, 10 = 8/3, 11 = 3 - 9,
 * 12 = 9/3. Lines keep the order of the file within each parent.
 */
export function hitungLra(
  lra: Lra,
  pohon: Map<string, InfoNode> = new Map(),
  peringatan: Diagnostic[] = [],
): HasilLra {
  const unik: BarisLra[] = [];
  const terlihat = new Set<string>();
  for (const b of lra.baris ?? []) {
    if (terlihat.has(b.kode)) {
      peringatan.push({
        code: 'LRA_KODE_GANDA',
        severity: 'warning',
        message: `Kode ${b.kode} muncul lebih dari sekali di LRA ${lra.tahun}; baris berikutnya diabaikan.`,
        hint: 'Setiap program/kegiatan/sub kegiatan cukup satu baris.',
      });
      continue;
    }
    terlihat.add(b.kode);
    unik.push(b);
  }
  const induk = indukKode(unik.map((b) => b.kode));
  const anak = new Map<string | null, BarisLra[]>();
  for (const b of unik) {
    const p = induk.get(b.kode) ?? null;
    anak.set(p, [...(anak.get(p) ?? []), b]);
  }

  const baris: BarisLraHasil[] = [];
  const bangun = (b: BarisLra, kedalaman: number): BarisLraHasil => {
    const slot = baris.length;
    baris.push(undefined as unknown as BarisLraHasil); // placeholder keeps tree (pre-)order
    const kids = (anak.get(b.kode) ?? []).map((c) => bangun(c, kedalaman + 1));
    const uang = {} as Record<KolomUang, number>;
    for (const k of KOLOM_UANG) {
      uang[k] = kids.length > 0 ? kids.reduce((s, c) => s + c[k], 0) : numerik(b[k]);
    }
    const hasil = barisTurunan(b.kode, uang, {
      uraian: b.uraian ?? pohon.get(b.kode)?.nama ?? null,
      tingkat: tingkatKode(b.kode, kedalaman, pohon),
      kedalaman,
      induk: induk.get(b.kode) ?? null,
      anak: kids.map((c) => c.kode),
      dijumlahkan: kids.length > 0,
      kendala: b.kendala ?? null,
    });
    baris[slot] = hasil;
    return hasil;
  };
  const puncak = (anak.get(null) ?? []).map((b) => bangun(b, 0));

  const uangTotal = {} as Record<KolomUang, number>;
  for (const k of KOLOM_UANG) uangTotal[k] = puncak.reduce((s, c) => s + c[k], 0);
  const total = barisTurunan('', uangTotal, {
    uraian: null,
    tingkat: 'lainnya',
    kedalaman: -1,
    induk: null,
    anak: puncak.map((c) => c.kode),
    dijumlahkan: true,
    kendala: null,
  });
  total.persen_dari_total = persenDariTotal(total.anggaran, total.anggaran);
  for (const b of baris) b.persen_dari_total = persenDariTotal(b.anggaran, total.anggaran);

  return {
    periode: lra.periode ?? null,
    bulan_sd: lra.bulan_sd,
    bulan_akhir: lra.bulan_akhir,
    total,
    baris,
  };
}

/** A money field that is missing or not a number counts as 0 in a sum (the schema requires it). */
function numerik(v: number | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
