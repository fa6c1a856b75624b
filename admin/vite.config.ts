import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal compiles the shared rules from source, so the API's CommonJS build is not needed here.
const domainSource = fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@lindung/domain': domainSource },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin with MUI is about 1.5 MB minified (450 kB gzipped); one chunk is fine for a back office.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  preview: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
