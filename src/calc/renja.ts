/**
 * Renja forms: Tabel E.81 (evaluation of the year's Renja per quarter against the Renstra) and
 * Tabel TC-29 (recap up to the running year).
 *
 * Years: `tahun` is the Renja year evaluated ("tahun berjalan", 2024 in the source). E.81 col 6 is
 * the realisation up to the end of tahun-1; TC-29 col 5 is up to the end of tahun-2, col 6/7 are
 * the target/realisation of tahun-1 ("tahun lalu", printed "N-2" in the source) and col 9 the
 * target of tahun. Both forms use the end-of-Renstra target (col 5 / col 4), as Permendagri
 * 86/2017 defines them.
 *
 * K columns follow the indicator: sums only for cumulative indicators (counts), the latest value
 * for percentages/indices; the capaian columns use the indicator's own formula (formulasi 2 for
 * lower-is-better). Rp columns are always sums; a parent's Rp is the sum of its children whenever
 * a child has a value.
 */
import type { Indikator, Kegiatan, NilaiIndikator, Program, SubKegiatan, Triwulan } from '../model/types.js';
import { jumlahkan, persen } from './angka.js';
import { hitungCapaian, kategori, rataRata, rumusIndikator } from './capaian.js';
import { indikatorHilang, type OpsiKinerja } from './kinerja.js';
import {
  dataTahun,
  gabungTriwulan,
  nilaiIndikator,
  nodeTahun,
  realisasiRpSampai,
  realisasiSampai,
  realisasiTahun,
  realisasiTahunan,
  targetAkhir,
  targetTahun,
  type Konteks,
} from './sumber.js';
import type {
  BarisE81,
  BarisTc29,
  Diagnostic,
  HasilE81,
  KolomE81K,
  KolomE81Rp,
  Nilai,
  ProgramE81,
  RataRataE81,
} from './types.js';

type Tingkat = BarisE81['tingkat'];

/** A node of the Renstra tree with its level and children, walked in document order. */
interface Simpul {
  node: SubKegiatan;
  tingkat: Tingkat;
  anak: Simpul[];
}

function pohonProgram(p: Program): Simpul {
  return {
    node: p,
    tingkat: 'program',
    anak: (p.kegiatan ?? []).map((k: Kegiatan) => ({
      node: k,
      tingkat: 'kegiatan' as const,
      anak: (k.sub_kegiatan ?? []).map((s) => ({ node: s, tingkat: 'sub_kegiatan' as const, anak: [] })),
    })),
  };
}

/** Listed when active in the nomenclature, or when the year still reports something for it. */
function tampil(ctx: Konteks, s: Simpul, tahun: number): boolean {
  return s.node.aktif !== false || nodeTahun(dataTahun(ctx, tahun), s.node.kode) !== undefined;
}

function catat(ctx: Konteks, peringatan: Diagnostic[]): Nilai {
  ctx.peringatan.push(...peringatan);
  return null;
}

function capaian(ctx: Konteks, target: Nilai, realisasi: Nilai, ind: Indikator, label: string): Nilai {
  const c = hitungCapaian(target, realisasi, rumusIndikator(ind), label);
  return c.nilai ?? catat(ctx, c.peringatan);
}

function kosong(): Triwulan {
  return [null, null, null, null];
}

/**
 * The quarters an evaluation counts: all four for the (Perubahan) Renja's E.81, the first `sampai`
 * for a quarterly evaluation (the later ones are left out, not zero).
 */
function dalamEvaluasi(tw: Triwulan, ev: OpsiEvaluasi | undefined): Triwulan {
  return ev ? (tw.map((v, i) => (i < ev.sampai ? v : null)) as Triwulan) : ([...tw] as Triwulan);
}

/**
 * Target up to the evaluated quarter from a quarterly plan, combined like the realisations: the
 * sum of the quarters' targets for a cumulative indicator, the level set for the last quarter
 * otherwise. Null when the plan is missing or has an empty quarter in the window.
 */
export function targetSampaiTriwulan(plan: Triwulan | undefined, sampai: number, kumulatif: boolean): Nilai {
  if (!plan) return null;
  const jendela = plan.slice(0, sampai);
  if (jendela.some((v) => v == null)) return null;
  return kumulatif ? jumlahkan(jendela) : (jendela[sampai - 1] ?? null);
}

