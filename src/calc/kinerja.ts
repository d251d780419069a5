/**
 * LKJIP Bab III: capaian of every indicator of a year (Tabel III.1, 3.1.a, 3.1.3.a.1/2, 3.1.3.b),
 * the averages, and the money per sasaran (Tabel 3.2.a, 3.2.b, 3.3.a).
 */
import type { BatasKategori, Indikator, PkVersi, Polaritas } from '../model/types.js';
import { hitungCapaian, kategori, predikat, rataRata, rumusIndikator } from './capaian.js';
import { jumlahkan, kurangi } from './angka.js';
import { ringkasAnggaran } from './anggaran.js';
import {
  dataTahun,
  lraTahun,
  nilaiIndikator,
  realisasiSampai,
  realisasiTahun,
  targetAkhir,
  targetPkTahun,
  targetTahun,
  type Konteks,
} from './sumber.js';
import type {
  AnggaranProgram,
  Arah,
  BarisKinerja,
  Diagnostic,
  HasilSasaran,
  HasilTahun,
  Nilai,
  RataRata,
  RingkasAnggaran,
  TitikRiwayat,
} from './types.js';

export interface OpsiKinerja {
  skala: readonly BatasKategori[];
  /** Decimals the percentages are printed with; categories are decided on the printed value. */
  desimal: number;
}

/**
 * Year-over-year change in the indicator's own unit (points for a percentage).
 * `membaik` reads the direction through the polarity: a fall of a rendah_baik value is good news.
 */
export function bandingkanTahunan(
  sekarang: Nilai | undefined,
  lalu: Nilai | undefined,
  polaritas: Polaritas,
): { selisih: Nilai; arah: Arah | null; membaik: boolean | null } {
  if (sekarang == null || lalu == null) return { selisih: null, arah: null, membaik: null };
  const selisih = kurangi(sekarang, lalu) ?? 0;
  const arah: Arah = selisih > 0 ? 'naik' : selisih < 0 ? 'turun' : 'tetap';
  const membaik = arah === 'tetap' ? null : (arah === 'naik') === (polaritas === 'tinggi_baik');
  return { selisih, arah, membaik };
}

/**
 * "Tingkat kemajuan" (Tabel 3.1.3.b): the capaian of the year's realisation against the
 * end-of-Renstra target, with the indicator's own formula; 100 = end target reached.
 */
export function hitungKemajuan(ind: Pick<Indikator, 'polaritas' | 'rumus_capaian'>, realisasi: Nilai, targetAkhirRenstra: Nilai): Nilai {
  return hitungCapaian(targetAkhirRenstra, realisasi, rumusIndikator(ind)).nilai;
}

/** Where an indicator hangs in the Renstra: its sasaran and tujuan. */
function letak(ctx: Konteks, id: string): { sasaran: string | null; tujuan: string | null } {
  const s = ctx.data.strategis;
  const sasaran = s?.sasaran?.find((x) => x.indikator?.includes(id));
  const tujuanLangsung = s?.tujuan?.find((t) => t.indikator?.includes(id));
  return { sasaran: sasaran?.id ?? null, tujuan: tujuanLangsung?.id ?? sasaran?.tujuan ?? null };
}

