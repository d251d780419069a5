/**
 * Builds the fill-in workbook of a year from the data: which sheets, which rows, and for every
 * input cell the place in a data file its value lives. Every base value a year holds has a cell:
 *
 * - Indikator: tujuan / IKU / kinerja lainnya (kinerja.yaml), their Renstra target of the year
 *   (renstra/strategis.yaml), PK APBD and P-APBD targets (pk.yaml), polaritas (Renstra).
 * - Program: pagu and realised Rupiah per quarter of every program, kegiatan and sub kegiatan
 *   (program.yaml; Rupiah on parents only where the data keeps them there).
 * - Indikator Program: target, realisation per quarter and of the year of the program tree's
 *   indicators (program.yaml), their Renstra target and polaritas (renstra/program.yaml).
 * - Anggaran PK: program budgets of the PK APBD and P-APBD (pk.yaml).
 * - LRA: the LRA columns 3-7 and 13 per program / kegiatan / sub kegiatan (lra.yaml).
 * - Konteks: every value of konteks.yaml the schema knows, found by walking the schema.
 * - Pembanding: the comparison values of Tabel 3.1.3.c (lkjip.yaml).
 * - TC-30, TC-31 (both sides), Tabel 4.1: the Renja forms' numbers (renja.yaml).
 * - Umum: single values (triwulan evaluasi, LRA months, sumber data lines).
 *
 * Rows come from the Renstra (every indicator, every node of the program tree) and from what the
 * files hold, so an empty year made by `lkjip init` gets every cell to fill. Derived values are
 * never inputs; a few are read-only formulas (target berlaku, capaian, kategori, LRA totals) with
 * the calculator's value cached. Nothing here is specific to one agency.
 */
import { hitungTahun, rumusIndikator, type BarisKinerja, type HasilTahun } from '../calc/index.js';
import type { Loaded } from '../load/load-data.js';
import type { JenisBerkas } from '../load/kinds.js';
import type { DataSet, Indikator, Program, SubKegiatan } from '../model/types.js';
import { rumusCapaian, rumusJumlah, rumusKategori, rumusPersen } from '../render/workbook-rumus.js';
import { ambilNilai, isObj, type Jalur, type Pilih } from './jalur.js';
import type { BarisIsian, BukuIsian, KolomIsian, LembarIsian, Medan, NilaiSel, SelIsian } from './model.js';
import { keteranganDi, skemaBerkas, skemaDi, tipeDi } from './skema.js';

const RUPIAH = '#,##0';
const ANGKA = 'General';
const PERSEN = '#,##0.00';

export type Tingkat = 'program' | 'kegiatan' | 'sub_kegiatan';

export interface NodePohon {
  node: SubKegiatan;
  tingkat: Tingkat;
  /** true when it has no kegiatan / sub kegiatan under it. */
  daun: boolean;
}

/** Every node of the Renstra program tree, in order. */
export function pohonProgram(ds: DataSet): NodePohon[] {
  const out: NodePohon[] = [];
  for (const p of ds.program.program ?? []) {
    out.push({ node: p, tingkat: 'program', daun: ((p as Program).kegiatan ?? []).length === 0 });
    for (const k of (p as Program).kegiatan ?? []) {
      out.push({ node: k, tingkat: 'kegiatan', daun: (k.sub_kegiatan ?? []).length === 0 });
      for (const s of k.sub_kegiatan ?? []) out.push({ node: s, tingkat: 'sub_kegiatan', daun: true });
    }
  }
  return out;
}

const NAMA_TINGKAT: Record<Tingkat, string> = { program: 'Program', kegiatan: 'Kegiatan', sub_kegiatan: 'Sub Kegiatan' };
const INDENT: Record<Tingkat, number> = { program: 0, kegiatan: 1, sub_kegiatan: 2 };
const NAMA_JENIS: Record<string, string> = { tujuan: 'Tujuan', iku: 'IKU', kinerja_lainnya: 'Kinerja lainnya' };

/** Reads the data files as written and binds cells to places in them. */
class Sumber {
  private readonly nilai = new Map<string, unknown>();

  constructor(readonly loaded: Loaded) {
    for (const f of loaded.files.values()) if (f.ok) this.nilai.set(f.relatif, f.value);
  }

  ambil(berkas: string, jalur: Jalur): unknown {
    return ambilNilai(this.nilai.get(berkas), jalur);
  }

  ada(berkas: string, jalur: Jalur): boolean {
    const v = this.ambil(berkas, jalur);
    return v !== undefined && v !== null;
  }

  /** The input binding of a place; throws when the schema has no scalar there (a bug in a sheet). */
  medan(berkas: string, jenis: JenisBerkas, jalur: Jalur): Medan {
    const tipe = tipeDi(skemaBerkas(jenis), jalur);
    if (!tipe) throw new Error(`isian: skema ${jenis} tidak punya nilai di ${JSON.stringify(jalur)}`);
    const v = this.ambil(berkas, jalur);
    const nilai: NilaiSel = v === undefined || v === null || ['number', 'string', 'boolean'].includes(typeof v) ? (v as NilaiSel) : undefined;
    return { berkas, jenis, jalur, tipe, nilai };
  }
}

const pilih = (kunci: string, nilai: string, urutan: readonly string[] = []): Pilih => ({ kunci, nilai, urutan });
const input = (medan: Medan): SelIsian => ({ medan });
const info = (nilai: NilaiSel): SelIsian => ({ nilai });

function kolom(kunci: string, judul: string, lebar: number, peran: KolomIsian['peran'], keterangan?: string, format?: string): KolomIsian {
  const k: KolomIsian = { kunci, judul, lebar, peran };
  if (keterangan) k.keterangan = keterangan;
  if (format) k.format = format;
  return k;
}

const TW = ['I', 'II', 'III', 'IV'] as const;
const kolomTw = (awalan: string, judul: (r: string) => string, format: string, keterangan: string): KolomIsian[] =>
  TW.map((r, i) => kolom(`${awalan}${i + 1}`, judul(r), 12, 'isian', i === 0 ? keterangan : undefined, format));

