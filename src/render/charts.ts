/**
 * Charts as static SVG, made in Node: a Vega-Lite spec is compiled to Vega and rendered by a
 * headless View (renderer 'none', no DOM, no canvas). The SVG is inlined in the HTML, so the
 * print page needs no JavaScript and no network; its text uses the document's font family, and
 * numbers use Indonesian separators (1.234,5).
 */
import { createHash } from 'node:crypto';
import { parse, View, type Spec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { fontFamily } from './assets.js';

/** Indonesian number formatting for d3-format inside Vega (decimal comma, dot thousands). */
const ID_LOCALE = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] as [string, string] },
};

/** Print-friendly palette: distinguishable in colour and still in greyscale. */
export const CHART_COLORS = ['#1f4e79', '#c55a11', '#7f7f7f', '#548235', '#bf9000', '#7030a0'] as const;

const BASE_CONFIG = {
  font: fontFamily,
  locale: ID_LOCALE,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 13, fontWeight: 'bold', anchor: 'middle', offset: 12 },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal', grid: true, gridColor: '#e0e0e0' },
  axisX: { labelAngle: 0, labelLimit: 140, grid: false },
  legend: { labelFontSize: 10, titleFontSize: 10, orient: 'bottom', direction: 'horizontal' },
  range: { category: [...CHART_COLORS] },
} as const;

/**
 * Renders a Vega-Lite spec to an SVG string. The project config (font, locale, colours) is laid
 * under the spec's own config. Element ids are prefixed with a hash of the spec so that several
 * charts inlined in one HTML never share a clip-path id.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const vegaSpec: Spec = compile(withConfig).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return scopeIds(checkNoScript(svg), 'c' + createHash('sha256').update(JSON.stringify(withConfig)).digest('hex').slice(0, 8));
  } finally {
    view.finalize();
  }
}

function scopeIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
  let out = svg;
  for (const id of ids) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`(\\sid=")${esc}"`, 'g'), `$1${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${esc}\\)`, 'g'), `url(#${prefix}-${id})`)
      .replace(new RegExp(`(href=")#${esc}"`, 'g'), `$1#${prefix}-${id}"`);
  }
  return out;
}

/** Vega never emits scripts, but the SVG is inlined as trusted HTML, so make sure. */
function checkNoScript(svg: string): string {
  if (/<script|\son[a-z]+\s*=|javascript:/i.test(svg)) throw new Error('renderChartSvg: SVG berisi skrip, ditolak');
  return svg;
}

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
  /** d3-format of the labels above the bars; default ',.2~f' (89,6 / 1.234). */
  format?: string;
  width?: number;
  height?: number;
}

/**
 * Grouped bars: one group per category, one bar per series (e.g. IKU capaian over three years,
 * PNS per golongan per jenis kelamin), with the value printed above each bar.
 */
export function barChart(input: BarChartInput): TopLevelSpec {
  for (const s of input.series) {
    if (s.values.length !== input.categories.length) {
      throw new Error(`barChart: seri "${s.name}" punya ${s.values.length} nilai untuk ${input.categories.length} kategori`);
    }
  }
  const rows = input.series.flatMap((s) =>
    s.values.flatMap((value, i) => (value === null ? [] : [{ kategori: input.categories[i] as string, seri: s.name, nilai: value }])),
  );
  const seriesNames = input.series.map((s) => s.name);
  const single = input.series.length <= 1;
  const format = input.format ?? ',.2~f';
  return {
    title: input.title,
    width: input.width ?? 460,
    height: input.height ?? 220,
    data: { values: rows },
    encoding: {
      x: { field: 'kategori', type: 'nominal', title: null, sort: input.categories, scale: { domain: input.categories } },
      ...(single ? {} : { xOffset: { field: 'seri', type: 'nominal', sort: seriesNames, scale: { domain: seriesNames } } }),
      y: { field: 'nilai', type: 'quantitative', title: input.yTitle, axis: { format: ',~f' } },
    },
    layer: [
      {
        mark: { type: 'bar', ...(single ? { color: CHART_COLORS[0] } : {}) },
        encoding: single
          ? {}
          : { color: { field: 'seri', type: 'nominal', title: null, sort: seriesNames, scale: { domain: seriesNames } } },
      },
      {
        mark: { type: 'text', dy: -5, fontSize: 9, color: '#222' },
        encoding: { text: { field: 'nilai', type: 'quantitative', format } },
      },
    ],
  } as TopLevelSpec;
}

export interface SingleBarChartInput {
  title: string;
  categories: string[];
  values: (number | null)[];
  yTitle: string;
  format?: string;
  width?: number;
  height?: number;
}

/** One bar per category (e.g. capaian per IKU in the report year). */
export function singleBarChart(input: SingleBarChartInput): TopLevelSpec {
  const { values, ...rest } = input;
  return barChart({ ...rest, series: [{ name: input.yTitle, values }] });
}
