/**
 * `lkjip build <tahun> --triwulan n`: the quarterly Renja evaluation of the bundled agency (2024,
 * quarters I-II reported) and of the made-up agency (2026, quarters I-III reported), for every
 * quarter. Each writes evaluasi-renja-<tahun>-tw<n>.{pdf,html,xlsx} through the same calculator,
 * audit and print path as the other documents; E.81 counts only quarters 1..n; a quarter not yet
 * reported warns and prints "-", never 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitungEvaluasiTriwulan } from '../../src/calc/index.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { loadData } from '../../src/load/index.js';
import { formatAngka } from '../../src/util/format.js';
import { cariSoffice, hasilRumus, hitungUlang } from '../export/recalc.js';
import { bacaHalaman, kataDiLuar, kataKecil, angkaPutus } from './kotak-kata.js';

const root = path.resolve(__dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'lkjip-evaluasi-'));
const soffice = cariSoffice();
const ROMAWI = ['I', 'II', 'III', 'IV'];

interface Kasus {
  agensi: 'bawaan' | 'contoh';
  data: string;
  tahun: number;
  tw: 1 | 2 | 3 | 4;
  /** Quarters the data has filled (for every row when `lengkap`; the bundled data lacks some rows' quarters, as its source did). */
  terisi: number;
  lengkap: boolean;
  pdf: boolean;
}
const KASUS: Kasus[] = [1, 2, 3, 4].flatMap((tw) => [
  { agensi: 'bawaan' as const, data: 'data', tahun: 2024, tw: tw as Kasus['tw'], terisi: 2, lengkap: false, pdf: tw === 2 || tw === 4 },
  { agensi: 'contoh' as const, data: 'test/fixtures/opd-contoh/data', tahun: 2026, tw: tw as Kasus['tw'], terisi: 3, lengkap: true, pdf: tw === 3 || tw === 4 },
]);

interface Hasil {
  code: number;
  log: string;
  dir: string;
  html: string;
  teksPdf?: string;
}
const hasil = new Map<string, Hasil>();
const kunci = (k: Kasus): string => `${k.agensi}-tw${k.tw}`;