/** K columns of one indicator of a node. */
function kolomK(ctx: Konteks, ind: Indikator, kode: string, tahun: number, akhirRenstra: number, ev?: EvaluasiBerjalan, pantau: PencatatKosong | undefined = ev): KolomE81K {
  const v: NilaiIndikator | undefined = nilaiIndikator(dataTahun(ctx, tahun), ind.id)?.nilai;
  const tw = dalamEvaluasi(v?.realisasi_triwulan ?? kosong(), ev?.opsi);
  const k5 = targetAkhir(ctx, ind);
  const k6 = realisasiSampai(ctx, ind, tahun - 1);
  const k7 = targetTahun(ctx, ind, tahun).nilai;
  // A quarterly evaluation counts only its quarters; the year's E.81 falls back on the annual
  // realisation when no quarter was reported.
  const k12 = ev ? gabungTriwulan(tw, ind.kumulatif) : gabungTriwulan(v?.realisasi_triwulan, ind.kumulatif) ?? realisasiTahunan(v, ind.kumulatif);
  const k14 = ind.kumulatif ? jumlahkan([k6, k12]) : k12 ?? k6;
  const label = `E.81 ${kode} ${ind.id}`;
  let pembagi = k7;
  // The Renja's E.81 takes an indicator reported only as a year's total from that total: nothing is missing.
  const dariTahunan = !ev && tw.every((x) => x == null) && k12 !== null;
  if (pantau && !dariTahunan) for (let i = 0; i < pantau.sampai; i++) if (tw[i] == null) pantau.catatKosong(i, `${kode} ${ind.id}`);
  if (ev) {
    if (ev.opsi.target === 'triwulan') {
      pembagi = targetSampaiTriwulan(v?.target_triwulan, ev.opsi.sampai, ind.kumulatif);
      if (pembagi === null) ev.tanpaTargetTriwulan.push(`${kode} ${ind.id}`);
      pembagi ??= k7;
    }
  }
  const kolom: KolomE81K = {
    indikator: ind.id,
    nama: ind.nama,
    satuan: ind.satuan,
    kumulatif: ind.kumulatif,
    k5,
    k6,
    k7,
    triwulan: tw,
    k12,
    k13: capaian(ctx, pembagi, k12, ind, `${label} kolom 13 (${tahun}${ev ? ` s.d. triwulan ${ev.opsi.sampai}` : ''})`),
    k14,
    k15: capaian(ctx, k5, k14, ind, `${label} kolom 15 (s.d. ${akhirRenstra})`),
  };
  if (ev?.opsi.target === 'triwulan') kolom.target_evaluasi = pembagi;
  return kolom;
}

type RpDasar = Omit<KolomE81Rp, 'rp13' | 'rp14' | 'rp15'>;

/** Rp columns of a node from its own data (a parent's own values are usually absent). */
function rpSendiri(ctx: Konteks, s: Simpul, tahun: number, ev?: EvaluasiBerjalan): RpDasar {
  const n = nodeTahun(dataTahun(ctx, tahun), s.node.kode);
  const tw = dalamEvaluasi(n?.realisasi_rp_triwulan ?? kosong(), ev?.opsi);
  const rp: RpDasar = {
    rp5: s.node.pagu_renstra ?? null,
    rp6: realisasiRpSampai(ctx, s.node.kode, tahun - 1),
    rp7: n?.pagu ?? null,
    triwulan: tw,
    rp12: jumlahkan(tw),
  };
  if (ev?.opsi.target === 'triwulan') rp.target_evaluasi = targetSampaiTriwulan(n?.anggaran_kas_triwulan, ev.opsi.sampai, true);
  return rp;
}

/** A parent's Rp column is the sum of its children when any child has a value, else its own. */
/**
 * A node's own stored amount wins; otherwise the sum of its children. A parent is stored only where
 * its children are not all in the data (rows lost from the source); where both are complete the
 * validator checks that they agree (LKJ303).
 */
