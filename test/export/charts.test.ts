import { describe, expect, it } from 'vitest';
import { fontFamily } from '../../src/render/assets.js';
import { barChart, renderChartSvg, singleBarChart } from '../../src/render/charts.js';

describe('charts', () => {
  it('renders grouped bars as static SVG in the document font with Indonesian numbers', async () => {
    const spec = barChart({
      title: 'Capaian IKU 3 Tahun',
      categories: ['IKU-1', 'IKU-2', 'IKU-3'],
      series: [
        { name: '2022', values: [95.5, 1234.25, null] },
        { name: '2023', values: [100, 88.8, 72.11] },
      ],
      yTitle: 'Capaian (%)',
    });
    const svg = await renderChartSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    const families = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([fontFamily]);
    expect(svg).toContain('1.234,25');
    expect(svg).toContain('95,5');
    expect(svg).toContain('72,11');
    expect(svg).toContain('Capaian IKU 3 Tahun');
    expect(svg).not.toMatch(/<script|\son[a-z]+=/i);
    // null is "no data": 5 values -> 5 bars, never a bar of height 0
    const bars = [...svg.matchAll(/<path aria-label="(kategori: [^"]*)"/g)].map((m) => m[1]);
    expect(bars).toHaveLength(5);
    expect(bars).toContain('kategori: IKU-3; Capaian (%): 72,11; seri: 2023');
    expect(bars.some((b) => b?.includes('IKU-3') && b.includes('2022'))).toBe(false);
  });

  it('is deterministic and keeps ids unique per chart', async () => {
    const a = singleBarChart({ title: 'PNS per Golongan', categories: ['I', 'II', 'III', 'IV'], values: [1, 5, 20, 7], yTitle: 'Orang' });
    const b = singleBarChart({ title: 'Lain', categories: ['I', 'II'], values: [1, 2], yTitle: 'Orang' });
    const [svgA, svgA2, svgB] = [await renderChartSvg(a), await renderChartSvg(a), await renderChartSvg(b)];
    expect(svgA).toBe(svgA2);
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const shared = ids(svgA).filter((id) => ids(svgB).includes(id));
    expect(shared).toEqual([]);
  });

  it('rejects a series whose length does not match the categories', () => {
    expect(() => barChart({ title: 't', categories: ['a', 'b'], series: [{ name: 's', values: [1] }], yTitle: 'y' })).toThrow(/seri "s"/);
  });
});
