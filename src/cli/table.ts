/** Plain-text tables for the terminal: aligned columns, numbers right-aligned, long text wrapped. */
export interface Kolom {
  judul: string;
  kanan?: boolean;
  /** Wrap longer cells at this width. */
  lebarMaks?: number;
}

function bungkus(teks: string, lebar: number): string[] {
  if (teks.length <= lebar) return [teks];
  const out: string[] = [];
  let baris = '';
  for (const kata of teks.split(/\s+/)) {
    if (baris && (baris + ' ' + kata).length > lebar) {
      out.push(baris);
      baris = kata;
    } else {
      baris = baris ? `${baris} ${kata}` : kata;
    }
  }
  if (baris) out.push(baris);
  return out;
}

export function tabelTeks(judul: string, kolom: readonly Kolom[], baris: readonly string[][]): string {
  const sel = baris.map((b) => kolom.map((k, i) => bungkus(b[i] ?? '', k.lebarMaks ?? 1000)));
  const lebar = kolom.map((k, i) => Math.max(k.judul.length, ...sel.map((b) => Math.max(...(b[i] ?? ['']).map((s) => s.length)))));
  const garis = lebar.map((l) => '─'.repeat(l)).join('─┼─');
  const rata = (s: string, i: number): string => (kolom[i]?.kanan ? s.padStart(lebar[i] ?? 0) : s.padEnd(lebar[i] ?? 0));
  const out = [judul, kolom.map((k, i) => rata(k.judul, i)).join(' │ '), garis];
  for (const b of sel) {
    const tinggi = Math.max(...b.map((c) => c.length));
    for (let r = 0; r < tinggi; r++) out.push(b.map((c, i) => rata(c[r] ?? '', i)).join(' │ ').trimEnd());
  }
  return `${out.join('\n')}\n`;
}
