/**
 * The quarterly Renja evaluation (`lkjip build <tahun> --triwulan n`): a short document of its own
 * with a cover, a generated introduction (figures by reference), Tabel E.81 up to quarter n, the
 * faktor pendorong / penghambat and tindak lanjut narrative when the data has it, and a signature
 * block. Same engine as the Renja (dokumen.ts helpers, the E.81 form of renja-tabel.ts); the
 * quarterly figures come from the calculator (`hitungEvaluasiTriwulan`).
 *
 * Narrative files: data/<tahun>/narasi/evaluasi/tw<n>-<bagian>.md, with <bagian> one of
 * BAGIAN_EVALUASI. Without tw<n>-pendahuluan.md the introduction is templates/evaluasi/pendahuluan.md.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hitungEvaluasiTriwulan, type OpsiEvaluasi } from '../calc/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { templatesDir } from './assets.js';
import { bacaTemplate, daftarkanPartial, daftarkanStruktur, peringatanRujukan, susunHtml } from './dokumen.js';
import { createEnv, romawi } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import type { HtmlDokumen } from './lkjip.js';
import { daftarkanRefs, renderNarasi } from './narasi.js';
import { renderTabelRenja } from './renja-tabel.js';
import { BAGIAN_EVALUASI, berkasEvaluasi } from './bagian-evaluasi.js';

export { BAGIAN_EVALUASI, berkasEvaluasi } from './bagian-evaluasi.js';

const FAKTOR = BAGIAN_EVALUASI.slice(2);


// The PDF/HTML and the workbook of one evaluation share one computation.
const evaluasiCache = new WeakMap<KonteksDokumen, Map<number, KonteksDokumen>>();

/** The year's document context with Tabel E.81 evaluated up to quarter `sampai`. */
export function konteksEvaluasi(ctx: KonteksDokumen, sampai: OpsiEvaluasi['sampai']): KonteksDokumen {
  let perTriwulan = evaluasiCache.get(ctx);
  if (!perTriwulan) evaluasiCache.set(ctx, (perTriwulan = new Map()));
  let hasil = perTriwulan.get(sampai);
  if (!hasil) {
    const ev = hitungEvaluasiTriwulan(ctx.data, ctx.tahun, sampai);
    // The year's own empty quarters are counted up to renja.yaml triwulan_evaluasi; this evaluation counts its own.
    const tahunan = ctx.h.peringatan.filter((d) => d.code !== 'TRIWULAN_BELUM_DIISI');
    hasil = { ...ctx, h: { ...ctx.h, renja: { ...ctx.h.renja, e81: ev.e81 }, peringatan: [...tahunan, ...ev.peringatan] } };
    perTriwulan.set(sampai, hasil);
  }
  return hasil;
}

export async function renderEvaluasi(ctxTahun: KonteksDokumen, sampai: OpsiEvaluasi['sampai']): Promise<HtmlDokumen> {
  const ctx = konteksEvaluasi(ctxTahun, sampai);
  const peringatan: Diagnostic[] = [];
  const env = createEnv(ctx.h.desimal_persen);
  const folder = path.join(templatesDir(), 'evaluasi');
  daftarkanPartial(env, folder);
  env.registerPartial('tanda-tangan', bacaTemplate('lkjip', 'tanda-tangan.hbs'));
  daftarkanRefs(env, ctx, peringatan);
  const narasi = ctx.d.narasi['evaluasi'] ?? {};
  const renderTabelIni = (id: string): string => renderTabelRenja(env, id, ctx);

  daftarkanStruktur(env, {
    narasi(bagian) {
      const berkas = berkasEvaluasi(sampai, bagian);
      let teks = narasi[berkas];
      let file = ctx.berkasNarasi('evaluasi', berkas);
      if (teks === undefined && bagian === 'pendahuluan') {
        teks = bacaTemplate('evaluasi', 'pendahuluan.md');
        file = 'templates/evaluasi/pendahuluan.md';
      }
      if (teks === undefined) return undefined;
      // LKJ312 and the like reach `peringatan` through the env (daftarkanRefs).
      return renderNarasi(teks, file, ctx, env, { renderTabel: renderTabelIni, renderGrafik: () => '' });
    },
    tabel: renderTabelIni,
    grafik: () => '',
  });

  const renja = ctx.d.renja;
  const entri = renja?.evaluasi_triwulan?.find((e) => e.triwulan === sampai);
  const e81 = ctx.h.renja.e81;
  const faktor = FAKTOR.map((b, i) => ({ ...b, nomor: `3.${i + 1}`, id: `sub-3-${i + 1}`, berkas: b.berkas })).filter(
    (b) => narasi[berkasEvaluasi(sampai, b.berkas)] !== undefined,
  );
  const view = {
    tahun: ctx.tahun,
    triwulan: romawi(sampai),
    opd: ctx.opd,
    pendahuluan: 'pendahuluan',
    target_triwulan: e81?.evaluasi?.target === 'triwulan',
    belum_diisi: (e81?.evaluasi?.belum_diisi ?? []).reduce((a, b) => a + b, 0),
    ada_faktor: faktor.length > 0,
    faktor: faktor.map((f) => ({ nomor: f.nomor, judul: f.judul.toUpperCase(), id: f.id, berkas: f.berkas })),
    dokumen: {
      tempat: entri?.tempat ?? renja?.dokumen?.tempat ?? ctx.opd.kota,
      // No date in the data: a dotted line to be written by hand, never an invented date.
      tanggal: entri?.tanggal ?? '..............................',
      penandatangan: entri?.penandatangan ?? renja?.dokumen?.penandatangan ?? ctx.opd.kepala,
    },
  };
  const opsiCompile = { strict: false, knownHelpersOnly: false } as const;
  const depan = env.compile(bacaTemplate('evaluasi', 'depan.hbs'), opsiCompile)(view);
  const isi = env.compile(bacaTemplate('evaluasi', 'isi.hbs'), opsiCompile)(view);
  const judul = `Evaluasi Renja ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun} Triwulan ${romawi(sampai)}`;
  const { html, rujukanHilang } = susunHtml({
    judul,
    css: [bacaTemplate('umum', 'dokumen.css'), bacaTemplate('lkjip', 'tabel.css'), bacaTemplate('renja', 'tabel.css')],
    depan,
    toc: [],
    isi,
    daftar: false,
  });
  peringatan.push(...peringatanRujukan(rujukanHilang));
  // What the evaluation found missing in the quarters is about program.yaml: say so.
  const triwulanan = ctx.h.peringatan
    .filter((d) => d.code === 'TRIWULAN_BELUM_DIISI' || d.code === 'TARGET_TRIWULAN_KOSONG')
    .map((d) => ({ ...d, file: d.file ?? ctx.berkasTahun('program.yaml') }));
  return { html, baseUrl: pathToFileURL(folder + path.sep).href, judul, peringatan: [...peringatan, ...triwulanan] };
}
