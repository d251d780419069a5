/**
 * A workbook's zip, compressed with Node's zlib instead of JSZip's JavaScript deflate: exceljs is
 * asked for an uncompressed (stored) zip, then every entry is deflated natively into a new archive
 * with the same names, each stamped with one date (reproducible bytes), optionally with some
 * entries rewritten on the way (the annexes patch styles and column breaks exceljs cannot write).
 * Several times faster than deflating in JavaScript (a few hundred ms of a build or `lkjip isian`).
 * The input is our own exceljs output, stored: no limits are checked here (impor/zip.ts reads
 * workbooks from users).
 */
import { deflateRawSync } from 'node:zlib';

/** MS-DOS time and date of a moment (UTC; DOS has no time zone and 2-second resolution). */
export function waktuDos(t: Date): { waktu: number; tanggal: number } {
  const tahun = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return {
    waktu: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    tanggal: ((tahun - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

let tabelCrc: Uint32Array | undefined;

/** CRC-32 of the zip format (Node 20's zlib has no crc32). */
export function crc32(data: Uint8Array): number {
  if (!tabelCrc) {
    tabelCrc = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      tabelCrc[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (tabelCrc[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface EntriTersimpan {
  nama: string;
  crc: number;
  isi: Buffer;
}

/** The entries of a zip whose entries are all stored (exceljs with compression STORE). */
function bacaTersimpan(zip: Uint8Array): EntriTersimpan[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip tidak sah: end of central directory tidak ditemukan');
  const jumlah = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const hasil: EntriTersimpan[] = [];
  for (let n = 0; n < jumlah; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('zip tidak sah: central directory rusak');
    const metode = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const ukuran = buf.readUInt32LE(p + 20);
    const panjangNama = buf.readUInt16LE(p + 28);
    const nama = buf.toString('utf8', p + 46, p + 46 + panjangNama);
    const lokal = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(lokal) !== 0x04034b50) throw new Error('zip tidak sah: local header rusak');
    if (metode !== 0) throw new Error(`zip tidak sah: ${nama} tidak tersimpan apa adanya (metode ${metode})`);
    const awal = lokal + 30 + buf.readUInt16LE(lokal + 26) + buf.readUInt16LE(lokal + 28);
    hasil.push({ nama, crc, isi: buf.subarray(awal, awal + ukuran) });
    p += 46 + panjangNama + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return hasil;
}

/**
 * The stored zip `tersimpan` deflated, every entry dated `t`; `ubah(nama, isi)` may return an
 * entry's new content (its CRC is then computed again).
 */
export function padatkanZip(tersimpan: Uint8Array, t: Date, ubah?: (nama: string, isi: Buffer) => Buffer | undefined): Uint8Array {
  const { waktu, tanggal } = waktuDos(t);
  const lokal: Buffer[] = [];
  const pusat: Buffer[] = [];
  let offset = 0;
  const entri = bacaTersimpan(tersimpan);
  for (const e of entri) {
    const baru = ubah?.(e.nama, e.isi);
    const isi = baru ?? e.isi;
    const crc = baru ? crc32(baru) : e.crc;
    const padat = deflateRawSync(isi, { level: 6 });
    const nama = Buffer.from(e.nama, 'utf8');
    const flag = /[^\x20-\x7e]/.test(e.nama) ? 0x0800 : 0;
    // The local header and the central directory entry share one run of fields (version needed,
    // flags, method deflate, time, date, CRC, sizes, name length); the central one has "version made
    // by" before it and the local header's offset after it.
    const bidang = (b: Buffer, di: number): Buffer => {
      b.writeUInt16LE(20, di);
      b.writeUInt16LE(flag, di + 2);
      b.writeUInt16LE(8, di + 4);
      b.writeUInt16LE(waktu, di + 6);
      b.writeUInt16LE(tanggal, di + 8);
      b.writeUInt32LE(crc, di + 10);
      b.writeUInt32LE(padat.length, di + 14);
      b.writeUInt32LE(isi.length, di + 18);
      b.writeUInt16LE(nama.length, di + 22);
      return b;
    };
    const h = bidang(Buffer.alloc(30), 4);
    h.writeUInt32LE(0x04034b50, 0);
    lokal.push(h, nama, padat);
    const c = bidang(Buffer.alloc(46), 6);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
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