function gabungRp(sendiri: Nilai, anak: readonly Nilai[]): Nilai {
  return sendiri ?? jumlahkan(anak);
}

interface HasilSimpul {
  baris: BarisE81[];
  rp: RpDasar;
}

function hitungSimpul(
  ctx: Konteks,
  s: Simpul,
  tahun: number,
  akhirRenstra: number,
  unit: string | null,
  ev?: EvaluasiBerjalan,
  pantau: PencatatKosong | undefined = ev,
): HasilSimpul {
  const anak = s.anak.filter((a) => tampil(ctx, a, tahun)).map((a) => hitungSimpul(ctx, a, tahun, akhirRenstra, unit, ev, pantau));
  const own = rpSendiri(ctx, s, tahun, ev);
  const rpAnak = anak.map((a) => a.rp);
  let rp: RpDasar = own;
  if (anak.length > 0) {
    rp = {
      rp5: gabungRp(own.rp5, rpAnak.map((r) => r.rp5)),
      rp6: gabungRp(own.rp6, rpAnak.map((r) => r.rp6)),
      rp7: gabungRp(own.rp7, rpAnak.map((r) => r.rp7)),
      triwulan: [0, 1, 2, 3].map((i) => gabungRp(own.triwulan[i] ?? null, rpAnak.map((r) => r.triwulan[i] ?? null))) as Triwulan,
      rp12: null,
    };
    rp.rp12 = jumlahkan(rp.triwulan);
    if (own.target_evaluasi !== undefined) rp.target_evaluasi = gabungRp(own.target_evaluasi, rpAnak.map((r) => r.target_evaluasi ?? null));
  } else if (pantau && (own.rp7 ?? 0) > 0) {
    // A leaf with a budget owes a report for every quarter of the window; one without has none to give.
    for (let i = 0; i < pantau.sampai; i++) if (own.triwulan[i] == null) pantau.catatKosong(i, `${s.node.kode} Rp`);
  }
  const rp14 = jumlahkan([rp.rp6, rp.rp12]);
  const label = `E.81 ${s.node.kode} Rp`;
  let pembagiRp = rp.rp7;
  if (rp.target_evaluasi !== undefined) {
    if (rp.target_evaluasi === null && anak.length === 0 && (rp.rp7 ?? 0) > 0) ev?.tanpaTargetTriwulan.push(`${s.node.kode} Rp`);
    pembagiRp = rp.target_evaluasi ?? rp.rp7;
    rp.target_evaluasi = pembagiRp;
  }
  const rpPenuh: KolomE81Rp = {
    ...rp,
    rp13: persen(rp.rp12, pembagiRp) ?? (pembagiRp === 0 ? catat(ctx, [nolRp(label + ' kolom 13', tahun)]) : null),
    rp14,
    rp15: persen(rp14, rp.rp5),
  };
  const indikator: KolomE81K[] = [];
  for (const id of s.node.indikator ?? []) {
    const ind = ctx.indikator.get(id);
    if (!ind) {
      ctx.peringatan.push(indikatorHilang(id, s.node.kode));
      continue;
    }
    indikator.push(kolomK(ctx, ind, s.node.kode, tahun, akhirRenstra, ev, pantau));
  }
  const baris: BarisE81 = {
    kode: s.node.kode,
    nama: s.node.nama,
    tingkat: s.tingkat,
    unit_penanggung_jawab: unit,
    indikator,
    rp: rpPenuh,
  };
  return { baris: [baris, ...anak.flatMap((a) => a.baris)], rp };
}

function nolRp(label: string, tahun: number): Diagnostic {
  return {
    code: 'CAPAIAN_TARGET_NOL',
    severity: 'warning',
    message: `${label} (${tahun}) tidak dapat dihitung: pagu 0 (pembagian dengan nol).`,
    hint: 'Pagu 0 berarti tidak dianggarkan tahun ini; tabel menampilkan "-".',
  };
}

function rataE81(baris: readonly BarisE81[], opsi: OpsiKinerja): RataRataE81 {
  const k = baris.flatMap((b) => b.indikator);
  const k13 = rataRata(k.map((x) => x.k13)).rata;
  return {
    k13,
    rp13: rataRata(baris.map((b) => b.rp.rp13)).rata,
    k15: rataRata(k.map((x) => x.k15)).rata,
    rp15: rataRata(baris.map((b) => b.rp.rp15)).rata,
    predikat: kategori(k13, opsi.skala, opsi.desimal),
  };
}

