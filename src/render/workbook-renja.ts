/**
 * The Renja forms as workbook sheets (E.81, TC-29, TC-30, TC-31, Tabel 4.1), laid out like the
 * Permendagri 86/2017 forms: multi-row headers, the row of column numbers with their formulas,
 * codes, bold program rows and indented kegiatan / sub kegiatan. Derived cells are live formulas
 * cached with the calculator's values (HasilTahun.renja, calc/tabel-renja.ts). Pure.
 */
import { indukKode } from '../calc/anggaran.js';
import { jumlahkan } from '../calc/angka.js';
import { rumusIndikator } from '../calc/capaian.js';
import { predikatNilai } from '../calc/tabel-lkjip.js';
import { hitungMatriks, hitungTc30, hitungTc31, jumlahTriwulanE81, type TingkatNode } from '../calc/tabel-renja.js';
import type { BarisE81, KolomE81K, Nilai } from '../calc/types.js';
import type { Indikator, RenjaRincian, RenjaTarget, RumusCapaian } from '../model/types.js';
import { createEnv, type HandlebarsEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import { LABEL_TRIWULAN } from './renja-e81.js';
import { definisiTabelRenja } from './renja-tabel.js';
import { FORMAT, PenyusunLembar, ref, type Lembar, type Sel, type SelKepala } from './workbook-model.js';
import {
  formatNilai,
  rumusCapaian,
  rumusJumlah,
  rumusKategori,
  rumusPersen,
  rumusRata,
  rumusTerakhir,
  skalaPredikat,
} from './workbook-rumus.js';

/** Form ids of the Renja workbook, in sheet order, with their sheet names. */
export const LEMBAR_RENJA: readonly { id: string; nama: string }[] = [
  { id: 'E.81', nama: 'E.81' },
  { id: 'TC-29', nama: 'TC-29' },
  { id: 'TC-30', nama: 'TC-30' },
  { id: 'TC-31', nama: 'TC-31' },
  { id: '4.1', nama: 'Tabel 4.1' },
];

function definisiIndikator(ctx: KonteksDokumen, id: string): Indikator | undefined {
  return ctx.data.program?.indikator.find((i) => i.id === id) ?? ctx.data.strategis?.indikator.find((i) => i.id === id);
}

function rumusDari(ctx: KonteksDokumen, id: string): RumusCapaian {
  const ind = definisiIndikator(ctx, id);
  return ind ? rumusIndikator(ind) : 'formulasi_1';
}

function teks(s: string | null | undefined, extra: Partial<Sel> = {}): Sel {
  return { v: s ?? '', ...extra };
}

function angka(n: Nilai | undefined, fmt: string, extra: Partial<Sel> = {}): Sel {
  return { v: n ?? null, fmt, rata: 'kanan', ...extra };
}

function rumus(f: string, hasil: Nilai | string | undefined, fmt: string = FORMAT.desimal, extra: Partial<Sel> = {}): Sel {
  return { f, hasil: hasil ?? null, fmt, rata: 'kanan', ...extra };
}

/**
 * An indicator value: a bare number. Its unit is the row's SATUAN cell; a graded indicator's
 * grade goes in a PREDIKAT column beside it (workbook-predikat.ts).
 */
function nilai(ctx: KonteksDokumen, id: string, n: Nilai, satuan: string, extra: Partial<Sel> = {}): Sel {
  if (n === null) return { v: null, rata: 'kanan', ...extra };
  const skala = skalaPredikat(definisiIndikator(ctx, id)?.predikat);
  const predikat = skala ? { predikat: { skala, desimal: ctx.h.desimal_persen, hasil: predikatNilai(ctx.data, id, n, ctx.h.desimal_persen) } } : {};
  return { v: n, fmt: formatNilai(satuan, n, ctx.h.desimal_persen), rata: 'kanan', ...predikat, ...extra };
}

/** The SATUAN cell of a row. */
function satuan(s: string | null | undefined): Sel {
  return teks(s ?? '', { rata: 'tengah' });
}

function satuanTarget(ctx: KonteksDokumen, t: RenjaTarget): string {
  return t.satuan ?? definisiIndikator(ctx, t.id)?.satuan ?? '';
}

/** A target as the form prints it; one without a number is "-" (its unit stays in SATUAN). */
function target(ctx: KonteksDokumen, t: RenjaTarget): Sel {
  const n = t.target ?? null;
  if (n === null) return teks('-', { rata: 'kanan' });
  return nilai(ctx, t.id, n, satuanTarget(ctx, t));
}

function targetRincian(ctx: KonteksDokumen, r: RenjaRincian): Sel | null {
  if (r.kelompok || r.target === undefined) return null;
  if (r.target === null) return teks('-', { rata: 'kanan' });
  return { v: r.target, fmt: formatNilai(r.satuan ?? '', r.target, ctx.h.desimal_persen), rata: 'kanan' };
}

function satuanRincian(r: RenjaRincian): Sel | null {
  return r.kelompok || r.target === undefined ? null : satuan(r.satuan);
}

function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}

/** Title lines from the form's caption (its <br> are line breaks), then the header. */
function mulaiLembar(env: HandlebarsEnv, ctx: KonteksDokumen, id: string, nama: string, lebar: number[]): PenyusunLembar {
  const l = new PenyusunLembar(nama, lebar);
  const def = definisiTabelRenja(id);
  const judul = env.compile(def.judul, { strict: true })({ tahun: ctx.tahun, opd: ctx.opd, h: ctx.h, d: ctx.d, v: def.view(ctx) });
  l.judul(def.nomor.toUpperCase());
  for (const baris of judul.split(/<br\s*\/?>/i)) l.judul(decodeHtml(baris.replace(/<[^>]+>/g, '')).trim());
  l.kosong();
  return l;
}

