/**
 * Checks of the output folder before anything is built: odd values of `--out` that would write
 * where no one expects (the working directory, the data folder, the root of a drive) are refused as
 * usage errors (exit 2), before the data is even read.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { diDalam } from '../load/dalam-data.js';

/** Real path of `p`, or of its nearest existing ancestor joined with the rest (`p` need not exist). */
export function jalurAsli(p: string): string {
  const mutlak = path.resolve(p);
  const sisa: string[] = [];
  let cur = mutlak;
  for (;;) {
    try {
      return path.join(realpathSync(cur), ...sisa);
    } catch {
      const atas = path.dirname(cur);
      if (atas === cur) return mutlak;
      sisa.unshift(path.basename(cur));
      cur = atas;
    }
  }
}

/**
 * Why `out` cannot be the output folder for data in `data` (both as given, relative to `cwd`), or
 * undefined when it can. out/<tahun> is replaced whole by every build, so it must not hold the data.
 */
export function periksaFolderKeluaran(out: string, data: string, cwd: string): string | undefined {
  if (out.trim() === '') return '--out tidak boleh kosong: sebutkan folder keluaran, mis. `--out out` (bawaan).';
  const outAbs = path.resolve(cwd, out);
  if (path.parse(outAbs).root === outAbs) {
    return `--out ${out} adalah akar sistem berkas; pilih sebuah folder di dalamnya, mis. \`--out out\`.`;
  }
  const outAsli = jalurAsli(outAbs);
  const dataAsli = jalurAsli(path.resolve(cwd, data));
  if (outAsli === dataAsli) return `--out ${out} sama dengan folder data; keluaran harus di folder lain, mis. \`--out out\`.`;
  if (diDalam(dataAsli, outAsli)) {
    return `--out ${out} berada di dalam folder data ${data}; keluaran harus di luar folder data, mis. \`--out out\`.`;
  }
  // The data inside out/<tahun>/ would be replaced together with the documents.
  const rel = path.relative(outAsli, dataAsli);
  if (diDalam(outAsli, dataAsli) && /^\d{4}$/.test(rel.split(path.sep)[0] ?? '')) {
    return `folder data ${data} berada di dalam folder keluaran tahun ${path.join(out, rel.split(path.sep)[0] as string)}, yang diganti utuh setiap build; pindahkan data atau pilih --out lain.`;
  }
  return undefined;
}
