/** Cell addresses as Excel writes them (shared by `isian` and `impor`, without loading exceljs). */
import { hurufKolom } from '../render/workbook-alamat.js';

export { hurufKolom };

/** `Sheet!A1`, the sheet name quoted when Excel needs it (`'Indikator Program'!E7`). */
export function alamatSel(lembar: string, kolom: number, baris: number): string {
  const nama = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(lembar) ? lembar : `'${lembar.replace(/'/g, "''")}'`;
  return `${nama}!${hurufKolom(kolom)}${baris}`;
}