function akhiri(l: PenyusunLembar, ctx: KonteksDokumen, id: string): Lembar {
  const s = ctx.d.renja?.sumber_data?.[id];
  l.sumber(s && s.trim() !== '' ? [s] : []);
  return l.selesai();
}

function gaya(tingkat: TingkatNode): Partial<Sel> {
  const indent = tingkat === 'program' ? 0 : tingkat === 'kegiatan' ? 1 : 2;
  return { tebal: tingkat !== 'sub_kegiatan', indent };
}

/** Urusan / bidang urusan heading rows (renstra/program.yaml `urusan`). */
function barisUrusan(ctx: KonteksDokumen, l: PenyusunLembar, kolomKode: number, kolomNama: number[]): void {
  for (const u of ctx.data.program?.urusan ?? []) {
    const cells: (Sel | null)[] = [];
    cells[kolomKode - 1] = teks(u.kode ?? '', { tebal: true });
    for (const c of kolomNama) cells[c - 1] = teks(u.nama.toUpperCase(), { tebal: true });
    l.baris(cells);
  }
}

function kosongBaris(l: PenyusunLembar, n: number): void {
  l.baris(Array.from({ length: n }, () => teks('-', { rata: 'tengah' })));
}

// ---------------------------------------------------------------------------------------------
// E.81

/** E.81 columns (1-based): SATUAN after the indicator ("4a"), then K and Rp of columns 5..15 of the form. */
const E = {
  no: 1, kode: 2, uraian: 3, indikator: 4, satuan: 5,
  k5: 6, rp5: 7, k6: 8, rp6: 9, k7: 10, rp7: 11,
  tw: [12, 14, 16, 18] as const, twRp: [13, 15, 17, 19] as const,
  k12: 20, rp12: 21, k13: 22, rp13: 23, k14: 24, rp14: 25, k15: 26, rp15: 27, unit: 28, ket: 29,
};
const KOLOM_E81 = 29;

/** The divisor of column 13: the quarterly target as a number when the evaluation used one, else the cell. */
function pembagi(targetEvaluasi: Nilai | undefined, sel: string): string {
  return targetEvaluasi === undefined || targetEvaluasi === null ? sel : String(targetEvaluasi);
}

