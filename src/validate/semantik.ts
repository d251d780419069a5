/**
 * Rules about what the values mean, beyond their types: quarters that do not add up to the year,
 * negative values where none can be, a cumulative total smaller than the years it sums, and the
 * structure of the context table (`kondisi` in konteks.yaml). Like rules.ts, each reads the values
 * defensively and skips what it cannot judge. Warnings, except what cannot be computed at all.
 */
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-data.js';
import type { Aturan, KonteksAturan } from './rules.js';
import { mirip } from './schema-errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const dekat = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

interface DefinisiIndikator {
  kumulatif: boolean | undefined;
  nama: string;
  satuan: string;
}

/** Indicator definitions of the Renstra (strategis first), read defensively. */
const cacheDefinisi = new WeakMap<KonteksAturan, Map<string, DefinisiIndikator>>();
const cacheNilai = new WeakMap<KonteksAturan, NilaiDiBerkas[]>();

function definisiIndikator(ctx: KonteksAturan): Map<string, DefinisiIndikator> {
  const ada = cacheDefinisi.get(ctx);
  if (ada) return ada;
  const out = new Map<string, DefinisiIndikator>();
  cacheDefinisi.set(ctx, out);
  for (const f of [ctx.strategis, ctx.program]) {
    if (!f || !isObj(f.value)) continue;
    for (const x of arr(f.value.indikator)) {
      if (!isObj(x) || typeof x.id !== 'string' || out.has(x.id)) continue;
      out.set(x.id, { kumulatif: typeof x.kumulatif === 'boolean' ? x.kumulatif : undefined, nama: str(x.nama) ?? '', satuan: str(x.satuan) ?? '' });
    }
  }
  return out;
}

/** One indicator value of a year file (kinerja.yaml or program.yaml), with its JSON pointer. */
interface NilaiDiBerkas {
  f: LoadedFile;
  path: string;
  v: Obj;
}

function nilaiIndikatorTahun(ctx: KonteksAturan): NilaiDiBerkas[] {
  const ada = cacheNilai.get(ctx);
  if (ada) return ada;
  const out: NilaiDiBerkas[] = [];
  cacheNilai.set(ctx, out);
  for (const f of ctx.files) {
    if (f.tahun === undefined || !isObj(f.value)) continue;
    if (f.jenis === 'kinerja') {
      arr(f.value.indikator).forEach((v, i) => isObj(v) && out.push({ f, path: `/indikator/${i}`, v }));
    } else if (f.jenis === 'program-tahun') {
      arr(f.value.node).forEach((n, i) => {
        if (isObj(n)) arr(n.indikator).forEach((v, j) => isObj(v) && out.push({ f, path: `/node/${i}/indikator/${j}`, v }));
      });
    }
  }
  return out;
}

const teksTriwulan = (tw: (number | null)[]): string => `[${tw.map((x) => (x === null ? 'null' : fmt(x))).join(', ')}]`;

/**
 * `realisasi` beside `realisasi_triwulan`: a cumulative indicator's quarters add up to the year
 * (all four reported: the sum equals it; fewer: the sum cannot exceed it); a non-cumulative one's
 * fourth quarter is the year's value. The LKJIP prints `realisasi`, E.81 the quarters.
 */
export const triwulanSesuaiTahunan: Aturan = {
  nama: 'triwulan-sesuai-tahunan',
  periksa(ctx) {
    const def = definisiIndikator(ctx);
    const out: Diagnostic[] = [];
    for (const { f, path, v } of nilaiIndikatorTahun(ctx)) {
      const id = str(v.id);
      const realisasi = num(v.realisasi);
      const tw = Array.isArray(v.realisasi_triwulan) ? v.realisasi_triwulan.map((x) => num(x) ?? null) : undefined;
      const kumulatif = id ? def.get(id)?.kumulatif : undefined;
      if (!id || realisasi === undefined || !tw || tw.length !== 4 || kumulatif === undefined) continue;
      const terisi = tw.filter((x): x is number => x !== null);
      if (terisi.length === 0) continue;
      const lengkap = terisi.length === 4;
      let hitungan: number | undefined;
      let aturan = '';
      if (kumulatif) {
        const jumlah = terisi.reduce((a, b) => a + b, 0);
        if (lengkap ? !dekat(jumlah, realisasi) : jumlah > realisasi && !dekat(jumlah, realisasi)) {
          hitungan = jumlah;
          aturan = lengkap ? 'berjumlah' : 'sudah berjumlah (lebih dari setahun)';
        }
      } else if (lengkap && !dekat(tw[3] as number, realisasi)) {
        hitungan = tw[3] as number;
        aturan = 'berakhir di triwulan IV dengan';
      }
      if (hitungan === undefined) continue;
      out.push(
        diagnosa(
          'LKJ335',
          { id, realisasi, triwulan: teksTriwulan(tw), hitungan, aturan: `(indikator ${kumulatif ? 'kumulatif' : 'tidak kumulatif'}) ${aturan}` },
          { ...ctx.lok(f, `${path}/realisasi`), found: fmt(realisasi), expected: fmt(hitungan) },
        ),
      );
    }
    return out;
  },
};

