/**
 * Reproducible zip bytes: exceljs (JSZip) stamps every entry with the clock; the stamps are
 * rewritten to one given date, so the same data gives the same .xlsx bytes.
 */
/** MS-DOS time and date of a moment (UTC; DOS has no time zone and 2-second resolution). */
function waktuDos(t: Date): { waktu: number; tanggal: number } {
  const tahun = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return {
    waktu: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    tanggal: ((tahun - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

/**
 * Rewrites the modification time/date of every entry (central directory and local headers) of a
 * zip. The CRCs do not cover headers, so the archive stays valid. Throws on a malformed zip.
 */
export function tetapkanTanggalZip(zip: Uint8Array, t: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { waktu, tanggal } = waktuDos(t);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip tidak sah: end of central directory tidak ditemukan');
  const jumlah = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let n = 0; n < jumlah; n++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('zip tidak sah: central directory rusak');
    dv.setUint16(p + 12, waktu, true);
    dv.setUint16(p + 14, tanggal, true);
    const lokal = dv.getUint32(p + 42, true);
    if (dv.getUint32(lokal, true) !== 0x04034b50) throw new Error('zip tidak sah: local header rusak');
    dv.setUint16(lokal + 10, waktu, true);
    dv.setUint16(lokal + 12, tanggal, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}