/** The E.81 sheet; `penanda` names its total cells (pagu, realisasi, rata-rata capaian, predikat). */
export function lembarE81(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const e = ctx.h.renja.e81;
  const t = ctx.tahun;
  const akhir = e?.tahun_akhir_renstra ?? ctx.h.tahun_renstra.akhir;
  const lebar = [5, 16, 34, 34, 10, ...Array.from({ length: 22 }, (_, i) => (i % 2 === 0 ? 13 : 15)), 18, 20];
  const l = mulaiLembar(env, ctx, 'E.81', 'E.81', lebar);
  l.ulangKolom(E.satuan);
  const pasangan = (teksKepala: string): SelKepala => ({ teks: teksKepala, kolom: 2, baris: 2 });
  l.kepala([
    [
      { teks: 'NO', baris: 3 },
      { teks: 'KODE', baris: 3 },
      { teks: 'URUSAN/ BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/ KEGIATAN', baris: 3 },
      { teks: 'INDIKATOR KINERJA PROGRAM (outcome)/ KEGIATAN (output)', baris: 3 },
      { teks: 'SATUAN', baris: 3 },
      pasangan(`TARGET RENSTRA PERANGKAT DAERAH PADA TAHUN ${akhir} (AKHIR PERIODE RENSTRA PD)`),
      pasangan(`REALISASI CAPAIAN KINERJA RENSTRA PERANGKAT DAERAH S.D. RENJA PD TAHUN LALU (${t - 1})`),
      pasangan(`TARGET KINERJA DAN ANGGARAN RENJA PD TAHUN BERJALAN YANG DIEVALUASI (${t})`),
      { teks: 'REALISASI KINERJA PADA TRIWULAN', kolom: 8 },
      pasangan(`REALISASI CAPAIAN KINERJA DAN ANGGARAN RENJA PD YANG DIEVALUASI (${t})`),
      pasangan(`TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENJA PD TAHUN ${t} (%)`),
      pasangan(`REALISASI KINERJA DAN ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN ${t} (AKHIR TAHUN PELAKSANAAN RENJA PD TAHUN ${t})`),
      pasangan(`TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN ${akhir} (%)`),
      { teks: 'UNIT PERANGKAT DAERAH PENANGGUNG JAWAB', baris: 3 },
      { teks: 'KET', baris: 3 },
    ],
    LABEL_TRIWULAN.map((s) => ({ teks: s, kolom: 2 })),
    Array.from({ length: 22 }, (_, i) => ({ teks: i % 2 === 0 ? 'K' : 'Rp' })),
  ]);
  const label = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12 = 8+9+10+11', '13 = 12/7 × 100%', '14 = 6 + 12', '15 = 14/5 × 100%', '16', '17'];
  const rNomor = l.berikut;
  const nomor: string[] = [];
  label.forEach((s, i) => {
    nomor.push(s);
    if (i === 3) nomor.push('4a');
    if (i >= 4 && i <= 14) nomor.push('');
  });
  l.nomorKolom(nomor);
  for (let i = 0; i < 11; i++) l.gabungkan(rNomor, E.k5 + 2 * i, rNomor, E.rp5 + 2 * i);

  if (!e || e.program.length === 0) {
    kosongBaris(l, KOLOM_E81);
    return akhiri(l, ctx, 'E.81');
  }
  barisUrusan(ctx, l, E.kode, [E.uraian]);
  const tambahan = new Map((ctx.d.renja?.e81?.node ?? []).map((n) => [n.kode, n]));
  const skala = ctx.h.skala;
  const desimal = ctx.h.desimal_persen;
  /** Row of each program's "Rata-rata" line. */
  const barisRataProgram: number[] = [];
  const kepalaProgram: number[] = [];

  e.program.forEach((p, iProgram) => {
    // Layout first: a parent's Rp sums rows written after it.
    const mulai = l.berikut;
    const rowOf = new Map<string, number>();
    let r = mulai;
    for (const b of p.baris) {
      rowOf.set(b.kode, r);
      r += Math.max(1, b.indikator.length);
    }
    const akhirBaris = r - 1;
    const induk = indukKode(p.baris.map((b) => b.kode));
    const anakDari = new Map<string, BarisE81[]>();
    for (const b of p.baris) {
      const i = induk.get(b.kode);
      if (i) anakDari.set(i, [...(anakDari.get(i) ?? []), b]);
    }
    kepalaProgram.push(mulai);

    for (const b of p.baris) {
      const r0 = rowOf.get(b.kode) ?? l.berikut;
      const anak = anakDari.get(b.kode) ?? [];
      const g = gaya(b.tingkat);
      const R = (c: number) => ref(r0, c);
      // A parent's Rp is the sum of its children unless it has its own stored value (calc/renja.ts gabungRp).
      const rpSel = (c: number, v: Nilai, dariAnak: (x: BarisE81) => Nilai): Sel => {
        if (anak.length > 0 && v === jumlahkan(anak.map(dariAnak))) {
          return rumus(rumusJumlah(anak.map((x) => ref(rowOf.get(x.kode) ?? 0, c))), v, FORMAT.rupiah, { tebal: g.tebal });
        }
        return angka(v, FORMAT.rupiah, { tebal: g.tebal });
      };
      const x = tambahan.get(b.kode);
      const kepala: (Sel | null)[] = [];
      kepala[E.no - 1] = b.tingkat === 'program' ? teks(`${iProgram + 1}.`, { rata: 'tengah', tebal: true }) : null;
      kepala[E.kode - 1] = teks(b.kode, { tebal: g.tebal });
      kepala[E.uraian - 1] = teks(b.nama, g);
      kepala[E.rp5 - 1] = rpSel(E.rp5, b.rp.rp5, (c) => c.rp.rp5);
      kepala[E.rp6 - 1] = rpSel(E.rp6, b.rp.rp6, (c) => c.rp.rp6);
      kepala[E.rp7 - 1] = rpSel(E.rp7, b.rp.rp7, (c) => c.rp.rp7);
      E.twRp.forEach((c, i) => {
        kepala[c - 1] = rpSel(c, b.rp.triwulan[i] ?? null, (a) => a.rp.triwulan[i] ?? null);
      });
      kepala[E.rp12 - 1] = rumus(rumusJumlah(E.twRp.map((c) => R(c))), b.rp.rp12, FORMAT.rupiah);
      // A quarterly evaluation against the anggaran kas divides by that plan, written into the formula.
      kepala[E.rp13 - 1] = rumus(rumusPersen(R(E.rp12), pembagi(b.rp.target_evaluasi, R(E.rp7))), b.rp.rp13);
      kepala[E.rp14 - 1] = rumus(rumusJumlah([R(E.rp6), R(E.rp12)]), b.rp.rp14, FORMAT.rupiah);
      kepala[E.rp15 - 1] = rumus(rumusPersen(R(E.rp14), R(E.rp5)), b.rp.rp15);
      kepala[E.unit - 1] = teks(x?.unit_penanggung_jawab ?? b.unit_penanggung_jawab ?? '');
      kepala[E.ket - 1] = teks(x?.ket ?? '');

      const ind: (KolomE81K | null)[] = b.indikator.length > 0 ? b.indikator : [null];
      ind.forEach((k, j) => {
        const rr = r0 + j;
        const cells: (Sel | null)[] = j === 0 ? [...kepala] : [];
        cells.length = KOLOM_E81;
        if (k) {
          const K = (c: number) => ref(rr, c);
          const rumusK = rumusDari(ctx, k.indikator);
          const v = (n: Nilai) => nilai(ctx, k.indikator, n, k.satuan);
          const adaTw = k.triwulan.some((n) => n !== null);
          const tw = E.tw.map((c) => K(c));
          cells[E.indikator - 1] = teks(k.nama);
          cells[E.satuan - 1] = satuan(k.satuan);
          cells[E.k5 - 1] = v(k.k5);
          cells[E.k6 - 1] = v(k.k6);
          cells[E.k7 - 1] = v(k.k7);
          E.tw.forEach((c, i) => {
            cells[c - 1] = v(k.triwulan[i] ?? null);
          });
          // 12: sum of the quarters for a cumulative indicator, else the latest reported quarter;
          // without quarters the annual realisation (a base value).
          cells[E.k12 - 1] = adaTw
            ? rumus(k.kumulatif ? rumusJumlah(tw) : rumusTerakhir(tw), k.k12, formatNilai(k.satuan, k.k12, ctx.h.desimal_persen))
            : v(k.k12);
          cells[E.k13 - 1] = rumus(rumusCapaian(rumusK, pembagi(k.target_evaluasi, K(E.k7)), K(E.k12)), k.k13);
          cells[E.k14 - 1] = rumus(
            k.kumulatif ? rumusJumlah([K(E.k6), K(E.k12)]) : rumusTerakhir([K(E.k6), K(E.k12)]),
            k.k14,
            formatNilai(k.satuan, k.k14, ctx.h.desimal_persen),
          );
          cells[E.k15 - 1] = rumus(rumusCapaian(rumusK, K(E.k5), K(E.k14)), k.k15);
        }
        l.baris(cells);
      });
      const n = ind.length;
      if (n > 1) {
        for (const c of [E.no, E.kode, E.uraian, E.rp5, E.rp6, E.rp7, ...E.twRp, E.rp12, E.rp13, E.rp14, E.rp15, E.unit, E.ket]) {
          l.gabungkan(r0, c, r0 + n - 1, c);
        }
      }
    }
    // Rata-rata and predikat of the program.
    const rata = p.rata_rata;
    const rentang = (c: number) => [`${ref(mulai, c)}:${ref(akhirBaris, c)}`];
    const rRata = l.berikut;
    const barisRata: (Sel | null)[] = [];
    barisRata[E.uraian - 1] = teks('Rata-rata capaian kinerja (%)', { tebal: true });
    barisRata[E.k13 - 1] = rumus(rumusRata(rentang(E.k13)), rata.k13, FORMAT.desimal, { tebal: true });
    barisRata[E.rp13 - 1] = rumus(rumusRata(rentang(E.rp13)), rata.rp13, FORMAT.desimal, { tebal: true });
    barisRata[E.k15 - 1] = rumus(rumusRata(rentang(E.k15)), rata.k15, FORMAT.desimal, { tebal: true });
    barisRata[E.rp15 - 1] = rumus(rumusRata(rentang(E.rp15)), rata.rp15, FORMAT.desimal, { tebal: true });
    barisRata.length = KOLOM_E81;
    l.baris(barisRata);
    l.gabungkan(rRata, E.uraian, rRata, E.satuan);
    const rPred = l.berikut;
    const barisPred: (Sel | null)[] = [];
    barisPred[E.uraian - 1] = teks('Predikat kinerja', { tebal: true });
    barisPred[E.k13 - 1] = rumus(rumusKategori(ref(rRata, E.k13), skala, desimal), rata.predikat, FORMAT.desimal, { tebal: true, rata: 'tengah' });
    barisPred.length = KOLOM_E81;
    l.baris(barisPred);
    l.gabungkan(rPred, E.uraian, rPred, E.satuan);
    l.gabungkan(rPred, E.k13, rPred, E.rp13);
    barisRataProgram.push(rRata);
  });

  // Totals over the programs.
  const total = e.total;
  const kepala = (c: number) => kepalaProgram.map((r) => ref(r, c));
  const rJumlah = l.berikut;
  const jumlah: (Sel | null)[] = [];
  jumlah[E.no - 1] = teks('JUMLAH ANGGARAN DAN REALISASI DARI SELURUH PROGRAM', { tebal: true });
  const tw = jumlahTriwulanE81(e);
  const tot = (c: number, v: Nilai): Sel => rumus(rumusJumlah(kepala(c)), v, FORMAT.rupiah, { tebal: true });
  jumlah[E.rp5 - 1] = tot(E.rp5, total.rp5);
  jumlah[E.rp6 - 1] = tot(E.rp6, total.rp6);
  jumlah[E.rp7 - 1] = tot(E.rp7, total.rp7);
  E.twRp.forEach((c, i) => {
    jumlah[c - 1] = tot(c, tw[i] ?? null);
  });
  jumlah[E.rp12 - 1] = tot(E.rp12, total.rp12);
  jumlah[E.rp14 - 1] = tot(E.rp14, total.rp14);
  jumlah.length = KOLOM_E81;
  l.baris(jumlah);
  l.gabungkan(rJumlah, 1, rJumlah, E.satuan);
  const rTotalRata = l.berikut;
  const rr = total.rata_rata;
  const baris2: (Sel | null)[] = [];
  baris2[E.no - 1] = teks('TOTAL RATA-RATA CAPAIAN KINERJA DAN ANGGARAN DARI SELURUH PROGRAM', { tebal: true });
  const rataDari = (c: number, v: Nilai): Sel => rumus(rumusRata(barisRataProgram.map((r) => ref(r, c))), v, FORMAT.desimal, { tebal: true });
  baris2[E.k13 - 1] = rataDari(E.k13, rr.k13);
  baris2[E.rp13 - 1] = rataDari(E.rp13, rr.rp13);
  baris2[E.k15 - 1] = rataDari(E.k15, rr.k15);
  baris2[E.rp15 - 1] = rataDari(E.rp15, rr.rp15);
  baris2.length = KOLOM_E81;
  l.baris(baris2);
  l.gabungkan(rTotalRata, 1, rTotalRata, E.satuan);
  const rTotalPred = l.berikut;
  const baris3: (Sel | null)[] = [];
  baris3[E.no - 1] = teks(`PREDIKAT KINERJA DARI SELURUH PROGRAM (PROGRAM 1 s.d. PROGRAM ${e.program.length})`, { tebal: true });
  baris3[E.k13 - 1] = rumus(rumusKategori(ref(rTotalRata, E.k13), skala, desimal), rr.predikat, FORMAT.desimal, { tebal: true, rata: 'tengah' });
  baris3.length = KOLOM_E81;
  l.baris(baris3);
  l.gabungkan(rTotalPred, 1, rTotalPred, E.satuan);
  l.gabungkan(rTotalPred, E.k13, rTotalPred, E.rp13);
  l.tandai('pagu', rJumlah, E.rp7);
  l.tandai('realisasi', rJumlah, E.rp12);
  l.tandai('capaian', rTotalRata, E.k13);
  l.tandai('predikat', rTotalPred, E.k13);
  return akhiri(l, ctx, 'E.81');
}

