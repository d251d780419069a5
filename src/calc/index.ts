/**
 * The calculator: every derived number of the LKJIP and the Renja of one year, from base values.
 * Pure: takes the loaded data set, returns plain values (unrounded numbers or null) and the
 * diagnostics. It never throws on partial data: a year with only kinerja.yaml yields the
 * indicator tables and empty money/Renja sections.
 */
import type { BatasKategori, DataSet, PkVersi } from '../model/types.js';
import { SKALA_BAKU } from './capaian.js';
import { jumlahkan } from './angka.js';
import { hitungKinerja, hitungSasaran, type OpsiKinerja } from './kinerja.js';
import { hitungE81, hitungTc29, type OpsiEvaluasi } from './renja.js';
import { buatKonteks, dataTahun, lraTahun, type Konteks } from './sumber.js';
import type { Diagnostic, HasilTahun, Nilai, RingkasPk } from './types.js';

export * from './types.js';
export { hitungCapaian, kategori, predikat, persen, rataRata, rumusIndikator, SKALA_BAKU } from './capaian.js';
export {
  hitungLra,
  indukKode,
  jumlahkan,
  persenDariTotal,
  persenEfisiensi,
  persenRealisasi,
  sisaAnggaran,
} from './anggaran.js';
export { bandingkanTahunan, hitungKemajuan } from './kinerja.js';
export { targetSampaiTriwulan, type OpsiEvaluasi } from './renja.js';
export { hitungRekap, type AgensiE81, type BarisRekap, type HasilRekap } from './rekap.js';
export { hitungKondisi, jenisBarisKondisi, jumlahBaris, perubahan, type JenisBarisKondisi } from './konteks.js';

/** The scale of the OPD's settings when it is usable, else the default. */
export function skalaEfektif(data: DataSet, peringatan: Diagnostic[] = []): BatasKategori[] {
  const skala = data.opd?.pengaturan?.skala_penilaian;
  if (!skala || skala.length === 0) return [...SKALA_BAKU];
  if (!skala.some((b) => b.lebih_dari === null)) {
    peringatan.push({
      code: 'SKALA_TANPA_BATAS_BAWAH',
      severity: 'warning',
      message: 'skala_penilaian tidak punya baris `lebih_dari: null`; nilai di bawah batas terendah tidak berkategori.',
      hint: 'Tambahkan baris terendah, mis. { kategori: "Sangat Rendah", lebih_dari: null }.',
      file: 'data/opd.yaml',
    });
  }
  return [...skala];
}

function ringkasPk(ctx: Konteks, tahun: number): RingkasPk | null {
  const pk = dataTahun(ctx, tahun)?.pk;
  if (!pk || (!pk.apbd && !pk.papbd)) return null;
  const per = (v: PkVersi | undefined) => {
    const m = new Map<string, number>();
    for (const a of v?.anggaran ?? []) m.set(a.program, (m.get(a.program) ?? 0) + a.anggaran);
    return m;
  };
  const apbd = per(pk.apbd);
  const papbd = per(pk.papbd);
  const kunci = [...new Set([...apbd.keys(), ...papbd.keys()])];
  const selisih = (a: Nilai, b: Nilai) => (a == null || b == null ? null : b - a);
  const totalApbd = pk.apbd ? jumlahkan([...apbd.values()]) ?? 0 : null;
  const totalPapbd = pk.papbd ? jumlahkan([...papbd.values()]) ?? 0 : null;
  return {
    total_apbd: totalApbd,
    total_papbd: totalPapbd,
    selisih: selisih(totalApbd, totalPapbd),
    program: kunci.map((program) => {
      const a = pk.apbd ? apbd.get(program) ?? null : null;
      const p = pk.papbd ? papbd.get(program) ?? null : null;
      return { program, apbd: a, papbd: p, selisih: selisih(a, p) };
    }),
  };
}

/** Every table of one year as plain values, plus the diagnostics met on the way. */
/** The Renstra period and its target columns (see HasilTahun.tahun_renstra). */
export function tahunRenstra(data: DataSet, tahun: number): HasilTahun['tahun_renstra'] {
  const awal = data.strategis?.periode?.awal ?? tahun;
  const akhir = data.strategis?.periode?.akhir ?? tahun;
  const targetAwal = (data.strategis?.indikator ?? []).some((i) => i.target?.[String(awal)] !== undefined && i.target?.[String(awal)] !== null);
  const pertama = targetAwal ? awal : awal + 1;
  const tahun_target = Array.from({ length: Math.max(0, akhir - pertama + 1) }, (_, i) => pertama + i);
  return { awal, akhir, tahun_target, tahun_data_awal: pertama - 1 };
}

export function hitungTahun(data: DataSet, tahun: number): HasilTahun {
  const peringatan: Diagnostic[] = [];
  const ctx = buatKonteks(data, peringatan);
  if (!dataTahun(ctx, tahun)) {
    peringatan.push({
      code: 'TAHUN_TIDAK_ADA',
      severity: 'warning',
      message: `Tidak ada data untuk tahun ${tahun}; hanya target Renstra yang dapat ditampilkan.`,
      hint: `Buat folder data/${tahun}/ berisi kinerja.yaml, pk.yaml, program.yaml dan lra.yaml.`,
    });
  }
  const skala = skalaEfektif(data, peringatan);
  const desimal = data.opd?.pengaturan?.desimal_persen ?? 2;
  const opsi: OpsiKinerja = { skala, desimal };

  const kinerja = hitungKinerja(ctx, tahun, opsi);
  const { sasaran, opd } = hitungSasaran(ctx, tahun, kinerja);
  let renja: HasilTahun['renja'] | undefined;
  return {
    tahun,
    skala,
    desimal_persen: desimal,
    tahun_renstra: tahunRenstra(data, tahun),
    kinerja,
    sasaran,
    anggaran: { lra: lraTahun(ctx, tahun), opd, pk: ringkasPk(ctx, tahun) },
    // The Renja forms are computed when first read: the years before a report year are asked for
    // their indicators and money (comparison tables, narrative references), rarely for their forms.
    // `peringatan` reads them first, so it always holds the forms' diagnostics too.
    get renja() {
      renja ??= { e81: hitungE81(ctx, tahun, opsi), tc29: hitungTc29(ctx, tahun) };
      return renja;
    },
    get peringatan() {
      void this.renja;
      return peringatan;
    },
  };
}

/**
 * Tabel E.81 of a quarterly evaluation: quarters 1..`sampai` of `tahun`, column 13 against the
 * target the agency's settings name (`pengaturan.target_evaluasi`, default the annual target).
 */
export function hitungEvaluasiTriwulan(
  data: DataSet,
  tahun: number,
  sampai: OpsiEvaluasi['sampai'],
): { e81: HasilTahun['renja']['e81']; peringatan: Diagnostic[] } {
  const peringatan: Diagnostic[] = [];
  const ctx = buatKonteks(data, peringatan);
  const opsi: OpsiKinerja = { skala: skalaEfektif(data, []), desimal: data.opd?.pengaturan?.desimal_persen ?? 2 };
  const target = data.opd?.pengaturan?.target_evaluasi ?? 'tahunan';
  return { e81: hitungE81(ctx, tahun, opsi, { sampai, target }), peringatan };
}
