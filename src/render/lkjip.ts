/**
 * LKJIP: data + calculator results -> one HTML document (cover, Kata Pengantar, Daftar Isi,
 * Ringkasan Eksekutif, Bab I-IV, Lampiran PK). Structure lives in templates/lkjip/*.hbs, tables in
 * templates/lkjip/tabel/, narrative in data/<tahun>/narasi/lkjip/. Pure apart from reading templates.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { templatesDir } from './assets.js';
import { barChart, gambarSvg, type ChartSpec } from './charts.js';
import { bacaTemplate, daftarkanPartial, daftarkanStruktur, peringatanRujukan, susunHtml } from './dokumen.js';
import { createEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import { renderTabel, tabelTersedia } from './lkjip-tabel.js';
import { daftarkanRefs, renderNarasi } from './narasi.js';
import { escapeHtml } from '../export/html-marks.js';
import { figurGambar, lambangUri } from './gambar.js';
import { gambarBaganOrganisasi, pohonOrganisasi } from './bagan-organisasi.js';

export interface HtmlDokumen {
  html: string;
  /** file:// URL the HTML's relative asset URLs resolve against. */
  baseUrl: string;
  judul: string;
  peringatan: Diagnostic[];
}

const JUDUL_GRAFIK: Record<string, (ctx: KonteksDokumen) => string> = {
  'pns-golongan': () => 'Grafik Perkembangan Jumlah PNS Menurut Pangkat / Golongan',
  'iku-capaian': (ctx) => `Diagram Capaian Indikator Kinerja Utama Tahun ${ctx.tahun} (%)`,
  'iku-3-tahun': () => 'Diagram Perbandingan Realisasi Indikator Kinerja Utama 3 (Tiga) Tahun Terakhir',
};

/** Years shown in 3-year comparisons: N-2..N, those present in the data set. */
function tigaTahun(ctx: KonteksDokumen): number[] {
  return [ctx.tahun - 2, ctx.tahun - 1, ctx.tahun].filter((t) => ctx.data.tahun.has(t));
}

/** Charts are vector SVG rendered at build time (no JavaScript in the printed page). */
export async function renderGrafikLkjip(ctx: KonteksDokumen): Promise<Record<string, string>> {
  const iku = ctx.h.kinerja.iku;
  const tahun = tigaTahun(ctx);
  // Realisations of very different sizes never share an axis (Rp in billions next to % flattens the
  // % bars): units are grouped while their largest values stay within a factor of 10 of each other,
  // one panel per group, in the order the IKU come; units of a similar size share one chart as before.
  const realisasi = (b: (typeof iku)[number], t: number) => b.riwayat.find((r) => r.tahun === t)?.realisasi ?? null;
  const puncak = new Map<string, number>();
  for (const b of iku) {
    const s = b.satuan ?? '';
    puncak.set(s, Math.max(puncak.get(s) ?? 0, ...tahun.map((t) => Math.abs(realisasi(b, t) ?? 0))));
  }
  const grup: string[][] = [];
  for (const [s, p] of [...puncak].sort((a, b) => a[1] - b[1])) {
    const akhir = grup[grup.length - 1];
    const dasar = akhir ? Math.max(1e-9, puncak.get(akhir[0] as string) ?? 0) : 0;
    if (akhir && p / dasar <= 10) akhir.push(s);
    else grup.push([s]);
  }
  const urutGrup = grup
    .map((g) => iku.filter((b) => g.includes(b.satuan ?? '')))
    .sort((a, b) => iku.indexOf(a[0] as (typeof iku)[number]) - iku.indexOf(b[0] as (typeof iku)[number]));
  const tinggiPanel = urutGrup.length <= 1 ? undefined : urutGrup.length === 2 ? 70 : 60;
  const panelTigaTahun = urutGrup.map((daftar) => {
    const satuan = new Set(daftar.map((b) => b.satuan ?? ''));
    const satu = satuan.size === 1 ? ([...satuan][0] ?? '') : '';
    return barChart({
      title: '',
      categories: daftar.map((b) => b.id),
      series: tahun.map((t) => ({ name: String(t), values: daftar.map((b) => realisasi(b, t)) })),
      // One unit for the axis when the panel's IKU share it ("%" for the bundled agency); else none.
      yTitle: satu ? `Realisasi (${satu})` : 'Realisasi',
      ySatuan: satu,
      xTitle: 'Indikator Kinerja Utama',
      ...(tinggiPanel ? { height: tinggiPanel } : {}),
    });
  });
  const specs: Record<string, ChartSpec | ChartSpec[]> = {
    'iku-capaian': barChart({
      title: '',
      categories: iku.map((b) => b.id),
      series: [{ name: 'Capaian', values: iku.map((b) => b.capaian) }],
      yTitle: 'Capaian (%)',
      ySatuan: '%',
      xTitle: 'Indikator Kinerja Utama',
    }),
    'iku-3-tahun': panelTigaTahun,
    'pns-golongan': barChart({
      title: '',
      categories: ['I', 'II', 'III', 'IV'],
      series: tahun.map((t) => {
        const gol = ctx.data.tahun.get(t)?.konteks?.pns_golongan?.golongan as Record<string, number | undefined> | undefined;
        return { name: String(t), values: ['I', 'II', 'III', 'IV'].map((g) => gol?.[g] ?? null) };
      }),
      yTitle: 'Jumlah PNS (orang)',
      xTitle: 'Golongan',
    }),
  };
  const out: Record<string, string> = {};
  for (const [id, spec] of Object.entries(specs)) {
    // A chart whose table has no data (an agency without PNS-per-golongan figures) is left out.
    if (id === 'pns-golongan' && !tabelTersedia('pns-golongan', ctx)) continue;
    out[id] = (Array.isArray(spec) ? spec : [spec]).map(gambarSvg).join('\n');
  }
  return out;
}

