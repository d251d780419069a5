/**
 * Compresses the workbook with Node's zlib instead of JSZip's JavaScript deflate: exceljs is asked
 * for an uncompressed (stored) zip, then every entry is deflated natively into a new archive with
 * the same names and CRCs, each stamped with one date (reproducible bytes). On a cold start this
 * saves a few hundred milliseconds of `lkjip isian`.
 */
import { deflateRawSync } from 'node:zlib';
import { bacaEntri, periksaZip } from '../impor/zip.js';

/** MS-DOS time and date of a moment (UTC; 2-second resolution). */
function waktuDos(t: Date): { waktu: number; tanggal: number } {
  const tahun = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return {
    waktu: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    tanggal: ((tahun - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

export function padatkanZip(tersimpan: Uint8Array, t: Date): Uint8Array {
  const { waktu, tanggal } = waktuDos(t);
  const lokal: Buffer[] = [];
  const pusat: Buffer[] = [];
  let offset = 0;
  const entri = periksaZip(tersimpan);
  for (const e of entri) {
    const isi = bacaEntri(tersimpan, e);
    const padat = deflateRawSync(isi, { level: 6 });
    const nama = Buffer.from(e.nama, 'utf8');
    const flag = /[^\x20-\x7e]/.test(e.nama) ? 0x0800 : 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flag, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(waktu, 10);
    h.writeUInt16LE(tanggal, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(padat.length, 18);
    h.writeUInt32LE(isi.length, 22);
    h.writeUInt16LE(nama.length, 26);
    lokal.push(h, nama, padat);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flag, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(waktu, 12);
    c.writeUInt16LE(tanggal, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(padat.length, 20);
    c.writeUInt32LE(isi.length, 24);
    c.writeUInt16LE(nama.length, 28);
    c.writeUInt32LE(offset, 42);
    pusat.push(c, nama);
    offset += 30 + nama.length + padat.length;
  }
  const direktori = Buffer.concat(pusat);
  const akhir = Buffer.alloc(22);
  akhir.writeUInt32LE(0x06054b50, 0);
  akhir.writeUInt16LE(entri.length, 8);
  akhir.writeUInt16LE(entri.length, 10);
  akhir.writeUInt32LE(direktori.length, 12);
  akhir.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...lokal, direktori, akhir]));
}