/** Indicators that measure a change (growth, balance) may be negative; anything else may not. */
const BISA_NEGATIF = /pertumbuhan|laju|perubahan|selisih|inflasi|kenaikan|penurunan|defisit|surplus|saldo|neraca|deviasi|pergeseran/i;

/**
 * Negative indicator values (targets, realisations, quarters), Renstra targets and quarterly Rupiah,
 * except for indicators whose name says they measure a change. (Budgets, LRA columns and counts of
 * the context tables are non-negative by schema.)
 */
export const tidakNegatif: Aturan = {
  nama: 'tidak-negatif',
  periksa(ctx) {
    const def = definisiIndikator(ctx);
    const out: Diagnostic[] = [];
    const bolehId = new Map<string, boolean>();
    const boleh = (id: string | undefined): boolean => {
      if (!id) return false;
      let b = bolehId.get(id);
      if (b === undefined) bolehId.set(id, (b = BISA_NEGATIF.test(def.get(id)?.nama ?? '')));
      return b;
    };
    const negatif = (nilai: unknown): boolean => {
      const n = num(nilai);
      return n !== undefined && n < 0;
    };
    const cek = (f: LoadedFile, path: string, nilai: unknown, kolom: string, apa: string): void => {
      const n = num(nilai);
      if (n !== undefined && n < 0) out.push(diagnosa('LKJ336', { kolom, nilai: n, apa }, { ...ctx.lok(f, path), found: fmt(n) }));
    };
    for (const { f, path, v } of nilaiIndikatorTahun(ctx)) {
      // Most values are not negative: the texts of a finding are built only for those that are.
      if (!negatif(v.target) && !negatif(v.realisasi) && !negatif(v.realisasi_sd_tahun_lalu) && !arr(v.realisasi_triwulan).some(negatif)) continue;
      const id = str(v.id);
      if (boleh(id)) continue;
      const apa = `nilai indikator ${id ?? ''} (${def.get(id ?? '')?.satuan || 'tanpa satuan'})`.replace('  ', ' ');
      cek(f, `${path}/target`, v.target, `${id}.target`, apa);
      cek(f, `${path}/realisasi`, v.realisasi, `${id}.realisasi`, apa);
      cek(f, `${path}/realisasi_sd_tahun_lalu`, v.realisasi_sd_tahun_lalu, `${id}.realisasi_sd_tahun_lalu`, apa);
      arr(v.realisasi_triwulan).forEach((x, i) => cek(f, `${path}/realisasi_triwulan/${i}`, x, `${id}.realisasi_triwulan (triwulan ${i + 1})`, apa));
    }
    for (const f of ctx.files) {
      if (f.tahun === undefined || !isObj(f.value)) continue;
      if (f.jenis === 'program-tahun') {
        arr(f.value.node).forEach((n, i) => {
          if (!isObj(n) || !arr(n.realisasi_rp_triwulan).some(negatif)) return;
          arr(n.realisasi_rp_triwulan).forEach((x, j) =>
            cek(f, `/node/${i}/realisasi_rp_triwulan/${j}`, x, `${str(n.kode) ?? ''}.realisasi_rp_triwulan (triwulan ${j + 1})`, 'realisasi anggaran (rupiah)'),
          );
        });
      }
      if (f.jenis === 'pk') {
        for (const versi of ['apbd', 'papbd']) {
          const v = f.value[versi];
          if (!isObj(v)) continue;
          arr(v.target).forEach((t, i) => {
            if (isObj(t) && !boleh(str(t.indikator))) cek(f, `/${versi}/target/${i}/target`, t.target, `${versi}.target[${str(t.indikator) ?? i + 1}]`, `target indikator ${str(t.indikator) ?? ''}`);
          });
        }
      }
    }
    for (const f of [ctx.strategis, ctx.program]) {
      if (!f || !isObj(f.value)) continue;
      arr(f.value.indikator).forEach((x, i) => {
        if (!isObj(x) || boleh(str(x.id))) return;
        const id = str(x.id) ?? `ke-${i + 1}`;
        const apa = `nilai indikator ${id}`;
        cek(f, `/indikator/${i}/data_awal`, x.data_awal, `${id}.data_awal`, apa);
        cek(f, `/indikator/${i}/target_akhir`, x.target_akhir, `${id}.target_akhir`, apa);
        if (isObj(x.target)) for (const [t, n] of Object.entries(x.target)) cek(f, `/indikator/${i}/target/${t}`, n, `${id}.target.${t}`, apa);
      });
    }
    for (const f of ctx.files) {
      if (f.jenis !== 'konteks' || !isObj(f.value) || !isObj(f.value.kondisi)) continue;
      arr(f.value.kondisi.baris).forEach((b, i) => {
        if (!isObj(b) || BISA_NEGATIF.test(str(b.uraian) ?? '')) return;
        cek(f, `/kondisi/baris/${i}/nilai`, b.nilai, `kondisi.baris[${str(b.id) ?? i + 1}].nilai`, `nilai baris "${str(b.uraian) ?? str(b.id) ?? i + 1}"`);
      });
    }
    return out;
  },
};

