import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo: each workspace is a vitest project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
