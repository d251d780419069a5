/**
 * A fault inside lkjip (a bug, not a user mistake) as the installed command reports it: LKJ900 in
 * Indonesian with exit 70, the first line of the fault and no stack, unless LKJIP_DEBUG=1. `run`
 * itself still rethrows (tests see the stack); `runCli` is what bin.ts and the bundle call.
 */
import { describe, expect, it, vi } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run, runCli } from '../../src/cli/run.js';

vi.mock('../../src/cli/commands/calc.js', () => ({
  commandCalc: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'target')\n    at hitung (lkjip.cjs:1:99999)");
  },
}));

describe('a fault inside lkjip', () => {
  it('run rethrows it', async () => {
    await expect(run(['calc', '2024'], memoryIo({}, process.cwd()))).rejects.toThrow(TypeError);
  });

  it('runCli reports LKJ900 with exit 70, the first line only, no stack', async () => {
    const io = memoryIo({}, process.cwd());
    expect(await runCli(['calc', '2024'], io, {})).toBe(70);
    expect(io.stderr).toContain('kesalahan LKJ900 Kesalahan di dalam lkjip');
    expect(io.stderr).toContain("bukan karena data Anda (Cannot read properties of undefined (reading 'target'))");
    expect(io.stderr).toContain('LKJIP_DEBUG=1');
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(io.stdout).toBe('');
  });

  it('with LKJIP_DEBUG=1 the stack follows', async () => {
    const io = memoryIo({}, process.cwd());
    expect(await runCli(['calc', '2024'], io, { LKJIP_DEBUG: '1' })).toBe(70);
    expect(io.stderr).toMatch(/TypeError: Cannot read properties[\s\S]*\n\s+at /);
  });

  it('a user mistake still gets its own code through runCli', async () => {
    const io = memoryIo({}, process.cwd());
    expect(await runCli(['calc', 'duaribu'], io, {})).toBe(2);
    expect(io.stderr).not.toContain('LKJ900');
  });
});
