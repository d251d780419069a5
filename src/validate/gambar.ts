/**
 * Rule: every picture the data names can be embedded (src/load/gambar.ts says what that means):
 * the lambang of opd.yaml and every image of the narrative Markdown. One diagnostic per picture,
 * at the place that names it (the `lambang` value, the image's path in the Markdown).
 */
import path from 'node:path';
import { diagnosa, type Diagnostic, type Lokasi } from '../diagnostics.js';
import { bacaGambar, jalurGambar, rujukanGambar, type MasalahGambar } from '../load/gambar.js';
import type { Loaded } from '../load/load-data.js';

function diagnosaMasalah(m: MasalahGambar, gambar: string, lokasi: Lokasi): Diagnostic {
  const d = (() => {
    switch (m.kode) {
      case 'LKJ320': return diagnosa('LKJ320', { gambar, dicari: m.dicari }, lokasi);
      case 'LKJ321': return diagnosa('LKJ321', { gambar, sebab: m.sebab }, lokasi);
      case 'LKJ322': return diagnosa('LKJ322', { gambar, jenis: m.jenis }, lokasi);
      case 'LKJ323': return diagnosa('LKJ323', { gambar, ukuran: m.ukuran, batas: m.batas }, lokasi);
      case 'LKJ324': return diagnosa('LKJ324', { gambar, piksel: m.piksel, batas: m.batas }, lokasi);
      case 'LKJ325': return diagnosa('LKJ325', { gambar, temuan: m.temuan }, lokasi);
      case 'LKJ326': return diagnosa('LKJ326', { gambar, detail: m.detail }, lokasi);
    }
  })();
  return { ...d, found: gambar };
}

/**
 * Checks every picture the data names. Narrative files with a finding join `loaded.sources`, so
 * the report shows the Markdown line as a code frame.
 */
export function periksaGambar(loaded: Loaded, tahun?: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dataDir = path.resolve(loaded.dir);
  for (const r of rujukanGambar(loaded, tahun)) {
    const lokasi: Lokasi = { file: r.file, ...(r.line !== undefined ? { line: r.line } : {}), ...(r.column !== undefined ? { column: r.column } : {}) };
    const sebelum = out.length;
    const jalur = jalurGambar(r.asal, r.src);
    if (!jalur.ok) out.push(diagnosaMasalah(jalur.masalah, r.src, lokasi));
    else {
      const hasil = bacaGambar(dataDir, jalur.rel);
      if (!hasil.ok) out.push(diagnosaMasalah(hasil.masalah, r.src, lokasi));
    }
    if (r.judul === '') out.push(diagnosa('LKJ327', { gambar: r.src }, lokasi));
    if (out.length > sebelum && r.teks !== undefined && !loaded.sources.has(r.file)) loaded.sources.set(r.file, r.teks);
  }
  return out;
}
