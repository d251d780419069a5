import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, KATALOG, type Diagnostic, type KodeDiagnostik } from '../../src/diagnostics.js';
import { periksaTahun } from '../../src/validate/periksa.js';
import { loadData, tampilanPath } from '../../src/load/load-data.js';
import { validate } from '../../src/validate/index.js';

const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.join(akar, 'data');
const folderKasus = path.join(akar, 'test/fixtures/broken');

interface Harapan {
  code: string;
  /** Relative to the data folder. */
  file: string;
  line?: number;
  column?: number;
  hint?: string;
  /** Checked as `lkjip validate <tahun>` checks (with the narrative and the calculator), not only the files. */
  tahun?: number;
}

const kasus = existsSync(folderKasus) ? readdirSync(folderKasus).filter((k) => existsSync(path.join(folderKasus, k, 'expected.json'))).sort() : [];

/** A copy of the bundled data/ with the case's files laid over it. */
function salinDenganKasus(k: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `lkjip-rusak-${k}-`));
  cpSync(data, dir, { recursive: true });
  cpSync(path.join(folderKasus, k), dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected.json' });
  return dir;
}

const tampil = (ds: Diagnostic[]): string => ds.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`).join('\n');

describe('broken data fixtures', () => {
  it('has the cases the brief asks for', () => {
    expect(kasus.length).toBeGreaterThanOrEqual(12);
    // one per semantic check, hint and narrative rule of issue 9
    for (const k of ['triwulan-kumulatif', 'triwulan-tidak-kumulatif', 'nilai-negatif', 'capaian-tidak-wajar', 'tanggal-tidak-ada', 'bulan-tidak-ada',
      'kumulatif-kurang', 'target-nol', 'kondisi-rujukan', 'kondisi-dua-sumber', 'kondisi-melingkar', 'koma-desimal', 'narasi-tidak-dikenal']) {
      expect(kasus).toContain(k);
    }
  });

  it.each(kasus)('%s', async (k) => {
    const raw = JSON.parse(readFileSync(path.join(folderKasus, k, 'expected.json'), 'utf8')) as Harapan | Harapan[];
    const harapan = Array.isArray(raw) ? raw : [raw];
    const dir = salinDenganKasus(k);
    const loaded = await loadData(dir);
    const tahun = harapan.find((h) => h.tahun !== undefined)?.tahun;
    const ds = tahun === undefined ? validate(loaded) : (await periksaTahun(loaded, tahun)).diagnostics;
    for (const h of harapan) {
      const file = tampilanPath(path.join(dir, h.file));
      const cocok = ds.find(
        (d) => d.code === h.code && d.file === file && (h.line === undefined || d.line === h.line) && (h.column === undefined || d.column === h.column),
      );
      expect(cocok, `${h.code} ${h.file}:${h.line}:${h.column} tidak dilaporkan; yang dilaporkan:\n${tampil(ds)}`).toBeDefined();
      if (h.hint) expect(cocok!.hint).toBe(h.hint);
      // Every diagnostic renders with a code frame and without a stack trace.
      const teks = formatDiagnostic(cocok!, loaded.sources);
      expect(teks).not.toMatch(/\bat .*\.(ts|js):\d+/);
      if (h.line) expect(teks).toContain(`> ${h.line} |`);
    }
    // The unchanged bundled data has no errors, so every error comes from the case; a case of a
    // warning (a semantic check) must not make the data invalid.
    const galat = ds.filter((d) => d.severity === 'error').length;
    if (harapan.some((h) => KATALOG[h.code as KodeDiagnostik]?.tingkat === 'error')) expect(galat).toBeGreaterThan(0);
    else expect(galat, tampil(ds)).toBe(0);
  });
});
