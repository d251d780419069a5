/**
 * Commander's own words in Bahasa Indonesia, like every other message of the tool: its error
 * messages (unknown option or command, missing or extra arguments, an invalid choice) are
 * rewritten as they are printed, and its help headings ("Usage:", "Options:", "(default: ...)")
 * through its help hooks. Commander 14 has no message catalogue, so each message it builds is
 * matched by its English pattern; one it does not know keeps its text after "kesalahan:".
 */
import { Help, type HelpConfiguration } from 'commander';

const mungkin = (s: string | undefined): string => {
  if (!s) return '';
  const satu = /^\n?\(Did you mean one of (.+)\?\)$/.exec(s);
  if (satu) return `\n(mungkin maksudnya salah satu dari: ${satu[1]})`;
  const m = /^\n?\(Did you mean (.+)\?\)$/.exec(s);
  return m ? `\n(mungkin maksudnya ${m[1]})` : s;
};

/** English pattern of a Commander message -> its Indonesian text. The first that matches wins. */
const POLA: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']+)'(\n\(Did you mean [^)]*\))?$/s, (_, o, s) => `opsi '${o}' tidak dikenal${mungkin(s)}`],
  [/^error: unknown command '([^']+)'(\n\(Did you mean [^)]*\))?$/s, (_, c, s) => `perintah '${c}' tidak dikenal${mungkin(s)}`],
  [/^error: missing required argument '([^']+)'$/, (_, a) => `argumen <${a}> wajib diisi`],
  [
    /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_, c, n, ada) => `terlalu banyak argumen${c ? ` untuk '${c}'` : ''}: yang diharapkan ${n}, yang tertulis ${ada}`,
  ],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/s,
    (_, o, v, pilihan) => `nilai '${v}' untuk opsi '${o}' tidak sah; pilihannya: ${pilihan}`,
  ],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. (.+)$/s, (_, o, v, sebab) => `nilai '${v}' untuk opsi '${o}' tidak sah: ${sebab}`],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']+)'\. Allowed choices are (.+)\.$/s,
    (_, v, a, pilihan) => `nilai '${v}' untuk argumen <${a}> tidak sah; pilihannya: ${pilihan}`,
  ],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']+)'\. (.+)$/s,
    (_, v, a, sebab) => `nilai '${v}' untuk argumen <${a}> tidak sah: ${sebab}`,
  ],
  [/^error: option '([^']+)' argument missing$/, (_, o) => `opsi '${o}' perlu nilai`],
  [/^error: required option '([^']+)' not specified$/, (_, o) => `opsi wajib '${o}' belum diisi`],
  [/^error: (.+) cannot be used with (.+)$/s, (_, a, b) => `${a} tidak boleh dipakai bersama ${b}`],
];

/** A Commander error message in Indonesian, with "kesalahan:" in front. */
export function terjemahkanGalat(pesan: string): string {
  const teks = pesan.replace(/\n+$/, '');
  for (const [pola, ganti] of POLA) {
    const m = pola.exec(teks);
    if (m) return `kesalahan: ${ganti(...m)}`;
  }
  return teks.replace(/^error:/, 'kesalahan:');
}

const JUDUL: Record<string, string> = {
  'Usage:': 'Penggunaan:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi umum:',
};

/** "(choices: ..., default: ...)" -> "(pilihan: ..., bawaan: ...)". */
const keteranganIndonesia = (s: string): string =>
  s.replace(/\((choices|default|preset|env): /g, (_, k: string) => `(${KATA[k]}: `).replace(/, (choices|default|preset|env): /g, (_, k: string) => `, ${KATA[k]}: `);
const KATA: Record<string, string> = { choices: 'pilihan', default: 'bawaan', preset: 'bila tanpa nilai', env: 'variabel lingkungan' };

/** Help hooks that put Commander's help words in Indonesian (inherited by every subcommand). */
export const BANTUAN_INDONESIA: HelpConfiguration = {
  styleTitle: (judul: string) => JUDUL[judul] ?? judul,
  commandUsage(this: Help, cmd) {
    return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[opsi]').replace('[command]', '[perintah]');
  },
  subcommandTerm(this: Help, cmd) {
    return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', '[opsi]');
  },
  optionDescription(this: Help, option) {
    return keteranganIndonesia(Help.prototype.optionDescription.call(this, option));
  },
  argumentDescription(this: Help, argument) {
    return keteranganIndonesia(Help.prototype.argumentDescription.call(this, argument));
  },
};