/** Builds the workbook model of a year. `loaded` must have passed validation (no errors). */
export function susunBukuIsian(loaded: Loaded, tahun: number): BukuIsian {
  const ds = loaded.dataSet;
  if (!ds) throw new Error('susunBukuIsian: data dasar belum lengkap');
  const src = new Sumber(loaded);
  const hasil = hitungTahun(ds, tahun);
  const pohon = pohonProgram(ds);
  const lembar = [
    lembarIndikator(ds, src, tahun, hasil),
    lembarProgram(src, tahun, pohon, pakaiRencanaTriwulan(ds, src, tahun)),
    lembarIndikatorProgram(ds, src, tahun, pohon, pakaiRencanaTriwulan(ds, src, tahun)),
    lembarAnggaranPk(src, tahun, pohon),
    lembarLra(src, tahun, pohon, hasil),
    lembarKonteks(src, tahun),
    lembarPembanding(ds, src, tahun),
    lembarTc30(ds, src, tahun),
    lembarTc31(ds, src, tahun, pohon),
    lembarMatriks(ds, src, tahun, pohon),
    lembarUmum(src, tahun),
  ].filter((l) => l.baris.length > 0);
  return { tahun, opd: ds.opd.nama_lengkap, lembar };
}

// ---------------------------------------------------------------------------------------------

function lembarIndikator(ds: DataSet, src: Sumber, tahun: number, hasil: HasilTahun): LembarIsian {
  const K = `${tahun}/kinerja.yaml`;
  const P = `${tahun}/pk.yaml`;
  const S = 'renstra/strategis.yaml';
  const daftar = (ds.strategis.indikator ?? []).filter((i) => ['tujuan', 'iku', 'kinerja_lainnya'].includes(i.jenis));
  const urutan = daftar.map((i) => i.id);
  const urutanPk = daftar.filter((i) => i.jenis !== 'tujuan').map((i) => i.id);
  const perId = new Map<string, BarisKinerja>();
  for (const b of [...hasil.kinerja.tujuan, ...hasil.kinerja.iku, ...hasil.kinerja.lainnya]) perId.set(b.id, b);
  const pI = (id: string): Pilih => pilih('id', id, urutan);
  const adaKhusus = daftar.some((i) => src.ada(K, ['indikator', pI(i.id), 'target']));
  const adaSdLalu = daftar.some((i) => i.kumulatif || src.ada(K, ['indikator', pI(i.id), 'realisasi_sd_tahun_lalu']));

  const kol: KolomIsian[] = [
    kolom('id', 'id', 10, 'id'),
    kolom('jenis', 'jenis', 13, 'info'),
    kolom('uraian', 'indikator', 48, 'info'),
    kolom('satuan', 'satuan', 10, 'info'),
    kolom('polaritas', 'polaritas', 13, 'isian', 'tinggi_baik: makin tinggi makin baik; rendah_baik: makin rendah makin baik (berlaku untuk semua tahun, renstra/strategis.yaml)'),
    kolom('target_renstra', `target Renstra ${tahun}`, 12, 'isian', `target tahun ${tahun} di Renstra (renstra/strategis.yaml)`, ANGKA),
    kolom('target_apbd', 'target PK APBD', 12, 'isian', 'target Perjanjian Kinerja awal (pk.yaml, apbd)', ANGKA),
    kolom('target_papbd', 'target PK P-APBD', 12, 'isian', 'target Perjanjian Kinerja Perubahan (pk.yaml, papbd); kosongkan bila tidak ada PK Perubahan', ANGKA),
  ];
  if (adaKhusus) kol.push(kolom('target_khusus', 'target khusus', 12, 'isian', 'target tahun ini bila bukan dari PK/Renstra (kinerja.yaml); biasanya kosong', ANGKA));
  kol.push(
    kolom('target', 'target berlaku', 12, 'rumus', 'P-APBD, lalu APBD, lalu Renstra (dihitung)', ANGKA),
    kolom('realisasi', 'realisasi', 12, 'isian', 'realisasi tahunan; kosong = belum tersedia', ANGKA),
    ...kolomTw('tw', (r) => `realisasi TW ${r}`, ANGKA, 'realisasi per triwulan; kosong = belum dilaporkan (bukan 0)'),
  );
  if (adaSdLalu) kol.push(kolom('sd_lalu', 's/d tahun lalu', 12, 'isian', 'realisasi kumulatif s/d akhir tahun lalu, hanya indikator kumulatif tanpa data tahun-tahun sebelumnya', ANGKA));
  kol.push(
    kolom('keterangan', 'keterangan', 24, 'isian', 'mis. "Proses di BKSDM" bila realisasi belum ada'),
    kolom('capaian', 'capaian (%)', 11, 'rumus', 'dihitung', PERSEN),
    kolom('kategori', 'kategori', 14, 'rumus', 'dihitung dari skala penilaian'),
  );

  const baris: BarisIsian[] = daftar.map((ind) => {
    const b = perId.get(ind.id);
    const jalur = (...rest: (string | number)[]): Jalur => ['indikator', pI(ind.id), ...rest];
    const pk = (versi: 'apbd' | 'papbd'): SelIsian => {
      const j: Jalur = [versi, 'target', pilih('indikator', ind.id, urutanPk), 'target'];
      return ind.jenis !== 'tujuan' || src.ada(P, j) ? input(src.medan(P, 'pk', j)) : {};
    };
    const sel: Record<string, SelIsian> = {
      id: info(ind.id),
      jenis: info(NAMA_JENIS[ind.jenis] ?? ind.jenis),
      uraian: info(ind.nama),
      satuan: info(ind.satuan),
      polaritas: input(src.medan(S, 'strategis', ['indikator', pilih('id', ind.id), 'polaritas'])),
      target_renstra: input(src.medan(S, 'strategis', ['indikator', pilih('id', ind.id), 'target', String(tahun)])),
      target_apbd: pk('apbd'),
      target_papbd: pk('papbd'),
      realisasi: input(src.medan(K, 'kinerja', jalur('realisasi'))),
      keterangan: input(src.medan(K, 'kinerja', jalur('keterangan'))),
    };
    if (adaKhusus) sel.target_khusus = input(src.medan(K, 'kinerja', jalur('target')));
    TW.forEach((_, i) => (sel[`tw${i + 1}`] = input(src.medan(K, 'kinerja', jalur('realisasi_triwulan', i)))));
    if (adaSdLalu && (ind.kumulatif || src.ada(K, jalur('realisasi_sd_tahun_lalu')))) {
      sel.sd_lalu = input(src.medan(K, 'kinerja', jalur('realisasi_sd_tahun_lalu')));
    }
    sel.target = {
      rumus: {
        f: (ref) => {
          let f = `IF(ISNUMBER(${ref('target_renstra')}),${ref('target_renstra')},"")`;
          f = `IF(ISNUMBER(${ref('target_apbd')}),${ref('target_apbd')},${f})`;
          f = `IF(ISNUMBER(${ref('target_papbd')}),${ref('target_papbd')},${f})`;
          return adaKhusus ? `IF(ISNUMBER(${ref('target_khusus')}),${ref('target_khusus')},${f})` : f;
        },
        hasil: b?.target ?? null,
      },
    };
    // The year's realisation as the calculator takes it: the annual value, else the four quarters.
    const realisasi = (ref: (k: string) => string): string => {
      const tw = [1, 2, 3, 4].map((i) => ref(`tw${i}`)).join(',');
      const gabung = ind.kumulatif ? `SUM(${tw})` : ref('tw4');
      return `IF(ISNUMBER(${ref('realisasi')}),${ref('realisasi')},IF(COUNT(${tw})=4,${gabung},""))`;
    };
    sel.capaian = { rumus: { f: (ref) => rumusCapaian(rumusIndikator(ind), ref('target'), realisasi(ref)), hasil: b?.capaian ?? null } };
    sel.kategori = { rumus: { f: (ref) => rumusKategori(ref('capaian'), hasil.skala, hasil.desimal_persen), hasil: b?.kategori ?? null } };
    return { id: ind.id, sel };
  });
  return {
    nama: 'Indikator',
    tabel: 'tblIndikator',
    ringkas: `Indikator tujuan, IKU dan kinerja lainnya: target Renstra dan PK, realisasi tahunan dan per triwulan ${tahun}.`,
    kolom: kol,
    baris,
  };
}

