import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs separately on :3000; in production the API serves dist/ itself,
// so every request to /api is same-origin and the refresh cookie just works.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // React, react-router, TanStack Query and zod make one ~470 kB bundle (~140 kB gzipped): expected.
    chunkSizeWarningLimit: 600,
  },
});