// ---------------------------------------------------------------------------------------------
// TC-29

function lembarTc29(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const t = ctx.tahun;
  const akhir = ctx.h.tahun_renstra.akhir;
  const l = mulaiLembar(env, ctx, 'TC-29', 'TC-29', [16, 36, 36, 10, 15, 15, 15, 15, 11, 15, 15, 11]);
  l.ulangKolom(4);
  l.kepala([
    [
      { teks: 'KODE', baris: 2 },
      { teks: 'URUSAN/ BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/ KEGIATAN', baris: 2 },
      { teks: 'INDIKATOR KINERJA PROGRAM (OUTCOME) DAN KEGIATAN (OUTPUT)', baris: 2 },
      { teks: 'SATUAN', baris: 2 },
      { teks: `TARGET KINERJA CAPAIAN PROGRAM (RENSTRA) PERANGKAT DAERAH TAHUN ${akhir}`, baris: 2 },
      { teks: `REALISASI TARGET KINERJA HASIL PROGRAM DAN KELUARAN KEGIATAN s/d TAHUN ${t - 2}`, baris: 2 },
      { teks: `TARGET DAN REALISASI KINERJA PROGRAM DAN KEGIATAN TAHUN LALU (${t - 1})`, kolom: 3 },
      { teks: `TARGET PROGRAM DAN KEGIATAN (RENJA PERANGKAT DAERAH TAHUN ${t})`, baris: 2 },
      { teks: 'PERKIRAAN REALISASI CAPAIAN TARGET RENSTRA PERANGKAT DAERAH s/d TAHUN BERJALAN', kolom: 2 },
    ],
    [
      { teks: `TARGET RENJA PERANGKAT DAERAH TAHUN ${t - 1}` },
      { teks: `REALISASI RENJA PERANGKAT DAERAH TAHUN ${t - 1}` },
      { teks: 'TINGKAT REALISASI (%)' },
      { teks: `REALISASI CAPAIAN PROGRAM DAN KEGIATAN S/D TAHUN BERJALAN (${t})` },
      { teks: 'TINGKAT CAPAIAN REALISASI TARGET RENSTRA (%)' },
    ],
  ]);
  l.nomorKolom(['1', '2', '3', '3a', '4', '5', '6', '7', '8 = (7/6)', '9', '10 = (5+7+9)', '11 = (10/4)']);
  const rows = ctx.h.renja.tc29 ?? [];
  if (rows.length === 0) {
    kosongBaris(l, 12);
    return akhiri(l, ctx, 'TC-29');
  }
  barisUrusan(ctx, l, 1, [2]);
  let sebelumnya: string | null = null;
  let mulai = l.berikut;
  const tutup = (): void => {
    if (l.berikut - 1 > mulai) for (const c of [1, 2]) l.gabungkan(mulai, c, l.berikut - 1, c);
  };
  for (const b of rows) {
    const pertama = b.kode !== sebelumnya;
    if (pertama && sebelumnya !== null) tutup();
    if (pertama) mulai = l.berikut;
    sebelumnya = b.kode;
    const r = l.berikut;
    const g = gaya(b.tingkat);
    const R = (c: number) => ref(r, c);
    const v = (n: Nilai) => nilai(ctx, b.indikator, n, b.satuan);
    const rumusK = rumusDari(ctx, b.indikator);
    l.baris([
      pertama ? teks(b.kode, { tebal: g.tebal }) : null,
      pertama ? teks(b.nama, g) : null,
      teks(b.nama_indikator),
      satuan(b.satuan),
      v(b.k4),
      v(b.k5),
      v(b.k6),
      v(b.k7),
      rumus(rumusCapaian(rumusK, R(7), R(8)), b.k8),
      v(b.k9),
      rumus(b.kumulatif ? rumusJumlah([R(6), R(8), R(10)]) : rumusTerakhir([R(6), R(8), R(10)]), b.k10, formatNilai(b.satuan, b.k10, ctx.h.desimal_persen)),
      rumus(rumusCapaian(rumusK, R(5), R(11)), b.k11),
    ]);
  }
  tutup();
  return akhiri(l, ctx, 'TC-29');
}

