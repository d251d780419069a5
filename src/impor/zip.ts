/**
 * Reads the zip container of an .xlsx safely. The central directory is inspected before anything
 * is inflated: too large a file, too many entries, too much declared content or a suspicious
 * compression ratio (a zip bomb) is refused with a message, in the spirit of the YAML loader's
 * limits (src/load/batas.ts). Each entry is then inflated with a hard cap on its output, so an
 * entry that lies about its size cannot inflate past what the directory declared either.
 */
import { inflateRawSync } from 'node:zlib';
import { tampilkanUkuran } from '../load/batas.js';

/** Largest workbook read: a filled-in workbook is tens of KB; a heavy one with pictures a few MB. */
export const MAKS_UKURAN_BUKU = 20 * 1024 * 1024;
/** Most entries in the zip: a workbook has a few dozen. */
export const MAKS_ENTRI_BUKU = 2000;
/** Most content after inflating, all entries together. */
export const MAKS_ISI_BUKU = 200 * 1024 * 1024;
/** Highest compression ratio of an entry larger than MIN_UKURAN_RASIO: XML compresses 5-50x, bombs 1000x. */
export const MAKS_RASIO = 200;
export const MIN_UKURAN_RASIO = 1024 * 1024;

export type SebabZip = 'bukan-xlsx' | 'terlalu-besar' | 'bom' | 'rusak';

/** A workbook that cannot be read, with the reason; the CLI turns it into a diagnostic. */
export class GalatBuku extends Error {
  override readonly name = 'GalatBuku';
  constructor(
    readonly sebab: SebabZip,
    message: string,
  ) {
    super(message);
  }
}

export interface EntriZip {
  nama: string;
  metode: number;
  terkompres: number;
  ukuran: number;
  offsetLokal: number;
  flag: number;
  /** CRC-32 of the uncompressed content, as the directory records it. */
  crc: number;
}

const TTD_EOCD = 0x06054b50;
const TTD_PUSAT = 0x02014b50;
const TTD_LOKAL = 0x04034b50;

/** Kinds of files people pass by mistake, recognised by their first bytes. */
function kenaliBukanZip(buf: Uint8Array): string {
  const awal = Buffer.from(buf.subarray(0, 8));
  if (awal.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return 'berkas ini format Excel lama (.xls) atau .xlsx yang dilindungi kata sandi (terenkripsi)';
  }
  if (awal.subarray(0, 4).toString('latin1') === '%PDF') return 'berkas ini PDF';
  const teks = Buffer.from(buf.subarray(0, 200)).toString('utf8');
  if (/^\s*</.test(teks)) return 'berkas ini teks XML/HTML (mis. "XML Spreadsheet 2003" atau halaman web)';
  if (/[,;\t]/.test(teks) && !/[\0-\x08]/.test(teks)) return 'berkas ini teks (CSV?)';
  return 'berkas ini bukan arsip .xlsx';
}