/**
 * A quarterly evaluation (`lkjip build <tahun> --triwulan n`, `lkjip rekap --triwulan n`).
 *
 * - Columns 8-11 count only quarters 1..`sampai`; later quarters are left out (not zero), so
 *   column 12 is the realisation up to the end of quarter `sampai` (sum for cumulative indicators
 *   and for rupiah, the latest reported value otherwise) and column 14 = 6 + 12 likewise.
 * - Column 13 (and so the predikat) is measured against the **annual** target of column 7 by
 *   default (`target: 'tahunan'`): a mid-year evaluation then reads as progress towards the year,
 *   e.g. 41 % at quarter II is "Sangat Rendah" on the default scale. With `target: 'triwulan'` it is
 *   measured against the target up to that quarter when the data declares one (`target_triwulan` of
 *   an indicator, `anggaran_kas_triwulan` of a sub kegiatan); where it does not, column 7 is used
 *   and a warning lists the rows.
 * - A quarter of the window with no realisation is not 0: it prints "-" and a warning lists the
 *   rows (indicators, and the rupiah of sub kegiatan with a budget) still to be filled.
 */
export interface OpsiEvaluasi {
  sampai: 1 | 2 | 3 | 4;
  target: 'tahunan' | 'triwulan';
}

/** The rows whose quarters up to `sampai` are still empty, per quarter. */
interface PencatatKosong {
  sampai: number;
  /** Per quarter of the window: the rows with no realisation yet. */
  kosong: string[][];
  catatKosong(triwulan: number, baris: string): void;
}

/** What a quarterly evaluation collects while it walks the tree. */
interface EvaluasiBerjalan extends PencatatKosong {
  opsi: OpsiEvaluasi;
  tanpaTargetTriwulan: string[];
}

function mulaiPencatat(sampai: number): PencatatKosong {
  const kosong: string[][] = Array.from({ length: sampai }, () => []);
  return { sampai, kosong, catatKosong: (i, baris) => kosong[i]?.push(baris) };
}

function mulaiEvaluasi(opsi: OpsiEvaluasi): EvaluasiBerjalan {
  return { ...mulaiPencatat(opsi.sampai), opsi, tanpaTargetTriwulan: [] };
}

const NAMA_TRIWULAN = ['I', 'II', 'III', 'IV'] as const;

function daftarRingkas(baris: readonly string[], paling = 8): string {
  const awal = baris.slice(0, paling).join(', ');
  return baris.length > paling ? `${awal} dan ${baris.length - paling} lainnya` : awal;
}

/**
 * The quarters still empty, the same words for a quarterly evaluation (`--triwulan n`) and for the
 * (Perubahan) Renja's E.81, which is evaluated up to renja.yaml `triwulan_evaluasi`.
 */
function laporKosong(ctx: Konteks, tahun: number, pencatat: PencatatKosong): void {
  pencatat.kosong.forEach((baris, i) => {
    if (baris.length === 0) return;
    ctx.peringatan.push({
      code: 'TRIWULAN_BELUM_DIISI',
      severity: 'warning',
      message:
        `Evaluasi triwulan ${NAMA_TRIWULAN[pencatat.sampai - 1]} ${tahun}: realisasi triwulan ${NAMA_TRIWULAN[i]} belum diisi ` +
        `untuk ${baris.length} baris (${daftarRingkas(baris)}); dicetak "-", tidak dihitung sebagai 0.`,
      hint: `Isi realisasi_triwulan / realisasi_rp_triwulan triwulan ${NAMA_TRIWULAN[i]} di ${tahun}/program.yaml (atau lewat \`lkjip isian\`).`,
    });
  });
}