/**
 * Quarterly plans (anggaran kas, target per triwulan) are asked for only where the agency measures
 * its quarterly evaluations against them (`pengaturan.target_evaluasi: triwulan`) or already keeps
 * them: most agencies measure against the annual target and need no such columns.
 */
function pakaiRencanaTriwulan(ds: DataSet, src: Sumber, tahun: number): boolean {
  if (ds.opd.pengaturan?.target_evaluasi === 'triwulan') return true;
  const node = src.ambil(`${tahun}/program.yaml`, ['node']);
  return (
    Array.isArray(node) &&
    node.some(
      (n) =>
        isObj(n) &&
        (n.anggaran_kas_triwulan !== undefined || (Array.isArray(n.indikator) && n.indikator.some((v) => isObj(v) && v.target_triwulan !== undefined))),
    )
  );
}

function lembarProgram(src: Sumber, tahun: number, pohon: NodePohon[], rencana: boolean): LembarIsian {
  const G = `${tahun}/program.yaml`;
  const urutan = pohon.map((n) => n.node.kode);
  const kol: KolomIsian[] = [
    kolom('kode', 'kode', 20, 'id'),
    kolom('tingkat', 'tingkat', 13, 'info'),
    kolom('uraian', 'program / kegiatan / sub kegiatan', 52, 'info'),
    kolom('pagu', 'pagu APBD (Rp)', 16, 'isian', 'pagu APBD murni sub kegiatan; program dan kegiatan dihitung dari anaknya', RUPIAH),
    ...kolomTw('rp_tw', (r) => `realisasi Rp TW ${r}`, RUPIAH, 'realisasi anggaran per triwulan (E.81 kol. 8-11 Rp); kosong = belum dilaporkan'),
    kolom('rp_sd_lalu', 'realisasi Rp s/d tahun lalu', 18, 'isian', 'realisasi anggaran kumulatif s/d akhir tahun lalu (E.81 kol. 6 Rp)', RUPIAH),
  ];
  if (rencana) kol.push(...kolomTw('kas_tw', (r) => `anggaran kas TW ${r}`, RUPIAH, 'rencana anggaran (anggaran kas) per triwulan: pembanding evaluasi triwulanan bila target_evaluasi = triwulan'));
  const baris = pohon.map(({ node, tingkat, daun }) => {
    const pN = pilih('kode', node.kode, urutan);
    // Rupiah live on sub kegiatan; a parent keeps its own only where the data already does (a
    // printed parent value whose children are missing from the source).
    const bisa = (kunci: string): boolean => daun || src.ada(G, ['node', pN, kunci]);
    const sel: Record<string, SelIsian> = {
      kode: info(node.kode),
      tingkat: info(NAMA_TINGKAT[tingkat] + (node.aktif === false ? ' (tidak aktif)' : '')),
      uraian: info(node.nama),
    };
    if (bisa('pagu')) sel.pagu = input(src.medan(G, 'program-tahun', ['node', pN, 'pagu']));
    if (bisa('realisasi_rp_triwulan')) TW.forEach((_, i) => (sel[`rp_tw${i + 1}`] = input(src.medan(G, 'program-tahun', ['node', pN, 'realisasi_rp_triwulan', i]))));
    if (bisa('realisasi_rp_sd_tahun_lalu')) sel.rp_sd_lalu = input(src.medan(G, 'program-tahun', ['node', pN, 'realisasi_rp_sd_tahun_lalu']));
    if (rencana && bisa('anggaran_kas_triwulan')) TW.forEach((_, i) => (sel[`kas_tw${i + 1}`] = input(src.medan(G, 'program-tahun', ['node', pN, 'anggaran_kas_triwulan', i]))));
    return { id: node.kode, sel, indent: INDENT[tingkat], tebal: tingkat === 'program' };
  });
  return {
    nama: 'Program',
    tabel: 'tblProgram',
    ringkas: `Pagu APBD dan realisasi Rupiah per triwulan ${tahun} setiap program, kegiatan dan sub kegiatan (E.81).`,
    kolom: kol,
    baris,
  };
}

