import { defineConfig } from 'vitest/config';

// Two tiers, as Dark Reader has them: pure unit tests in Node, and real-browser tests that drive
// Debian's Chromium with the built extension (one browser at a time: the machines have 2 cores).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The background's store reads a page's site from the Public Suffix List (core/web/site.ts).
          setupFiles: ['tests/unit/public-suffixes-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // One worker imports playwright-core and the helpers once for all files, instead of a
          // fresh module graph per file (~1.2 s a file, ~90 s over the tier). Each file still
          // launches its own browser in a fresh profile (useExtensionBrowser); the helpers keep no
          // state between files.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