// ---------------------------------------------------------------------------------------------
// TC-30

function lembarTc30(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const { tahun, baris } = hitungTc30(ctx.data, ctx.d.renja?.tc30);
  const n = Math.max(1, tahun.length);
  const l = mulaiLembar(env, ctx, 'TC-30', 'TC-30', [5, 44, 14, 10, 10, ...Array.from({ length: 3 * n }, () => 11), 30]);
  l.ulangKolom(2);
  const th = tahun.map((x) => ({ teks: String(x) }));
  l.kepala([
    [
      { teks: 'NO', baris: 2 },
      { teks: 'INDIKATOR', baris: 2 },
      { teks: 'SPM/ STANDAR NASIONAL', baris: 2 },
      { teks: 'IKK', baris: 2 },
      { teks: 'SATUAN', baris: 2 },
      { teks: 'TARGET RENSTRA PERANGKAT DAERAH TAHUN KE', kolom: n },
      { teks: 'REALISASI CAPAIAN', kolom: n },
      { teks: 'PROYEKSI', kolom: n },
      { teks: 'CATATAN ANALISIS', baris: 2 },
    ],
    [...th, ...th, ...th],
  ]);
  l.nomorKolom([1, 2, 3, 4, '4a', ...Array.from({ length: 1 + 3 * n }, (_, i) => i + 5)]);
  for (const b of baris) {
    const v = (x: Nilai) => nilai(ctx, b.indikator, x, b.satuan);
    l.baris([
      teks(String(b.no), { rata: 'tengah' }),
      teks(b.nama.toUpperCase()),
      teks(b.spm ?? ''),
      teks(b.ikk ?? ''),
      satuan(b.satuan),
      ...b.target_renstra.map(v),
      ...b.realisasi.map(v),
      ...b.proyeksi.map(v),
      teks(b.catatan_analisis ?? ''),
    ]);
  }
  if (baris.length === 0) kosongBaris(l, 6 + 3 * n);
  return akhiri(l, ctx, 'TC-30');
}

