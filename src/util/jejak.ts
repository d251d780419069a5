/**
 * A timeline of one process for the benchmark's profile (`npm run bench`): with
 * `LKJIP_JEJAK=<file>` set, every span recorded with `jejak()` is written to that file as one JSON
 * line at exit ({ label, mulai, selesai } in ms since the process started, and `sisi`: which side
 * did the work, Node or Chromium). Unset (normal use) it records nothing and costs one comparison.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type Sisi = 'node' | 'chromium';

interface Rentang {
  label: string;
  mulai: number;
  selesai: number;
  sisi: Sisi;
}

const berkas = process.env.LKJIP_JEJAK;
const rentang: Rentang[] = [];
if (berkas) {
  process.once('exit', () => {
    try {
      writeFileSync(berkas, rentang.map((r) => JSON.stringify(r)).join('\n') + '\n', { flag: 'a' });
    } catch {
      // a profile that cannot be written must not change how the command ends
    }
  });
}

/** Whether a timeline is being recorded. */
export const jejakAktif = (): boolean => berkas !== undefined && berkas !== '';

/** Records `kerja` as a span named `label`; returns what it returns. */
export async function jejak<T>(label: string, kerja: () => Promise<T>, sisi: Sisi = 'node'): Promise<T> {
  if (!berkas) return kerja();
  const mulai = performance.now();
  try {
    return await kerja();
  } finally {
    rentang.push({ label, mulai, selesai: performance.now(), sisi });
  }
}

/** Records a span already measured (`mulai` from performance.now()). */
export function catatJejak(label: string, mulai: number, sisi: Sisi = 'node'): void {
  if (berkas) rentang.push({ label, mulai, selesai: performance.now(), sisi });
}
