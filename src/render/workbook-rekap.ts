/**
 * Bappeda's roll-up workbook (`lkjip rekap`): a summary sheet with one row per agency, then each
 * agency's Tabel E.81 as its own sheet (the same sheet as in the agency's Renja annex). The summary
 * links to the E.81 sheets' total cells, so its per-agency figures are the agencies' own E.81
 * totals by construction, and totals are live formulas; every formula caches the calculator's value.
 *
 * Columns of the summary: 3 pagu = E.81 total column 7 Rp; 4 realisasi = E.81 total column 12 Rp
 * (up to the quarter); 5 serapan = 4 / 3 x 100; 6 rata-rata capaian kinerja program = E.81 "total
 * rata-rata" column 13 K (the mean of the programs' means); 7 predikat of 6 on the agency's scale.
 * The figures and the rules of the JUMLAH row are the calculator's (src/calc/rekap.ts).
 */
import { hitungRekap, type HasilRekap } from '../calc/rekap.js';
import { createEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import { romawi } from './handlebars-env.js';
import { lembarE81 } from './workbook-renja.js';
import { FORMAT, namaLembarSah, PenyusunLembar, ref, type Lembar, type Sel } from './workbook-model.js';
import { rumusJumlah, rumusKategori, rumusPersen, rumusRata } from './workbook-rumus.js';

export interface OpsiRekap {
  tahun: number;
  /** Quarter evaluated, or undefined for the whole year. */
  triwulan?: number;
}

const sel = (v: string | number | null, extra: Partial<Sel> = {}): Sel => ({ v, ...extra });
const rumus = (f: string, hasil: number | string | null, fmt: string = FORMAT.desimal, extra: Partial<Sel> = {}): Sel => ({ f, hasil, fmt, rata: 'kanan', ...extra });

/** A sheet name for every agency: its abbreviation or name, unique, within Excel's rules. */
export function namaLembarAgensi(ctx: readonly KonteksDokumen[]): string[] {
  const dipakai = new Set<string>(['REKAP']);
  return ctx.map((c) => {
    const dasar = namaLembarSah(`E81 ${c.opd.singkatan ?? c.opd.nama}`).slice(0, 27).trim();
    let nama = dasar;
    for (let i = 2; dipakai.has(nama.toUpperCase()); i++) nama = `${dasar} (${i})`;
    dipakai.add(nama.toUpperCase());
    return nama;
  });
}

/** Every sheet of the roll-up: the summary first, then one E.81 per agency, in the given order. */
export function lembarRekap(ctx: readonly KonteksDokumen[], opsi: OpsiRekap): Lembar[] {
  const nama = namaLembarAgensi(ctx);
  const e81 = ctx.map((c, i) => {
    const l = lembarE81(createEnv(c.h.desimal_persen), c);
    return { ...l, nama: nama[i] as string };
  });
  const rekap = hitungRekap(ctx.map((c) => ({ e81: c.h.renja.e81, skala: c.h.skala, desimal: c.h.desimal_persen })));
  return [lembarRingkas(ctx, rekap, e81, opsi), ...e81];
}

function lembarRingkas(ctx: readonly KonteksDokumen[], rekap: HasilRekap, e81: readonly Lembar[], opsi: OpsiRekap): Lembar {
  const tw = opsi.triwulan ? ` TRIWULAN ${romawi(opsi.triwulan)}` : '';
  const l = new PenyusunLembar('REKAP', [5, 46, 20, 20, 13, 16, 16, 18]);
  l.judul('REKAPITULASI EVALUASI HASIL RENJA PERANGKAT DAERAH');
  const pemda = new Set(ctx.map((c) => c.opd.pemerintah_daerah));
  l.judul(`${pemda.size === 1 ? `${[...pemda][0]?.toUpperCase()} ` : ''}${tw.trimStart()}${tw ? ' ' : ''}TAHUN ${opsi.tahun}`);
  l.kosong();
  const realisasi = opsi.triwulan ? `REALISASI ANGGARAN s.d. TRIWULAN ${romawi(opsi.triwulan)} (Rp)` : 'REALISASI ANGGARAN (Rp)';
  l.kepala([
    ['NO', 'PERANGKAT DAERAH', 'PAGU ANGGARAN RENJA (Rp)', realisasi, 'SERAPAN ANGGARAN (%)', 'RATA-RATA CAPAIAN KINERJA PROGRAM (%)', 'PREDIKAT KINERJA', 'LEMBAR E.81'].map(
      (teks) => ({ teks }),
    ),
  ]);
  l.nomorKolom(['1', '2', '3', '4', '5 = 4 / 3 × 100', '6', '7', '8']);
  const pertama = l.berikut;
  ctx.forEach((c, i) => {
    const r = l.berikut;
    const lembar = e81[i] as Lembar;
    const tanda = lembar.penanda ?? {};
    const tautan = (k: string): string => {
      const t = tanda[k];
      return t ? `'${lembar.nama}'!${ref(t.r, t.c)}` : '""';
    };
    const b = rekap.baris[i];
    l.baris([
      sel(i + 1, { rata: 'tengah' }),
      sel(c.opd.nama_lengkap),
      rumus(tautan('pagu'), b?.pagu ?? null, FORMAT.rupiah),
      rumus(tautan('realisasi'), b?.realisasi ?? null, FORMAT.rupiah),
      rumus(rumusPersen(ref(r, 4), ref(r, 3)), b?.serapan ?? null),
      rumus(tautan('capaian'), b?.capaian ?? null),
      rumus(rumusKategori(ref(r, 6), c.h.skala, c.h.desimal_persen), b?.predikat ?? null, FORMAT.desimal, { rata: 'tengah' }),
      sel(lembar.nama),
    ]);
  });
  const terakhir = l.berikut - 1;
  const r = l.berikut;
  const kolom = (c: number): string[] => (terakhir >= pertama ? [`${ref(pertama, c)}:${ref(terakhir, c)}`] : []);
  const t = rekap.total;
  l.baris([
    sel(`JUMLAH (${ctx.length} PERANGKAT DAERAH)`, { tebal: true }),
    null,
    rumus(rumusJumlah(kolom(3)), t.pagu, FORMAT.rupiah, { tebal: true }),
    rumus(rumusJumlah(kolom(4)), t.realisasi, FORMAT.rupiah, { tebal: true }),
    rumus(rumusPersen(ref(r, 4), ref(r, 3)), t.serapan, FORMAT.desimal, { tebal: true }),
    rumus(rumusRata(kolom(6)), t.capaian, FORMAT.desimal, { tebal: true }),
    rumus(rumusKategori(ref(r, 6), rekap.skala, rekap.desimal), t.predikat, FORMAT.desimal, { tebal: true, rata: 'tengah' }),
    null,
  ]);
  l.gabungkan(r, 1, r, 2);
  l.catatan(
    `Kolom 3, 4 dan 6 diambil dari baris jumlah Tabel E.81 setiap perangkat daerah (lembar kolom 8); kolom 6 = rata-rata capaian kinerja program, ` +
      `kolom 7 = predikat kolom 6 menurut skala penilaian perangkat daerah itu.`,
  );
  return l.selesai();
}
