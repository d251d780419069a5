/**
 * The view of Tabel E.81 (Permendagri 86/2017): 28 columns, printed at 7 pt on A4 landscape in
 * parts. No paper holds the whole form at a readable size (the 11 K/Rp pairs alone need about
 * 330 mm at 7 pt), so the columns after the row keys are split into parts that each repeat the
 * keys NO, KODE, URAIAN and INDIKATOR (columns 1-4): part 1 holds the targets (5-7), part 2 the
 * quarters (8-11), part 3 the results and the units (12-17), as many as the widths computed from
 * the data allow. Each part is a whole table with its own repeated header.
 *
 * The view only picks and groups what the calculator computed (HasilTahun.renja.e81); the template
 * (templates/renja/tabel/E.81.hbs) formats every value.
 */
import type { KolomE81K, KolomE81Rp, Nilai, RataRataE81 } from '../calc/types.js';
import { jumlahTriwulanE81, type TingkatNode } from '../calc/tabel-renja.js';
import { formatAngka, formatPersen, satuanPersen } from '../util/format.js';
import { formatNilai, romawi } from './handlebars-env.js';
import { bagiKolom, ukurKolom, type Grup, type Kolom } from './bagi-kolom.js';
import type { KonteksDokumen } from './konteks.js';

/** Type size of every cell of the form (the floor the documents keep). */
export const PT_E81 = 7;

/** How a cell's value is formatted by the template. */
type Jenis = 'teks' | 'rp' | 'persen' | 'nilai' | 'kosong';

export interface SelE81 {
  jenis: Jenis;
  nilai?: Nilai;
  teks?: string;
  /** Unit of an indicator name, printed after it in brackets. */
  satuan?: string;
  /** Note under a kode ("tidak ada di Kepmendagri terbaru"). */
  catatan?: string;
  kelas?: string;
  colspan?: number;
}

/** The column groups after the row keys, in form order. */
type IdGrup = 'k5' | 'k6' | 'k7' | 'tw' | 'k12' | 'k13' | 'k14' | 'k15' | 'unit' | 'ket';
const PASANGAN: Record<Exclude<IdGrup, 'tw' | 'unit' | 'ket'>, number> = { k5: 0, k6: 1, k7: 2, k12: 7, k13: 8, k14: 9, k15: 10 };
const URUTAN: IdGrup[] = ['k5', 'k6', 'k7', 'tw', 'k12', 'k13', 'k14', 'k15', 'unit', 'ket'];

/**
 * A K / Rp column pair (columns 5..15); `persen` pairs print percentages. `kinPersen`: the K value
 * is a percentage indicator's, printed with pengaturan.desimal_persen like every percentage.
 */
interface Pasangan {
  kin: Nilai;
  uang: Nilai;
  persen: boolean;
  kinPersen: boolean;
}

function pasanganE81(k: KolomE81K | null, rp: KolomE81Rp): Pasangan[] {
  const kv = (n: Nilai | undefined): Nilai => n ?? null;
  const kinPersen = satuanPersen(k?.satuan);
  const p = (kin: Nilai, uang: Nilai, persen = false): Pasangan => ({ kin, uang, persen, kinPersen: persen || kinPersen });
  return [
    p(kv(k?.k5), rp.rp5),
    p(kv(k?.k6), rp.rp6),
    p(kv(k?.k7), rp.rp7),
    ...[0, 1, 2, 3].map((i) => p(kv(k?.triwulan[i]), rp.triwulan[i] ?? null)),
    p(kv(k?.k12), rp.rp12),
    p(kv(k?.k13), rp.rp13, true),
    p(kv(k?.k14), rp.rp14),
    p(kv(k?.k15), rp.rp15, true),
  ];
}

/** One indicator row of a node, before it is cut into parts. */
interface BarisNode {
  tingkat: TingkatNode;
  kepala: { nomor: number | null; kode: string; nama: string; tidak_aktif: boolean; unit: string | null; ket: string | null } | null;
  indikator: { nama: string; satuan: string } | null;
  pasangan: Pasangan[];
}

type Ringkasan = { jenis: 'rata'; rata: RataRataE81; total: boolean } | { jenis: 'predikat'; predikat: string | null; total: boolean };