function lembarIndikatorProgram(ds: DataSet, src: Sumber, tahun: number, pohon: NodePohon[], rencana: boolean): LembarIsian {
  const G = `${tahun}/program.yaml`;
  const R = 'renstra/program.yaml';
  const definisi = new Map<string, Indikator>((ds.program.indikator ?? []).map((i) => [i.id, i]));
  const urutan = pohon.map((n) => n.node.kode);
  const pasangan = pohon.flatMap((n) => (n.node.indikator ?? []).map((id) => ({ n, id })));
  const hitung = new Map<string, number>();
  for (const { id } of pasangan) hitung.set(id, (hitung.get(id) ?? 0) + 1);
  const adaSdLalu = pasangan.some(({ n, id }) => definisi.get(id)?.kumulatif || src.ada(G, ['node', pilih('kode', n.node.kode), 'indikator', pilih('id', id), 'realisasi_sd_tahun_lalu']));
  const kol: KolomIsian[] = [
    kolom('id', 'id', 24, 'id'),
    kolom('kode', 'kode', 20, 'info'),
    kolom('uraian', 'indikator', 48, 'info'),
    kolom('satuan', 'satuan', 10, 'info'),
    kolom('polaritas', 'polaritas', 13, 'isian', 'berlaku untuk semua tahun (renstra/program.yaml)'),
    kolom('target_renstra', `target Renstra ${tahun}`, 12, 'isian', `target tahun ${tahun} di Renstra (TC-29 kol. 4)`, ANGKA),
    kolom('target', `target ${tahun}`, 12, 'isian', 'target Renja/RKPD tahun ini (E.81 kol. 7 K)', ANGKA),
    ...kolomTw('tw', (r) => `realisasi TW ${r}`, ANGKA, 'realisasi kinerja per triwulan (E.81 kol. 8-11 K); kosong = belum dilaporkan'),
    kolom('realisasi', 'realisasi tahunan', 12, 'isian', 'realisasi tahunan bila dilaporkan tersendiri (indikator program: Tabel 3.1.3.a.2)', ANGKA),
  ];
  if (adaSdLalu) kol.push(kolom('sd_lalu', 's/d tahun lalu', 12, 'isian', 'realisasi kumulatif s/d akhir tahun lalu (E.81 kol. 6 K), hanya indikator kumulatif', ANGKA));
  if (rencana) kol.push(...kolomTw('target_tw', (r) => `target TW ${r}`, ANGKA, 'target per triwulan: pembanding evaluasi triwulanan bila target_evaluasi = triwulan (dijumlah untuk indikator kumulatif)'));
  kol.push(kolom('keterangan', 'keterangan', 20, 'isian'));
  const baris = pasangan.map(({ n, id }) => {
    const def = definisi.get(id);
    const pN = pilih('kode', n.node.kode, urutan);
    const jalur = (...rest: (string | number)[]): Jalur => ['node', pN, 'indikator', pilih('id', id, n.node.indikator), ...rest];
    const sel: Record<string, SelIsian> = {
      id: info(id),
      kode: info(n.node.kode),
      uraian: info(def?.nama ?? ''),
      satuan: info(def?.satuan ?? ''),
      target: input(src.medan(G, 'program-tahun', jalur('target'))),
      realisasi: input(src.medan(G, 'program-tahun', jalur('realisasi'))),
      keterangan: input(src.medan(G, 'program-tahun', jalur('keterangan'))),
    };
    if (def) {
      sel.polaritas = input(src.medan(R, 'renstra-program', ['indikator', pilih('id', id), 'polaritas']));
      sel.target_renstra = input(src.medan(R, 'renstra-program', ['indikator', pilih('id', id), 'target', String(tahun)]));
    }
    TW.forEach((_, i) => (sel[`tw${i + 1}`] = input(src.medan(G, 'program-tahun', jalur('realisasi_triwulan', i)))));
    if (rencana) TW.forEach((_, i) => (sel[`target_tw${i + 1}`] = input(src.medan(G, 'program-tahun', jalur('target_triwulan', i)))));
    if (adaSdLalu && (def?.kumulatif || src.ada(G, jalur('realisasi_sd_tahun_lalu')))) sel.sd_lalu = input(src.medan(G, 'program-tahun', jalur('realisasi_sd_tahun_lalu')));
    return { id: (hitung.get(id) ?? 0) > 1 ? `${n.node.kode}/${id}` : id, sel, indent: INDENT[n.tingkat], tebal: n.tingkat === 'program' };
  });
  return {
    nama: 'Indikator Program',
    tabel: 'tblIndikatorProgram',
    ringkas: `Indikator program, kegiatan dan sub kegiatan: target Renstra dan Renja ${tahun}, realisasi per triwulan dan tahunan (E.81, TC-29, Tabel 3.1.3.a.2).`,
    kolom: kol,
    baris,
  };
}

function lembarAnggaranPk(src: Sumber, tahun: number, pohon: NodePohon[]): LembarIsian {
  const P = `${tahun}/pk.yaml`;
  const program = pohon.filter((n) => n.tingkat === 'program').map((n) => ({ kode: n.node.kode, nama: n.node.nama }));
  for (const versi of ['apbd', 'papbd']) {
    const ada = src.ambil(P, [versi, 'anggaran']);
    for (const a of Array.isArray(ada) ? ada : []) {
      if (isObj(a) && typeof a.program === 'string' && !program.some((p) => p.kode === a.program)) program.push({ kode: a.program, nama: '' });
    }
  }
  const urutan = program.map((p) => p.kode);
  const kol: KolomIsian[] = [
    kolom('kode', 'kode', 14, 'id'),
    kolom('uraian', 'program', 52, 'info'),
    kolom('apbd', 'anggaran PK APBD (Rp)', 18, 'isian', 'anggaran program di Perjanjian Kinerja awal', RUPIAH),
    kolom('ket_apbd', 'keterangan APBD', 13, 'isian', 'APBD atau P-APBD'),
    kolom('papbd', 'anggaran PK P-APBD (Rp)', 18, 'isian', 'anggaran program di Perjanjian Kinerja Perubahan', RUPIAH),
    kolom('ket_papbd', 'keterangan P-APBD', 13, 'isian', 'P-APBD bila berubah, APBD bila tetap'),
  ];
  const baris = program.map((p) => {
    const j = (versi: string, k: string): Jalur => [versi, 'anggaran', pilih('program', p.kode, urutan), k];
    return {
      id: p.kode,
      sel: {
        kode: info(p.kode),
        uraian: info(p.nama),
        apbd: input(src.medan(P, 'pk', j('apbd', 'anggaran'))),
        ket_apbd: input(src.medan(P, 'pk', j('apbd', 'keterangan'))),
        papbd: input(src.medan(P, 'pk', j('papbd', 'anggaran'))),
        ket_papbd: input(src.medan(P, 'pk', j('papbd', 'keterangan'))),
      },
      tebal: true,
    };
  });
  return { nama: 'Anggaran PK', tabel: 'tblAnggaranPK', ringkas: `Anggaran program di Perjanjian Kinerja ${tahun} (APBD dan P-APBD).`, kolom: kol, baris };
}

