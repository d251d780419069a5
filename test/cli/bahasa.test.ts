/** Commander's own messages and help words, in Bahasa Indonesia like every other message. */
import { describe, expect, it } from 'vitest';
import { terjemahkanGalat } from '../../src/cli/bahasa.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

describe('Commander errors in Indonesian (exit 2, no English)', () => {
  it.each([
    [['validate', '2024', '--foo'], /^kesalahan: opsi '--foo' tidak dikenal$/m],
    [['validate', '2024', '--dta', 'x'], /^kesalahan: opsi '--dta' tidak dikenal\n\(mungkin maksudnya --data\)$/m],
    [['valdate', '2024'], /^kesalahan: perintah 'valdate' tidak dikenal\n\(mungkin maksudnya validate\)$/m],
    [['validate'], /^kesalahan: argumen <tahun> wajib diisi$/m],
    [['validate', '2024', '2025'], /^kesalahan: terlalu banyak argumen untuk 'validate': yang diharapkan 1, yang tertulis 2$/m],
    [['build', '2024', '--only', 'lkjp'], /^kesalahan: nilai 'lkjp' untuk opsi '--only <dokumen>' tidak sah; pilihannya: lkjip, renja$/m],
    [['validate', '2024', '--reporter', 'xml'], /^kesalahan: nilai 'xml' untuk opsi '--reporter <jenis>' tidak sah; pilihannya: text, json$/m],
    [['validate', '2024', '--data'], /^kesalahan: opsi '-d, --data <folder>' perlu nilai$/m],
    [['validate', '20x4'], /^kesalahan: nilai '20x4' untuk argumen <tahun> tidak sah: tahun harus 4 angka/m],
    [['build', '2024', '--jobs', '99'], /^kesalahan: nilai '99' untuk opsi '-j, --jobs <n>' tidak sah: jobs harus bilangan bulat 1-16/m],
    [['baru', 'x', '--renstra', '2029-2025'], /^kesalahan: nilai '2029-2025' untuk opsi '--renstra <awal-akhir>' tidak sah: tulis <awal>-<akhir>/m],
  ])('%j', async (argv, pesan) => {
    const io = memoryIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.stderr).toMatch(pesan);
    expect(io.stderr).toMatch(/Lihat `lkjip --help`\./);
    expect(io.stderr).not.toMatch(/error:|unknown|missing|too many|Allowed choices|Did you mean|argument/);
  });

  it.each([
    ["error: required option '--x <y>' not specified", "kesalahan: opsi wajib '--x <y>' belum diisi"],
    ["error: option '--a' cannot be used with option '--b'", "kesalahan: option '--a' tidak boleh dipakai bersama option '--b'"],
    ['error: unknown command \'x\'\n(Did you mean one of a, b?)', "kesalahan: perintah 'x' tidak dikenal\n(mungkin maksudnya salah satu dari: a, b)"],
    ['error: something new', 'kesalahan: something new'],
  ])('%s', (en, id) => expect(terjemahkanGalat(en)).toBe(id));
});

describe('help words in Indonesian', () => {
  it('headings, usage and option details', async () => {
    const io = memoryIo();
    expect(await run(['build', '--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Penggunaan: lkjip build \[opsi\] \[tahun\]$/m);
    expect(io.stdout).toMatch(/^Argumen:$/m);
    expect(io.stdout).toMatch(/^Opsi:$/m);
    expect(io.stdout).toMatch(/\(bawaan: "data"\)/);
    expect(io.stdout).toMatch(/\(pilihan: "lkjip", "renja"\)/);
    expect(io.stdout).not.toMatch(/Usage:|Options:|Arguments:|default:|choices:|\[options\]/);
    const akar = memoryIo();
    expect(await run(['--help'], akar)).toBe(0);
    expect(akar.stdout).toMatch(/^Perintah:$/m);
    expect(akar.stdout).toMatch(/baru \[opsi\] <folder>/);
    expect(akar.stdout).not.toMatch(/Commands:|\[command\]/);
  });
});