// ---------------------------------------------------------------------------------------------
// TC-31 and Tabel 4.1: nodes with rincian, pagu rolled up (calc/tabel-renja.ts gulungPagu)

interface TataNode {
  /** First row of the node (its indicator rows follow). */
  r: number;
  n: number;
  /** Rows of the rincian (after a "RINCIAN :" row), one per rincian index. */
  rincian: number[];
}

/** Lays out nodes: indicator rows, then "RINCIAN :" and the rincian rows. */
function tataNode(mulai: number, jumlahIndikator: number[], jumlahRincian: number[]): TataNode[] {
  let r = mulai;
  return jumlahIndikator.map((n0, i) => {
    const n = Math.max(1, n0);
    const m = jumlahRincian[i] ?? 0;
    const t: TataNode = { r, n, rincian: m > 0 ? Array.from({ length: m }, (_, j) => r + n + 1 + j) : [] };
    r += n + (m > 0 ? 1 + m : 0);
    return t;
  });
}

/**
 * The pagu cell of a node: the sum of its listed children, else of its rincian, else its own value
 * (the rule of gulungPagu), with the calculator's value cached.
 */
function selPagu(
  i: number,
  kode: readonly string[],
  tata: readonly TataNode[],
  rincian: readonly RenjaRincian[],
  kolom: number,
  hasil: Nilai,
  tebal: boolean,
): Sel {
  const induk = indukKode(kode);
  const anak = kode.flatMap((k, j) => (induk.get(k) === kode[i] && j !== i ? [j] : []));
  if (anak.length > 0) {
    return rumus(rumusJumlah(anak.map((j) => ref(tata[j]?.r ?? 0, kolom))), hasil, FORMAT.rupiah, { tebal });
  }
  const baris = tata[i]?.rincian ?? [];
  const adaPagu = rincian.some((r) => !r.kelompok && r.pagu !== undefined);
  if (adaPagu) {
    const refs = rincian.flatMap((r, j) => (!r.kelompok && baris[j] !== undefined ? [ref(baris[j] ?? 0, kolom)] : []));
    return rumus(rumusJumlah(refs), hasil, FORMAT.rupiah, { tebal });
  }
  return angka(hasil, FORMAT.rupiah, { tebal });
}

type SisiTc31 = Record<'nama' | 'lokasi' | 'indikator' | 'satuan' | 'target' | 'pagu', number>;

/** TC-31 columns (1-based): KODE, two sides of PROGRAM .. PAGU (SATUAN "4a"/"9a" before TARGET), CATATAN. */
const T31: { kode: number; rkpd: SisiTc31; analisis: SisiTc31; catatan: number } = {
  kode: 1,
  rkpd: { nama: 2, lokasi: 3, indikator: 4, satuan: 5, target: 6, pagu: 7 },
  analisis: { nama: 8, lokasi: 9, indikator: 10, satuan: 11, target: 12, pagu: 13 },
  catatan: 14,
};

