import { judulKode, periksaSistem, type HasilPeriksaSistem, type Temuan } from '../../sistem/periksa-sistem.js';
import type { Io } from '../io.js';
import { EXIT } from '../run.js';

export interface DoctorOptions {
  browser?: string;
  /** Seconds for starting the browser and printing the test page. */
  timeout?: number;
  json?: boolean;
}

const NAMA_PLATFORM: Partial<Record<NodeJS.Platform, string>> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

/** `[ada]`, `[KURANG]`, `[lewat]` for what is needed; `[ada]`, `[tidak]` for the optional tools. Plain ASCII: any console shows it. */
function tanda(t: Temuan): string {
  if (t.status === 'ada') return '[ada]   ';
  if (t.status === 'dilewati') return '[lewat] ';
  return t.perlu ? '[KURANG]' : '[tidak] ';
}

const LEBAR = 100;
const INDEN = ' '.repeat(13);

/**
 * Text wrapped at spaces to LEBAR columns, continuation lines indented. A command in backticks is
 * one unit (it is copied whole from the screen), as is a path.
 */
function bungkus(awal: string, teks: string): string {
  const out: string[] = [];
  let baris = awal;
  for (const kata of teks.match(/[^\s`]*`[^`]*`\S*|\S+/g) ?? []) {
    if (baris.length + 1 + kata.length > LEBAR && baris.trim() !== '' && baris !== awal) {
      out.push(baris);
      baris = INDEN + kata;
    } else baris += (baris.endsWith(' ') ? '' : ' ') + kata;
  }
  out.push(baris);
  return `${out.join('\n')}\n`;
}

function baris(t: Temuan): string {
  const kepala = bungkus(`  ${tanda(t)} `, `${t.judul}: ${t.rincian}${t.kode ? ` (${t.kode} ${judulKode(t.kode)})` : ''}`);
  const lokasi = t.lokasi && t.status === 'ada' && !t.rincian.includes(t.lokasi) ? `${INDEN}di ${t.lokasi}\n` : '';
  return kepala + lokasi + (t.saran && t.status !== 'ada' ? bungkus(`${INDEN}`, `Saran: ${t.saran}`) : '');
}

/** The report people read: what building needs, then what only the tests use, then the verdict. */
export function formatPeriksaSistem(h: HasilPeriksaSistem): string {
  const perlu = h.temuan.filter((t) => t.perlu);
  const opsional = h.temuan.filter((t) => !t.perlu);
  const kurang = perlu.filter((t) => t.status !== 'ada');
  const kode = [...new Set(kurang.map((t) => t.kode).filter(Boolean))];
  return (
    `lkjip ${h.versi} di ${h.folderPaket}\n` +
    `Sistem: ${NAMA_PLATFORM[h.platform] ?? h.platform} ${h.arch}, Node.js ${h.node.versi} (${h.node.jalur})\n\n` +
    'Yang dibutuhkan untuk membuat dokumen:\n' +
    perlu.map(baris).join('') +
    '\nHanya untuk uji pengembang (tidak dibutuhkan untuk membuat dokumen):\n' +
    opsional.map(baris).join('') +
    '\n' +
    (h.ok
      ? 'Semua yang dibutuhkan ada: lkjip siap dipakai (`lkjip baru <folder>` untuk memulai).\n'
      : `${kurang.filter((t) => t.status === 'kurang').length} hal yang dibutuhkan belum ada atau tidak berjalan${kode.length ? ` (${kode.join(', ')})` : ''}. ` +
        'Ikuti sarannya, lalu jalankan `lkjip doctor` lagi.\n')
  );
}

/** `lkjip doctor` / `lkjip periksa-sistem`: checks this machine; exit 0 when all that is needed is there, 3 otherwise. */
export async function commandDoctor(opts: DoctorOptions, io: Io): Promise<number> {
  const hasil = await periksaSistem({
    env: io.env,
    ...(opts.browser !== undefined ? { browser: opts.browser } : {}),
    ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout * 1000 } : {}),
  });
  io.out(opts.json ? `${JSON.stringify(hasil, null, 2)}\n` : formatPeriksaSistem(hasil));
  return hasil.ok ? EXIT.ok : EXIT.environment;
}