function laporEvaluasi(ctx: Konteks, tahun: number, ev: EvaluasiBerjalan): void {
  laporKosong(ctx, tahun, ev);
  if (ev.tanpaTargetTriwulan.length > 0) {
    ctx.peringatan.push({
      code: 'TARGET_TRIWULAN_KOSONG',
      severity: 'warning',
      message:
        `Evaluasi triwulan ${NAMA_TRIWULAN[ev.opsi.sampai - 1]} ${tahun} memakai target per triwulan, tetapi ${ev.tanpaTargetTriwulan.length} baris ` +
        `tidak punya target s.d. triwulan itu (${daftarRingkas(ev.tanpaTargetTriwulan)}); untuk baris itu kolom 13 memakai target tahunan (kolom 7).`,
      hint: 'Isi target_triwulan (indikator) dan anggaran_kas_triwulan (sub kegiatan) di program.yaml, atau pakai target_evaluasi: tahunan.',
    });
  }
}

/**
 * Tabel E.81 of a year; null when the year has no program.yaml (nothing to evaluate). Without
 * `evaluasi` every reported quarter counts (the (Perubahan) Renja's E.81); with it, a quarterly
 * evaluation (see OpsiEvaluasi).
 */
export function hitungE81(ctx: Konteks, tahun: number, opsi: OpsiKinerja, evaluasi?: OpsiEvaluasi): HasilE81 | null {
  const dt = dataTahun(ctx, tahun);
  if (!dt?.program) return null;
  const akhirRenstra = ctx.data.strategis?.periode?.akhir ?? tahun;
  const triwulanEvaluasi = evaluasi?.sampai ?? dt.renja?.triwulan_evaluasi ?? null;
  if (!evaluasi && triwulanEvaluasi !== null) periksaTriwulan(ctx, tahun, triwulanEvaluasi);
  const ev = evaluasi ? mulaiEvaluasi(evaluasi) : undefined;
  // The (Perubahan) Renja's E.81 is evaluated up to renja.yaml triwulan_evaluasi: its empty quarters
  // are worth the same warning as a quarterly evaluation's.
  const pantau: PencatatKosong | undefined =
    ev ?? (triwulanEvaluasi !== null && triwulanEvaluasi >= 1 && triwulanEvaluasi <= 4 ? mulaiPencatat(triwulanEvaluasi) : undefined);
  const program: ProgramE81[] = [];
  const dikenal = new Set<string>();
  for (const p of ctx.data.program?.program ?? []) {
    const simpul = pohonProgram(p);
    if (!tampil(ctx, simpul, tahun)) continue;
    const h = hitungSimpul(ctx, simpul, tahun, akhirRenstra, p.unit_penanggung_jawab ?? null, ev, pantau);
    h.baris.forEach((b) => dikenal.add(b.kode));
    program.push({ kode: p.kode, nama: p.nama, baris: h.baris, rata_rata: rataE81(h.baris, opsi) });
  }
  for (const n of dt.program.node ?? []) {
    if (!dikenal.has(n.kode) && !ctx.pohon.has(n.kode)) {
      ctx.peringatan.push({
        code: 'NODE_TIDAK_DI_RENSTRA',
        severity: 'warning',
        message: `Kode ${n.kode} di program.yaml ${tahun} tidak ada di pohon renstra/program.yaml; baris ini tidak masuk Tabel E.81.`,
        hint: 'Tambahkan program/kegiatan/sub kegiatan itu ke renstra/program.yaml atau perbaiki kodenya.',
      });
    }
  }
  if (ev) laporEvaluasi(ctx, tahun, ev);
  else if (pantau) laporKosong(ctx, tahun, pantau);
  const kepala = program.map((p) => p.baris[0]?.rp);
  const rataProgram = program.map((p) => p.rata_rata);
  const k13 = rataRata(rataProgram.map((r) => r.k13)).rata;
  return {
    tahun,
    triwulan_evaluasi: triwulanEvaluasi,
    evaluasi: ev ? { ...ev.opsi, belum_diisi: ev.kosong.map((b) => b.length) } : null,
    tahun_akhir_renstra: akhirRenstra,
    program,
    total: {
      rp5: jumlahkan(kepala.map((r) => r?.rp5 ?? null)),
      rp6: jumlahkan(kepala.map((r) => r?.rp6 ?? null)),
      rp7: jumlahkan(kepala.map((r) => r?.rp7 ?? null)),
      rp12: jumlahkan(kepala.map((r) => r?.rp12 ?? null)),
      rp14: jumlahkan(kepala.map((r) => r?.rp14 ?? null)),
      rata_rata: {
        k13,
        rp13: rataRata(rataProgram.map((r) => r.rp13)).rata,
        k15: rataRata(rataProgram.map((r) => r.k15)).rata,
        rp15: rataRata(rataProgram.map((r) => r.rp15)).rata,
        predikat: kategori(k13, opsi.skala, opsi.desimal),
      },
    },
  };
}

