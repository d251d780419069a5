import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadData } from '../../src/load/load-data.js';
import { statusTahun, validate } from '../../src/validate/index.js';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

describe('bundled data/', () => {
  it('validates 2024 with zero errors', async () => {
    const loaded = await loadData(data);
    const ds = validate(loaded, 2024);
    const errors = ds.filter((d) => d.severity === 'error');
    expect(errors.map((d) => formatDiagnostic(d, loaded.sources)).join('\n\n')).toBe('');
    expect(loaded.dataSet).toBeDefined();
  });

  it('2024 can be built; earlier years are history', async () => {
    const loaded = await loadData(data);
    expect(statusTahun(loaded, 2024)).toEqual({ bisaDibangun: true, kurang: [], tidakSah: [] });
    const info = validate(loaded).filter((d) => d.code === 'LKJ401');
    expect(info.every((d) => d.severity === 'info')).toBe(true);
  });

  it('warns that the PK P-APBD budget of 2.07.03 differs from the LRA (as the source does)', async () => {
    const loaded = await loadData(data);
    const w = validate(loaded, 2024).filter((d) => d.code === 'LKJ304');
    expect(w.map((d) => d.message)).toEqual([expect.stringContaining('`2.07.03`')]);
  });
});
