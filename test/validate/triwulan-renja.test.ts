/**
 * What the Renja's own E.81 (evaluated up to renja.yaml `triwulan_evaluasi`) and the LKJIP still lack
 * from the quarters: `validate`/`build` say it without `--triwulan`, as a quarterly evaluation does.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/load-data.js';
import { periksaTahun } from '../../src/validate/periksa.js';

const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contoh = path.join(akar, 'test/fixtures/opd-contoh/data');

/** A copy of the sample agency (evaluated up to TW III) with program.yaml text replaced. */
function salin(ganti: [string, string][] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-tw-renja-'));
  cpSync(contoh, dir, { recursive: true });
  const f = path.join(dir, '2026/program.yaml');
  let teks = readFileSync(f, 'utf8');
  for (const [lama, baru] of ganti) {
    expect(teks).toContain(lama);
    teks = teks.replace(lama, baru);
  }
  writeFileSync(f, teks);
  return dir;
}

describe('quarters still empty up to renja.yaml triwulan_evaluasi', () => {
  it('validate warns TRIWULAN_BELUM_DIISI per quarter, at program.yaml, without --triwulan', async () => {
    const dir = salin([['{ id: I-2.23.02.2.01.0005, target: 2400, realisasi_triwulan: [0, 1150, 865, null] }', '{ id: I-2.23.02.2.01.0005, target: 2400, realisasi_triwulan: [null, null, 865, null] }']]);
    const { diagnostics } = await periksaTahun(await loadData(dir), 2026);
    const w = diagnostics.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI');
    expect(w.map((d) => /^Evaluasi triwulan III 2026: realisasi triwulan (\w+) belum diisi untuk 1 baris/.exec(d.message)?.[1])).toEqual(['I', 'II']);
    expect(w.every((d) => d.message.includes('I-2.23.02.2.01.0005') && d.file?.endsWith('2026/program.yaml'))).toBe(true);
  });

  it('an indicator reported only as a year total is not missing from the Renja\'s E.81', async () => {
    const dir = salin([['{ id: I-2.23.02.2.01.0005, target: 2400, realisasi_triwulan: [0, 1150, 865, null] }', '{ id: I-2.23.02.2.01.0005, target: 2400, realisasi: 2015 }']]);
    const { diagnostics } = await periksaTahun(await loadData(dir), 2026);
    expect(diagnostics.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI')).toEqual([]);
  });

  it('complete quarters: no such warning', async () => {
    const { diagnostics } = await periksaTahun(await loadData(salin()), 2026);
    expect(diagnostics.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI')).toEqual([]);
  });

  it('quarters without the annual realisasi: LKJ333 names them and says what prints "-"', async () => {
    const { diagnostics } = await periksaTahun(await loadData(salin()), 2026);
    const d = diagnostics.find((x) => x.code === 'LKJ333' && x.message.includes('Realisasi tahunan belum diisi'));
    expect(d?.file).toMatch(/2026\/program\.yaml$/);
    expect(d?.message).toContain('I-2.23.01.2.02');
    expect(d?.message).toContain('Tabel 3.6');
    // an indicator with its annual value is not listed
    expect(d?.message).not.toMatch(/I-2\.23\.01[,)]/);
  });
});
