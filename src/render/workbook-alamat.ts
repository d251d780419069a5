/** Cell addresses of the workbook model: "r,c" keys and A1 references (1-based rows and columns). */

export function kunci(r: number, c: number): string {
  return `${r},${c}`;
}

/** 1 -> "A", 27 -> "AA". */
export function hurufKolom(c: number): string {
  let s = '';
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function ref(r: number, c: number): string {
  return `${hurufKolom(c)}${r}`;
}
