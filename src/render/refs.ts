/**
 * The figure references a narrative may use (`{{realisasi "IKU-1"}}`, `{{anggaran "2.07.05"}}`,
 * `{{data "konteks.kondisi.penduduk"}}` ...): one registry, used both to render (as helpers
 * of an isolated Handlebars env) and to check a narrative without rendering it (`narasi.ts`).
 *
 * Every value comes from the calculator (or from a base value in the data); this module only picks
 * and formats. Output is Indonesian text: percentages without the "%" sign (the prose writes it),
 * Rupiah without "Rp" (the prose writes it), `perubahan*` as a whole phrase, `*_terbilang` as words.
 * A value the data does not have prints "-" and is reported through `catat`, never thrown.
 */
import type { BarisKinerja, HasilTahun, Nilai } from '../calc/types.js';
import { hitungTahun, kategori as kategoriSkala, bandingkanTahunan, jumlahkan, persenEfisiensi, persenRealisasi, sisaAnggaran } from '../calc/index.js';
import { jumlahBaris, perubahan as perubahanNilai } from '../calc/konteks.js';
import { nilaiKondisi } from '../calc/tabel-lkjip.js';
import type { DataSet, DataTahun, Program } from '../model/types.js';
import { desimalSatuan, formatAngka, satuanRupiah } from '../util/format.js';
import { terdekat } from '../util/mirip.js';
import { terbilang } from '../util/terbilang.js';
import { romawi, type HandlebarsEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';

/** Table ids a narrative may place with `{{tabel "<id>"}}` (fixed by the lead in COMMON.md). */
export const TABEL_DIKENAL: readonly string[] = [
  // LKJIP
  '1.1', 'pns-golongan', 'sarana-prasarana', 'II.A.1', '2.2.1', 'pk-ikhtisar', 'skala', 'target-tujuan',
  'III.1', '3.1.a', '3.1.3.a.1', '3.1.3.a.2', '3.1.3.b', '3.1.3.c', '3.1.3.d', '3.2.a', 'lra', '3.2.b',
  '3.3.a', 'reviu', 'pk-lampiran',
  // Renja
  'kebijakan', 'E.81', 'TC-29', 'TC-30', 'isu', 'TC-31', 'usulan', '4.1',
];

/** Chart ids a narrative may place with `{{grafik "<id>"}}`. */
export const GRAFIK_DIKENAL: readonly string[] = ['struktur-organisasi', 'pns-golongan', 'iku-capaian', 'iku-3-tahun'];

/**
 * Figures of konteks.yaml that are derived, never stored, by path under `konteks.`. Each row of the
 * context table is `konteks.kondisi.<row id>` (base or computed, see `nilaiKondisi`).
 */
export const TURUNAN_KONTEKS: readonly string[] = ['pns_golongan.jumlah'];

/** Unit of the PNS figures (the model's meaning); context rows carry their own `satuan`. */
const SATUAN_PNS = 'orang';

/** `kondisi.<id>` (a row of the context table), or undefined for any other konteks path. */
function idKondisi(sub: string): string | undefined {
  const m = /^kondisi\.([^.]+)$/.exec(sub);
  return m && m[1] !== 'judul' && m[1] !== 'sumber_data' && m[1] !== 'baris' ? m[1] : undefined;
}

/** The unit of a konteks path: a context row's `satuan`, "orang" for the PNS figures. */
function satuanKonteks(data: DataSet, sub: string, tahun: number): string | undefined {
  const id = idKondisi(sub);
  if (id !== undefined) return nilaiKondisi(data, tahun, id).satuan || undefined;
  return sub.startsWith('pns_golongan.') ? SATUAN_PNS : undefined;
}

/** Roots of `data "<root>.<path>"`: the files of a year folder. */
export const AKAR_DATA: readonly (keyof DataTahun)[] = ['konteks', 'lkjip', 'renja', 'pk', 'kinerja', 'program', 'lra'];

export const JENIS_JUMLAH = ['iku', 'kinerja_lainnya', 'tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan', 'kategori'] as const;
export const KELOMPOK_RATA = ['iku', 'lainnya', 'semua'] as const;
const JENIS_PROGRAM = ['prioritas', 'pendukung'] as const;
/** What `{{evaluasi "<isi>"}}` can print: totals of the document's Tabel E.81. */
export const ISI_EVALUASI = ['pagu', 'realisasi', 'serapan', 'capaian', 'predikat', 'program', 'belum_diisi'] as const;
const JENIS_SASARAN = ['utama', 'lainnya'] as const;

/** What an argument (positional or `key=`) must be; checked by `checkNarasi` on the AST. */
export type JenisArgumen =
  | { jenis: 'indikator' }
  /** Any program / kegiatan / sub kegiatan code of the Renstra tree. */
  | { jenis: 'kode' }
  /** A program code. */
  | { jenis: 'program' }
  /** A year of the data set (a number). */
  | { jenis: 'tahun' }
  /** `<root>.<path>` into a year's data (see AKAR_DATA), or a derived konteks figure. */
  | { jenis: 'path' }
  | { jenis: 'tabel' }
  | { jenis: 'grafik' }
  | { jenis: 'pilihan'; pilihan: readonly string[] };

/** Records a value that is missing from the data (rendered "-"); the caller adds the location. */
export type Catat = (pesan: string) => void;

/** What a reference gets besides its arguments while rendering. */
export interface AlatRender {
  catat: Catat;
  /** Placeholder for a table / chart, replaced after the Markdown conversion (narasi.ts). */
  tempat(jenis: 'tabel' | 'grafik', id: string): string;
  /**
   * Placeholder for the printed number of a table / chart ("Tabel 3.5"): captions are numbered
   * only when the whole document is assembled (render/nomor-keterangan.ts).
   */
  rujuk(jenis: 'tabel' | 'grafik', id: string): string;
}

export type Hash = Readonly<Record<string, unknown>>;

export interface ReferensiNarasi {
  nama: string;
  /** What it prints, in Bahasa Indonesia (for hints and documentation). */
  keterangan: string;
  contoh: string;
  /** The single positional argument, if the reference takes one. */
  argumen?: { jenis: JenisArgumen; wajib: boolean; uraian: string };
  /** Allowed `key=value` parameters. */
  hash: Readonly<Record<string, JenisArgumen>>;
  /**
   * Checks that depend on more than one argument (e.g. `jenis=` of `jumlah` depends on the kind).
   * Returns the problems as messages with the key they are about (undefined: the whole reference).
   */
  periksa?: (arg: unknown, hash: Hash) => { pesan: string; kunci?: string }[];
  /** The text printed; "-" (after `alat.catat`) when the data lacks the value. */
  resolve(ctx: KonteksDokumen, arg: unknown, hash: Hash, alat: AlatRender): string;
}

// ---------------------------------------------------------------------------------------------
// Looking values up

const STRIP = '-';
const hasilCache = new WeakMap<KonteksDokumen, Map<number, HasilTahun>>();

/** Calculator results of any year: the report year, the years before it, or computed on demand. */
export function hasilTahun(ctx: KonteksDokumen, tahun: number): HasilTahun {
  if (tahun === ctx.tahun) return ctx.h;
  const r = ctx.riwayat.get(tahun);
  if (r) return r;
  let cache = hasilCache.get(ctx);
  if (!cache) hasilCache.set(ctx, (cache = new Map()));
  let h = cache.get(tahun);
  if (!h) cache.set(tahun, (h = hitungTahun(ctx.data, tahun)));
  return h;
}

function cariBaris(h: HasilTahun, id: string): BarisKinerja | undefined {
  const k = h.kinerja;
  return [...k.tujuan, ...k.iku, ...k.lainnya, ...k.program].find((b) => b.id === id);
}

/** Indicator ids a narrative may name: the Renstra indicators and those of active programs. */
export function indikatorDikenal(data: DataSet): string[] {
  const ids = (data.strategis?.indikator ?? []).map((i) => i.id);
  const program = new Set((data.program?.indikator ?? []).map((i) => i.id));
  for (const p of data.program?.program ?? []) {
    if (p.aktif === false) continue;
    for (const id of p.indikator ?? []) if (program.has(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

interface NodePohon {
  kode: string;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan';
  program: Program;
  aktif: boolean;
}

/** Every node of the Renstra program tree, in tree order. */
export function nodePohon(data: DataSet): NodePohon[] {
  const out: NodePohon[] = [];
  for (const p of data.program?.program ?? []) {
    const pa = p.aktif !== false;
    out.push({ kode: p.kode, tingkat: 'program', program: p, aktif: pa });
    for (const k of p.kegiatan ?? []) {
      const ka = pa && k.aktif !== false;
      out.push({ kode: k.kode, tingkat: 'kegiatan', program: p, aktif: ka });
      for (const s of k.sub_kegiatan ?? []) {
        out.push({ kode: s.kode, tingkat: 'sub_kegiatan', program: p, aktif: ka && s.aktif !== false });
      }
    }
  }
  return out;
}

interface Uang {
  anggaran: Nilai;
  realisasi: Nilai;
}

/**
 * Budget and realisation of one node: its LRA line (a code without a line has no budget that year),
 * else the program's budget the calculator took from the PK, else the pagu of program.yaml.
 */
function uangNode(ctx: KonteksDokumen, h: HasilTahun, kode: string): Uang {
  const lra = h.anggaran.lra;
  if (lra) {
    const b = lra.baris.find((x) => x.kode === kode);
    return b ? { anggaran: b.anggaran, realisasi: b.realisasi } : { anggaran: 0, realisasi: 0 };
  }
  for (const s of h.sasaran) {
    const p = s.program.find((x) => x.kode === kode);
    if (p && p.anggaran != null) return { anggaran: p.anggaran, realisasi: p.realisasi };
  }
  const node = (ctx.data.tahun.get(h.tahun)?.program?.node ?? []).filter(
    (n) => n.pagu != null && (n.kode === kode || n.kode.startsWith(kode + '.')),
  );
  // Parents are sums of their children: only the lowest nodes with a pagu count.
  const daun = node.filter((n) => !node.some((m) => m !== n && m.kode.startsWith(n.kode + '.')));
  return { anggaran: jumlahkan(daun.map((n) => n.pagu)), realisasi: null };
}

function uangKelompok(ctx: KonteksDokumen, h: HasilTahun, kode: unknown, jenis: unknown): Uang {
  if (typeof kode === 'string') return uangNode(ctx, h, kode);
  if (typeof jenis === 'string') {
    const semua = (ctx.data.program?.program ?? []).filter((p) => p.aktif !== false && p.jenis === jenis);
    const u = semua.map((p) => uangNode(ctx, h, p.kode));
    return { anggaran: jumlahkan(u.map((x) => x.anggaran)), realisasi: jumlahkan(u.map((x) => x.realisasi)) };
  }
  return { anggaran: h.anggaran.opd.anggaran, realisasi: h.anggaran.opd.realisasi };
}

function punyaAnggaran(ctx: KonteksDokumen, h: HasilTahun, kode: string): boolean {
  const a = uangNode(ctx, h, kode).anggaran;
  return a != null && a > 0;
}

/** Value at `<root>.<path>` of a year's data, derived konteks figures included. */
export function nilaiData(data: DataSet, path: string, tahun: number): { ada: boolean; nilai: unknown } {
  const [akar, ...seg] = path.split('.');
  const dt = data.tahun.get(tahun);
  if (!dt || !akar || !(AKAR_DATA as readonly string[]).includes(akar)) return { ada: false, nilai: undefined };
  const sub = seg.join('.');
  const idBaris = akar === 'konteks' ? idKondisi(sub) : undefined;
  if (idBaris !== undefined) {
    const r = nilaiKondisi(data, tahun, idBaris);
    return { ada: r.ada, nilai: r.ada ? r.nilai : undefined };
  }
  if (akar === 'konteks' && TURUNAN_KONTEKS.includes(sub)) {
    const k = dt.konteks;
    if (!k?.pns_golongan) return { ada: false, nilai: undefined };
    return { ada: true, nilai: jumlahBaris(Object.values(k.pns_golongan.golongan)) };
  }
  let v: unknown = dt[akar as keyof DataTahun];
  for (const s of seg) {
    if (v === null || typeof v !== 'object') return { ada: false, nilai: undefined };
    v = (v as Record<string, unknown>)[s];
  }
  return { ada: v !== undefined, nilai: v };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function fmtSatuan(n: Nilai | undefined, satuan: string | undefined, desimalPersen: number): string {
  return n == null ? STRIP : formatAngka(n, desimalSatuan(satuan, n, desimalPersen));
}

/** The word after the amount of a change: points for percentages and scores, else the unit. */
function kataSatuan(satuan: string | undefined): string {
  const s = (satuan ?? '').trim();
  const k = s.toLowerCase();
  if (!s || k === '%' || k.startsWith('persen') || k === 'nilai' || k === 'indeks' || k === 'angka') return 'poin';
  return s;
}

/** "naik 4,39 poin dari tahun 2023" / "turun ..." / "tetap sama dengan tahun 2023". */
function frasaPerubahan(selisih: number, teksSelisih: string, tambahan: string, dari: number): string {
  if (/^[0,.]+$/.test(teksSelisih) || selisih === 0) return `tetap sama dengan tahun ${dari}`;
  return `${selisih > 0 ? 'naik' : 'turun'} ${teksSelisih}${tambahan} dari tahun ${dari}`;
}

function kapitalAwal(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

const tahunDari = (ctx: KonteksDokumen, hash: Hash): number => (typeof hash.tahun === 'number' ? hash.tahun : ctx.tahun);
const akhiranTahun = (ctx: KonteksDokumen, hash: Hash): string =>
  typeof hash.tahun === 'number' && hash.tahun !== ctx.tahun ? ` tahun ${hash.tahun}` : '';

// ---------------------------------------------------------------------------------------------
// The registry

const ARG_INDIKATOR = { jenis: { jenis: 'indikator' }, wajib: true, uraian: 'id indikator, mis. "IKU-1"' } as const;
const H_TAHUN = { tahun: { jenis: 'tahun' } } as const;

/** A reference on one indicator of a year (target, realisasi, capaian ...). */
function refIndikator(
  nama: string,
  keterangan: string,
  contoh: string,
  pilih: (b: BarisKinerja, ctx: KonteksDokumen, h: HasilTahun) => string | null,
): ReferensiNarasi {
  return {
    nama,
    keterangan,
    contoh,
    argumen: ARG_INDIKATOR,
    hash: H_TAHUN,
    resolve(ctx, arg, hash, alat) {
      const t = tahunDari(ctx, hash);
      const h = hasilTahun(ctx, t);
      const b = cariBaris(h, String(arg));
      const v = b ? pilih(b, ctx, h) : null;
      if (v === null || v === STRIP) {
        alat.catat(
          b
            ? `${nama} indikator \`${String(arg)}\`${akhiranTahun(ctx, hash)} tidak tersedia di data${b.keterangan ? ` (${b.keterangan})` : ''}.`
            : `indikator \`${String(arg)}\` tidak ada di hasil perhitungan tahun ${t}.`,
        );
        return STRIP;
      }
      return v;
    },
  };
}

const dp = (h: HasilTahun): number => h.desimal_persen;
const teks = (v: Nilai, f: (n: number) => string): string | null => (v == null ? null : f(v));

/** A reference on money: no argument = the OPD, a code = that node, jenis= a group of programs. */
function refUang(
  nama: string,
  keterangan: string,
  contoh: string,
  pilih: (u: Uang, h: HasilTahun) => string | null,
): ReferensiNarasi {
  return {
    nama,
    keterangan,
    contoh,
    argumen: { jenis: { jenis: 'kode' }, wajib: false, uraian: 'kode program/kegiatan/sub kegiatan; tanpa kode = seluruh OPD' },
    hash: { jenis: { jenis: 'pilihan', pilihan: JENIS_PROGRAM }, ...H_TAHUN },
    periksa: (arg, hash) =>
      arg !== undefined && hash.jenis !== undefined
        ? [{ pesan: `\`${nama}\` memakai kode atau jenis=, tidak keduanya.`, kunci: 'jenis' }]
        : [],
    resolve(ctx, arg, hash, alat) {
      const h = hasilTahun(ctx, tahunDari(ctx, hash));
      const v = pilih(uangKelompok(ctx, h, arg, hash.jenis), h);
      if (v === null) {
        const apa = typeof arg === 'string' ? `kode \`${arg}\`` : typeof hash.jenis === 'string' ? `program ${hash.jenis}` : 'OPD';
        alat.catat(`${nama} ${apa}${akhiranTahun(ctx, hash)} tidak tersedia (tidak ada LRA/anggaran di data).`);
        return STRIP;
      }
      return v;
    },
  };
}

/** A reference on a PK budget version (APBD murni or P-APBD). */
function refPk(nama: string, versi: 'apbd' | 'papbd'): ReferensiNarasi {
  return {
    nama,
    keterangan: `Anggaran Perjanjian Kinerja ${versi === 'apbd' ? 'APBD (murni)' : 'P-APBD'}, Rupiah tanpa "Rp"; tanpa kode = total OPD.`,
    contoh: `{{${nama} "2.07.05"}}`,
    argumen: { jenis: { jenis: 'program' }, wajib: false, uraian: 'kode program; tanpa kode = total OPD' },
    hash: H_TAHUN,
    resolve(ctx, arg, hash, alat) {
      const pk = hasilTahun(ctx, tahunDari(ctx, hash)).anggaran.pk;
      const v =
        typeof arg === 'string'
          ? pk?.program.find((p) => p.program === arg)?.[versi] ?? null
          : (versi === 'apbd' ? pk?.total_apbd : pk?.total_papbd) ?? null;
      if (v == null) {
        alat.catat(`${nama}${typeof arg === 'string' ? ` program \`${arg}\`` : ''}${akhiranTahun(ctx, hash)} tidak ada di pk.yaml.`);
        return STRIP;
      }
      return formatAngka(v, 0);
    },
  };
}

/** Counts for `jumlah` / `jumlah_terbilang`; null when the data cannot say. */
function hitungJumlah(ctx: KonteksDokumen, jenis: string, hash: Hash): number | null {
  const h = hasilTahun(ctx, tahunDari(ctx, hash));
  switch (jenis) {
    case 'iku':
      return h.kinerja.iku.length;
    case 'kinerja_lainnya':
      return h.kinerja.lainnya.length;
    case 'tujuan':
      return h.kinerja.tujuan.length;
    case 'kategori':
      return h.skala.length;
    case 'sasaran':
      return (ctx.data.strategis?.sasaran ?? []).filter((s) => hash.jenis === undefined || s.jenis === hash.jenis).length;
    case 'program':
    case 'kegiatan':
    case 'sub_kegiatan':
      // Programs, kegiatan and sub kegiatan run in the year = those with a budget that year.
      return nodePohon(ctx.data).filter(
        (n) =>
          n.tingkat === jenis &&
          n.aktif &&
          (hash.jenis === undefined || n.program.jenis === hash.jenis) &&
          (hash.program === undefined || n.program.kode === hash.program) &&
          punyaAnggaran(ctx, h, n.kode),
      ).length;
    default:
      return null;
  }
}

function periksaJumlah(arg: unknown, hash: Hash): { pesan: string; kunci?: string }[] {
  const out: { pesan: string; kunci?: string }[] = [];
  const j = String(arg);
  if (hash.jenis !== undefined) {
    const boleh: readonly string[] | null =
      j === 'sasaran' ? JENIS_SASARAN : j === 'program' || j === 'kegiatan' || j === 'sub_kegiatan' ? JENIS_PROGRAM : null;
    if (!boleh) out.push({ pesan: `\`jumlah "${j}"\` tidak menerima jenis=.`, kunci: 'jenis' });
    else if (!boleh.includes(String(hash.jenis)))
      out.push({ pesan: `jenis="${String(hash.jenis)}" tidak berlaku untuk "${j}"; pilihannya: ${boleh.join(', ')}.`, kunci: 'jenis' });
  }
  if (hash.program !== undefined && j !== 'kegiatan' && j !== 'sub_kegiatan') {
    out.push({ pesan: `program= hanya berlaku untuk "kegiatan" dan "sub_kegiatan", bukan "${j}".`, kunci: 'program' });
  }
  return out;
}

function refJumlah(nama: string, f: (n: number) => string): ReferensiNarasi {
  return {
    nama,
    keterangan:
      nama === 'jumlah'
        ? 'Banyaknya sesuatu pada tahun itu; argumennya satu kata di antara tanda kutip: ' +
          '`{{jumlah "iku"}}`, `{{jumlah "kinerja_lainnya"}}`, `{{jumlah "tujuan"}}`, ' +
          '`{{jumlah "sasaran"}}` (boleh `jenis="utama"` atau `jenis="lainnya"`), ' +
          '`{{jumlah "program"}}`, `{{jumlah "kegiatan"}}`, `{{jumlah "sub_kegiatan"}}` = yang beranggaran tahun itu ' +
          '(boleh `jenis="prioritas"` atau `jenis="pendukung"`; kegiatan dan sub_kegiatan juga `program="2.07.05"`), ' +
          '`{{jumlah "kategori"}}` = banyaknya kategori pada skala penilaian (5 pada skala bawaan), bukan banyaknya indikator ' +
          'pada satu kategori: `{{jumlah "Sangat Tinggi"}}` dan `kategori=` tidak dikenal. Semuanya boleh `tahun=2023`.'
        : 'Sama dengan `jumlah`, dalam huruf ("empat").',
    contoh: `{{${nama} "program" jenis="prioritas"}}`,
    argumen: { jenis: { jenis: 'pilihan', pilihan: JENIS_JUMLAH }, wajib: true, uraian: `yang dihitung: ${JENIS_JUMLAH.join(', ')}` },
    hash: {
      jenis: { jenis: 'pilihan', pilihan: [...JENIS_PROGRAM, ...JENIS_SASARAN] },
      program: { jenis: 'program' },
      ...H_TAHUN,
    },
    periksa: periksaJumlah,
    resolve(ctx, arg, hash, alat) {
      const n = hitungJumlah(ctx, String(arg), hash);
      if (n === null) {
        alat.catat(`jumlah "${String(arg)}" tidak dapat dihitung.`);
        return STRIP;
      }
      return f(n);
    },
  };
}

function refData(nama: string): ReferensiNarasi {
  return {
    nama,
    keterangan:
      nama === 'data'
        ? 'Nilai dari berkas tahun itu (konteks, lkjip, renja, ...): baris tabel kondisi `konteks.kondisi.<id>` (nilai dasar atau hasil hitungan), `konteks.pns_golongan.jumlah`, atau kolom lain.'
        : 'Perubahan nilai data dibanding tahun dari=, sebagai frasa lengkap: "naik 28.272 orang (4,58%) dari tahun 2023".',
    contoh: nama === 'data' ? '{{data "konteks.kondisi.penduduk"}}' : '{{perubahan_data "konteks.kondisi.penduduk" dari=2023}}',
    argumen: { jenis: { jenis: 'path' }, wajib: true, uraian: `path data: ${AKAR_DATA.join('|')}.<kolom>...` },
    hash: nama === 'data' ? H_TAHUN : { ...H_TAHUN, dari: { jenis: 'tahun' } },
    resolve(ctx, arg, hash, alat) {
      const path = String(arg);
      const t = tahunDari(ctx, hash);
      const { ada, nilai } = nilaiData(ctx.data, path, t);
      const sub = path.replace(/^konteks\./, '');
      const satuan = path.startsWith('konteks.') ? satuanKonteks(ctx.data, sub, t) : undefined;
      const dpc = ctx.h.desimal_persen;
      if (nama === 'data') {
        if (!ada || nilai === null) {
          alat.catat(`data \`${path}\` tahun ${t} tidak ada.`);
          return STRIP;
        }
        if (typeof nilai === 'number') return fmtSatuan(nilai, satuan, dpc);
        if (typeof nilai === 'string') return nilai;
        if (typeof nilai === 'boolean') return nilai ? 'ya' : 'tidak';
        alat.catat(`data \`${path}\` bukan satu nilai (berisi daftar atau peta).`);
        return STRIP;
      }
      const dari = typeof hash.dari === 'number' ? hash.dari : t - 1;
      const lalu = nilaiData(ctx.data, path, dari).nilai;
      if (typeof nilai !== 'number' || typeof lalu !== 'number') {
        alat.catat(`perubahan data \`${path}\` ${dari}-${t}: nilai tahun ${typeof nilai !== 'number' ? t : dari} tidak ada atau bukan angka.`);
        return STRIP;
      }
      const { selisih, persen } = perubahanNilai(nilai, lalu);
      if (selisih == null) return STRIP;
      const besar = fmtSatuan(Math.abs(selisih), satuan, dpc);
      const persenTeks = satuan !== '%' && persen != null ? ` (${formatAngka(Math.abs(persen), dpc)}%)` : '';
      const unit = satuan === '%' ? ' poin' : satuan ? ` ${satuan}` : '';
      return frasaPerubahan(selisih, besar, unit + persenTeks, dari);
    },
  };
}

/** `rata_rata_capaian` and `kategori_rata_rata`: one field of the mean of an indicator group. */
function refRataRata(
  nama: string,
  keterangan: string,
  ambil: (r: HasilTahun['kinerja']['rata_rata']['iku'], h: HasilTahun) => string | null,
  gagal: (kelompok: string) => string,
): ReferensiNarasi {
  return {
    nama,
    keterangan,
    contoh: `{{${nama} "iku"}}`,
    argumen: { jenis: { jenis: 'pilihan', pilihan: KELOMPOK_RATA }, wajib: false, uraian: 'iku (bawaan), lainnya atau semua' },
    hash: H_TAHUN,
    resolve(ctx, arg, hash, alat) {
      const h = hasilTahun(ctx, tahunDari(ctx, hash));
      const k = (arg ?? 'iku') as (typeof KELOMPOK_RATA)[number];
      const r = h.kinerja.rata_rata[k];
      const v = r ? ambil(r, h) : null;
      if (v == null) {
        alat.catat(gagal(k));
        return STRIP;
      }
      return v;
    },
  };
}

const DAFTAR: ReferensiNarasi[] = [
  {
    nama: 'tahun',
    keterangan: 'Tahun dokumen.',
    contoh: '{{tahun}}',
    hash: {},
    resolve: (ctx) => String(ctx.tahun),
  },
  {
    nama: 'tahun_berikut',
    keterangan: 'Tahun sesudah tahun dokumen.',
    contoh: '{{tahun_berikut}}',
    hash: {},
    resolve: (ctx) => String(ctx.tahun + 1),
  },
  {
    nama: 'periode_renstra',
    keterangan: 'Periode Renstra, "2021-2026".',
    contoh: '{{periode_renstra}}',
    hash: {},
    resolve: (ctx, _a, _h, alat) => {
      const p = ctx.data.strategis?.periode;
      if (!p) {
        alat.catat('periode Renstra tidak ada di renstra/strategis.yaml.');
        return STRIP;
      }
      return `${p.awal}-${p.akhir}`;
    },
  },
  {
    nama: 'triwulan_evaluasi',
    keterangan: 'Triwulan evaluasi Renja dalam angka Romawi ("II"): triwulan dokumen evaluasi triwulanan, selain itu triwulan_evaluasi renja.yaml.',
    contoh: '{{triwulan_evaluasi}}',
    hash: {},
    resolve: (ctx, _a, _h, alat) => {
      const tw = ctx.h.renja.e81?.evaluasi?.sampai ?? ctx.d.renja?.triwulan_evaluasi;
      if (typeof tw !== 'number') {
        alat.catat(`triwulan_evaluasi tidak ada di ${ctx.tahun}/renja.yaml.`);
        return STRIP;
      }
      return romawi(tw);
    },
  },
  {
    nama: 'evaluasi',
    keterangan:
      'Angka Tabel E.81 dokumen ini (s.d. triwulan yang dievaluasi): pagu dan realisasi (Rupiah tanpa "Rp"), serapan dan ' +
      'capaian (rata-rata capaian kinerja seluruh program; persen tanpa "%"), predikat, jumlah program, ' +
      'belum_diisi (jumlah isian triwulan yang masih kosong).',
    contoh: '{{evaluasi "serapan"}}',
    argumen: { jenis: { jenis: 'pilihan', pilihan: ISI_EVALUASI }, wajib: true, uraian: ISI_EVALUASI.join(', ') },
    hash: {},
    resolve(ctx, arg, _h, alat) {
      const e = ctx.h.renja.e81;
      const t = e?.total;
      const dpc = ctx.h.desimal_persen;
      const rp = (n: Nilai | undefined) => (n == null ? null : formatAngka(n, 0));
      const v: Record<(typeof ISI_EVALUASI)[number], string | null> = {
        pagu: rp(t?.rp7),
        realisasi: rp(t?.rp12),
        serapan: teks(persenRealisasi(t?.rp12 ?? null, t?.rp7 ?? null), (n) => formatAngka(n, dpc)),
        capaian: teks(t?.rata_rata.k13 ?? null, (n) => formatAngka(n, dpc)),
        predikat: t?.rata_rata.predikat ?? null,
        program: e ? String(e.program.length) : null,
        belum_diisi: e?.evaluasi ? String(e.evaluasi.belum_diisi.reduce((a, b) => a + b, 0)) : e ? '0' : null,
      };
      const hasil = v[String(arg) as (typeof ISI_EVALUASI)[number]];
      if (hasil == null) {
        alat.catat(`angka evaluasi "${String(arg)}" tidak dapat dihitung (Tabel E.81 ${ctx.tahun} tidak ada atau kosong).`);
        return STRIP;
      }
      return hasil;
    },
  },
  refIndikator('target', 'Target indikator tahun itu (tanpa satuan; persen tanpa "%").', '{{target "IKU-1"}}', (b, _c, h) =>
    teks(b.target, (n) => fmtSatuan(n, b.satuan, dp(h))),
  ),
  refIndikator('realisasi', 'Realisasi indikator tahun itu (tanpa satuan).', '{{realisasi "IKU-1" tahun=2023}}', (b, _c, h) =>
    teks(b.realisasi, (n) => fmtSatuan(n, b.satuan, dp(h))),
  ),
  refIndikator('capaian', 'Capaian indikator dalam persen, tanpa "%".', '{{capaian "IKU-1"}}', (b, _c, h) =>
    teks(b.capaian, (n) => formatAngka(n, dp(h))),
  ),
  refIndikator('kategori', 'Kategori capaian pada skala penilaian ("Sangat Tinggi").', '{{kategori "IKU-1"}}', (b) => b.kategori),
  refIndikator('predikat', 'Predikat nilai realisasi pada skala indikator itu sendiri (SAKIP "A").', '{{predikat "IKL-1"}}', (b) => b.predikat_realisasi),
  refIndikator('target_akhir', 'Target akhir periode Renstra.', '{{target_akhir "IKU-1"}}', (b, _c, h) =>
    teks(b.target_akhir, (n) => fmtSatuan(n, b.satuan, dp(h))),
  ),
  {
    nama: 'perubahan',
    keterangan: 'Perubahan realisasi tahun= (bawaan: tahun dokumen) dibanding dari= (bawaan: tahun sebelumnya), frasa lengkap.',
    contoh: '{{perubahan "IKU-1" dari=2023}}',
    argumen: ARG_INDIKATOR,
    hash: { ...H_TAHUN, dari: { jenis: 'tahun' } },
    resolve(ctx, arg, hash, alat) {
      const id = String(arg);
      const t = tahunDari(ctx, hash);
      const dari = typeof hash.dari === 'number' ? hash.dari : t - 1;
      const sekarang = cariBaris(hasilTahun(ctx, t), id);
      const lalu = cariBaris(hasilTahun(ctx, dari), id);
      const ref = sekarang ?? lalu;
      const { selisih } = bandingkanTahunan(sekarang?.realisasi, lalu?.realisasi, ref?.polaritas ?? 'tinggi_baik');
      if (!ref || selisih == null) {
        const kosong = sekarang?.realisasi == null ? t : dari;
        alat.catat(`perubahan indikator \`${id}\` ${dari}-${t}: realisasi tahun ${kosong} tidak ada.`);
        return STRIP;
      }
      const besar = fmtSatuan(Math.abs(selisih), ref.satuan, dp(ctx.h));
      // Rupiah goes before the amount ("naik Rp 52.757.550.000"), every other unit after it.
      if (satuanRupiah(ref.satuan)) return frasaPerubahan(selisih, `Rp ${besar}`, '', dari);
      return frasaPerubahan(selisih, besar, ` ${kataSatuan(ref.satuan)}`, dari);
    },
  },
  refRataRata(
    'rata_rata_capaian',
    'Rata-rata capaian kelompok indikator (iku, lainnya, semua), persen tanpa "%".',
    (r, h) => (r.capaian == null ? null : formatAngka(r.capaian, dp(h))),
    (k) => `rata-rata capaian "${k}" tidak dapat dihitung (tidak ada capaian).`,
  ),
  refRataRata(
    'kategori_rata_rata',
    'Kategori rata-rata capaian kelompok indikator.',
    (r) => r.kategori,
    (k) => `kategori rata-rata "${k}" tidak dapat ditentukan.`,
  ),
  refUang('anggaran', 'Anggaran (P-APBD/LRA), Rupiah tanpa "Rp".', '{{anggaran "2.07.05"}}', (u) => teks(u.anggaran, (n) => formatAngka(n, 0))),
  refUang('realisasi_anggaran', 'Realisasi anggaran, Rupiah tanpa "Rp".', '{{realisasi_anggaran}}', (u) =>
    teks(u.realisasi, (n) => formatAngka(n, 0)),
  ),
  refUang('persen_realisasi_anggaran', 'Persentase realisasi anggaran, tanpa "%".', '{{persen_realisasi_anggaran}}', (u, h) =>
    teks(persenRealisasi(u.realisasi, u.anggaran), (n) => formatAngka(n, dp(h))),
  ),
  refUang('sisa_anggaran', 'Sisa anggaran (anggaran - realisasi), Rupiah tanpa "Rp".', '{{sisa_anggaran}}', (u) =>
    teks(sisaAnggaran(u.anggaran, u.realisasi), (n) => formatAngka(n, 0)),
  ),
  refUang('efisiensi', 'Persentase efisiensi (100 - % realisasi), tanpa "%".', '{{efisiensi}}', (u, h) =>
    teks(persenEfisiensi(u.realisasi, u.anggaran), (n) => formatAngka(n, dp(h))),
  ),
  refUang('kategori_realisasi_anggaran', 'Kategori persentase realisasi anggaran pada skala penilaian.', '{{kategori_realisasi_anggaran}}', (u, h) =>
    kategoriSkala(persenRealisasi(u.realisasi, u.anggaran), h.skala, dp(h)),
  ),
  refUang('anggaran_terbilang', 'Anggaran dalam huruf, tanpa kata "rupiah" ("Sepuluh miliar ...").', '{{anggaran_terbilang}}', (u) =>
    teks(u.anggaran, (n) => kapitalAwal(terbilang(n))),
  ),
  refUang('realisasi_anggaran_terbilang', 'Realisasi anggaran dalam huruf, tanpa kata "rupiah".', '{{realisasi_anggaran_terbilang}}', (u) =>
    teks(u.realisasi, (n) => kapitalAwal(terbilang(n))),
  ),
  refPk('anggaran_apbd', 'apbd'),
  refPk('anggaran_papbd', 'papbd'),
  refData('data'),
  refData('perubahan_data'),
  refJumlah('jumlah', (n) => formatAngka(n, 0)),
  refJumlah('jumlah_terbilang', (n) => terbilang(n)),
  {
    nama: 'tabel',
    keterangan: 'Tempat sebuah tabel (baris tersendiri).',
    contoh: '{{tabel "3.1.a"}}',
    argumen: { jenis: { jenis: 'tabel' }, wajib: true, uraian: 'id tabel' },
    hash: {},
    resolve: (_c, arg, _h, alat) => alat.tempat('tabel', String(arg)),
  },
  {
    nama: 'grafik',
    keterangan: 'Tempat sebuah grafik (baris tersendiri); `{{grafik "struktur-organisasi"}}` menempatkan bagan struktur organisasi.',
    contoh: '{{grafik "iku-capaian"}}',
    argumen: { jenis: { jenis: 'grafik' }, wajib: true, uraian: 'id grafik' },
    hash: {},
    resolve: (_c, arg, _h, alat) => alat.tempat('grafik', String(arg)),
  },
  {
    nama: 'nomor_tabel',
    keterangan: 'Nomor sebuah tabel seperti tercetak di judulnya, mis. "Tabel 3.5" (untuk rujukan dalam kalimat).',
    contoh: '{{nomor_tabel "3.2.a"}}',
    argumen: { jenis: { jenis: 'tabel' }, wajib: true, uraian: 'id tabel' },
    hash: {},
    resolve: (_c, arg, _h, alat) => alat.rujuk('tabel', String(arg)),
  },
  {
    nama: 'nomor_grafik',
    keterangan: 'Nomor sebuah grafik seperti tercetak di judulnya, mis. "Gambar 3.1".',
    contoh: '{{nomor_grafik "iku-capaian"}}',
    argumen: { jenis: { jenis: 'grafik' }, wajib: true, uraian: 'id grafik' },
    hash: {},
    resolve: (_c, arg, _h, alat) => alat.rujuk('grafik', String(arg)),
  },
];

/** Every reference by name. */
export const REFERENSI: ReadonlyMap<string, ReferensiNarasi> = new Map(DAFTAR.map((r) => [r.nama, r]));

/** Head of the plain paths a narrative may print (`{{opd.nama_lengkap}}`). */
export const PATH_KONTEKS = ['opd'] as const;

// ---------------------------------------------------------------------------------------------
// Registration on a Handlebars env

/** What `renderNarasi` hands every helper through Handlebars' `data` frame. */
export interface DataRender {
  ctx: KonteksDokumen;
  /** Called with the message and the 1-based position of the reference. */
  catat(pesan: string, line?: number, column?: number): void;
  tempat(jenis: 'tabel' | 'grafik', id: string): string;
  rujuk(jenis: 'tabel' | 'grafik', id: string): string;
  /** Escapes a value for the Markdown it is inserted into. */
  lolos(s: string): string;
}

export const KUNCI_DATA = 'lkjipNarasi';

/** References that print a placeholder replaced later (placement, cross-reference). */
const PENANDA = new Set(['tabel', 'grafik', 'nomor_tabel', 'nomor_grafik']);

interface OpsiHelper {
  hash?: Record<string, unknown>;
  data?: Record<string, unknown>;
  loc?: { start: { line: number; column: number } };
}

const terdaftar = new WeakSet<object>();

/**
 * Registers every reference as a helper on `env` (once per env). Helpers find the document context
 * in the render's data frame (`data: { lkjipNarasi: DataRender }`), so one env serves any document.
 */
export function daftarkanReferensi(env: HandlebarsEnv): void {
  if (terdaftar.has(env)) return;
  terdaftar.add(env);
  for (const ref of DAFTAR) {
    env.registerHelper(ref.nama, function (this: unknown, ...a: unknown[]) {
      const opsi = a.pop() as OpsiHelper;
      const dr = opsi.data?.[KUNCI_DATA] as DataRender | undefined;
      if (!dr) throw new Error(`referensi narasi \`${ref.nama}\` dipakai di luar renderNarasi`);
      const line = opsi.loc?.start.line;
      const column = opsi.loc ? opsi.loc.start.column + 1 : undefined;
      const alat: AlatRender = { catat: (p) => dr.catat(p, line, column), tempat: dr.tempat, rujuk: dr.rujuk };
      const hasil = ref.resolve(dr.ctx, a[0], opsi.hash ?? {}, alat);
      // Placeholders are plain letters and digits: nothing to escape.
      return PENANDA.has(ref.nama) ? hasil : dr.lolos(hasil);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Suggestions

export { jarakEdit } from '../util/mirip.js';

/** The closest candidate when it is close enough to be a typo (a third of the name: references are long). */
export function palingMirip(nama: string, kandidat: readonly string[]): string | undefined {
  return terdekat(nama, kandidat, { batas: (n) => Math.max(2, Math.floor(n.length / 3)) });
}
