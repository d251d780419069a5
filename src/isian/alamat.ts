/** Cell addresses as Excel writes them (shared by `isian` and `impor`, without loading exceljs). */

/** Column letters of a 1-based column number: 1 -> A, 28 -> AB. */
export function hurufKolom(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `Sheet!A1`, the sheet name quoted when Excel needs it (`'Indikator Program'!E7`). */
export function alamatSel(lembar: string, kolom: number, baris: number): string {
  const nama = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(lembar) ? lembar : `'${lembar.replace(/'/g, "''")}'`;
  return `${nama}!${hurufKolom(kolom)}${baris}`;
}