/**
 * `realisasi_sd_tahun_lalu` of a cumulative indicator (the total up to last year, years before the
 * data included) cannot be less than the realisations of the years the data holds.
 */
export const kumulatifTidakKurang: Aturan = {
  nama: 'kumulatif-tidak-kurang',
  periksa(ctx) {
    const def = definisiIndikator(ctx);
    const semua = nilaiIndikatorTahun(ctx);
    const realisasi = new Map<string, Map<number, number>>();
    for (const { f, v } of semua) {
      const id = str(v.id);
      if (!id || f.tahun === undefined || def.get(id)?.kumulatif !== true) continue;
      let r = num(v.realisasi);
      const tw = arr(v.realisasi_triwulan).map(num);
      if (r === undefined && tw.length === 4 && tw.every((x) => x !== undefined)) r = (tw as number[]).reduce((a, b) => a + b, 0);
      if (r === undefined) continue;
      const m = realisasi.get(id) ?? new Map<number, number>();
      if (!m.has(f.tahun)) m.set(f.tahun, r);
      realisasi.set(id, m);
    }
    const out: Diagnostic[] = [];
    for (const { f, path, v } of semua) {
      const id = str(v.id);
      const sd = num(v.realisasi_sd_tahun_lalu);
      const tahun = f.tahun;
      if (!id || sd === undefined || tahun === undefined || def.get(id)?.kumulatif !== true) continue;
      const sebelum = [...(realisasi.get(id) ?? new Map<number, number>())].filter(([t]) => t < tahun).sort(([a], [b]) => a - b);
      if (sebelum.length === 0) continue;
      const jumlah = sebelum.reduce((a, [, r]) => a + r, 0);
      if (sd < jumlah && !dekat(sd, jumlah)) {
        const rincian = sebelum.map(([t, r]) => `${t}: ${fmt(r)}`).join(', ');
        out.push(diagnosa('LKJ338', { id, sd, tahun, jumlah, rincian }, { ...ctx.lok(f, `${path}/realisasi_sd_tahun_lalu`), found: fmt(sd), expected: `>= ${fmt(jumlah)}` }));
      }
    }
    return out;
  },
};

const SUMBER_BARIS = ['nilai', 'jumlah', 'persen', 'indikator'] as const;

/**
 * The context table of each konteks.yaml: unique row ids, one value source per row, `jumlah` and
 * `persen` naming rows of the same table, and no row that depends on itself.
 */
