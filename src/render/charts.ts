/**
 * Charts as static vector SVG, generated at build time: the printed page runs no JavaScript and
 * loads nothing. The reports need one kind of chart (grouped vertical bars with the value above
 * each bar, e.g. IKU capaian per year, PNS per golongan), so it is drawn here directly: a few
 * hundred lines of SVG text instead of loading a charting library on every build (Vega cost about
 * a third of a second of start-up and rendering on each `lkjip build`).
 */
import { formatAngka } from '../util/format.js';
import { escapeHtml } from '../export/html-marks.js';
import { fontFamily } from './assets.js';

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
  yTitle: string;
  /** Decimals of the labels above the bars (at most; trailing zeros dropped). Default 2. */
  decimals?: number;
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
  return { decimals: 2, width: 520, height: 260, ...input };
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

export function gambarSvg(spec: ChartSpec): string {
  const id = `grafik-${hash(JSON.stringify(spec))}`;
  const { width: W, height: H, categories, series, decimals } = spec;
  const judulTinggi = spec.title ? 22 : 4;
  const legenda = series.length > 1 ? 22 : 0;
  const kiri = 52;
  const kanan = 12;
  const atas = judulTinggi + 14;
  const bawah = 30 + legenda;
  const lebarPlot = W - kiri - kanan;
  const tinggiPlot = H - atas - bawah;
  const nilai = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const { puncak, langkah } = skalaSumbu(Math.max(0, ...nilai));
  const y = (v: number): number => atas + tinggiPlot - (Math.max(0, v) / puncak) * tinggiPlot;
  const font = `font-family="${fontFamily}"`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(spec.title || spec.yTitle)}">`,
  );
  if (spec.title) out.push(`<text x="${W / 2}" y="15" text-anchor="middle" ${font} font-size="12" font-weight="bold">${escapeHtml(spec.title)}</text>`);
  // grid and axis
  for (let t = 0; t <= puncak + 1e-9; t += langkah) {
    const yy = y(t).toFixed(1);
    out.push(`<line x1="${kiri}" x2="${W - kanan}" y1="${yy}" y2="${yy}" stroke="${t === 0 ? '#444' : '#ddd'}" stroke-width="${t === 0 ? 1 : 0.6}"/>`);
    out.push(`<text x="${kiri - 5}" y="${(y(t) + 3).toFixed(1)}" text-anchor="end" ${font} font-size="9" fill="#333">${label(t, 2)}</text>`);
  }
  out.push(
    `<text transform="translate(12 ${(atas + tinggiPlot / 2).toFixed(1)}) rotate(-90)" text-anchor="middle" ${font} font-size="9.5" fill="#333">${escapeHtml(spec.yTitle)}</text>`,
  );
  // bars
  const lebarKelompok = lebarPlot / Math.max(1, categories.length);
  const lebarBatang = Math.min(46, (lebarKelompok * 0.8) / Math.max(1, series.length));
  categories.forEach((kat, i) => {
    const tengah = kiri + lebarKelompok * (i + 0.5);
    const mulai = tengah - (lebarBatang * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const x = mulai + j * lebarBatang;
      const atasBatang = y(v);
      const teks = label(v, decimals);
      const warna = CHART_COLORS[j % CHART_COLORS.length];
      out.push(
        `<path aria-label="${escapeHtml(`kategori: ${kat}; ${spec.yTitle}: ${teks}; seri: ${s.name}`)}" d="M${(x + 1).toFixed(1)},${atasBatang.toFixed(1)}h${(lebarBatang - 2).toFixed(1)}V${(atas + tinggiPlot).toFixed(1)}h${(-(lebarBatang - 2)).toFixed(1)}Z" fill="${warna}"/>`,
      );
      out.push(
        `<text x="${(x + lebarBatang / 2).toFixed(1)}" y="${(atasBatang - 3).toFixed(1)}" text-anchor="middle" ${font} font-size="${series.length > 2 ? 7.5 : 9}" fill="#222">${teks}</text>`,
      );
    });
    out.push(`<text x="${tengah.toFixed(1)}" y="${(atas + tinggiPlot + 14).toFixed(1)}" text-anchor="middle" ${font} font-size="9.5">${escapeHtml(kat)}</text>`);
  });
  // legend
  if (legenda) {
    const yl = H - 10;
    let x = kiri;
    series.forEach((s, j) => {
      out.push(`<rect x="${x}" y="${yl - 8}" width="10" height="10" fill="${CHART_COLORS[j % CHART_COLORS.length]}"/>`);
      out.push(`<text x="${x + 14}" y="${yl + 1}" ${font} font-size="9.5">${escapeHtml(s.name)}</text>`);
      x += 24 + s.name.length * 6;
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