/** Text as the template prints a value (for the widths only). */
function teksRp(n: Nilai): string {
  return n === null || n === 0 || !Number.isFinite(n) ? '-' : formatAngka(n, 0);
}
function teksKin(p: Pasangan, desimal: number): string {
  return p.kinPersen ? formatPersen(p.kin, desimal) : formatNilai(p.kin);
}
function teksUang(p: Pasangan, desimal: number): string {
  return p.persen ? formatPersen(p.uang, desimal) : teksRp(p.uang);
}


export interface KepalaGrup {
  pasangan: boolean;
  triwulan: boolean;
  tunggal: boolean;
  judul: string;
  nomor: string;
  /** Quarter headers of the `tw` group. */
  sub: string[];
}

export interface BagianE81 {
  nomor: number;
  jumlah: number;
  /** More than one part: each says which it is in its first header row. */
  berbagi: boolean;
  /** Columns of the part (4 keys + `sisa`). */
  kolom_total: number;
  /** "kolom 1-4 dan 5-7" */
  kolom_teks: string;
  /** Width of each column in mm: 4 keys, then the part's columns. */
  lebar: number[];
  ada_triwulan: boolean;
  /** Rowspan of the key headers (3 with the quarter row, else 2) and of the pair headers. */
  rs_kunci: number;
  rs_pasangan: number;
  kepala: KepalaGrup[];
  /** Number of K/Rp header cells. */
  kr: number;
  /** Number of columns after the 4 keys. */
  sisa: number;
  baris: { kelas: string; sel: SelE81[] }[];
}

/** Header titles of the groups (the official wording; years from the data). */
function judulGrup(v: { akhir: number; tahun: number; tahun_lalu: number }): Record<IdGrup, { judul: string; nomor: string }> {
  return {
    k5: { judul: `TARGET RENSTRA PERANGKAT DAERAH PADA TAHUN ${v.akhir} (AKHIR PERIODE RENSTRA PD)`, nomor: '5' },
    k6: { judul: `REALISASI CAPAIAN KINERJA RENSTRA PERANGKAT DAERAH S.D. RENJA PD TAHUN LALU (${v.tahun_lalu})`, nomor: '6' },
    k7: { judul: `TARGET KINERJA DAN ANGGARAN RENJA PD TAHUN BERJALAN YANG DIEVALUASI (${v.tahun})`, nomor: '7' },
    tw: { judul: 'REALISASI KINERJA PADA TRIWULAN', nomor: '8-11' },
    k12: { judul: `REALISASI CAPAIAN KINERJA DAN ANGGARAN RENJA PD YANG DIEVALUASI (${v.tahun})`, nomor: '12 = 8+9+10+11' },
    k13: { judul: `TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENJA PD TAHUN ${v.tahun} (%)`, nomor: '13 = 12/7 × 100%' },
    k14: { judul: `REALISASI KINERJA DAN ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN ${v.tahun}`, nomor: '14 = 6 + 12' },
    k15: { judul: `TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN ${v.akhir} (%)`, nomor: '15 = 14/5 × 100%' },
    unit: { judul: 'UNIT PERANGKAT DAERAH PENANGGUNG JAWAB', nomor: '16' },
    ket: { judul: 'KET', nomor: '17' },
  };
}

/**
 * The quarter headings of form E.81 as the official form writes them; the PDF (this module) and the
 * workbook (workbook-renja.ts) both print these.
 */
export const LABEL_TRIWULAN: readonly string[] = ['I (JAN - MAR)', 'II (APR - JUNI)', 'III (JUL - SEPT)', 'IV (OKT - DES)'];
const TRIWULAN = LABEL_TRIWULAN;