export const tabelKondisiSah: Aturan = {
  nama: 'tabel-kondisi-sah',
  periksa(ctx) {
    const out: Diagnostic[] = [];
    for (const f of ctx.files) {
      if (f.jenis !== 'konteks' || !isObj(f.value) || !isObj(f.value.kondisi)) continue;
      const baris = arr(f.value.kondisi.baris);
      const nama = (b: Obj, i: number): string => `\`${str(b.id) ?? str(b.uraian) ?? `ke-${i + 1}`}\``;
      const indeks = new Map<string, number>();
      baris.forEach((b, i) => {
        if (!isObj(b) || typeof b.id !== 'string') return;
        const ada = indeks.get(b.id);
        if (ada !== undefined) {
          out.push(diagnosa('LKJ301', { jenis: 'Baris tabel kondisi', id: b.id, pertama: `baris ${ctx.lok(f, `/kondisi/baris/${ada}`).line ?? '?'}` }, { ...ctx.lok(f, `/kondisi/baris/${i}/id`), found: b.id }));
        } else indeks.set(b.id, i);
      });
      const dikenal = [...indeks.keys()];
      const rujukan = new Map<number, number[]>();
      baris.forEach((b, i) => {
        if (!isObj(b)) return;
        // In the order written, so the diagnostic points at the second source the row names.
        const sumber = Object.keys(b).filter((k): k is (typeof SUMBER_BARIS)[number] => (SUMBER_BARIS as readonly string[]).includes(k) && b[k] !== undefined);
        if (sumber.length > 1) out.push(diagnosa('LKJ340', { baris: nama(b, i), sumber }, ctx.lok(f, `/kondisi/baris/${i}/${sumber[1]}`, true)));
        for (const k of ['jumlah', 'persen'] as const) {
          arr(b[k]).forEach((id, j) => {
            if (typeof id !== 'string') return;
            const t = indeks.get(id);
            if (t !== undefined) {
              rujukan.set(i, [...(rujukan.get(i) ?? []), t]);
              return;
            }
            const m = mirip(id, dikenal);
            out.push(
              diagnosa(
                'LKJ341',
                { id, baris: nama(b, i), dikenal: dikenal.join(', ') || '(belum ada baris ber-id)', ...(m ? { mirip: m } : {}) },
                { ...ctx.lok(f, `/kondisi/baris/${i}/${k}/${j}`), found: id },
              ),
            );
          });
        }
      });
      // A cycle: a row reached again while following its own references.
      const selesai = new Set<number>();
      const jalur: number[] = [];
      const dilaporkan = new Set<number>();
      const telusuri = (i: number): void => {
        if (selesai.has(i)) return;
        const k = jalur.indexOf(i);
        if (k >= 0) {
          const lingkar = [...jalur.slice(k), i];
          const awal = lingkar[0] as number;
          if (!dilaporkan.has(awal)) {
            lingkar.forEach((x) => dilaporkan.add(x));
            const teks = lingkar.map((x) => nama(baris[x] as Obj, x)).join(' -> ');
            out.push(diagnosa('LKJ342', { jalur: teks }, ctx.lok(f, `/kondisi/baris/${awal}`)));
          }
          return;
        }
        jalur.push(i);
        for (const t of rujukan.get(i) ?? []) telusuri(t);
        jalur.pop();
        selesai.add(i);
      };
      for (const i of rujukan.keys()) telusuri(i);
    }
    return out;
  },
};

/**
 * A program's money goes into one budget cell (Tabel 3.2.a / 3.2.b / 3.3.a): the cells come from
 * `sasaran[].alokasi_anggaran[].program`, or `sasaran[].program` for a sasaran without them. A
 * program in two cells is counted twice there: warned at its second place.
 */
export const anggaranSekali: Aturan = {
  nama: 'anggaran-sekali',
  periksa(ctx) {
    const f = ctx.strategis;
    if (!f || !isObj(f.value)) return [];
    const tempat = new Map<string, { nama: string; path: string }[]>();
    arr(f.value.sasaran).forEach((s, i) => {
      if (!isObj(s)) return;
      const nama = str(s.id) ?? `sasaran ke-${i + 1}`;
      const sel = Array.isArray(s.alokasi_anggaran)
        ? arr(s.alokasi_anggaran).flatMap((a, j) => (isObj(a) ? arr(a.program).map((k, m) => ({ k, path: `/sasaran/${i}/alokasi_anggaran/${j}/program/${m}` })) : []))
        : arr(s.program).map((k, m) => ({ k, path: `/sasaran/${i}/program/${m}` }));
      for (const { k, path } of sel) {
        const kode = str(k);
        if (!kode) continue;
        const daftar = tempat.get(kode) ?? [];
        daftar.push({ nama, path });
        tempat.set(kode, daftar);
      }
    });
    const out: Diagnostic[] = [];
    for (const [program, daftar] of tempat) {
      if (daftar.length < 2) continue;
      const kedua = daftar[1] as { path: string };
      out.push(diagnosa('LKJ339', { program, sasaran: daftar.map((d) => d.nama) }, { ...ctx.lok(f, kedua.path), found: program }));
    }
    return out;
  },
};

export const ATURAN_SEMANTIK: readonly Aturan[] = [triwulanSesuaiTahunan, tidakNegatif, kumulatifTidakKurang, tabelKondisiSah, anggaranSekali];