function lembarLra(src: Sumber, tahun: number, pohon: NodePohon[], hasil: HasilTahun): LembarIsian {
  const L = `${tahun}/lra.yaml`;
  const node = pohon.map((n) => ({ kode: n.node.kode, nama: n.node.nama, tingkat: n.tingkat as Tingkat | undefined }));
  const ada = src.ambil(L, ['baris']);
  for (const b of Array.isArray(ada) ? ada : []) {
    if (isObj(b) && typeof b.kode === 'string' && !node.some((n) => n.kode === b.kode)) node.push({ kode: b.kode, nama: '', tingkat: undefined });
  }
  const urutan = node.map((n) => n.kode);
  const hasilLra = new Map((hasil.anggaran.lra?.baris ?? []).map((b) => [b.kode, b]));
  const kol: KolomIsian[] = [
    kolom('kode', 'kode', 20, 'id'),
    kolom('tingkat', 'tingkat', 13, 'info'),
    kolom('uraian', 'program / kegiatan / sub kegiatan', 44, 'info'),
    kolom('uraian_lra', 'uraian tercetak di LRA', 30, 'isian', 'nama seperti tercetak di LRA bila berbeda dari nomenklatur (boleh kosong)'),
    kolom('anggaran', 'anggaran (3)', 16, 'isian', 'anggaran P-APBD, kolom 3', RUPIAH),
    kolom('rencana_sd', 'rencana s.d. (4)', 16, 'isian', 'rencana s.d. bulan_sd, kolom 4', RUPIAH),
    kolom('realisasi_sd', 'realisasi s.d. (5)', 16, 'isian', 'realisasi s.d. bulan_sd, kolom 5', RUPIAH),
    kolom('rencana_akhir', 'rencana akhir (6)', 16, 'isian', 'rencana bulan_akhir, kolom 6', RUPIAH),
    kolom('realisasi_akhir', 'realisasi akhir (7)', 16, 'isian', 'realisasi bulan_akhir, kolom 7', RUPIAH),
    kolom('kendala', 'kendala (13)', 24, 'isian', 'kolom 13'),
    kolom('realisasi', 'realisasi (9)', 16, 'rumus', '5 + 7 (dihitung)', RUPIAH),
    kolom('persen', '% realisasi (12)', 11, 'rumus', '9 / 3 x 100 (dihitung)', PERSEN),
  ];
  const baris = node.map((n) => {
    const pB = pilih('kode', n.kode, urutan);
    const m = (k: string): SelIsian => input(src.medan(L, 'lra', ['baris', pB, k]));
    const h = src.ada(L, ['baris', pB, 'kode']) ? hasilLra.get(n.kode) : undefined;
    const sendiri = h && !h.dijumlahkan ? h : undefined;
    const sel: Record<string, SelIsian> = {
      kode: info(n.kode),
      tingkat: info(n.tingkat ? NAMA_TINGKAT[n.tingkat] : ''),
      uraian: info(n.nama),
      uraian_lra: m('uraian'),
      anggaran: m('anggaran'),
      rencana_sd: m('rencana_sd'),
      realisasi_sd: m('realisasi_sd'),
      rencana_akhir: m('rencana_akhir'),
      realisasi_akhir: m('realisasi_akhir'),
      kendala: m('kendala'),
      realisasi: { rumus: { f: (ref) => rumusJumlah([ref('realisasi_sd'), ref('realisasi_akhir')]), hasil: sendiri?.realisasi ?? null } },
      persen: { rumus: { f: (ref) => rumusPersen(ref('realisasi'), ref('anggaran')), hasil: sendiri?.persen_realisasi ?? null } },
    };
    return { id: n.kode, sel, indent: n.tingkat ? INDENT[n.tingkat] : 0, tebal: n.tingkat === 'program' };
  });
  return {
    nama: 'LRA',
    tabel: 'tblLRA',
    ringkas: `Laporan Realisasi Anggaran ${tahun}: kolom 3-7 dan 13 per program, kegiatan dan sub kegiatan (baris induk ikut diisi seperti tercetak).`,
    kolom: kol,
    baris,
  };
}

/**
 * Abbreviations whose period does not end a sentence: the schema descriptions write examples as
 * `mis. "Triwulan IV"`, and names as `Prov. Jawa Timur`, `s.d.`.
 */
const SINGKATAN = new Set(['mis', 'dst', 'dll', 'dsb', 'dkk', 'dgn', 'tsb', 'yth', 'no', 'rp', 'hlm', 'kab', 'kec', 'kel', 'prov', 'jl', 'a.l', 's.d', 'u.p', 'e.g', 'i.e']);

/** The first sentence of a text (up to a `.` or `;` before a space or the end that is not an abbreviation's). */
export function kalimatPertama(d: string): string {
  for (const m of d.matchAll(/[.;](?=\s|$)/g)) {
    const i = m.index;
    if (d[i] === '.' && SINGKATAN.has((/([\p{L}.]+)$/u.exec(d.slice(0, i))?.[1] ?? '').toLowerCase())) continue;
    return d.slice(0, i + 1);
  }
  return d;
}

/** A label from a schema description: its first sentence, without the trailing period. */
function labelSkema(d: string | undefined, cadangan: string): string {
  if (!d) return cadangan;
  return kalimatPertama(d).replace(/[.;]$/, '');
}

/** A whole schema description, for a sheet that has room for it (Umum), without the final period. */
function uraianSkema(d: string | undefined, cadangan: string): string {
  return d ? d.trim().replace(/\.$/, '') : cadangan;
}

const namaJalur = (jalur: readonly (string | number)[]): string =>
  jalur.reduce<string>((s, x) => (typeof x === 'number' ? `${s}[${x}]` : s === '' ? x : `${s}.${x}`), '');