export function viewE81(ctx: KonteksDokumen) {
  const e = ctx.h.renja.e81;
  const desimal = ctx.h.desimal_persen;
  const tambahan = new Map((ctx.d.renja?.e81?.node ?? []).map((n) => [n.kode, n]));
  const aktif = new Map<string, boolean>();
  for (const p of ctx.data.program?.program ?? []) {
    aktif.set(p.kode, p.aktif !== false);
    for (const k of p.kegiatan ?? []) {
      aktif.set(k.kode, k.aktif !== false);
      for (const s of k.sub_kegiatan ?? []) aktif.set(s.kode, s.aktif !== false);
    }
  }

  // Rows of every program, then its two summary rows, in form order.
  type Baris = { jenis: 'node'; b: BarisNode } | { jenis: 'ringkas'; r: Ringkasan };
  const semua: Baris[] = [];
  (e?.program ?? []).forEach((p, i) => {
    for (const b of p.baris) {
      const ind = b.indikator.length > 0 ? b.indikator : [null];
      const x = tambahan.get(b.kode);
      ind.forEach((k, j) => {
        semua.push({
          jenis: 'node',
          b: {
            tingkat: b.tingkat,
            kepala:
              j === 0
                ? {
                    nomor: b.tingkat === 'program' ? i + 1 : null,
                    kode: b.kode,
                    nama: b.nama,
                    tidak_aktif: aktif.get(b.kode) === false,
                    unit: x?.unit_penanggung_jawab ?? b.unit_penanggung_jawab,
                    ket: x?.ket ?? null,
                  }
                : null,
            indikator: k ? { nama: k.nama, satuan: k.satuan } : null,
            pasangan: pasanganE81(k, b.rp),
          },
        });
      });
    }
    semua.push({ jenis: 'ringkas', r: { jenis: 'rata', rata: p.rata_rata, total: false } });
    semua.push({ jenis: 'ringkas', r: { jenis: 'predikat', predikat: p.rata_rata.predikat, total: false } });
  });
  const total = e ? { ...e.total, triwulan: jumlahTriwulanE81(e) } : null;
  const nodes = semua.flatMap((x) => (x.jenis === 'node' ? [x.b] : []));

  // Minimum widths from the values; a pair's title spans its K and Rp columns and takes at most
  // five lines, so that the header stays under a quarter of the page (or it is not repeated).
  const pt = PT_E81;
  const urusan = (ctx.data.program?.urusan ?? []).map((u) => ({ kode: u.kode ?? '', nama: u.nama }));
  const kepalaNode = nodes.flatMap((b) => (b.kepala ? [b.kepala] : []));
  const kunci: Kolom[] = [
    ukurKolom({ utuh: ['NO', `${e?.program.length ?? 1}.`] }, pt),
    ukurKolom({ utuh: ['KODE', ...kepalaNode.map((k) => k.kode), ...urusan.map((u) => u.kode)] }, pt),
    ukurKolom({ teks: kepalaNode.map((k) => k.nama), judul: 'URUSAN/ BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/ KEGIATAN', min: 28, lentur: 1, maks: 75 }, pt),
    ukurKolom(
      { teks: nodes.flatMap((b) => (b.indikator ? [`${b.indikator.nama} (${b.indikator.satuan})`] : [])), judul: 'INDIKATOR KINERJA PROGRAM (outcome)/ KEGIATAN (output)', min: 28, lentur: 1, maks: 75 },
      pt,
    ),
  ];
  const judul = judulGrup({ akhir: e?.tahun_akhir_renstra ?? ctx.h.tahun_renstra.akhir, tahun: ctx.tahun, tahun_lalu: ctx.tahun - 1 });
  const totalRp = (i: number): string[] => {
    if (!total) return [];
    const t = [total.rp5, total.rp6, total.rp7, ...total.triwulan, total.rp12, null, total.rp14, null];
    return [teksRp(t[i] ?? null)];
  };
  const kolomPasangan = (i: number, judulPasangan: string): Kolom[] => {
    const k = ukurKolom({ utuh: ['K', ...nodes.map((b) => teksKin(b.pasangan[i]!, desimal))], min: 7 }, pt);
    const rp = ukurKolom({ utuh: ['Rp', ...nodes.map((b) => teksUang(b.pasangan[i]!, desimal)), ...totalRp(i)], min: 9 }, pt);
    const pasangan = ukurKolom({ judul: judulPasangan, barisJudul: 5 }, pt);
    return [k, { min: Math.max(rp.min, pasangan.min - k.min) }];
  };
  const grup: Grup<IdGrup>[] = URUTAN.map((id) => {
    if (id === 'tw') return { id, kolom: [3, 4, 5, 6].flatMap((i) => kolomPasangan(i, TRIWULAN[i - 3] ?? '')) };
    if (id === 'unit') {
      return { id, kolom: [ukurKolom({ teks: kepalaNode.flatMap((k) => (k.unit ? [k.unit] : [])), judul: judul.unit.judul, barisJudul: 6, min: 16, lentur: 0.3, maks: 40 }, pt)] };
    }
    if (id === 'ket') return { id, kolom: [ukurKolom({ teks: kepalaNode.flatMap((k) => (k.ket ? [k.ket] : [])), judul: 'KET', min: 10, lentur: 0.2, maks: 30 }, pt)] };
    return { id, kolom: kolomPasangan(PASANGAN[id], judul[id].judul) };
  });
  const susunan = bagiKolom(kunci, grup);

  const bagian: BagianE81[] = susunan.map((s, nomorBagian) => {
    const lebarGrup = (id: IdGrup): number => (id === 'tw' ? 8 : id === 'unit' || id === 'ket' ? 1 : 2);
    const sisa = s.grup.reduce((n, id) => n + lebarGrup(id), 0);
    const adaTw = s.grup.includes('tw');
    const kepala: KepalaGrup[] = s.grup.map((id) => ({
      pasangan: id !== 'tw' && id !== 'unit' && id !== 'ket',
      triwulan: id === 'tw',
      tunggal: id === 'unit' || id === 'ket',
      judul: judul[id].judul,
      nomor: judul[id].nomor,
      sub: id === 'tw' ? [...TRIWULAN] : [],
    }));
    const baris: { kelas: string; sel: SelE81[] }[] = [];
    for (const u of urusan) {
      baris.push({ kelas: 'urusan', sel: [{ jenis: 'kosong' }, { jenis: 'teks', teks: u.kode, kelas: 'kode' }, { jenis: 'teks', teks: u.nama.toLocaleUpperCase('id-ID'), colspan: 2 + sisa }] });
    }
    for (const x of semua) {
      if (x.jenis === 'node') baris.push(barisNode(x.b, s.grup));
      else {
        const r = barisRingkas(x.r, s.grup);
        if (r) baris.push(r);
      }
    }
    if (total) {
      const rpTotal: Partial<Record<IdGrup, Nilai[]>> = {
        k5: [total.rp5],
        k6: [total.rp6],
        k7: [total.rp7],
        tw: total.triwulan,
        k12: [total.rp12],
        k14: [total.rp14],
      };
      const sel: SelE81[] = [{ jenis: 'teks', teks: 'JUMLAH ANGGARAN DAN REALISASI DARI SELURUH PROGRAM', colspan: 4 }];
      for (const id of s.grup) {
        const rp = rpTotal[id];
        if (rp) for (const n of rp) sel.push({ jenis: 'kosong' }, { jenis: 'rp', nilai: n, kelas: 'angka uang' });
        else for (let i = 0; i < lebarGrup(id); i++) sel.push({ jenis: 'kosong' });
      }
      baris.push({ kelas: 'total', sel });
      for (const r of [
        { jenis: 'rata', rata: total.rata_rata, total: true },
        { jenis: 'predikat', predikat: total.rata_rata.predikat, total: true },
      ] as Ringkasan[]) {
        const b = barisRingkas(r, s.grup);
        if (b) baris.push(b);
      }
    }
    if (semua.length === 0) {
      baris.push({ kelas: '', sel: [{ jenis: 'teks', teks: `Tidak ada data program tahun ${ctx.tahun}`, colspan: 4 + sisa, kelas: 'tengah' }] });
    }
    return {
      nomor: nomorBagian + 1,
      jumlah: susunan.length,
      berbagi: susunan.length > 1,
      kolom_total: 4 + sisa,
      kolom_teks: teksKolom(s.grup),
      lebar: s.lebar,
      ada_triwulan: adaTw,
      rs_kunci: adaTw ? 3 : 2,
      rs_pasangan: adaTw ? 2 : 1,
      kepala,
      kr: kepala.reduce((n, k) => n + (k.pasangan ? 1 : k.triwulan ? 4 : 0), 0),
      sisa,
      baris,
    };
  });

  // A quarterly evaluation names its own quarter; the (Perubahan) Renja the one renja.yaml evaluates to.
  const tw = e?.evaluasi?.sampai ?? ctx.d.renja?.triwulan_evaluasi ?? e?.triwulan_evaluasi ?? null;
  return {
    ada: e !== null && semua.length > 0,
    triwulan: tw === null ? null : romawi(tw),
    bagian,
  };
}

