/**
 * Independent recomputation of a workbook's formulas with LibreOffice (headless), for the XLSX
 * tests. The reliable way, found by trying:
 *
 * 1. Strip every cached result first (exceljs: formula cells get `{ formula }` only). LibreOffice
 *    would otherwise show the cached values of an .xlsx as they are: its default for Excel 2007+
 *    files is "never recalculate on load", so converting the original proves nothing.
 * 2. Force recalculation anyway with a throw-away user profile whose registrymodifications.xcu
 *    sets Calc > Formula > Load > OOXMLRecalcMode = 0 ("always recalculate"), passed with
 *    `-env:UserInstallation=file://<dir>` (which also keeps the user's own profile untouched and
 *    lets tests run without a desktop session).
 * 3. `soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML"`: LibreOffice loads,
 *    recalculates and writes its own results as the cached values; read them back with exceljs
 *    at the same addresses. (CSV export would also work but flattens to one sheet per call and
 *    loses the addresses.)
 *
 * A canary (a cell cached with a wrong value) in the test proves step 2 is in effect.
 * CI needs the Debian/Ubuntu package `libreoffice-calc-nogui` (or `libreoffice-calc`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';

const exec = promisify(execFile);

/** Path of soffice/libreoffice on PATH (or $SOFFICE), null when LibreOffice is not installed. */
export function cariSoffice(): string | null {
  const env = process.env.SOFFICE;
  if (env && existsSync(env)) return env;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const nama of ['soffice', 'libreoffice']) {
      const p = join(dir, nama);
      if (dir && existsSync(p)) return p;
    }
  }
  return null;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The workbook with every formula's cached result removed. */
export async function tanpaHasil(xlsx: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }
      });
    });
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Converts `xlsx` with LibreOffice (forced recalculation) and returns the converted workbook.
 * `hapusHasil` strips the cached results first (default true).
 */
export async function hitungUlang(xlsx: Uint8Array, soffice: string, hapusHasil = true): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'lkjip-recalc-'));
  try {
    const profil = join(dir, 'profil');
    await mkdir(join(profil, 'user'), { recursive: true });
    await writeFile(join(profil, 'user', 'registrymodifications.xcu'), XCU);
    const masuk = join(dir, 'masuk');
    const keluar = join(dir, 'keluar');
    await mkdir(masuk);
    await mkdir(keluar);
    await writeFile(join(masuk, 'buku.xlsx'), hapusHasil ? await tanpaHasil(xlsx) : xlsx);
    await exec(
      soffice,
      [
        `-env:UserInstallation=file://${profil}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        keluar,
        join(masuk, 'buku.xlsx'),
      ],
      { timeout: 120_000 },
    );
    return new Uint8Array(await readFile(join(keluar, 'buku.xlsx')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Cached value of every formula cell: sheet -> address -> number | string ("" for empty). */
export async function hasilRumus(xlsx: Uint8Array): Promise<Map<string, Map<string, number | string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
  const out = new Map<string, Map<string, number | string>>();
  wb.eachSheet((ws) => {
    const m = new Map<string, number | string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const r = (v as ExcelJS.CellFormulaValue).result;
          // exceljs reads an empty cached text (<v></v>) as undefined.
          m.set(cell.address, typeof r === 'number' ? r : r === undefined || r === null ? '' : String(r));
        }
      });
    });
    out.set(ws.name, m);
  });
  return out;
}
