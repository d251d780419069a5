/**
 * The CLI as a well-behaved Unix tool: no arguments is a usage error, a closed pipe is not a crash,
 * terminal control codes only go to a terminal, and odd output folders are refused before anything
 * is built.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { buatProgres } from '../../src/cli/progress.js';
import { run } from '../../src/cli/run.js';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/src/cli/bin.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-hygiene-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('no arguments', () => {
  it('prints the help on stderr and exits 2', async () => {
    const io = memoryIo();
    expect(await run([], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/^Penggunaan: lkjip \[opsi\] \[perintah\]/);
    expect(io.stderr).toMatch(/build \[opsi\] \[tahun\]/);
  });
});

describe('a reader that goes away (EPIPE)', () => {
  // The reader closes its end before lkjip writes: every write then fails with EPIPE.
  it.each([
    ['lkjip --help | head -1', '--help'],
    ['lkjip calc 2024 --json | head', 'calc 2024 --json'],
    ['lkjip validate 2024 --reporter json | head', 'validate 2024 --reporter json'],
  ])('%s ends quietly with exit 0', (_nama, args) => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args} 2>"${tmp}/err" | (exec 0<&-; sleep 0.2); echo "\${PIPESTATUS[0]}"; cat "${tmp}/err"`], {
      cwd: root,
      encoding: 'utf8',
    });
    const [kode, ...err] = r.stdout.split('\n');
    expect(kode).toBe('0');
    expect(err.join('\n')).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('terminal codes only where the terminal is', () => {
  const jalankan = (isTTY: boolean, errTTY: boolean): string => {
    let err = '';
    const io = { ...memoryIo({}), isTTY, errTTY, err: (s: string) => void (err += s) };
    const p = buatProgres(io, 1);
    p.mulai('LKJIP 2026');
    p.selesai('LKJIP 2026', 'LKJIP 2026: HTML (0,4 s)');
    p.tutup();
    return err;
  };
  it('stdout a terminal, stderr redirected to a file (`2>log`): plain lines', () => {
    expect(jalankan(true, false)).toBe('[1/1] LKJIP 2026: HTML (0,4 s)\n');
  });
  it('stderr a terminal: the status line', () => {
    expect(jalankan(false, true)).toContain('\r\x1b[2K[0/1] sedang: LKJIP 2026');
  });
});

describe('odd output folders are refused (exit 2) before anything is read or written', () => {
  it.each([
    ['empty', '', /--out tidak boleh kosong/],
    ['blank', '  ', /--out tidak boleh kosong/],
    ['the data folder', 'data', /sama dengan folder data/],
    ['the data folder, written another way', './data/', /sama dengan folder data/],
    ['inside the data folder', 'data/keluaran', /berada di dalam folder data/],
    ['the root', '/', /akar sistem berkas/],
  ])('%s', async (_nama, out, pesan) => {
    const io = memoryIo({}, root);
    expect(await run(['build', '2024', '--out', out, '--format', 'html'], io)).toBe(2);
    expect(io.stderr).toMatch(pesan);
    expect(readdirSync(path.join(root, 'data')).filter((n) => !/^(\d{4}|renstra|opd\.yaml|README\.md)$/.test(n))).toEqual([]);
  });

  it('a data folder inside out/<tahun> (it would be replaced with the documents)', async () => {
    const io = memoryIo({}, root);
    expect(await run(['build', '2024', '--data', 'out/2024/data', '--out', 'out', '--format', 'html'], io)).toBe(2);
    expect(io.stderr).toMatch(/folder data out\/2024\/data berada di dalam folder keluaran tahun out\/2024/);
  });
});
