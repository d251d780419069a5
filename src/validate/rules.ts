/**
 * Cross-file rules: each a small named function from the loaded data to diagnostics.
 * Rules read values defensively (the schema check may have failed) and skip what they cannot judge,
 * so that one broken file does not cause a cascade of follow-on errors.
 */
import { diagnosa, type Diagnostic, type Lokasi } from '../diagnostics.js';
import path from 'node:path';
import { tampilanPath, type Loaded, type LoadedFile } from '../load/load-data.js';
import { mirip } from './schema-errors.js';

export interface KonteksAturan {
  loaded: Loaded;
  /** Parsed files in scope (syntax errors excluded). */
  files: LoadedFile[];
  strategis?: LoadedFile;
  program?: LoadedFile;
  /** Year folders in scope. */
  years: number[];
  lok(f: LoadedFile, path: string, kunci?: boolean): Lokasi;
}

export interface Aturan {
  nama: string;
  periksa(ctx: KonteksAturan): Diagnostic[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

const tahunan = (ctx: KonteksAturan, jenis: LoadedFile['jenis']): LoadedFile[] =>
  ctx.files.filter((f) => f.jenis === jenis && f.tahun !== undefined);

interface Definisi {
  indikator: Map<string, string>;
  tujuan: Map<string, string>;
  sasaran: Map<string, string>;
  node: Map<string, string>;
  program: Map<string, string>;
  urusan: Set<string>;
}

/** Ids defined by the Renstra, with the path of their first definition; undefined when a base file is missing. */
function definisi(ctx: KonteksAturan): Definisi | undefined {
  const s = ctx.strategis?.value;
  const p = ctx.program?.value;
  if (!isObj(s) || !isObj(p)) return undefined;
  const d: Definisi = { indikator: new Map(), tujuan: new Map(), sasaran: new Map(), node: new Map(), program: new Map(), urusan: new Set() };
  const tambah = (m: Map<string, string>, id: unknown, path: string): void => {
    if (typeof id === 'string' && !m.has(id)) m.set(id, path);
  };
  arr(s.indikator).forEach((x, i) => tambah(d.indikator, isObj(x) ? x.id : undefined, `strategis#/indikator/${i}`));
  arr(p.indikator).forEach((x, i) => tambah(d.indikator, isObj(x) ? x.id : undefined, `program#/indikator/${i}`));
  arr(s.tujuan).forEach((x, i) => tambah(d.tujuan, isObj(x) ? x.id : undefined, `/tujuan/${i}`));
  arr(s.sasaran).forEach((x, i) => tambah(d.sasaran, isObj(x) ? x.id : undefined, `/sasaran/${i}`));
  for (const u of arr(p.urusan)) if (isObj(u) && typeof u.kode === 'string') d.urusan.add(u.kode);
  for (const n of simpulProgram(p)) {
    tambah(d.node, n.kode, n.path);
    if (n.tingkat === 'program') tambah(d.program, n.kode, n.path);
  }
  return d;
}

interface Simpul {
  kode: unknown;
  path: string;
  tingkat: 'program' | 'kegiatan' | 'sub_kegiatan';
}

function simpulProgram(p: Obj): Simpul[] {
  const out: Simpul[] = [];
  arr(p.program).forEach((pr, i) => {
    if (!isObj(pr)) return;
    out.push({ kode: pr.kode, path: `/program/${i}`, tingkat: 'program' });
    arr(pr.kegiatan).forEach((kg, j) => {
      if (!isObj(kg)) return;
      out.push({ kode: kg.kode, path: `/program/${i}/kegiatan/${j}`, tingkat: 'kegiatan' });
      arr(kg.sub_kegiatan).forEach((sk, k) => {
        if (isObj(sk)) out.push({ kode: sk.kode, path: `/program/${i}/kegiatan/${j}/sub_kegiatan/${k}`, tingkat: 'sub_kegiatan' });
      });
    });
  });
  return out;
}

function posisiTeks(ctx: KonteksAturan, f: LoadedFile, path: string): string {
  const l = ctx.lok(f, path);
  return `${l.file}${l.line ? `:${l.line}` : ''}`;
}

/** Reports every value seen twice in a list of (value, path) pairs of one kind. */
function cariGanda(ctx: KonteksAturan, jenis: string, entri: { f: LoadedFile; path: string; id: unknown }[]): Diagnostic[] {
  const pertama = new Map<string, { f: LoadedFile; path: string }>();
  const out: Diagnostic[] = [];
  for (const e of entri) {
    if (typeof e.id !== 'string') continue;
    const ada = pertama.get(e.id);
    if (ada) {
      const pertama = ada.f === e.f ? `baris ${ctx.lok(ada.f, ada.path).line ?? '?'}` : posisiTeks(ctx, ada.f, ada.path);
      out.push(diagnosa('LKJ301', { jenis, id: e.id, pertama }, { ...ctx.lok(e.f, e.path), found: e.id }));
    }
    else pertama.set(e.id, e);
  }
  return out;
}

export const idUnik: Aturan = {
  nama: 'id-unik',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    const ind: { f: LoadedFile; path: string; id: unknown }[] = [];
    for (const f of [ctx.strategis, ctx.program]) {
      if (!f || !isObj(f.value)) continue;
      arr(f.value.indikator).forEach((x, i) => ind.push({ f, path: `/indikator/${i}/id`, id: isObj(x) ? x.id : undefined }));
    }
    out.push(...cariGanda(ctx, 'Indikator', ind));
    const s = ctx.strategis;
    if (s && isObj(s.value)) {
      const sv = s.value;
      out.push(...cariGanda(ctx, 'Tujuan', arr(sv.tujuan).map((x, i) => ({ f: s, path: `/tujuan/${i}/id`, id: isObj(x) ? x.id : undefined }))));
      out.push(...cariGanda(ctx, 'Sasaran', arr(sv.sasaran).map((x, i) => ({ f: s, path: `/sasaran/${i}/id`, id: isObj(x) ? x.id : undefined }))));
    }
    const p = ctx.program;
    if (p && isObj(p.value)) {
      out.push(...cariGanda(ctx, 'Kode program/kegiatan/sub kegiatan', simpulProgram(p.value).map((n) => ({ f: p, path: `${n.path}/kode`, id: n.kode }))));
    }
    // Within a year file a repeated row would be counted twice by the calculator.
    for (const f of tahunan(ctx, 'kinerja')) {
      if (isObj(f.value)) out.push(...cariGanda(ctx, 'Nilai indikator', arr(f.value.indikator).map((x, i) => ({ f, path: `/indikator/${i}/id`, id: isObj(x) ? x.id : undefined }))));
    }
    for (const f of tahunan(ctx, 'program-tahun')) {
      if (!isObj(f.value)) continue;
      const nodes = arr(f.value.node);
      out.push(...cariGanda(ctx, 'Baris program tahunan', nodes.map((x, i) => ({ f, path: `/node/${i}/kode`, id: isObj(x) ? x.kode : undefined }))));
      nodes.forEach((n, i) => {
        if (isObj(n)) out.push(...cariGanda(ctx, 'Nilai indikator', arr(n.indikator).map((x, j) => ({ f, path: `/node/${i}/indikator/${j}/id`, id: isObj(x) ? x.id : undefined }))));
      });
    }
    for (const f of tahunan(ctx, 'lra')) {
      if (isObj(f.value)) out.push(...cariGanda(ctx, 'Baris LRA', arr(f.value.baris).map((x, i) => ({ f, path: `/baris/${i}/kode`, id: isObj(x) ? x.kode : undefined }))));
    }
    for (const f of tahunan(ctx, 'pk')) {
      if (!isObj(f.value)) continue;
      for (const versi of ['apbd', 'papbd']) {
        const v = f.value[versi];
        if (!isObj(v)) continue;
        out.push(...cariGanda(ctx, `Target PK ${versi}`, arr(v.target).map((x, i) => ({ f, path: `/${versi}/target/${i}/indikator`, id: isObj(x) ? x.indikator : undefined }))));
        out.push(...cariGanda(ctx, `Anggaran PK ${versi}`, arr(v.anggaran).map((x, i) => ({ f, path: `/${versi}/anggaran/${i}/program`, id: isObj(x) ? x.program : undefined }))));
      }
    }
    return out;
  },
};

// A code is digits (or letters) separated by dots; prose never looks like this.
const POLA_KODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)+$/;
const POLA_ID = /^\S+$/;