function lembarKonteks(src: Sumber, tahun: number): LembarIsian {
  const C = `${tahun}/konteks.yaml`;
  const skema = skemaBerkas('konteks');
  const baris: BarisIsian[] = [];
  // Walks the schema: every scalar of an object is a row; list items (sarana prasarana) only as far
  // as the file has them, named by their `uraian`. Identifying texts of list items stay in the file.
  // A context-table row that derives its value (a sum, a percentage, an indicator's realisation)
  // has no value to fill: the calculator gives it.
  const turunan = (item: unknown): boolean =>
    isObj(item) && (Array.isArray(item.jumlah) || Array.isArray(item.persen) || typeof item.indikator === 'string');
  const telusuri = (jalur: (string | number)[], label: string[], dalamDaftar: boolean, tanpaNilai = false): void => {
    const s = skemaDi(skema, jalur);
    if (!s) return;
    if (s.properties) {
      for (const k of Object.keys(s.properties)) {
        if (jalur.length === 0 && k === 'tahun') continue;
        if (tanpaNilai && k === 'nilai') continue;
        const anak = [...jalur, k];
        const sa = skemaDi(skema, anak);
        if (!sa) continue;
        const tipe = Array.isArray(sa.type) ? sa.type : [sa.type];
        if (sa.properties) {
          // A section whose required list is empty cannot be completed from the workbook (its items,
          // sarana prasarana barang, are added in the YAML): no rows for it until it has items.
          const daftarWajib = (sa.required ?? []).filter((r) => (skemaDi(skema, [...anak, r])?.type ?? '') === 'array');
          if (daftarWajib.some((r) => !Array.isArray(src.ambil(C, [...anak, r])) || (src.ambil(C, [...anak, r]) as unknown[]).length === 0)) continue;
          telusuri(anak, [...label, labelSkema(sa.description, k)], dalamDaftar);
        }
        else if (tipe.includes('array')) {
          const isi = src.ambil(C, anak);
          if (!Array.isArray(isi)) continue;
          isi.forEach((item, i) => {
            const nama = isObj(item) && typeof item.uraian === 'string' ? item.uraian : `${k} ${i + 1}`;
            telusuri([...anak, i], [...label, nama], true, turunan(item));
          });
        } else {
          if (dalamDaftar && tipeDi(skema, anak)?.jenis === 'teks') continue;
          const id = namaJalur(anak);
          const uraian = [...label, dalamDaftar ? k.replace(/_/g, ' ') : labelSkema(sa.description, k)].join(' › ');
          baris.push({ id, sel: { kunci: info(id), uraian: info(uraian), nilai: input(src.medan(C, 'konteks', anak)) }, indent: Math.min(2, label.length) });
        }
      }
    }
  };
  telusuri([], [], false);
  const kol: KolomIsian[] = [
    kolom('kunci', 'kunci', 40, 'id'),
    kolom('uraian', 'uraian', 60, 'info'),
    // No column format: each cell takes its own (whole numbers with thousands, others General).
    kolom('nilai', 'nilai', 18, 'isian', 'angka atau teks sesuai barisnya'),
  ];
  return { nama: 'Konteks', tabel: 'tblKonteks', ringkas: `Tabel konteks Bab I ${tahun} (konteks.yaml): satu baris per nilai.`, kolom: kol, baris };
}

function lembarPembanding(ds: DataSet, src: Sumber, tahun: number): LembarIsian {
  const J = `${tahun}/lkjip.yaml`;
  const nama = new Map((ds.strategis.indikator ?? []).map((i) => [i.id, i.nama]));
  const ids = daftarObj(src.ambil(J, ['pembanding', 'indikator'])).map((x) => String(x.id));
  for (const i of ds.strategis.indikator ?? []) if ((i.jenis === 'iku' || i.jenis === 'kinerja_lainnya') && !ids.includes(i.id)) ids.push(i.id);
  const kol: KolomIsian[] = [
    kolom('id', 'id', 10, 'id'),
    kolom('uraian', 'indikator', 48, 'info'),
    kolom('nilai', 'nilai pembanding', 14, 'isian', 'realisasi provinsi/nasional; kosong bila tidak ada (dicetak "-")', ANGKA),
    kolom('pembanding', 'pembanding', 36, 'isian', 'instansi/wilayah pembanding'),
    kolom('keterangan', 'keterangan', 24, 'isian', 'kolom KET, mis. "Perbedaan indikator"'),
  ];
  const baris = ids.map((id) => {
    const j = (k: string): Jalur => ['pembanding', 'indikator', pilih('id', id, ids), k];
    return {
      id,
      sel: {
        id: info(id),
        uraian: info(nama.get(id) ?? ''),
        nilai: input(src.medan(J, 'lkjip', j('nilai'))),
        pembanding: input(src.medan(J, 'lkjip', j('pembanding'))),
        keterangan: input(src.medan(J, 'lkjip', j('keterangan'))),
      },
    };
  });
  return { nama: 'Pembanding', tabel: 'tblPembanding', ringkas: `LKJIP Tabel 3.1.3.c: realisasi pembanding (provinsi/nasional) ${tahun} per indikator.`, kolom: kol, baris };
}

function lembarTc30(ds: DataSet, src: Sumber, tahun: number): LembarIsian {
  const R = `${tahun}/renja.yaml`;
  const tc30 = ds.tahun.get(tahun)?.renja?.tc30;
  const barisData = tc30?.baris ?? [];
  const tahunKol = tc30?.tahun?.length
    ? tc30.tahun
    : [...new Set(barisData.flatMap((b) => [...Object.keys(b.target_renstra ?? {}), ...Object.keys(b.realisasi ?? {}), ...Object.keys(b.proyeksi ?? {})]).map(Number))].sort();
  const nama = new Map([...(ds.strategis.indikator ?? []), ...(ds.program.indikator ?? [])].map((i) => [i.id, i.nama]));
  const urutan = barisData.map((b) => b.indikator);
  const kol: KolomIsian[] = [kolom('indikator', 'indikator', 10, 'id'), kolom('no', 'no', 5, 'info'), kolom('uraian', 'uraian', 40, 'info')];
  kol.push(kolom('spm', 'SPM / standar nasional', 16, 'isian'), kolom('ikk', 'IKK', 14, 'isian'));
  for (const y of tahunKol) {
    kol.push(
      kolom(`target_${y}`, `target Renstra ${y}`, 12, 'isian', 'target Renstra per tahun', ANGKA),
      kolom(`realisasi_${y}`, `realisasi ${y}`, 12, 'isian', 'realisasi capaian per tahun', ANGKA),
      kolom(`proyeksi_${y}`, `proyeksi ${y}`, 12, 'isian', 'proyeksi per tahun', ANGKA),
    );
  }
  kol.push(kolom('catatan', 'catatan analisis', 30, 'isian'));
  const baris = barisData.map((b) => {
    const j = (...rest: string[]): Jalur => ['tc30', 'baris', pilih('indikator', b.indikator, urutan), ...rest];
    const sel: Record<string, SelIsian> = {
      indikator: info(b.indikator),
      no: info(b.no),
      uraian: info(nama.get(b.indikator) ?? ''),
      spm: input(src.medan(R, 'renja', j('spm'))),
      ikk: input(src.medan(R, 'renja', j('ikk'))),
      catatan: input(src.medan(R, 'renja', j('catatan_analisis'))),
    };
    for (const y of tahunKol) {
      sel[`target_${y}`] = input(src.medan(R, 'renja', j('target_renstra', String(y))));
      sel[`realisasi_${y}`] = input(src.medan(R, 'renja', j('realisasi', String(y))));
      sel[`proyeksi_${y}`] = input(src.medan(R, 'renja', j('proyeksi', String(y))));
    }
    return { id: b.indikator, sel };
  });
  return { nama: 'TC-30', tabel: 'tblTC30', ringkas: 'Renja Tabel TC-30: kinerja pelayanan per IKU (target, realisasi, proyeksi per tahun).', kolom: kol, baris };
}