function lembarTc31(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const h = hitungTc31(ctx.data.program, ctx.d.renja?.tc31);
  const l = mulaiLembar(env, ctx, 'TC-31', 'TC-31', [18, 32, 14, 32, 10, 16, 16, 32, 14, 32, 10, 16, 16, 20]);
  l.ulangKolom(T31.rkpd.nama);
  const judulSisi = (s: string): SelKepala => ({ teks: s, kolom: 6 });
  const sisi: SelKepala[] = [
    { teks: 'PROGRAM/ KEGIATAN/ SUB KEGIATAN' },
    { teks: 'LOKASI' },
    { teks: 'INDIKATOR KINERJA PROGRAM/ INDIKATOR KINERJA KEGIATAN' },
    { teks: 'SATUAN' },
    { teks: 'TARGET CAPAIAN' },
    { teks: 'PAGU INDIKATIF (Rp)' },
  ];
  l.kepala([
    [
      { teks: 'KODE', baris: 2 },
      judulSisi(`${ctx.d.renja?.perubahan === false ? '' : 'PERUBAHAN '}RENCANA KERJA PERANGKAT DAERAH (RKPD) TAHUN ${ctx.tahun}`),
      judulSisi('HASIL ANALISIS KEBUTUHAN'),
      { teks: 'CATATAN PENTING', baris: 2 },
    ],
    [...sisi, ...sisi],
  ]);
  l.nomorKolom([1, 2, 3, 4, '4a', 5, 6, 7, 8, 9, '9a', 10, 11, 12]);
  const kolom = T31.catatan;
  if (h.baris.length === 0) {
    kosongBaris(l, kolom);
    return akhiri(l, ctx, 'TC-31');
  }
  barisUrusan(ctx, l, T31.kode, [T31.rkpd.nama, T31.analisis.nama]);
  const kode = h.baris.map((b) => b.kode);
  const tata = tataNode(
    l.berikut,
    h.baris.map((b) => Math.max(b.rkpd.indikator.length, b.analisis.indikator.length)),
    h.baris.map((b) => Math.max(b.rkpd.rincian.length, b.analisis.rincian.length)),
  );
  const namaInd = (id: string) => definisiIndikator(ctx, id)?.nama ?? id;
  /** Cells of one side of a row, placed in `cells`. */
  const isiSisi = (cells: (Sel | null)[], k: SisiTc31, isi: Partial<Record<keyof SisiTc31, Sel | null>>): void => {
    for (const [nama, sel] of Object.entries(isi) as [keyof SisiTc31, Sel | null][]) cells[k[nama] - 1] = sel;
  };
  h.baris.forEach((b, i) => {
    const t = tata[i];
    if (!t) return;
    const g = gaya(b.tingkat);
    for (let j = 0; j < t.n; j++) {
      const a = b.rkpd.indikator[j];
      const z = b.analisis.indikator[j];
      const cells: (Sel | null)[] = Array.from({ length: kolom }, () => null);
      cells[T31.kode - 1] = j === 0 ? teks(b.kode, { tebal: g.tebal }) : null;
      isiSisi(cells, T31.rkpd, {
        nama: j === 0 ? teks(b.nama, g) : null,
        lokasi: j === 0 ? teks(b.rkpd.lokasi ?? '') : null,
        indikator: a ? teks(namaInd(a.id)) : null,
        satuan: a ? satuan(satuanTarget(ctx, a)) : null,
        target: a ? target(ctx, a) : null,
        pagu: j === 0 ? selPagu(i, kode, tata, b.rkpd.rincian, T31.rkpd.pagu, b.rkpd.pagu, g.tebal ?? false) : null,
      });
      isiSisi(cells, T31.analisis, {
        nama: j === 0 ? teks(b.nama, g) : null,
        lokasi: j === 0 ? teks(b.analisis.lokasi ?? '') : null,
        indikator: z ? teks(namaInd(z.id)) : null,
        satuan: z ? satuan(satuanTarget(ctx, z)) : null,
        target: z ? target(ctx, z) : null,
        pagu: j === 0 ? selPagu(i, kode, tata, b.analisis.rincian, T31.analisis.pagu, b.analisis.pagu, g.tebal ?? false) : null,
      });
      cells[T31.catatan - 1] = j === 0 ? teks(b.catatan ?? '') : null;
      l.baris(cells);
    }
    if (t.n > 1) {
      const gabung = [T31.kode, T31.rkpd.nama, T31.rkpd.lokasi, T31.rkpd.pagu, T31.analisis.nama, T31.analisis.lokasi, T31.analisis.pagu, T31.catatan];
      for (const c of gabung) l.gabungkan(t.r, c, t.r + t.n - 1, c);
    }
    if (t.rincian.length > 0) {
      const judul: (Sel | null)[] = Array.from({ length: kolom }, () => null);
      judul[T31.rkpd.nama - 1] = teks('RINCIAN :', { miring: true, indent: 2 });
      judul[T31.analisis.nama - 1] = teks('RINCIAN :', { miring: true, indent: 2 });
      l.baris(judul);
      t.rincian.forEach((_, j) => {
        const x = b.rkpd.rincian[j];
        const y = b.analisis.rincian[j];
        const u = (r: RenjaRincian | undefined) => (r ? teks(r.uraian, { indent: 3, tebal: r.kelompok === true }) : null);
        const p = (r: RenjaRincian | undefined) => (r && !r.kelompok && r.pagu !== undefined ? angka(r.pagu, FORMAT.rupiah) : null);
        const cells: (Sel | null)[] = Array.from({ length: kolom }, () => null);
        isiSisi(cells, T31.rkpd, { nama: u(x), satuan: x ? satuanRincian(x) : null, target: x ? targetRincian(ctx, x) : null, pagu: p(x) });
        isiSisi(cells, T31.analisis, { nama: u(y), satuan: y ? satuanRincian(y) : null, target: y ? targetRincian(ctx, y) : null, pagu: p(y) });
        cells[T31.catatan - 1] = teks(y?.keterangan ?? x?.keterangan ?? '');
        l.baris(cells);
      });
    }
  });
  const akar = kode.flatMap((k, i) => (indukKode(kode).get(k) === null ? [tata[i]?.r ?? 0] : []));
  const jumlah: (Sel | null)[] = Array.from({ length: kolom }, () => null);
  jumlah[T31.rkpd.nama - 1] = teks('JUMLAH', { tebal: true });
  jumlah[T31.rkpd.pagu - 1] = rumus(rumusJumlah(akar.map((r) => ref(r, T31.rkpd.pagu))), h.jumlah.rkpd, FORMAT.rupiah, { tebal: true });
  jumlah[T31.analisis.nama - 1] = teks('JUMLAH', { tebal: true });
  jumlah[T31.analisis.pagu - 1] = rumus(rumusJumlah(akar.map((r) => ref(r, T31.analisis.pagu))), h.jumlah.analisis, FORMAT.rupiah, { tebal: true });
  l.baris(jumlah);
  return akhiri(l, ctx, 'TC-31');
}

/** Tabel 4.1 columns (1-based): SATUAN ("6a") stands before TARGET. */
const M = { kode: 1, nama: 2, up: 3, bl: 4, output: 5, outcome: 6, satuan: 7, target: 8, lokasi: 9, pagu: 10, skpd: 11, paguProv: 12, kl: 13, paguApbn: 14, sumber: 15 } as const;

