/**
 * Named points where a test can stop a build to hit it with a signal at exactly that moment
 * (test/chaos), instead of sleeping and hoping: `LKJIP_UJI_TITIK=saat-cetak` makes the CLI print
 * `LKJIP_UJI_TITIK saat-cetak <pid>` on stderr when it gets there and wait until the file named by
 * LKJIP_UJI_LANJUT exists (or forever), or until the build is stopped. Unset in normal use: then
 * no hook is installed and nothing waits.
 */
import { existsSync } from 'node:fs';

export type TitikUji =
  /** The year's HTML is rendered and the browser started; no PDF printed yet. */
  | 'sebelum-cetak'
  /** Inside the print: the first pass is printed, Chromium holds the loaded document. */
  | 'saat-cetak'
  /** Every file of the new set is staged; the swap has not begun. */
  | 'sebelum-tukar'
  /** Half-way through the swap: the old set moved aside, the new one not yet in place. */
  | 'saat-tukar';

export type KaitUji = (titik: TitikUji) => Promise<void>;

export function kaitUjiDariEnv(
  env: Readonly<Record<string, string | undefined>>,
  log: (baris: string) => void,
  signal?: AbortSignal,
): KaitUji | undefined {
  const daftar = (env.LKJIP_UJI_TITIK ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (daftar.length === 0) return undefined;
  const lanjut = env.LKJIP_UJI_LANJUT;
  return async (titik) => {
    if (!daftar.includes(titik)) return;
    log(`LKJIP_UJI_TITIK ${titik} ${process.pid}`);
    await new Promise<void>((resolve) => {
      const cek = setInterval(() => {
        if (lanjut && existsSync(lanjut)) selesai();
      }, 25);
      function selesai(): void {
        clearInterval(cek);
        signal?.removeEventListener('abort', selesai);
        resolve();
      }
      if (signal?.aborted) selesai();
      signal?.addEventListener('abort', selesai, { once: true });
    });
  };
}
