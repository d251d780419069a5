/**
 * "Did you mean ...?": the known name closest to a typo. One implementation for every suggestion
 * (unknown column, unknown id, unknown narrative file or reference), so they all pick alike.
 */

/** Levenshtein distance, case-insensitive. */
export function jarakEdit(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

const ANGKA = /\d+/g;

/**
 * How far apart the numbers of two names of the same shape are: `IKU-6` and `IKU-5` are 1 apart,
 * `IKU-6` and `IKU-1` 5. Names of different shapes (other letters, another count of numbers)
 * are infinitely apart.
 */
function jarakAngka(a: string, b: string): number {
  if (a.replace(ANGKA, '#').toLowerCase() !== b.replace(ANGKA, '#').toLowerCase()) return Infinity;
  const na = a.match(ANGKA) ?? [];
  const nb = b.match(ANGKA) ?? [];
  return na.reduce((s, x, i) => s + Math.abs(Number(x) - Number(nb[i] ?? 0)), 0);
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');

export interface OpsiMirip {
  /** Largest edit distance still taken for a typo, from the typed name; default: 1 or a quarter of its length. */
  batas?: (nama: string) => number;
}

/**
 * The candidate closest to `nama` by edit distance, when close enough to be a typo. Equal
 * distances go to the candidate whose numbers are nearest (`IKU-6` -> `IKU-5`, not `IKU-1`), then
 * to the one listed first. A candidate that differs only in case, spaces, `-` or `_` always wins.
 */
export function terdekat(nama: string, kandidat: Iterable<string>, opsi: OpsiMirip = {}): string | undefined {
  if (nama.length > 100) return undefined; // no known name is that long; the distance would cost seconds
  const batas = opsi.batas ?? ((n: string) => Math.max(1, Math.floor(n.length / 4)));
  let terbaik: string | undefined;
  let skor = Infinity;
  let skorAngka = Infinity;
  for (const k of kandidat) {
    if (norm(k) === norm(nama)) return k;
    const j = jarakEdit(nama, k);
    if (j > skor) continue;
    const a = jarakAngka(nama, k);
    if (j < skor || a < skorAngka) {
      skor = j;
      skorAngka = a;
      terbaik = k;
    }
  }
  return skor <= batas(nama) ? terbaik : undefined;
}