/** Checks the container and lists its entries; throws GalatBuku. */
export function periksaZip(buf: Uint8Array): EntriZip[] {
  if (buf.length > MAKS_UKURAN_BUKU) {
    throw new GalatBuku('terlalu-besar', `berkas berukuran ${tampilkanUkuran(buf.length)}, melebihi batas ${tampilkanUkuran(MAKS_UKURAN_BUKU)} untuk buku isian`);
  }
  if (buf.length < 22 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new GalatBuku('bukan-xlsx', kenaliBukanZip(buf));
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === TTD_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GalatBuku('rusak', 'arsip zip terpotong atau rusak (akhir direktori tidak ditemukan)');
  const jumlah = dv.getUint16(eocd + 10, true);
  const ukuranPusat = dv.getUint32(eocd + 12, true);
  const awalPusat = dv.getUint32(eocd + 16, true);
  if (jumlah === 0xffff || awalPusat === 0xffffffff) throw new GalatBuku('terlalu-besar', 'arsip ZIP64 (untuk berkas sangat besar) tidak diterima untuk buku isian');
  if (jumlah > MAKS_ENTRI_BUKU) throw new GalatBuku('bom', `arsip berisi ${jumlah} berkas, melebihi batas ${MAKS_ENTRI_BUKU}`);
  if (awalPusat + ukuranPusat > eocd) throw new GalatBuku('rusak', 'direktori arsip zip menunjuk ke luar berkas');
  const out: EntriZip[] = [];
  let total = 0;
  let p = awalPusat;
  for (let n = 0; n < jumlah; n++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== TTD_PUSAT) throw new GalatBuku('rusak', 'direktori arsip zip rusak');
    const flag = dv.getUint16(p + 8, true);
    const metode = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const terkompres = dv.getUint32(p + 20, true);
    const ukuran = dv.getUint32(p + 24, true);
    const panjangNama = dv.getUint16(p + 28, true);
    const panjangEkstra = dv.getUint16(p + 30, true);
    const panjangKomentar = dv.getUint16(p + 32, true);
    const offsetLokal = dv.getUint32(p + 42, true);
    const nama = Buffer.from(buf.subarray(p + 46, p + 46 + panjangNama)).toString('utf8');
    if (terkompres === 0xffffffff || ukuran === 0xffffffff || offsetLokal === 0xffffffff) {
      throw new GalatBuku('terlalu-besar', `isi "${nama}" memakai ZIP64 (berkas sangat besar)`);
    }
    total += ukuran;
    if (total > MAKS_ISI_BUKU) {
      throw new GalatBuku('bom', `isi arsip setelah dibuka lebih dari ${tampilkanUkuran(MAKS_ISI_BUKU)} (bom zip?)`);
    }
    if (ukuran > MIN_UKURAN_RASIO && ukuran / Math.max(1, terkompres) > MAKS_RASIO) {
      throw new GalatBuku(
        'bom',
        `"${nama}" mengembang ${Math.round(ukuran / Math.max(1, terkompres))} kali (${tampilkanUkuran(terkompres)} menjadi ${tampilkanUkuran(ukuran)}); buku kerja biasa paling banyak puluhan kali (bom zip?)`,
      );
    }
    if (offsetLokal + 30 > buf.length) throw new GalatBuku('rusak', `"${nama}" menunjuk ke luar berkas`);
    out.push({ nama, metode, terkompres, ukuran, offsetLokal, flag, crc });
    p += 46 + panjangNama + panjangEkstra + panjangKomentar;
  }
  return out;
}

/** The bytes of one entry, inflated with a cap at its declared size. */
export function bacaEntri(buf: Uint8Array, e: EntriZip): Buffer {
  if (e.flag & 1) throw new GalatBuku('bukan-xlsx', `"${e.nama}" terenkripsi; simpan buku tanpa kata sandi`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (dv.getUint32(e.offsetLokal, true) !== TTD_LOKAL) throw new GalatBuku('rusak', `kepala "${e.nama}" di arsip zip rusak`);
  const awal = e.offsetLokal + 30 + dv.getUint16(e.offsetLokal + 26, true) + dv.getUint16(e.offsetLokal + 28, true);
  const data = buf.subarray(awal, awal + e.terkompres);
  if (data.length !== e.terkompres) throw new GalatBuku('rusak', `"${e.nama}" terpotong`);
  if (e.metode === 0) {
    if (e.terkompres !== e.ukuran) throw new GalatBuku('rusak', `ukuran "${e.nama}" tidak cocok`);
    return Buffer.from(data);
  }
  if (e.metode !== 8) throw new GalatBuku('rusak', `"${e.nama}" memakai metode kompresi ${e.metode} yang tidak dikenal`);
  let isi: Buffer;
  try {
    isi = inflateRawSync(data, { maxOutputLength: Math.max(1, e.ukuran) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new GalatBuku('bom', `"${e.nama}" mengembang melebihi ukuran yang tercatat di arsip (bom zip?)`);
    }
    throw new GalatBuku('rusak', `"${e.nama}" tidak dapat dibuka: ${(err as Error).message}`);
  }
  if (isi.length !== e.ukuran) throw new GalatBuku('rusak', `ukuran "${e.nama}" tidak cocok dengan yang tercatat di arsip`);
  return isi;
}
