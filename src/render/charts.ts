/**
 * Charts as static vector SVG, generated at build time: the printed page runs no JavaScript and
 * loads nothing. The reports need one kind of chart (grouped vertical bars with the value above
 * each bar, e.g. IKU capaian per year, PNS per golongan), so it is drawn here directly: a few
 * hundred lines of SVG text instead of loading a charting library on every build (Vega cost about
 * a third of a second of start-up and rendering on each `lkjip build`).
 */
import { formatAngka, satuanRupiah } from '../util/format.js';
import { escapeHtml } from '../export/html-marks.js';
import { fontFamily } from './assets.js';
import { lebarTeks } from './ukuran-teks.js';

export const CHART_COLORS = ['#1f4e79', '#c55a11', '#7f7f7f', '#548235', '#bf9000', '#7030a0'] as const;

export interface BarSeries {
  name: string;
  /** One value per category; null = no data (no bar, no label; never drawn as 0). */
  values: (number | null)[];
}

export interface BarChartInput {
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Title of the value axis, with its unit: "Capaian (%)". */
  yTitle: string;
  /** Title of the category axis ("Indikator Kinerja Utama"); none when empty. */
  xTitle?: string;
  /** Unit printed with the tick labels of the value axis ("%": 25%, 50%, ...); none when empty. */
  ySatuan?: string;
  /** Decimals of the labels above the bars (at most; trailing zeros dropped). Default 2. */
  decimals?: number;
  /** Printed width and height in mm (the SVG is drawn in mm: its text sizes are the printed ones). */
  width?: number;
  height?: number;
}

/** A validated chart description; `renderChartSvg` draws it. */
export type ChartSpec = Readonly<Required<Omit<BarChartInput, 'title'>> & { title: string }>;

/** Grouped bars: one group per category, one bar per series, the value printed above each bar. */
export function barChart(input: BarChartInput): ChartSpec {
  for (const s of input.series) {
    if (s.values.length !== input.categories.length) {
      throw new Error(`barChart: seri "${s.name}" punya ${s.values.length} nilai untuk ${input.categories.length} kategori`);
    }
  }
  return { decimals: 2, width: 160, height: 84, xTitle: '', ySatuan: '', ...input };
}

export interface SingleBarChartInput {
  title: string;
  categories: string[];
  values: (number | null)[];
  yTitle: string;
  decimals?: number;
  width?: number;
  height?: number;
}

/** One bar per category (e.g. capaian per IKU in the report year). */
export function singleBarChart(input: SingleBarChartInput): ChartSpec {
  const { values, ...rest } = input;
  return barChart({ ...rest, series: [{ name: input.yTitle, values }] });
}

/** "Nice" axis: 4-6 ticks on round steps (1, 2, 2.5, 5 x 10^n) from 0 to at least the maximum. */
export function skalaSumbu(maks: number): { puncak: number; langkah: number } {
  if (!(maks > 0)) return { puncak: 1, langkah: 0.25 };
  const kasar = maks / 5;
  const pangkat = 10 ** Math.floor(Math.log10(kasar));
  const langkah = ([1, 2, 2.5, 5, 10].map((m) => m * pangkat).find((l) => l >= kasar) ?? 10 * pangkat);
  return { puncak: Math.ceil(maks / langkah - 1e-9) * langkah, langkah };
}

/** Label text: Indonesian style, at most `desimal` decimals, no trailing zeros ("95,5", "1.234,25"). */
function label(n: number, desimal: number): string {
  return formatAngka(n, desimal).replace(/,?0+$/, (m) => (m.startsWith(',') ? '' : m)).replace(/,$/, '');
}

export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  return gambarSvg(spec);
}

/** Type sizes in pt: every text of a chart prints at 7 pt or more. */
const PT = { judul: 10, sumbu: 8, label: 7.5, labelRapat: 7.3, kategori: 8, legenda: 8 } as const;
const MM_PER_PT = 25.4 / 72;
const mm = (pt: number): number => pt * MM_PER_PT;