function lembar41(env: HandlebarsEnv, ctx: KonteksDokumen): Lembar {
  const h = hitungMatriks(ctx.data.program, ctx.d.renja?.matriks);
  const l = mulaiLembar(env, ctx, '4.1', 'Tabel 4.1', [18, 40, 5, 5, 32, 32, 10, 20, 15, 17, 14, 14, 12, 14, 10]);
  l.ulangKolom(M.nama);
  l.kepala([
    [
      { teks: 'KODE', baris: 2 },
      { teks: 'URUSAN/ BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/ KEGIATAN/ SUB KEGIATAN', baris: 2 },
      { teks: 'UP', baris: 2 },
      { teks: 'BL', baris: 2 },
      { teks: 'INDIKATOR KINERJA', kolom: 2 },
      { teks: 'SATUAN', baris: 2 },
      { teks: 'TARGET', baris: 2 },
      { teks: 'LOKASI', baris: 2 },
      { teks: 'APBD KAB (Rp)', baris: 2 },
      { teks: 'APBD PROV', kolom: 2 },
      { teks: 'USULAN APBN', kolom: 3 },
    ],
    [{ teks: 'OUTPUT' }, { teks: 'OUTCOME' }, { teks: 'SKPD TERKAIT' }, { teks: 'PAGU (Rp)' }, { teks: 'KL' }, { teks: 'Rp' }, { teks: 'D/ TB/ DAK' }],
  ]);
  l.nomorKolom([1, 2, 3, 4, 5, 6, '6a', 7, 8, 9, 10, 11, 12, 13, 14]);
  const kolom = M.sumber;
  if (h.baris.length === 0) {
    kosongBaris(l, kolom);
    return akhiri(l, ctx, '4.1');
  }
  barisUrusan(ctx, l, M.kode, [M.nama]);
  const kode = h.baris.map((b) => b.kode);
  const tata = tataNode(
    l.berikut,
    h.baris.map((b) => b.indikator.length),
    h.baris.map((b) => b.rincian.length),
  );
  h.baris.forEach((b, i) => {
    const t = tata[i];
    if (!t) return;
    const g = gaya(b.tingkat);
    for (let j = 0; j < t.n; j++) {
      const x = b.indikator[j];
      const nama = x ? teks(definisiIndikator(ctx, x.id)?.nama ?? x.id) : null;
      const pertama = j === 0;
      const cells: (Sel | null)[] = Array.from({ length: kolom }, () => null);
      if (pertama) {
        cells[M.kode - 1] = teks(b.kode, { tebal: g.tebal });
        cells[M.nama - 1] = teks(b.nama, g);
        cells[M.up - 1] = teks(b.up ? '✓' : '', { rata: 'tengah' });
        cells[M.bl - 1] = teks(b.bl ? '✓' : '', { rata: 'tengah' });
        cells[M.lokasi - 1] = teks(b.lokasi ?? '');
        cells[M.pagu - 1] = selPagu(i, kode, tata, b.rincian, M.pagu, b.pagu, g.tebal ?? false);
        cells[M.skpd - 1] = teks(b.apbd_provinsi.skpd_terkait ?? '');
        cells[M.paguProv - 1] = angka(b.apbd_provinsi.pagu, FORMAT.rupiah);
        cells[M.kl - 1] = teks(b.apbn.kl ?? '');
        cells[M.paguApbn - 1] = angka(b.apbn.pagu, FORMAT.rupiah);
        cells[M.sumber - 1] = teks(b.apbn.sumber ?? '');
      }
      cells[(b.tingkat === 'program' ? M.outcome : M.output) - 1] = nama;
      cells[M.satuan - 1] = x ? satuan(satuanTarget(ctx, x)) : null;
      cells[M.target - 1] = x ? target(ctx, x) : null;
      l.baris(cells);
    }
    if (t.n > 1) {
      for (const c of [M.kode, M.nama, M.up, M.bl, M.lokasi, M.pagu, M.skpd, M.paguProv, M.kl, M.paguApbn, M.sumber]) l.gabungkan(t.r, c, t.r + t.n - 1, c);
    }
    if (t.rincian.length > 0) {
      l.baris([null, teks('RINCIAN :', { miring: true, indent: 2 })]);
      b.rincian.forEach((r) => {
        const cells: (Sel | null)[] = Array.from({ length: kolom }, () => null);
        cells[M.nama - 1] = teks(r.uraian, { indent: 3, tebal: r.kelompok === true });
        cells[M.satuan - 1] = satuanRincian(r);
        cells[M.target - 1] = targetRincian(ctx, r);
        cells[M.pagu - 1] = !r.kelompok && r.pagu !== undefined ? angka(r.pagu, FORMAT.rupiah) : null;
        cells[M.sumber - 1] = teks(r.keterangan ?? '');
        l.baris(cells);
      });
    }
  });
  const induk = indukKode(kode);
  const akar = kode.flatMap((k, i) => (induk.get(k) === null ? [tata[i]?.r ?? 0] : []));
  const jumlah: (Sel | null)[] = Array.from({ length: kolom }, () => null);
  jumlah[M.nama - 1] = teks('JUMLAH', { tebal: true });
  jumlah[M.pagu - 1] = rumus(rumusJumlah(akar.map((r) => ref(r, M.pagu))), h.jumlah, FORMAT.rupiah, { tebal: true });
  l.baris(jumlah);
  return akhiri(l, ctx, '4.1');
}

/** Every Renja sheet of the workbook, in order. */
export function lembarRenja(ctx: KonteksDokumen, env: HandlebarsEnv = createEnv(ctx.h.desimal_persen)): Lembar[] {
  return [lembarE81(env, ctx), lembarTc29(env, ctx), lembarTc30(env, ctx), lembarTc31(env, ctx), lembar41(env, ctx)];
}