/**
 * The organisation chart of Bab I 1.4 (render/bagan-organisasi.ts), or nothing when the data has
 * no unit tree. A chart wider than the portrait text width stands on a landscape page.
 */
function renderStrukturOrganisasi(ctx: KonteksDokumen): string {
  const pohon = pohonOrganisasi(ctx.data, ctx.tahun);
  if (!pohon) return '';
  const judul = `Struktur Organisasi ${ctx.opd.nama_lengkap}`;
  const bagan = gambarBaganOrganisasi(pohon, judul);
  // Named like the other charts (grafik-<id>) so that {{nomor_grafik "struktur-organisasi"}} finds it.
  return figurGambar('struktur-organisasi', judul, bagan.svg, bagan.lanskap ? 'lebar' : '', 'grafik');
}

function keteranganIku(ctx: KonteksDokumen): string {
  return ctx.h.kinerja.iku.map((b) => `${escapeHtml(b.id)}: ${escapeHtml(b.nama)}`).join('; ');
}

/** Place, date and the two parties of the PK the LKJIP attaches (P-APBD version when there is one). */
function pkPenandatangan(ctx: KonteksDokumen) {
  const pk = ctx.d.pk?.papbd ?? ctx.d.pk?.apbd;
  return {
    tempat: pk?.tempat ?? ctx.opd.kota,
    tanggal: pk?.tanggal ?? '',
    pihak_pertama: pk?.pihak_pertama ?? ctx.opd.kepala,
    pihak_kedua: pk?.pihak_kedua ?? ctx.opd.kepala_daerah,
  };
}

export async function renderLkjip(ctx: KonteksDokumen): Promise<HtmlDokumen> {
  const peringatan: Diagnostic[] = [];
  const env = createEnv(ctx.h.desimal_persen);
  const folder = path.join(templatesDir(), 'lkjip');
  daftarkanPartial(env, folder);
  daftarkanRefs(env, ctx, peringatan);
  const grafik = await renderGrafikLkjip(ctx);
  const narasiLkjip = ctx.d.narasi.lkjip ?? {};

  const renderGrafik = (id: string): string => {
    if (id === 'struktur-organisasi') return renderStrukturOrganisasi(ctx);
    const svg = grafik[id];
    if (!svg) return '';
    const judul = JUDUL_GRAFIK[id]?.(ctx) ?? '';
    const ket = id.startsWith('iku') ? `<p class="catatan-kaki">${keteranganIku(ctx)}</p>` : '';
    return `<figure class="grafik" id="grafik-${escapeHtml(id)}"><figcaption>${escapeHtml(judul)}</figcaption>${svg}${ket}</figure>`;
  };
  const lampiranPk = (): string => {
    // The agreement is signed under its text and again under its attachment (the targets and
    // budget on their own page), as in the source: both blocks, from the same data.
    const ttd = env.compile(bacaTemplate('lkjip', 'tanda-tangan-pk.hbs'), { strict: false })({ pk: pkPenandatangan(ctx) });
    return `${ttd}\n<section class="halaman-lampiran-pk">\n${renderTabel(env, 'pk-lampiran', ctx)}\n${ttd}</section>\n`;
  };
  const renderTabelIni = (id: string): string => (id === 'pk-lampiran' ? lampiranPk() : renderTabel(env, id, ctx));

  const { toc } = daftarkanStruktur(env, {
    narasi(berkas) {
      const teks = narasiLkjip[berkas];
      if (teks === undefined) return undefined;
      const file = ctx.berkasNarasi('lkjip', berkas);
      return renderNarasi(teks, file, ctx, env, { renderTabel: renderTabelIni, renderGrafik, asal: `${ctx.tahun}/narasi/lkjip/${berkas}.md` });
    },
    tabel: renderTabelIni,
    grafik: renderGrafik,
    tersedia: (id) => tabelTersedia(id, ctx),
  });

  const lkjip = ctx.d.lkjip;
  const view = {
    tahun: ctx.tahun,
    tahun_terbit: (lkjip?.dokumen?.tanggal ?? String(ctx.tahun + 1)).slice(0, 4),
    opd: ctx.opd,
    lambang: lambangUri(ctx),
    dokumen: {
      judul: lkjip?.dokumen?.judul ?? 'Laporan Kinerja Instansi Pemerintah',
      singkatan: lkjip?.dokumen?.singkatan ?? 'LKJIP',
      tempat: lkjip?.dokumen?.tempat ?? ctx.opd.kota,
      tanggal: lkjip?.dokumen?.tanggal ?? '',
      penandatangan: lkjip?.dokumen?.penandatangan ?? ctx.opd.kepala,
    },
    lampiran: {
      judul: `Perjanjian Kinerja${ctx.d.pk?.papbd ? ' Perubahan' : ''} Tahun ${ctx.tahun}`,
    },
  };
  const opsiCompile = { strict: false, knownHelpersOnly: false } as const;
  const depan = env.compile(bacaTemplate('lkjip', 'depan.hbs'), opsiCompile)(view);
  const isi = env.compile(bacaTemplate('lkjip', 'isi.hbs'), opsiCompile)(view);
  const judul = `${view.dokumen.singkatan} ${ctx.opd.nama_lengkap} Tahun ${ctx.tahun}`;
  const { html, rujukanHilang } = susunHtml({
    judul,
    css: [bacaTemplate('umum', 'dokumen.css'), bacaTemplate('lkjip', 'tabel.css')],
    depan,
    toc,
    isi,
  });
  peringatan.push(...peringatanRujukan(rujukanHilang));
  return { html, baseUrl: pathToFileURL(folder + path.sep).href, judul, peringatan };
}