/**
 * Grouped vertical bars, drawn in millimetres at the printed size (viewBox units are mm and the
 * width attribute says the same, so a font size here is the printed one). The value axis has its
 * title and unit; the scale leaves room above the highest bar so its label stays inside the plot,
 * clear of the frame; a label wider than its bar is turned upright.
 */
export function gambarSvg(spec: ChartSpec): string {
  const id = `grafik-${hash(JSON.stringify(spec))}`;
  const { width: W, height: H, categories, series, decimals } = spec;
  const nilai = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  // "%" after each tick; rupiah is named by the axis title only ("Rp" after a number is not Indonesian
  // style, before it would double every tick's width); other units after the number.
  const satuan = spec.ySatuan === '%' ? '%' : spec.ySatuan && !satuanRupiah(spec.ySatuan) ? ` ${spec.ySatuan}` : '';
  const ptLabel = series.length > 2 ? PT.labelRapat : PT.label;
  const teksLabel = (v: number): string => label(v, decimals);

  // Frame: title, legend, category labels and axis titles around the plot.
  const atas = (spec.title ? mm(PT.judul) * 1.6 : 0) + 2;
  const legenda = series.length > 1 ? mm(PT.legenda) * 1.9 : 0;
  const judulX = spec.xTitle ? mm(PT.sumbu) * 1.6 : 0;
  const bawah = mm(PT.kategori) * 1.7 + judulX + legenda + 1;
  const kanan = 2;

  // Scale with headroom: the tallest bar's label (upright when it does not fit the bar) fits under the frame.
  const lebarKelompok0 = (W - 30) / Math.max(1, categories.length);
  const lebarBatang = Math.min(16, (lebarKelompok0 * 0.78) / Math.max(1, series.length));
  const tegak = nilai.some((v) => lebarTeks(teksLabel(v), ptLabel) > lebarBatang + 1.2);
  const tinggiLabel = tegak ? Math.max(0, ...nilai.map((v) => lebarTeks(teksLabel(v), ptLabel))) + 1.5 : mm(ptLabel) + 1.5;
  let { puncak, langkah } = skalaSumbu(Math.max(0, ...nilai));
  const tinggiPlot = H - atas - bawah;
  for (let i = 0; i < 4 && nilai.length > 0; i++) {
    const ruang = tinggiPlot * (1 - Math.max(0, ...nilai) / puncak);
    if (ruang >= tinggiLabel + 1) break;
    ({ puncak, langkah } = skalaSumbu(puncak + langkah * 0.6));
  }
  const ticks: number[] = [];
  for (let t = 0; t <= puncak + 1e-9; t += langkah) ticks.push(t);
  const teksTick = (t: number): string => `${label(t, 2)}${satuan}`;
  const lebarTick = Math.max(...ticks.map((t) => lebarTeks(teksTick(t), PT.label)));
  const kiri = mm(PT.sumbu) * 1.5 + lebarTick + 2.5;
  const lebarPlot = W - kiri - kanan;
  const y = (v: number): number => atas + tinggiPlot - (Math.max(0, v) / puncak) * tinggiPlot;
  const f = (n: number): string => (Math.round(n * 100) / 100).toString();
  const font = `font-family="${fontFamily}"`;
  const fs = (pt: number): string => `font-size="${f(mm(pt))}"`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="${f(W)}mm" height="${f(H)}mm" viewBox="0 0 ${f(W)} ${f(H)}" role="img" aria-label="${escapeHtml(spec.title || spec.yTitle)}">`,
  ];
  if (spec.title) out.push(`<text x="${f(W / 2)}" y="${f(mm(PT.judul) * 1.1)}" text-anchor="middle" ${font} ${fs(PT.judul)} font-weight="bold">${escapeHtml(spec.title)}</text>`);
  // grid, ticks and the frame of the plot
  for (const t of ticks) {
    const yy = f(y(t));
    out.push(`<line x1="${f(kiri)}" x2="${f(kiri + lebarPlot)}" y1="${yy}" y2="${yy}" stroke="${t === 0 ? '#444' : '#ddd'}" stroke-width="${t === 0 ? 0.3 : 0.2}"/>`);
    out.push(`<text x="${f(kiri - 1.2)}" y="${f(y(t) + mm(PT.label) * 0.35)}" text-anchor="end" ${font} ${fs(PT.label)} fill="#333">${escapeHtml(teksTick(t))}</text>`);
  }
  out.push(`<rect x="${f(kiri)}" y="${f(atas)}" width="${f(lebarPlot)}" height="${f(tinggiPlot)}" fill="none" stroke="#999" stroke-width="0.2"/>`);
  out.push(
    `<text transform="translate(${f(mm(PT.sumbu) * 0.9)} ${f(atas + tinggiPlot / 2)}) rotate(-90)" text-anchor="middle" ${font} ${fs(PT.sumbu)} fill="#333">${escapeHtml(spec.yTitle)}</text>`,
  );
  // bars and their labels
  const lebarKelompok = lebarPlot / Math.max(1, categories.length);
  const wBatang = Math.min(16, (lebarKelompok * 0.78) / Math.max(1, series.length));
  const yKategori = atas + tinggiPlot + mm(PT.kategori) * 1.25;
  categories.forEach((kat, i) => {
    const tengah = kiri + lebarKelompok * (i + 0.5);
    const mulai = tengah - (wBatang * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const x = mulai + j * wBatang;
      const atasBatang = y(v);
      const teks = teksLabel(v);
      const warna = CHART_COLORS[j % CHART_COLORS.length];
      out.push(
        `<path aria-label="${escapeHtml(`kategori: ${kat}; ${spec.yTitle}: ${teks}; seri: ${s.name}`)}" d="M${f(x + 0.3)},${f(atasBatang)}h${f(wBatang - 0.6)}V${f(atas + tinggiPlot)}h${f(-(wBatang - 0.6))}Z" fill="${warna}"/>`,
      );
      const cx = x + wBatang / 2;
      out.push(
        tegak
          ? `<text transform="translate(${f(cx + mm(ptLabel) * 0.35)} ${f(atasBatang - 1)}) rotate(-90)" text-anchor="start" ${font} ${fs(ptLabel)} fill="#222">${teks}</text>`
          : `<text x="${f(cx)}" y="${f(atasBatang - 1)}" text-anchor="middle" ${font} ${fs(ptLabel)} fill="#222">${teks}</text>`,
      );
    });
    out.push(`<text x="${f(tengah)}" y="${f(yKategori)}" text-anchor="middle" ${font} ${fs(PT.kategori)}>${escapeHtml(kat)}</text>`);
  });
  if (spec.xTitle) {
    out.push(`<text x="${f(kiri + lebarPlot / 2)}" y="${f(yKategori + judulX)}" text-anchor="middle" ${font} ${fs(PT.sumbu)} fill="#333">${escapeHtml(spec.xTitle)}</text>`);
  }
  // legend
  if (legenda) {
    const yl = H - mm(PT.legenda) * 0.7 - 0.5;
    const kotak = mm(PT.legenda) * 0.9;
    const lebarSeri = series.map((s) => kotak + 1.2 + lebarTeks(s.name, PT.legenda) + 5);
    let x = kiri + (lebarPlot - lebarSeri.reduce((a, b) => a + b, 0) + 5) / 2;
    series.forEach((s, j) => {
      out.push(`<rect x="${f(x)}" y="${f(yl - kotak)}" width="${f(kotak)}" height="${f(kotak)}" fill="${CHART_COLORS[j % CHART_COLORS.length]}"/>`);
      out.push(`<text x="${f(x + kotak + 1.2)}" y="${f(yl - 0.1)}" ${font} ${fs(PT.legenda)}>${escapeHtml(s.name)}</text>`);
      x += lebarSeri[j]!;
    });
  }
  out.push('</svg>');
  return out.join('').replace('<svg ', `<svg id="${id}" `);
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