/**
 * Every reference resolves. References are found by key name wherever they appear, so that sections
 * added later (Renja forms, alokasi_anggaran, ...) are checked without a new rule:
 * `indikator` (id or list of ids), `id` of an item in an `indikator` list of a year file,
 * `program` (program code or list), `kode` in lra/program/renja/pk files (any node or urusan code),
 * `tujuan`, `sasaran` (ids).
 */
export const referensiDikenal: Aturan = {
  nama: 'referensi-dikenal',
  periksa(ctx) {
    const d = definisi(ctx);
    if (!d) return [];
    const out: Diagnostic[] = [];
    const SUMBER_IND = 'renstra/strategis.yaml atau renstra/program.yaml (daftar `indikator`)';
    const cek = (f: LoadedFile, path: string, id: string, jenis: 'indikator' | 'program' | 'node' | 'tujuan' | 'sasaran'): void => {
      const conf = {
        indikator: { m: d.indikator, jenis: 'Indikator', sumber: SUMBER_IND, ok: POLA_ID },
        program: { m: d.program, jenis: 'Kode program', sumber: 'renstra/program.yaml (daftar `program`)', ok: POLA_KODE },
        node: { m: d.node, jenis: 'Kode program/kegiatan/sub kegiatan', sumber: 'renstra/program.yaml', ok: POLA_KODE },
        tujuan: { m: d.tujuan, jenis: 'Tujuan', sumber: 'renstra/strategis.yaml (daftar `tujuan`)', ok: POLA_ID },
        sasaran: { m: d.sasaran, jenis: 'Sasaran', sumber: 'renstra/strategis.yaml (daftar `sasaran`)', ok: POLA_ID },
      }[jenis];
      if (!conf.ok.test(id) || conf.m.has(id) || (jenis === 'node' && d.urusan.has(id))) return;
      const m = mirip(id, conf.m.keys());
      out.push(diagnosa('LKJ302', { jenis: conf.jenis, id, sumber: conf.sumber, ...(m ? { mirip: m } : {}) }, { ...ctx.lok(f, path), found: id }));
    };
    const cekSatuAtauDaftar = (f: LoadedFile, path: string, v: unknown, jenis: 'indikator' | 'program' | 'tujuan' | 'sasaran'): void => {
      if (typeof v === 'string') cek(f, path, v, jenis);
      else if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && cek(f, `${path}/${i}`, x, jenis));
    };
    for (const f of ctx.files) {
      const berkasTahun = f.tahun !== undefined;
      // Only these files use `kode` for budget-tree codes; context tables may use it for other things.
      const kodeAnggaran = berkasTahun && ['lra', 'program-tahun', 'renja', 'pk'].includes(f.jenis);
      const telusuri = (v: unknown, path: string, kunciDaftar: string | undefined): void => {
        if (Array.isArray(v)) {
          v.forEach((x, i) => telusuri(x, `${path}/${i}`, kunciDaftar));
          return;
        }
        if (!isObj(v)) return;
        for (const [k, x] of Object.entries(v)) {
          const p = `${path}/${esc(k)}`;
          if (k === 'indikator' || k === 'program' || k === 'tujuan' || k === 'sasaran') cekSatuAtauDaftar(f, p, x, k);
          else if (k === 'kode' && kodeAnggaran && typeof x === 'string') cek(f, p, x, 'node');
          else if (k === 'id' && berkasTahun && kunciDaftar === 'indikator' && typeof x === 'string') cek(f, p, x, 'indikator');
          if (typeof x === 'object' && x !== null) telusuri(x, p, Array.isArray(x) ? k : undefined);
        }
      };
      telusuri(f.value, '', undefined);
    }
    return out;
  },
};

