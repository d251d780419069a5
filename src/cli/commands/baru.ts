import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../render/assets.js';
import { loadData } from '../../load/index.js';
import { identitasDaerah, susunOpdBaru, urusanDariNama, type OpsiOpdBaru } from '../../scaffold/opd-baru.js';
import { bolehDibuat, GagalTulis, tulisFolderBaru } from '../../scaffold/tulis-folder.js';
import { belumDiisi, formatBelumDiisi } from '../../validate/belum-diisi.js';
import { periksaTahun } from '../../validate/periksa.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan } from '../report.js';
import { kesimpulanValidasi } from './validate.js';

export interface BaruOptions extends Pick<GlobalOptions, 'reporter'> {
  nama?: string;
  pemda?: string;
  urusan?: string;
  renstra?: { awal: number; akhir: number };
  tahun?: number;
}

/** "2025-2029" -> { awal, akhir }; undefined when it is not a period of 1 to 10 years. */
export function bacaPeriode(teks: string): { awal: number; akhir: number } | undefined {
  const m = /^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$/.exec(teks);
  if (!m) return undefined;
  const awal = Number(m[1]);
  const akhir = Number(m[2]);
  return akhir > awal && akhir - awal <= 10 ? { awal, akhir } : undefined;
}

/** Where the data format guide is: the copy in this lkjip package (installed or checkout), else the repository's. */
function panduanData(): string {
  const f = path.join(projectRoot(), 'data', 'README.md');
  return existsSync(f) ? f : 'data/README.md di repositori lkjip';
}

/**
 * `lkjip baru <folder>`: a new agency's data folder. What the flags do not give is asked at a
 * terminal; elsewhere (CI) the name and the region are required and the rest has defaults.
 */
export async function commandBaru(folderArg: string, opts: BaruOptions, io: Io): Promise<number> {
  const json = opts.reporter === 'json';
  const folder = path.resolve(io.cwd, folderArg);
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  const salah = (pesan: string): number => {
    io.err(`kesalahan: ${pesan}\nLihat \`lkjip baru --help\`.\n`);
    return EXIT.usage;
  };
  if (!bolehDibuat(folder)) {
    return salah(`${tampil(folder)}/ sudah ada dan tidak kosong; \`lkjip baru\` hanya membuat folder baru (atau mengisi folder kosong), tidak pernah menimpa data.`);
  }

  const tanya = io.tanya;
  const minta = async (label: string, bawaan?: string): Promise<string | undefined> => {
    if (!tanya) return bawaan;
    const jawab = await tanya(`${label}${bawaan ? ` [${bawaan}]` : ''}: `);
    return jawab || bawaan;
  };
  const nama = opts.nama?.trim() || (await minta('Nama perangkat daerah (mis. Dinas Kesehatan)'));
  const pemda = opts.pemda?.trim() || (await minta('Pemerintah daerah (mis. Kabupaten Contoh)'));
  const kurang = [!nama && '--nama <nama perangkat daerah>', !pemda && '--pemda <pemerintah daerah>'].filter(Boolean);
  if (!nama || !pemda) return salah(`sebutkan ${kurang.join(' dan ')} (di terminal, \`lkjip baru\` menanyakannya).`);

  const tahunIni = new Date().getFullYear();
  const urusan = opts.urusan?.trim() || (await minta('Urusan (judul Tabel 1.1 dan keselarasan kebijakan)', urusanDariNama(nama))) || urusanDariNama(nama);
  let renstra = opts.renstra;
  let tahun = opts.tahun;
  if (!renstra) {
    const awal = tahun ?? tahunIni;
    const bawaan = `${awal}-${awal + 4}`;
    const teks = (await minta('Periode Renstra', bawaan)) ?? bawaan;
    renstra = bacaPeriode(teks);
    if (!renstra) return salah(`periode Renstra ditulis <awal>-<akhir>, mis. 2025-2029 (tertulis: "${teks}").`);
  }
  if (tahun === undefined) {
    const bawaan = String(tahunIni >= renstra.awal && tahunIni <= renstra.akhir ? tahunIni : renstra.awal);
    const teks = (await minta('Tahun pertama yang dibuat', bawaan)) ?? bawaan;
    tahun = /^\d{4}$/.test(teks) ? Number(teks) : Number.NaN;
    if (Number.isNaN(tahun)) return salah(`tahun harus 4 angka, mis. ${bawaan} (tertulis: "${teks}").`);
  }
  if (tahun < renstra.awal || tahun > renstra.akhir) {
    return salah(`tahun ${tahun} di luar periode Renstra ${renstra.awal}-${renstra.akhir}.`);
  }

  const opsi: OpsiOpdBaru = { nama, pemda, urusan, renstra, tahun };
  const berkas = susunOpdBaru(opsi);
  try {
    await tulisFolderBaru(folder, berkas, 'baru');
  } catch (e) {
    if (!(e instanceof GagalTulis)) throw e;
    io.err(`kesalahan: tidak dapat membuat ${tampil(folder)}/ (${e.kode}): ${e.message}. Tidak ada yang dibuat.\n`);
    return EXIT.environment;
  }

  const cek = await periksaTahun(await loadData(folder), tahun);
  const belum = belumDiisi(cek.loaded, tahun);
  const dibuat = berkas.map((b) => `${tampil(folder)}/${b.relPath}`);
  if (json) {
    io.out(`${JSON.stringify({ ok: cek.ok, folder: tampil(folder), tahun, dibuat, belum_diisi: belum, diagnostik: cek.diagnostics }, null, 2)}\n`);
    return cek.ok ? EXIT.ok : EXIT.dataError;
  }
  const d = identitasDaerah(pemda);
  const data = tampil(folder);
  io.err(
    `Folder data ${nama} ${d.daerah} dibuat di ${data}/: ${berkas.length} berkas ` +
      `(opd.yaml, renstra/, ${tahun}/ dengan narasi setiap bagian LKJIP dan Renja, skema/).\n`,
  );
  laporkan(cek.diagnostics.filter((x) => x.severity === 'error'), 'text', io, cek.loaded.sources);
  io.err(`${kesimpulanValidasi(cek, tahun)}\n`);
  io.err(formatBelumDiisi(belum));
  const opsiData = data === 'data' ? '' : ` --data ${/\s/.test(data) ? JSON.stringify(data) : data}`;
  io.err(
    '\nLangkah berikutnya:\n' +
      `  lkjip validate ${tahun}${opsiData}   daftar lengkap yang masih harus diisi (berkas:baris:kolom)\n` +
      `  lkjip build ${tahun}${opsiData}      draf LKJIP dan Renja (PDF, HTML, XLSX) di out/${tahun}/, tanda TODO tercetak\n` +
      `  Panduan format data: ${panduanData()}; skema untuk editor ada di skema/.\n`,
  );
  return cek.ok ? EXIT.ok : EXIT.dataError;
}
