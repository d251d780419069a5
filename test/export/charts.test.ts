import { describe, expect, it } from 'vitest';
import { fontFamily } from '../../src/render/assets.js';
import { barChart, gambarSvg, renderChartSvg, singleBarChart } from '../../src/render/charts.js';

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

describe('chart print quality', () => {
  const PT_PER_MM = 72 / 25.4;
  const bingkai = (svg: string): { y: number } => ({ y: Number(/<rect x="[\d.]+" y="([\d.]+)"[^>]*fill="none"/.exec(svg)?.[1]) });

  it.each([
    ['one series, percentages above 100', [{ name: 'Capaian', values: [102.99, 100.24, 157.14, 101.19] }]],
    ['three series up to 89,6', [
      { name: '2022', values: [85.06, 82.1, 2.15, 55.47] },
      { name: '2023', values: [85.21, 84.83, 2.25, 85.84] },
      { name: '2024', values: [89.6, 86.21, 1.5, 87.02] },
    ]],
    ['a max right on a tick (100)', [{ name: 'a', values: [100, 50, 75, 25] }]],
  ])('%s: every text >= 7 pt printed, "%%" on the ticks, axis titles, labels inside the plot', (_n, series) => {
    const svg = gambarSvg(barChart({ title: '', categories: ['IKU-1', 'IKU-2', 'IKU-3', 'IKU-4'], series, yTitle: 'Capaian (%)', ySatuan: '%', xTitle: 'Indikator Kinerja Utama' }));
    const lebar = Number(/width="([\d.]+)mm"/.exec(svg)?.[1]);
    expect(lebar).toBe(Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1]));
    const ukuran = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]) * PT_PER_MM);
    expect(Math.min(...ukuran)).toBeGreaterThanOrEqual(7);
    const teks = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(teks).toContain('Capaian (%)');
    expect(teks).toContain('Indikator Kinerja Utama');
    expect(teks.filter((t) => /^\d+%$/.test(t ?? '')).length).toBeGreaterThanOrEqual(3);
    // Value labels: their top (baseline - size) at least 1 mm under the plot frame.
    const atas = bingkai(svg).y;
    for (const m of svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="middle" [^>]*font-size="([\d.]+)" fill="#222">/g)) {
      expect(Number(m[1]) - Number(m[2])).toBeGreaterThanOrEqual(atas + 1);
    }
  });

  it('turns labels upright when bars are narrower than their labels', () => {
    const categories = Array.from({ length: 9 }, (_, i) => `IKU-${i + 1}`);
    const series = ['2022', '2023', '2024'].map((name) => ({ name, values: categories.map((_, i) => 1000.25 + i) }));
    const svg = gambarSvg(barChart({ title: '', categories, series, yTitle: 'Realisasi' }));
    expect(svg).toMatch(/rotate\(-90\)" text-anchor="start"[^>]*>1\.000,25</);
  });
});

describe('IKU over three years (Gambar "Perbandingan Realisasi IKU 3 Tahun")', () => {
  it('draws a panel per size of unit: realisations in billions of Rp never share an axis with percentages', async () => {
    const path = await import('node:path');
    const { loadData } = await import('../../src/load/index.js');
    const { buatKonteksDokumen } = await import('../../src/render/konteks.js');
    const { renderGrafikLkjip } = await import('../../src/render/lkjip.js');
    const loaded = await loadData(path.resolve(__dirname, '../../data'));
    const ds = structuredClone(loaded.dataSet!);
    const satu = await renderGrafikLkjip(buatKonteksDokumen(ds, 2024));
    // The bundled IKU are all percentages: one chart, its axis in %.
    expect(satu['iku-3-tahun']?.match(/<svg /g)).toHaveLength(1);
    expect(satu['iku-3-tahun']).toContain('Realisasi (%)');
    ds.strategis!.indikator.find((i) => i.id === 'IKU-1')!.satuan = 'Rp';
    // The same unit change with values of a percentage's size shares the axis; billions do not.
    const sama = (await renderGrafikLkjip(buatKonteksDokumen(ds, 2024)))['iku-3-tahun'] ?? '';
    expect(sama.match(/<svg /g)).toHaveLength(1);
    expect(sama).toContain('>Realisasi<');
    for (const [t, k] of ds.tahun) {
      const i = k.kinerja?.indikator.find((x) => x.id === 'IKU-1');
      if (i && typeof i.realisasi === 'number') i.realisasi = 400_000_000_000 + t;
    }
    const dua = (await renderGrafikLkjip(buatKonteksDokumen(ds, 2024)))['iku-3-tahun'] ?? '';
    const panel = dua.split(/(?=<svg )/).filter(Boolean);
    expect(panel).toHaveLength(2);
    expect(panel[0]).toContain('Realisasi (Rp)');
    // Ticks bare: the axis title names the rupiah.
    expect(panel[0]).not.toMatch(/\d Rp</);
    expect(panel[0]).toContain('IKU-1');
    expect(panel[0]).not.toContain('IKU-2');
    expect(panel[1]).toContain('Realisasi (%)');
    expect(panel[1]).toContain('IKU-2');
  });
});