const dekat = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

interface Baris {
  kode: string;
  path: string;
  nilai: (kolom: string) => number | undefined;
}

/** Parent rows: the longest other code of which a row's code is a dotted prefix. */
function periksaJumlah(ctx: KonteksAturan, f: LoadedFile, baris: Baris[], kolom: { nama: string; path: string }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const perKode = new Map(baris.map((b) => [b.kode, b]));
  const anak = new Map<string, Baris[]>();
  for (const b of baris) {
    const seg = b.kode.split('.');
    for (let n = seg.length - 1; n >= 1; n--) {
      const induk = seg.slice(0, n).join('.');
      if (perKode.has(induk)) {
        (anak.get(induk) ?? anak.set(induk, []).get(induk)!).push(b);
        break;
      }
    }
  }
  for (const [kodeInduk, daftar] of anak) {
    const induk = perKode.get(kodeInduk)!;
    for (const k of kolom) {
      const vi = induk.nilai(k.nama);
      const va = daftar.map((b) => b.nilai(k.nama));
      if (vi === undefined || va.some((x) => x === undefined)) continue;
      const jumlah = (va as number[]).reduce((a, b) => a + b, 0);
      if (!dekat(vi, jumlah)) {
        out.push(
          diagnosa(
            'LKJ303',
            { kode: kodeInduk, kolom: k.nama, induk: vi, jumlah, anak: daftar.map((b) => b.kode) },
            { ...ctx.lok(f, `${induk.path}${k.path}`), found: String(vi), expected: String(jumlah) },
          ),
        );
      }
    }
  }
  return out;
}

