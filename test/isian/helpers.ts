import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const root = path.resolve(__dirname, '../..');
const tmp: string[] = [];
export const bersihkan = (): void => tmp.forEach((d) => rmSync(d, { recursive: true, force: true }));

/** A working folder with a copy of a data folder in data/. */
export function salin(dari: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-isian-'));
  tmp.push(dir);
  cpSync(dari, path.join(dir, 'data'), { recursive: true });
  return dir;
}

/** sha256 of every file under a folder, by relative path. */
export function sidik(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const jalan = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) jalan(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  jalan(dir);
  return out;
}

export async function lkjip(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(env, cwd);
  const code = await run(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

export async function bukaBuku(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Column number of a header text in row 1. */
export function kolomJudul(ws: ExcelJS.Worksheet, judul: string): number {
  let k = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (String(c.value) === judul) k = n;
  });
  if (!k) throw new Error(`kolom "${judul}" tidak ada di ${ws.name}`);
  return k;
}

/** Row number of an id (first column). */
export function barisId(ws: ExcelJS.Worksheet, id: string): number {
  let r = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(1).value) === id) r = n;
  });
  if (!r) throw new Error(`id "${id}" tidak ada di ${ws.name}`);
  return r;
}

export function sel(wb: ExcelJS.Workbook, lembar: string, id: string, judul: string): ExcelJS.Cell {
  const ws = wb.getWorksheet(lembar);
  if (!ws) throw new Error(`lembar ${lembar} tidak ada`);
  return ws.getCell(barisId(ws, id), kolomJudul(ws, judul));
}

/** Opens a workbook, lets `ubah` edit it, saves it as a new file beside it. */
export async function sunting(file: string, nama: string, ubah: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = await bukaBuku(file);
  await ubah(wb);
  const out = path.join(path.dirname(file), nama);
  await wb.xlsx.writeFile(out);
  return out;
}

/** Lines removed and added between two texts (as multisets). */
export function beda(a: string, b: string): { hapus: string[]; tambah: string[] } {
  const sisa = new Map<string, number>();
  for (const l of a.split('\n')) sisa.set(l, (sisa.get(l) ?? 0) + 1);
  const tambah: string[] = [];
  for (const l of b.split('\n')) {
    const n = sisa.get(l) ?? 0;
    if (n > 0) sisa.set(l, n - 1);
    else tambah.push(l);
  }
  return { hapus: [...sisa].flatMap(([l, n]) => Array<string>(n).fill(l)), tambah };
}