/** All the LKJIP figures of one indicator in one year. */
export function barisKinerja(
  ctx: Konteks,
  ind: Indikator,
  tahun: number,
  opsi: OpsiKinerja,
  program: string | null = null,
): BarisKinerja {
  const rumus = rumusIndikator(ind);
  const target = targetTahun(ctx, ind, tahun);
  const nilai = nilaiIndikator(dataTahun(ctx, tahun), ind.id)?.nilai;
  const realisasi = realisasiTahun(ctx, ind, tahun);
  const pk = targetPkTahun(ctx, ind.id, tahun);
  const label = `${ind.id} (${tahun})`;
  const cap = hitungCapaian(target.nilai, realisasi, rumus, label);
  // A value the data marks as pending ("Proses di BKSDM") is known, not forgotten.
  for (const d of cap.peringatan) {
    ctx.peringatan.push(nilai?.keterangan && d.code === 'CAPAIAN_REALISASI_KOSONG' ? { ...d, severity: 'info' } : d);
  }
  const lalu = realisasiTahun(ctx, ind, tahun - 1);
  const banding = bandingkanTahunan(realisasi, lalu, ind.polaritas);
  const akhir = targetAkhir(ctx, ind);
  // Against the end-of-Renstra target a cumulative count is what was reached up to this year (the
  // sum of the years), not this year's share; other indicators compare the latest value.
  const sampai = ind.kumulatif ? realisasiSampai(ctx, ind, tahun) : realisasi;
  const riwayat: TitikRiwayat[] = [tahun - 2, tahun - 1, tahun].map((t) => {
    const tt = t === tahun ? target.nilai : targetTahun(ctx, ind, t).nilai;
    const rr = t === tahun ? realisasi : realisasiTahun(ctx, ind, t);
    return { tahun: t, target: tt, realisasi: rr, capaian: hitungCapaian(tt, rr, rumus).nilai };
  });
  const { sasaran, tujuan } = letak(ctx, ind.id);
  return {
    id: ind.id,
    nama: ind.nama,
    jenis: ind.jenis,
    satuan: ind.satuan,
    polaritas: ind.polaritas,
    kumulatif: ind.kumulatif,
    rumus,
    sasaran,
    tujuan,
    program,
    target: target.nilai,
    sumber_target: target.sumber,
    target_pk_apbd: pk.apbd,
    target_pk_papbd: pk.papbd,
    realisasi,
    keterangan: nilai?.keterangan ?? null,
    capaian: cap.nilai,
    kategori: kategori(cap.nilai, opsi.skala, opsi.desimal),
    predikat_target: predikat(target.nilai, ind.predikat, opsi.desimal),
    predikat_realisasi: predikat(realisasi, ind.predikat, opsi.desimal),
    realisasi_tahun_lalu: lalu,
    selisih_tahun_lalu: banding.selisih,
    arah: banding.arah,
    membaik: banding.membaik,
    target_akhir: akhir,
    selisih_target_akhir: kurangi(sampai, akhir),
    kemajuan: hitungKemajuan(ind, sampai, akhir),
    riwayat,
  };
}

function rata(baris: readonly BarisKinerja[], opsi: OpsiKinerja): RataRata {
  const { rata: r, jumlah } = rataRata(baris.map((b) => b.capaian));
  return { capaian: r, kategori: kategori(r, opsi.skala, opsi.desimal), jumlah };
}

/** Tujuan, IKU, kinerja lainnya and program-level indicators of a year, with the averages. */
export function hitungKinerja(ctx: Konteks, tahun: number, opsi: OpsiKinerja): HasilTahun['kinerja'] {
  const strategis = ctx.data.strategis?.indikator ?? [];
  const per = (jenis: Indikator['jenis']) =>
    strategis.filter((i) => i.jenis === jenis).map((i) => barisKinerja(ctx, i, tahun, opsi));
  const tujuan = per('tujuan');
  const iku = per('iku');
  const lainnya = per('kinerja_lainnya');
  const program: BarisKinerja[] = [];
  for (const p of ctx.data.program?.program ?? []) {
    if (p.aktif === false) continue;
    for (const id of p.indikator ?? []) {
      const ind = ctx.indikator.get(id);
      if (ind) program.push(barisKinerja(ctx, ind, tahun, opsi, p.kode));
      else ctx.peringatan.push(indikatorHilang(id, p.kode));
    }
  }
  return {
    tujuan,
    iku,
    lainnya,
    program,
    rata_rata: { iku: rata(iku, opsi), lainnya: rata(lainnya, opsi), semua: rata([...iku, ...lainnya], opsi) },
  };
}

export function indikatorHilang(id: string, kode: string): Diagnostic {
  return {
    code: 'INDIKATOR_TIDAK_DIKENAL',
    severity: 'warning',
    message: `Indikator ${id} pada ${kode} tidak didefinisikan di renstra/program.yaml atau strategis.yaml.`,
    hint: 'Tambahkan definisinya di daftar `indikator` atau perbaiki id-nya.',
  };
}