/** A quarter after the one evaluated should be empty; a value there is most likely misplaced. */
function periksaTriwulan(ctx: Konteks, tahun: number, sampai: number): void {
  for (const n of dataTahun(ctx, tahun)?.program?.node ?? []) {
    const isi = (tw: Triwulan | undefined) => (tw ?? []).some((v, i) => i >= sampai && v != null);
    const ind = (n.indikator ?? []).filter((v) => isi(v.realisasi_triwulan)).map((v) => v.id);
    if (isi(n.realisasi_rp_triwulan) || ind.length > 0) {
      ctx.peringatan.push({
        code: 'TRIWULAN_SETELAH_EVALUASI',
        severity: 'warning',
        message: `${n.kode} (${tahun}) berisi realisasi setelah triwulan ${sampai}${ind.length ? ` (${ind.join(', ')})` : ''}; Renja dievaluasi s.d. triwulan ${sampai}.`,
        hint: 'Pindahkan nilai ke triwulan yang benar atau ubah triwulan_evaluasi di renja.yaml.',
      });
    }
  }
}

/** Tabel TC-29 of a year: one row per indicator of every program/kegiatan/sub kegiatan. */
export function hitungTc29(ctx: Konteks, tahun: number): BarisTc29[] | null {
  if (!dataTahun(ctx, tahun)?.program) return null;
  // Without the previous year's files column 8 is empty on every row: say so once, not per row.
  const adaTahunLalu = dataTahun(ctx, tahun - 1) !== undefined;
  if (!adaTahunLalu) {
    ctx.peringatan.push({
      code: 'TC29_TAHUN_LALU_KOSONG',
      severity: 'info',
      message: `TC-29 ${tahun}: tidak ada data tahun ${tahun - 1}; kolom 7 dan 8 kosong.`,
      hint: `Tambahkan data/${tahun - 1}/program.yaml untuk mengisi realisasi tahun lalu.`,
    });
  }
  const baris: BarisTc29[] = [];
  const jalan = (s: Simpul) => {
    if (!tampil(ctx, s, tahun)) return;
    for (const id of s.node.indikator ?? []) {
      const ind = ctx.indikator.get(id);
      if (!ind) continue; // reported once by E.81
      const k4 = targetAkhir(ctx, ind);
      const k5 = realisasiSampai(ctx, ind, tahun - 2);
      const k6 = targetTahun(ctx, ind, tahun - 1).nilai;
      const k7 = realisasiTahun(ctx, ind, tahun - 1);
      const k9 = targetTahun(ctx, ind, tahun).nilai;
      // "Perkiraan": the running year is assumed to reach its target.
      const k10 = ind.kumulatif ? jumlahkan([k5, k7, k9]) : k9 ?? k7 ?? k5;
      const label = `TC-29 ${s.node.kode} ${ind.id}`;
      baris.push({
        kode: s.node.kode,
        nama: s.node.nama,
        tingkat: s.tingkat,
        indikator: ind.id,
        nama_indikator: ind.nama,
        satuan: ind.satuan,
        kumulatif: ind.kumulatif,
        k4,
        k5,
        k6,
        k7,
        k8: adaTahunLalu
          ? capaian(ctx, k6, k7, ind, `${label} kolom 8 (${tahun - 1})`)
          : hitungCapaian(k6, k7, rumusIndikator(ind)).nilai,
        k9,
        k10,
        k11: capaian(ctx, k4, k10, ind, `${label} kolom 11`),
      });
    }
    s.anak.forEach(jalan);
  };
  (ctx.data.program?.program ?? []).map(pohonProgram).forEach(jalan);
  return baris;
}