/** "kolom 1-4, 5-7": the keys and the official column numbers of the part's groups. */
function teksKolom(grup: readonly IdGrup[]): string {
  const angka: Record<IdGrup, [number, number]> = {
    k5: [5, 5], k6: [6, 6], k7: [7, 7], tw: [8, 11], k12: [12, 12], k13: [13, 13], k14: [14, 14], k15: [15, 15], unit: [16, 16], ket: [17, 17],
  };
  const a = angka[grup[0]!][0];
  const b = angka[grup[grup.length - 1]!][1];
  return `kolom 1-4 dan ${a === b ? a : `${a}-${b}`}`;
}

/**
 * An indicator row of a node, with the cells of the part's groups. The node's own cells (NO, KODE,
 * URAIAN, Rp, unit, KET) stand in its first row; its further rows have empty `sambung` cells there
 * whose top border is hidden, so they read as one merged cell. Not `rowspan`: Chromium cannot move
 * rows with merged cells to the next page to keep a "Sumber data" line with its table.
 */
function barisNode(b: BarisNode, grup: readonly IdGrup[]): { kelas: string; sel: SelE81[] } {
  const sel: SelE81[] = [];
  const k = b.kepala;
  const node = (x: SelE81): void => {
    sel.push(k ? x : { jenis: 'kosong', kelas: 'sambung' });
  };
  node({ jenis: 'teks', teks: k?.nomor ? `${k.nomor}.` : '', kelas: 'tengah' });
  node({ jenis: 'teks', teks: k?.kode ?? '', kelas: 'kode', ...(k?.tidak_aktif ? { catatan: 'tidak ada di Kepmendagri terbaru' } : {}) });
  node({ jenis: 'teks', teks: k?.nama ?? '', kelas: 'uraian' });
  sel.push(b.indikator ? { jenis: 'teks', teks: b.indikator.nama, satuan: b.indikator.satuan, kelas: 'indikator' } : { jenis: 'teks', teks: '-', kelas: 'indikator' });
  const pasangan = (i: number): void => {
    const p = b.pasangan[i]!;
    sel.push({ jenis: p.kinPersen ? 'persen' : 'nilai', nilai: p.kin, kelas: 'angka' });
    node({ jenis: p.persen ? 'persen' : 'rp', nilai: p.uang, kelas: 'angka uang' });
  };
  for (const id of grup) {
    if (id === 'tw') [3, 4, 5, 6].forEach(pasangan);
    else if (id === 'unit') node({ jenis: 'teks', teks: k?.unit ?? '', kelas: 'kecil' });
    else if (id === 'ket') node({ jenis: 'teks', teks: k?.ket ?? '', kelas: 'kecil' });
    else pasangan(PASANGAN[id]);
  }
  // A node's indicator rows stay on one page.
  return { kelas: `${b.tingkat}${k ? '' : ' lanjut'}`, sel };
}