/** PK budget lines keyed by program kode (a line may name the program instead of its kode). */
function anggaranPk(ctx: Konteks, versi: PkVersi | undefined): Map<string, number> {
  const peta = new Map<string, number>();
  for (const a of versi?.anggaran ?? []) {
    const kode = ctx.pohon.has(a.program)
      ? a.program
      : [...ctx.pohon.entries()].find(
          ([, info]) => info.tingkat === 'program' && info.nama.trim().toLowerCase() === a.program.trim().toLowerCase(),
        )?.[0] ?? a.program;
    peta.set(kode, (peta.get(kode) ?? 0) + a.anggaran);
  }
  return peta;
}

/**
 * Money per program of a year: the LRA when the year has one (anggaran P-APBD and realisation),
 * else the PK P-APBD (or APBD) budget without realisation.
 */
export function sumberAnggaran(
  ctx: Konteks,
  tahun: number,
): { program: (kode: string) => { anggaran: Nilai; realisasi: Nilai } | null; opd: RingkasAnggaran } {
  const lra = lraTahun(ctx, tahun);
  if (lra) {
    const total = lra.total.anggaran;
    return {
      program: (kode) => {
        const b = lra.baris.find((x) => x.kode === kode);
        return b ? { anggaran: b.anggaran, realisasi: b.realisasi } : null;
      },
      opd: { ...ringkasAnggaran(total, lra.total.realisasi, total, 'lra') },
    };
  }
  const pk = dataTahun(ctx, tahun)?.pk;
  const versi = pk?.papbd?.anggaran?.length ? pk.papbd : pk?.apbd;
  const sumber = versi === undefined ? null : versi === pk?.papbd ? 'pk_papbd' : 'pk_apbd';
  const peta = anggaranPk(ctx, versi);
  const total = jumlahkan([...peta.values()]);
  return {
    program: (kode) => (peta.has(kode) ? { anggaran: peta.get(kode) ?? null, realisasi: null } : null),
    opd: ringkasAnggaran(total, null, total, sumber),
  };
}

/** Tabel 3.2.a / 3.2.b / 3.3.a: each sasaran with its indicators and its programs' money. */
export function hitungSasaran(
  ctx: Konteks,
  tahun: number,
  kinerja: HasilTahun['kinerja'],
): { sasaran: HasilSasaran[]; opd: RingkasAnggaran } {
  const uang = sumberAnggaran(ctx, tahun);
  const total = uang.opd.anggaran;
  const semua = [...kinerja.tujuan, ...kinerja.iku, ...kinerja.lainnya];
  const sasaran = (ctx.data.strategis?.sasaran ?? []).map((s): HasilSasaran => {
    const program: AnggaranProgram[] = (s.program ?? []).map((kode) => {
      const u = uang.program(kode);
      if (!u && uang.opd.sumber !== null) {
        ctx.peringatan.push({
          code: 'SASARAN_PROGRAM_TANPA_ANGGARAN',
          severity: 'warning',
          message: `Program ${kode} (sasaran ${s.id}) tidak ada di ${uang.opd.sumber === 'lra' ? 'LRA' : 'PK'} ${tahun}.`,
          hint: 'Periksa kode program di strategis.yaml (sasaran.program) dan di lra.yaml.',
        });
      }
      return {
        kode,
        nama: ctx.pohon.get(kode)?.nama ?? null,
        ...ringkasAnggaran(u?.anggaran ?? null, u?.realisasi ?? null, total, u ? uang.opd.sumber : null),
      };
    });
    // A sasaran without programs has no money of its own: 0, as the source prints it.
    const anggaran = program.length === 0 ? 0 : jumlahkan(program.map((p) => p.anggaran));
    const realisasi =
      program.length === 0 ? (uang.opd.sumber === 'lra' ? 0 : null) : jumlahkan(program.map((p) => p.realisasi));
    return {
      id: s.id,
      uraian: s.uraian,
      jenis: s.jenis,
      tujuan: s.tujuan ?? null,
      indikator: (s.indikator ?? [])
        .map((id) => semua.find((b) => b.id === id))
        .filter((b): b is BarisKinerja => b !== undefined),
      program,
      anggaran: ringkasAnggaran(anggaran, realisasi, total, uang.opd.sumber),
    };
  });
  return { sasaran, opd: uang.opd };
}