const KOLOM_LRA = ['anggaran', 'rencana_sd', 'realisasi_sd', 'rencana_akhir', 'realisasi_akhir'];

export const indukSamaJumlahAnak: Aturan = {
  nama: 'induk-sama-jumlah-anak',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const f of tahunan(ctx, 'lra')) {
      if (!isObj(f.value)) continue;
      const baris: Baris[] = [];
      arr(f.value.baris).forEach((b, i) => {
        if (isObj(b) && typeof b.kode === 'string') baris.push({ kode: b.kode, path: `/baris/${i}`, nilai: (k) => num(b[k]) });
      });
      out.push(...periksaJumlah(ctx, f, baris, KOLOM_LRA.map((k) => ({ nama: k, path: `/${k}` }))));
    }
    for (const f of tahunan(ctx, 'program-tahun')) {
      if (!isObj(f.value)) continue;
      const baris: Baris[] = [];
      arr(f.value.node).forEach((n, i) => {
        if (!isObj(n) || typeof n.kode !== 'string') return;
        baris.push({
          kode: n.kode,
          path: `/node/${i}`,
          nilai: (k) => {
            if (k === 'pagu') return num(n.pagu);
            const tw = /^realisasi_rp_triwulan\/(\d)$/.exec(k);
            return tw ? num(arr(n.realisasi_rp_triwulan)[Number(tw[1])]) : undefined;
          },
        });
      });
      const kolom = [{ nama: 'pagu', path: '/pagu' }, ...[0, 1, 2, 3].map((i) => ({ nama: `realisasi_rp_triwulan/${i}`, path: `/realisasi_rp_triwulan/${i}` }))];
      out.push(
        ...periksaJumlah(ctx, f, baris, kolom).map((d) => ({
          ...d,
          message: d.message.replace(/`realisasi_rp_triwulan\/(\d)`/, (_, i: string) => `\`realisasi_rp_triwulan\` triwulan ${Number(i) + 1}`),
        })),
      );
    }
    return out;
  },
};

export const anggaranPkSamaLra: Aturan = {
  nama: 'anggaran-pk-sama-lra',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const pk of tahunan(ctx, 'pk')) {
      const lra = tahunan(ctx, 'lra').find((f) => f.tahun === pk.tahun);
      if (!isObj(pk.value) || !lra || !isObj(lra.value) || !isObj(pk.value.papbd)) continue;
      const anggaranLra = new Map<string, number>();
      for (const b of arr(lra.value.baris)) if (isObj(b) && typeof b.kode === 'string' && num(b.anggaran) !== undefined) anggaranLra.set(b.kode, b.anggaran as number);
      arr(pk.value.papbd.anggaran).forEach((a, i) => {
        if (!isObj(a)) return;
        const program = str(a.program);
        const nilai = num(a.anggaran);
        const diLra = program === undefined ? undefined : anggaranLra.get(program);
        if (program === undefined || nilai === undefined || diLra === undefined || dekat(nilai, diLra)) return;
        out.push(diagnosa('LKJ304', { program, pk: nilai, lra: diLra }, { ...ctx.lok(pk, `/papbd/anggaran/${i}/anggaran`), found: String(nilai), expected: String(diLra) }));
      });
    }
    return out;
  },
};

export const realisasiTidakMelebihiAnggaran: Aturan = {
  nama: 'realisasi-tidak-melebihi-anggaran',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const f of tahunan(ctx, 'lra')) {
      if (!isObj(f.value)) continue;
      arr(f.value.baris).forEach((b, i) => {
        if (!isObj(b) || typeof b.kode !== 'string') return;
        const [ang, sd, akhir] = [num(b.anggaran), num(b.realisasi_sd), num(b.realisasi_akhir)];
        if (ang === undefined || sd === undefined || akhir === undefined) return;
        const realisasi = sd + akhir;
        if (realisasi > ang && !dekat(realisasi, ang)) {
          out.push(diagnosa('LKJ305', { kode: b.kode, realisasi, anggaran: ang }, { ...ctx.lok(f, `/baris/${i}/realisasi_akhir`), found: String(realisasi), expected: `<= ${ang}` }));
        }
      });
    }
    return out;
  },
};

