/**
 * Reads a number that was typed as text the Indonesian way ("89,60", "87%", "10.560.086.840",
 * "Rp 1.234,50") and returns how it must be written in YAML ("89.60"), or undefined when the text
 * is not a number at all. Digits are kept as typed so that "89,60" suggests 89.60, not 89.6.
 */
export function sarankanAngka(teks: string, bulat = false): string | undefined {
  let s = teks.trim().replace(/^rp\.?\s*/i, '').replace(/\s*%$/, '').replace(/\s+/g, '');
  let tanda = '';
  if (/^[-+]/.test(s)) {
    tanda = s.startsWith('-') ? '-' : '';
    s = s.slice(1);
  }
  let utuh: string;
  let pecahan = '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s))) {
    // Dots every three digits are thousands separators ("10.560.086.840").
    utuh = m[1]!.replace(/\./g, '');
    pecahan = m[2] ?? '';
  } else if ((m = /^(\d{1,3}(?:,\d{3}){2,})(?:\.(\d+))?$/.exec(s))) {
    // English-style thousands, only when unambiguous (two or more groups: "10,560,086").
    utuh = m[1]!.replace(/,/g, '');
    pecahan = m[2] ?? '';
  } else if ((m = /^(\d+)(?:[.,](\d+))?$/.exec(s))) {
    utuh = m[1]!;
    pecahan = m[2] ?? '';
  } else if ((m = /^[.,](\d+)$/.exec(s))) {
    utuh = '0';
    pecahan = m[1]!;
  } else {
    return undefined;
  }
  utuh = utuh.replace(/^0+(?=\d)/, '');
  if (bulat && /^0*$/.test(pecahan)) pecahan = '';
  return `${tanda}${utuh}${pecahan ? `.${pecahan}` : ''}`;
}
