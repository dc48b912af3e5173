import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo: each workspace is a vitest project with its own config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
