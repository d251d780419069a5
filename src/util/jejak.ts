/**
 * A timeline of one process for the benchmark's profile (`npm run bench`): with
 * `LKJIP_JEJAK=<file>` set, every span recorded with `jejak()` is written to that file as one JSON
 * line at exit ({ label, mulai, selesai } in ms since the process started, and `sisi`: which side
 * did the work, Node or Chromium). The worker thread that drives Chromium (build/pekerja-cetak.ts)
 * hands its spans to the main thread, on the same time base. Unset (normal use) it records nothing.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

export type Sisi = 'node' | 'chromium';

export interface RentangJejak {
  label: string;
  mulai: number;
  selesai: number;
  sisi: Sisi;
  /** Recorded in the worker thread that drives Chromium. */
  pekerja?: boolean;
}

const berkas = process.env.LKJIP_JEJAK;
// A worker's clock starts with the worker: its spans are moved onto the main thread's.
const geser = process.env.LKJIP_JEJAK_ASAL ? performance.timeOrigin - Number(process.env.LKJIP_JEJAK_ASAL) : 0;
const rentang: RentangJejak[] = [];
if (berkas && isMainThread) {
  process.once('exit', () => {
    try {
      writeFileSync(berkas, rentang.map((r) => JSON.stringify(r)).join('\n') + '\n', { flag: 'a' });
    } catch {
      // a profile that cannot be written must not change how the command ends
    }
  });
}

const catat = (label: string, mulai: number, sisi: Sisi): void => {
  rentang.push({ label, mulai: mulai + geser, selesai: performance.now() + geser, sisi, ...(isMainThread ? {} : { pekerja: true }) });
};

/** Records `kerja` as a span named `label`; returns what it returns. */
export async function jejak<T>(label: string, kerja: () => Promise<T>, sisi: Sisi = 'node'): Promise<T> {
  if (!berkas) return kerja();
  const mulai = performance.now();
  try {
    return await kerja();
  } finally {
    catat(label, mulai, sisi);
  }
}

/** Records a span already measured (`mulai` from performance.now()). */
export function catatJejak(label: string, mulai: number, sisi: Sisi = 'node'): void {
  if (berkas) catat(label, mulai, sisi);
}

/** The spans recorded in this thread (a worker hands them over when it closes). */
export function ambilJejak(): RentangJejak[] {
  return rentang.splice(0);
}

/** Spans of another thread, already on this thread's time base. */
export function tambahJejak(r: readonly RentangJejak[]): void {
  rentang.push(...r);
}