interface NodeRenja {
  kode: string;
  nama: string;
  tingkat?: Tingkat;
  daun: boolean;
  indikator: readonly string[];
}

/** Nodes of a Renja form: the program tree, then codes the form has that the tree has not. */
function nodeRenja(pohon: NodePohon[], kodeForm: readonly string[]): NodeRenja[] {
  const out: NodeRenja[] = pohon.map((n) => ({ kode: n.node.kode, nama: n.node.nama, tingkat: n.tingkat, daun: n.daun, indikator: n.node.indikator ?? [] }));
  for (const k of kodeForm) if (!out.some((n) => n.kode === k)) out.push({ kode: k, nama: '', daun: true, indikator: [] });
  return out;
}

const daftarObj = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Every indicator of the Renstra (strategic and program levels) by id, for names and units. */
const definisiIndikator = (ds: DataSet): Map<string, Indikator> =>
  new Map([...(ds.strategis.indikator ?? []), ...(ds.program.indikator ?? [])].map((i) => [i.id, i]));

function lembarTc31(ds: DataSet, src: Sumber, tahun: number, pohon: NodePohon[]): LembarIsian {
  const R = `${tahun}/renja.yaml`;
  const def = definisiIndikator(ds);
  const kodeForm = daftarObj(src.ambil(R, ['tc31', 'node'])).map((n) => String(n.kode));
  const node = nodeRenja(pohon, kodeForm);
  const urutan = node.map((n) => n.kode);
  const kol: KolomIsian[] = [
    kolom('baris', 'baris', 34, 'id'),
    kolom('kode', 'kode', 20, 'info'),
    kolom('sisi', 'sisi', 10, 'info'),
    kolom('butir', 'butir', 20, 'info'),
    kolom('uraian', 'uraian', 48, 'info'),
    kolom('satuan', 'satuan', 12, 'info'),
    kolom('target', 'target', 12, 'isian', 'target indikator atau rincian; kosong bila tercetak tanpa angka', ANGKA),
    kolom('pagu', 'pagu (Rp)', 16, 'isian', 'pagu rincian; pagu node hanya untuk sub kegiatan tanpa rincian (induk dihitung)', RUPIAH),
  ];
  const baris: BarisIsian[] = [];
  for (const n of node) {
    const pN = pilih('kode', n.kode, urutan);
    for (const sisi of ['rkpd', 'analisis'] as const) {
      const label = sisi === 'rkpd' ? 'RKPD' : 'Analisis';
      const ids = [...n.indikator];
      for (const x of daftarObj(src.ambil(R, ['tc31', 'node', pN, sisi, 'indikator']))) if (typeof x.id === 'string' && !ids.includes(x.id)) ids.push(x.id);
      for (const id of ids) {
        const j: Jalur = ['tc31', 'node', pN, sisi, 'indikator', pilih('id', id, ids)];
        const satuan = src.ambil(R, [...j, 'satuan']);
        baris.push({
          id: `${n.kode}|${sisi}|${id}`,
          sel: {
            baris: info(`${n.kode}|${sisi}|${id}`),
            kode: info(n.kode),
            sisi: info(label),
            butir: info(id),
            uraian: info(def.get(id)?.nama ?? ''),
            satuan: info(typeof satuan === 'string' ? satuan : def.get(id)?.satuan ?? ''),
            target: input(src.medan(R, 'renja', [...j, 'target'])),
          },
          indent: n.tingkat ? INDENT[n.tingkat] : 0,
          tebal: n.tingkat === 'program',
        });
      }
      const rincian = daftarObj(src.ambil(R, ['tc31', 'node', pN, sisi, 'rincian']));
      rincian.forEach((r, i) => {
        const j: Jalur = ['tc31', 'node', pN, sisi, 'rincian', i];
        const id = `${n.kode}|${sisi}|rincian ${i + 1}`;
        const sel: Record<string, SelIsian> = {
          baris: info(id),
          kode: info(n.kode),
          sisi: info(label),
          butir: info(`rincian ${i + 1}${r.kelompok === true ? ' (kelompok)' : ''}`),
          uraian: info(typeof r.uraian === 'string' ? r.uraian : ''),
          satuan: info(typeof r.satuan === 'string' ? r.satuan : ''),
        };
        if (r.kelompok !== true) {
          sel.target = input(src.medan(R, 'renja', [...j, 'target']));
          sel.pagu = input(src.medan(R, 'renja', [...j, 'pagu']));
        }
        baris.push({ id, sel, indent: 3 });
      });
      const jPagu: Jalur = ['tc31', 'node', pN, sisi, 'pagu'];
      if ((n.daun && rincian.length === 0) || src.ada(R, jPagu)) {
        const id = `${n.kode}|${sisi}|pagu`;
        baris.push({
          id,
          sel: { baris: info(id), kode: info(n.kode), sisi: info(label), butir: info('pagu'), uraian: info(n.nama), satuan: info('Rp'), pagu: input(src.medan(R, 'renja', jPagu)) },
          indent: 3,
        });
      }
    }
  }
  return {
    nama: 'TC-31',
    tabel: 'tblTC31',
    ringkas: 'Renja Tabel TC-31: target indikator, rincian dan pagu pada sisi Perubahan RKPD dan hasil analisis kebutuhan.',
    kolom: kol,
    baris,
  };
}

