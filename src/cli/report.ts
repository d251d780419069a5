import { formatDiagnostic, formatGithub, hitungDiagnostik, urutkanDiagnostik, type Diagnostic, type Sumber } from '../diagnostics.js';
import type { Io } from './io.js';

export type Reporter = 'text' | 'json';

/**
 * Prints diagnostics: human text with code frames on stderr, or one JSON document on stdout for
 * scripts. Under GitHub Actions the text reporter also emits `::error file=…` annotations so the
 * problems show up on the pull request's changed lines.
 */
export function laporkan(diagnostics: readonly Diagnostic[], reporter: Reporter, io: Io, sources?: Sumber): void {
  const urut = urutkanDiagnostik(diagnostics);
  if (reporter === 'json') return;
  const github = io.env.GITHUB_ACTIONS === 'true';
  for (const d of urut) {
    io.err(`${formatDiagnostic(d, sources)}\n\n`);
    if (github && d.severity !== 'info') io.out(`${formatGithub(d)}\n`);
  }
}

export function ringkasan(diagnostics: readonly Diagnostic[]): string {
  const n = hitungDiagnostik(diagnostics);
  const bagian = [`${n.error} kesalahan`, `${n.warning} peringatan`];
  if (n.info) bagian.push(`${n.info} catatan`);
  return bagian.join(', ');
}

export function adaKesalahan(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