export const triwulanSah: Aturan = {
  nama: 'triwulan-sah',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files) {
      if (f.tahun === undefined) continue;
      const telusuri = (v: unknown, path: string, nama: string): void => {
        if (Array.isArray(v)) v.forEach((x, i) => telusuri(x, `${path}/${i}`, `${nama}[butir ke-${i + 1}]`));
        else if (isObj(v)) {
          for (const [k, x] of Object.entries(v)) {
            const p = `${path}/${esc(k)}`;
            const n = nama ? `${nama}.${k}` : k;
            if ((k === 'triwulan' || k.startsWith('triwulan_')) && typeof x === 'number' && !(Number.isInteger(x) && x >= 1 && x <= 4)) {
              out.push(diagnosa('LKJ306', { kolom: n, nilai: String(x) }, { ...ctx.lok(f, p), found: String(x), expected: '1, 2, 3 atau 4' }));
            }
            telusuri(x, p, n);
          }
        }
      };
      telusuri(f.value, '', '');
    }
    return out;
  },
};

function periode(ctx: KonteksAturan): { awal: number; akhir: number } | undefined {
  const s = ctx.strategis?.value;
  if (!isObj(s) || !isObj(s.periode)) return undefined;
  const awal = num(s.periode.awal);
  const akhir = num(s.periode.akhir);
  return awal !== undefined && akhir !== undefined ? { awal, akhir } : undefined;
}

export const tahunDalamPeriode: Aturan = {
  nama: 'tahun-dalam-periode',
  periksa(ctx) {
    const per = periode(ctx);
    if (!per) return [];
    const out: Diagnostic[] = [];
    const di = (t: number): boolean => t >= per.awal && t <= per.akhir;
    for (const y of ctx.years) {
      if (di(y)) continue;
      const berkas = ctx.files.filter((f) => f.tahun === y && isObj(f.value) && f.value.tahun === y);
      if (berkas.length === 0) {
        const folder = tampilanPath(path.resolve(ctx.loaded.dir, String(y)));
        out.push(diagnosa('LKJ307', { tahun: y, ...per, di: `folder ${y}` }, { file: folder, found: String(y) }));
      }
      for (const f of berkas) out.push(diagnosa('LKJ307', { tahun: y, ...per, di: 'kolom `tahun`' }, { ...ctx.lok(f, '/tahun'), found: String(y) }));
    }
    for (const f of [ctx.strategis, ctx.program]) {
      if (!f || !isObj(f.value)) continue;
      arr(f.value.indikator).forEach((ind, i) => {
        if (!isObj(ind) || !isObj(ind.target)) return;
        for (const k of Object.keys(ind.target)) {
          const t = Number(k);
          if (/^\d{4}$/.test(k) && di(t)) continue;
          out.push(
            diagnosa('LKJ307', { tahun: k, ...per, di: `target indikator ${str(ind.id) ?? `ke-${i + 1}`}` }, { ...ctx.lok(f, `/indikator/${i}/target/${esc(k)}`, true), found: k }),
          );
        }
      });
    }
    return out;
  },
};

export const tahunSamaFolder: Aturan = {
  nama: 'tahun-sama-folder',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files) {
      if (f.tahun === undefined || !isObj(f.value) || !('tahun' in f.value)) continue;
      if (f.value.tahun !== f.tahun) out.push(diagnosa('LKJ308', { tahun: f.value.tahun, folder: f.tahun }, { ...ctx.lok(f, '/tahun'), found: String(f.value.tahun), expected: String(f.tahun) }));
    }
    return out;
  },
};

/** In the order they run (the semantic rules of semantik.ts are added by index.ts). */
export const ATURAN_DASAR: readonly Aturan[] = [
  idUnik,
  referensiDikenal,
  indukSamaJumlahAnak,
  anggaranPkSamaLra,
  realisasiTidakMelebihiAnggaran,
  triwulanSah,
  tahunDalamPeriode,
  tahunSamaFolder,
];

export function buatKonteks(loaded: Loaded, files: LoadedFile[], years: number[]): KonteksAturan {
  const ok = files.filter((f) => f.ok);
  const ctx: KonteksAturan = {
    loaded,
    files: ok,
    years,
    lok(f, path, kunci = false) {
      const pos = f.posisi(path, { kunci });
      return pos ? { file: f.file, line: pos.line, column: pos.column } : { file: f.file };
    },
  };
  const s = ok.find((f) => f.jenis === 'strategis' && f.tahun === undefined);
  const p = ok.find((f) => f.jenis === 'renstra-program' && f.tahun === undefined);
  if (s) ctx.strategis = s;
  if (p) ctx.program = p;
  return ctx;
}