beforeAll(async () => {
  for (const k of KASUS) {
    const dir = path.join(out, kunci(k));
    const io = memoryIo({ SOURCE_DATE_EPOCH: '1767225600' }, root);
    const code = await run(['build', String(k.tahun), '--triwulan', String(k.tw), '--data', k.data, '--out', dir, '--format', k.pdf ? 'pdf,html,xlsx' : 'html,xlsx'], io);
    const folder = path.join(dir, String(k.tahun));
    const nama = `evaluasi-renja-${k.tahun}-tw${k.tw}`;
    const h: Hasil = { code, log: io.stdout + io.stderr, dir: folder, html: code === 0 ? readFileSync(path.join(folder, `${nama}.html`), 'utf8') : '' };
    if (k.pdf && code === 0) h.teksPdf = execFileSync('pdftotext', ['-layout', path.join(folder, `${nama}.pdf`), '-'], { encoding: 'utf8' });
    hasil.set(kunci(k), h);
  }
}, 600_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const ambil = (k: Kasus): Hasil => hasil.get(kunci(k)) as Hasil;

describe.each(KASUS)('$agensi, triwulan $tw', (k) => {
  it('writes only the evaluation, named for its quarter', () => {
    const h = ambil(k);
    expect(h.code, h.log).toBe(0);
    const nama = `evaluasi-renja-${k.tahun}-tw${k.tw}`;
    expect(readdirSync(h.dir).sort()).toEqual([...(k.pdf ? [`${nama}.pdf`] : []), `${nama}.html`, `${nama}.xlsx`].sort());
  });

  it('titles E.81 as the source does, with the quarter', () => {
    expect(ambil(k).html).toMatch(new RegExp(`TAHUN ${k.tahun} TRIWULAN ${ROMAWI[k.tw - 1]}`));
    expect(ambil(k).html).toContain('(Tabel E.81)');
  });

  it('quarters not reported yet: a warning listing them, never silently 0', () => {
    const log = ambil(k).log;
    const disebut = [...log.matchAll(/realisasi triwulan (I|II|III|IV) belum diisi untuk \d+ baris/g)].map((m) => ROMAWI.indexOf(m[1]!) + 1);
    // Only quarters of the window are named; every quarter after the data's last is named.
    expect(disebut.every((n) => n <= k.tw)).toBe(true);
    for (let n = k.terisi + 1; n <= k.tw; n++) expect(disebut).toContain(n);
    if (k.lengkap && k.tw <= k.terisi) expect(log).not.toMatch(/TRIWULAN_BELUM_DIISI/);
    if (disebut.length > 0) expect(log).toMatch(/program\.yaml warning TRIWULAN_BELUM_DIISI/);
  });

});

describe.each(KASUS.filter((k) => k.pdf))('$agensi, triwulan $tw, printed', (k) => {
  it('prints cleanly: no layout finding, nothing under 7 pt or off the page, no number cut', () => {
    expect(ambil(k).log).not.toMatch(/LKJ6\d\d/);
    const pdf = path.join(ambil(k).dir, `evaluasi-renja-${k.tahun}-tw${k.tw}.pdf`);
    for (const h of bacaHalaman(pdf)) {
      expect(kataKecil(h), `halaman ${h.nomor}`).toEqual([]);
      expect(kataDiLuar(h), `halaman ${h.nomor}`).toEqual([]);
      expect(angkaPutus(h), `halaman ${h.nomor}`).toEqual([]);
    }
    expect(ambil(k).teksPdf).toMatch(/EVALUASI HASIL PELAKSANAAN/);
    expect(ambil(k).teksPdf).not.toMatch(/NaN|Infinity|#DIV\/0!|undefined/);
  });
});

describe('figures of a quarterly evaluation', () => {
  it('E.81 totals count only quarters 1..n (bundled agency: the E.81 Rp of quarters I and II)', async () => {
    const data = (await loadData(path.join(root, 'data'))).dataSet!;
    const rp = (n: 1 | 2 | 3 | 4) => hitungEvaluasiTriwulan(data, 2024, n).e81!.total.rp12;
    // Independently: the sum of every stored quarterly Rp of quarters 1..n in program.yaml.
    const dariData = (n: number) =>
      data.tahun.get(2024)!.program!.node.reduce((s, node) => s + (node.realisasi_rp_triwulan ?? []).slice(0, n).reduce<number>((a, v) => a + (v ?? 0), 0), 0);
    expect(rp(1)).toBe(dariData(1));
    expect(rp(2)).toBe(dariData(2));
    expect(rp(2)).toBe(3_538_042_347);
    // Quarters III and IV are not reported: the same realisation, not more.
    expect(rp(3)).toBe(rp(2));
    expect(rp(4)).toBe(rp(2));
    expect(rp(1)).toBeLessThan(rp(2)!);
  });

  it('the generated introduction states the quarter\'s figures, formatted like the tables', async () => {
    const data = (await loadData(path.join(root, 'test/fixtures/opd-contoh/data'))).dataSet!;
    const e = hitungEvaluasiTriwulan(data, 2026, 3).e81!;
    const html = ambil(KASUS.find((k) => k.agensi === 'contoh' && k.tw === 3)!).html;
    expect(html).toContain(`Rp ${formatAngka(e.total.rp7, 0)}`);
    expect(html).toContain(`Rp ${formatAngka(e.total.rp12, 0)}`);
    expect(html).toContain(`${formatAngka(e.total.rata_rata.k13, 2)}%`);
    expect(html).toContain(`predikat ${e.total.rata_rata.predikat}`);
  });

  it('an unfilled quarter prints "-" in its E.81 columns, a reported 0 stays 0 (bundled, TW III)', () => {
    const h = ambil(KASUS.find((k) => k.agensi === 'bawaan' && k.tw === 3)!);
    // The first part of E.81 (columns 1-11): the row of sub kegiatan 2.07.01.2.01.0001 (quarters I-II
    // reported as K 0, 1 and Rp 0, 3.999.000; III and IV not yet).
    const tr = /<tr class="sub_kegiatan">(?:(?!<\/tr>)[\s\S])*?2\.07\.01\.2\.01\.0001[\s\S]*?<\/tr>/.exec(h.html)?.[0] ?? '';
    const angka = [...tr.matchAll(/<td class="angka[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
    // 5 K/Rp, 6 K/Rp, 7 K/Rp, then the quarters I..IV as K/Rp pairs
    expect(angka.slice(6, 14)).toEqual(['0', '-', '1', '3.999.000', '-', '-', '-', '-']);
  });
});

describe('narrative and signature of a quarterly evaluation (made-up agency, TW III)', () => {
  const h = () => ambil(KASUS.find((k) => k.agensi === 'contoh' && k.tw === 3)!);
  it('prints Bab III from narasi/evaluasi/tw3-*.md, only the sections written', () => {
    const t = h().teksPdf!;
    expect(t).toMatch(/BAB III/);
    expect(t).toMatch(/FAKTOR PENDORONG KEBERHASILAN PENCAPAIAN/);
    expect(t).toMatch(/FAKTOR PENGHAMBAT PENCAPAIAN KINERJA/);
    expect(t).toMatch(/TINDAK LANJUT YANG DIPERLUKAN DALAM TRIWULAN BERIKUTNYA/);
    expect(t).not.toMatch(/DALAM RENJA PERANGKAT DAERAH BERIKUTNYA/);
    expect(t).toMatch(/Renovasi depo arsip statis/);
  });
  it('signs on the date renja.yaml gives for the quarter; a quarter without one gets a line to fill by hand', () => {
    expect(h().teksPdf).toMatch(/Contoh, 12 Oktober 2026/);
    expect(ambil(KASUS.find((k) => k.agensi === 'contoh' && k.tw === 4)!).teksPdf).toMatch(/Contoh, \.{10,}/);
    // Bab III only where the quarter has its texts
    expect(ambil(KASUS.find((k) => k.agensi === 'contoh' && k.tw === 4)!).teksPdf).not.toMatch(/BAB III/);
  });
});

describe('the evaluation workbook', () => {
  const xlsx = (k: Kasus) => path.join(ambil(k).dir, `evaluasi-renja-${k.tahun}-tw${k.tw}.xlsx`);
  const kasus = KASUS.find((k) => k.agensi === 'contoh' && k.tw === 2)!;

  it('holds the quarter\'s E.81, its totals the calculator\'s', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx(kasus)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['E.81']);
    const ws = wb.worksheets[0]!;
    const teks: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => teks.push(String(typeof c.value === 'object' && c.value && 'result' in c.value ? c.value.result : c.value))));
    expect(teks.join('\n')).toMatch(/TAHUN 2026 TRIWULAN II/);
    const data = (await loadData(path.join(root, 'test/fixtures/opd-contoh/data'))).dataSet!;
    const e = hitungEvaluasiTriwulan(data, 2026, 2).e81!;
    expect(teks).toContain(String(e.total.rp12));
  });

  it.skipIf(!soffice)('recomputes in LibreOffice to the cached values', async () => {
    const x = new Uint8Array(readFileSync(xlsx(kasus)));
    const asli = await hasilRumus(x);
    const ulang = await hasilRumus(await hitungUlang(x, soffice!));
    const beda: string[] = [];
    for (const [lembar, sel] of asli) {
      for (const [alamat, v] of sel) {
        const w = ulang.get(lembar)?.get(alamat);
        const sama = typeof v === 'number' && typeof w === 'number' ? Math.round(v * 100) === Math.round(w * 100) : v === (w ?? '');
        if (!sama) beda.push(`${lembar}!${alamat}: ${JSON.stringify(v)} vs ${JSON.stringify(w)}`);
      }
    }
    expect(beda).toEqual([]);
  }, 120_000);
});

describe('usage', () => {
  it.each([
    [['build', '--all', '--triwulan', '2'], /--triwulan untuk satu tahun/],
    [['build', '2024', '--triwulan', '2', '--only', 'lkjip'], /--only tidak dipakai bersamanya/],
    [['build', '2024', '--triwulan', '5'], /triwulan harus 1, 2, 3 atau 4/],
  ])('%j is a usage error', async (args, pesan) => {
    const io = memoryIo({}, root);
    expect(await run(args, io)).toBe(2);
    expect(io.stderr).toMatch(pesan);
  });
});