function lembarMatriks(ds: DataSet, src: Sumber, tahun: number, pohon: NodePohon[]): LembarIsian {
  const R = `${tahun}/renja.yaml`;
  const def = definisiIndikator(ds);
  const kodeForm = daftarObj(src.ambil(R, ['matriks', 'node'])).map((n) => String(n.kode));
  const node = nodeRenja(pohon, kodeForm);
  const urutan = node.map((n) => n.kode);
  const kol: KolomIsian[] = [
    kolom('baris', 'baris', 30, 'id'),
    kolom('kode', 'kode', 20, 'info'),
    kolom('butir', 'butir', 20, 'info'),
    kolom('uraian', 'uraian', 48, 'info'),
    kolom('satuan', 'satuan', 12, 'info'),
    kolom('target', 'target', 12, 'isian', 'target indikator (outcome/output) atau rincian', ANGKA),
    kolom('pagu', 'pagu APBD kab. (Rp)', 16, 'isian', 'pagu rincian; pagu node hanya untuk sub kegiatan tanpa rincian', RUPIAH),
    kolom('pagu_provinsi', 'pagu APBD provinsi (Rp)', 16, 'isian', undefined, RUPIAH),
    kolom('pagu_apbn', 'usulan APBN (Rp)', 16, 'isian', undefined, RUPIAH),
    kolom('up', 'UP', 7, 'isian', 'ya / tidak'),
    kolom('bl', 'BL', 7, 'isian', 'ya / tidak'),
  ];
  const baris: BarisIsian[] = [];
  for (const n of node) {
    const pN = pilih('kode', n.kode, urutan);
    const dasar: Jalur = ['matriks', 'node', pN];
    const rincian = daftarObj(src.ambil(R, [...dasar, 'rincian']));
    const selNode: Record<string, SelIsian> = {
      baris: info(n.kode),
      kode: info(n.kode),
      butir: info(n.tingkat ? NAMA_TINGKAT[n.tingkat] : 'node'),
      uraian: info(n.nama),
      pagu_provinsi: input(src.medan(R, 'renja', [...dasar, 'apbd_provinsi', 'pagu'])),
      pagu_apbn: input(src.medan(R, 'renja', [...dasar, 'apbn', 'pagu'])),
      up: input(src.medan(R, 'renja', [...dasar, 'up'])),
      bl: input(src.medan(R, 'renja', [...dasar, 'bl'])),
    };
    if ((n.daun && rincian.length === 0) || src.ada(R, [...dasar, 'pagu'])) selNode.pagu = input(src.medan(R, 'renja', [...dasar, 'pagu']));
    baris.push({ id: n.kode, sel: selNode, indent: n.tingkat ? INDENT[n.tingkat] : 0, tebal: n.tingkat === 'program' });
    const ids = [...n.indikator];
    for (const x of daftarObj(src.ambil(R, [...dasar, 'indikator']))) if (typeof x.id === 'string' && !ids.includes(x.id)) ids.push(x.id);
    for (const id of ids) {
      const j: Jalur = [...dasar, 'indikator', pilih('id', id, ids)];
      const satuan = src.ambil(R, [...j, 'satuan']);
      baris.push({
        id: `${n.kode}|${id}`,
        sel: {
          baris: info(`${n.kode}|${id}`),
          kode: info(n.kode),
          butir: info(id),
          uraian: info(def.get(id)?.nama ?? ''),
          satuan: info(typeof satuan === 'string' ? satuan : def.get(id)?.satuan ?? ''),
          target: input(src.medan(R, 'renja', [...j, 'target'])),
        },
        indent: 3,
      });
    }
    rincian.forEach((r, i) => {
      const j: Jalur = [...dasar, 'rincian', i];
      const id = `${n.kode}|rincian ${i + 1}`;
      const sel: Record<string, SelIsian> = {
        baris: info(id),
        kode: info(n.kode),
        butir: info(`rincian ${i + 1}${r.kelompok === true ? ' (kelompok)' : ''}`),
        uraian: info(typeof r.uraian === 'string' ? r.uraian : ''),
        satuan: info(typeof r.satuan === 'string' ? r.satuan : ''),
      };
      if (r.kelompok !== true) {
        sel.target = input(src.medan(R, 'renja', [...j, 'target']));
        sel.pagu = input(src.medan(R, 'renja', [...j, 'pagu']));
      }
      baris.push({ id, sel, indent: 3 });
    });
  }
  return {
    nama: 'Tabel 4.1',
    tabel: 'tblTabel41',
    ringkas: 'Renja Tabel 4.1 (matriks program dan kegiatan): target, rincian, pagu kabupaten, provinsi dan usulan APBN.',
    kolom: kol,
    baris,
  };
}

function lembarUmum(src: Sumber, tahun: number): LembarIsian {
  const isian: { berkas: string; jenis: JenisBerkas; jalur: string[] }[] = [
    { berkas: `${tahun}/renja.yaml`, jenis: 'renja', jalur: ['triwulan_evaluasi'] },
    { berkas: `${tahun}/renja.yaml`, jenis: 'renja', jalur: ['perubahan'] },
    { berkas: `${tahun}/lra.yaml`, jenis: 'lra', jalur: ['periode'] },
    { berkas: `${tahun}/lra.yaml`, jenis: 'lra', jalur: ['bulan_sd'] },
    { berkas: `${tahun}/lra.yaml`, jenis: 'lra', jalur: ['bulan_akhir'] },
    { berkas: `${tahun}/lra.yaml`, jenis: 'lra', jalur: ['sumber_data'] },
    { berkas: `${tahun}/kinerja.yaml`, jenis: 'kinerja', jalur: ['sumber_data'] },
    { berkas: `${tahun}/pk.yaml`, jenis: 'pk', jalur: ['sumber_data'] },
    { berkas: `${tahun}/lkjip.yaml`, jenis: 'lkjip', jalur: ['pembanding', 'catatan'] },
  ];
  const baris = isian.map((x) => {
    const id = `${x.jenis}.${x.jalur.join('.')}`;
    return {
      id,
      sel: {
        kunci: info(id),
        berkas: info(x.berkas),
        uraian: info(uraianSkema(keteranganDi(skemaBerkas(x.jenis), x.jalur), x.jalur.join('.'))),
        nilai: input(src.medan(x.berkas, x.jenis, x.jalur)),
      },
    };
  });
  const kol: KolomIsian[] = [
    kolom('kunci', 'kunci', 26, 'id'),
    kolom('berkas', 'berkas', 20, 'info'),
    kolom('uraian', 'uraian', 60, 'info'),
    kolom('nilai', 'nilai', 40, 'isian', 'angka, teks, atau ya/tidak sesuai barisnya'),
  ];
  return { nama: 'Umum', tabel: 'tblUmum', ringkas: 'Nilai tunggal: triwulan evaluasi Renja, periode dan bulan LRA, baris sumber data.', kolom: kol, baris };
}
