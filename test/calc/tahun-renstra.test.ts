/**
 * The Renstra's yearly target columns (Tabel 2.2 and its sheet): a Renstra named "2021-2026" whose
 * first year is the baseline (the bundled agency: targets 2022-2026, data awal 2021), and one named
 * "2025-2029" whose first year already has a target (targets 2025-2029, data awal 2024). The second
 * once lost its 2025 target and labelled the baseline 2025.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tahunRenstra } from '../../src/calc/index.js';
import { loadData } from '../../src/load/index.js';
import type { DataSet } from '../../src/model/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const dengan = (periode: { awal: number; akhir: number }, target: Record<string, number>[]): DataSet =>
  ({ strategis: { periode, indikator: target.map((t, i) => ({ id: `IKU-${i + 1}`, target: t })) } }) as unknown as DataSet;

describe('Renstra target columns', () => {
  it('the bundled agency: 2021-2026 with targets from 2022, data awal 2021', async () => {
    const loaded = await loadData(path.join(root, 'data'));
    expect(tahunRenstra(loaded.dataSet as DataSet, 2024)).toEqual({
      awal: 2021,
      akhir: 2026,
      tahun_target: [2022, 2023, 2024, 2025, 2026],
      tahun_data_awal: 2021,
    });
  });

  it('a target in the first year of the period makes it a target column, the baseline the year before', () => {
    const r = tahunRenstra(dengan({ awal: 2025, akhir: 2029 }, [{ '2026': 99 }, { '2025': 98, '2026': 98.5 }]), 2026);
    expect(r.tahun_target).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(r.tahun_data_awal).toBe(2024);
  });

  it('without such a target the first year stays the baseline', () => {
    const r = tahunRenstra(dengan({ awal: 2025, akhir: 2029 }, [{ '2026': 99 }]), 2026);
    expect(r.tahun_target).toEqual([2026, 2027, 2028, 2029]);
    expect(r.tahun_data_awal).toBe(2025);
  });
});
