/** Reading built documents back as text: the PDF through pdftotext, the workbook's every cell string. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export function teksPdf(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Sheet names, headers, footers and every cell's text (values, rich text, formula results). */
export async function teksWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name, ws.headerFooter?.oddHeader ?? '', ws.headerFooter?.oddFooter ?? '');
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object') {
          const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
          if (o.richText) out.push(o.richText.map((r) => r.text).join(''));
          if (typeof o.result === 'string') out.push(o.result);
          if (typeof o.text === 'string') out.push(o.text);
        }
      });
    });
  });
  return out.join('\n');
}
