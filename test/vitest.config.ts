import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // PDF tests launch Chromium: generous limits, and files run in parallel only up to the cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