/**
 * A mean or grade row, in the parts holding column 13 or 15 (elsewhere it would be empty and is
 * left out): the label spans the keys and the part's groups before the first value.
 */
function barisRingkas(r: Ringkasan, grup: readonly IdGrup[]): { kelas: string; sel: SelE81[] } | null {
  const nilai: Partial<Record<IdGrup, SelE81[]>> =
    r.jenis === 'rata'
      ? {
          k13: [
            { jenis: 'persen', nilai: r.rata.k13, kelas: 'angka' },
            { jenis: 'persen', nilai: r.rata.rp13, kelas: 'angka' },
          ],
          k15: [
            { jenis: 'persen', nilai: r.rata.k15, kelas: 'angka' },
            { jenis: 'persen', nilai: r.rata.rp15, kelas: 'angka' },
          ],
        }
      : { k13: [{ jenis: 'teks', teks: r.predikat ?? '-', kelas: 'tengah', colspan: 2 }] };
  const pertama = grup.findIndex((id) => nilai[id] !== undefined);
  if (pertama < 0) return null;
  const lebarGrup = (id: IdGrup): number => (id === 'tw' ? 8 : id === 'unit' || id === 'ket' ? 1 : 2);
  const label =
    r.jenis === 'rata'
      ? r.total
        ? 'TOTAL RATA-RATA CAPAIAN KINERJA DAN ANGGARAN DARI SELURUH PROGRAM'
        : 'Rata-rata capaian kinerja (%)'
      : r.total
        ? 'PREDIKAT KINERJA DARI SELURUH PROGRAM'
        : 'Predikat kinerja';
  const span = 4 + grup.slice(0, pertama).reduce((n, id) => n + lebarGrup(id), 0);
  const sel: SelE81[] = [{ jenis: 'teks', teks: label, colspan: span, kelas: r.total ? '' : 'label' }];
  for (const id of grup.slice(pertama)) {
    const x = nilai[id];
    if (x) sel.push(...x);
    else for (let i = 0; i < lebarGrup(id); i++) sel.push({ jenis: 'kosong' });
  }
  return { kelas: r.total ? 'total' : 'rata', sel };
}
