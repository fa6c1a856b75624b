import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The portal compiles the shared rules from source, so the API's CommonJS build is not needed here.
const domainSource = fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url));

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every compressible
 * file of the build, once, at build time; the API sends the one the browser accepts
 * (api/src/core/portal-assets.ts). Files under 1 kB, or that would not shrink, stay as they are.
 */
function precompress(): Plugin {
  return {
    name: 'lindung:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? path.resolve('dist');
      await Promise.all(
        Object.keys(bundle)
          .filter((fileName) => COMPRESSIBLE.test(fileName))
          .map(async (fileName) => {
            const file = path.join(outDir, fileName);
            const source = await readFile(file);
            if (source.length < 1024) return;
            const [br, gz] = await Promise.all([
              brotli(source, {
                params: {
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
                },
              }),
              gzipped(source, { level: 9 }),
            ]);
            if (br.length < source.length) await writeFile(`${file}.br`, br);
            if (gz.length < source.length) await writeFile(`${file}.gz`, gz);
          }),
      );
    },
  };
}

/**
 * Chunks. What the entry needs (React, the sign-in page and what it imports) is the initial part;
 * the portal's libraries are split by what changes together, so that a new build of the portal's
 * own code leaves them in the browser's cache.
 */
const chunkGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  { name: 'sign-in', tags: ['$initial' as const], priority: 30 },
  { name: 'mui', test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis|hoist-non-react-statics|clsx|react-is|eventemitter3)[\\/]/, priority: 20 },
  // The dashboard's charts: their own chunk, loaded with the dashboard only. Below mui, so that
  // the small libraries both use stay in mui's chunk and the charts' is not loaded eagerly.
  {
    name: 'charts',
    test: /[\\/]node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|internmap|decimal\.js-light|@reduxjs[\\/]toolkit|redux|react-redux|reselect|immer|redux-thunk)[\\/]/,
    priority: 15,
  },
  { name: 'graphql', test: /[\\/]node_modules[\\/](graphql|@apollo|@wry|optimism|zen-observable|ra-data-graphql|ra-data-graphql-simple|graphql-tag)[\\/]/, priority: 20 },
  // English messages (react-admin's own, which it also uses by default): apart, so that choosing
  // English on the sign-in page fetches only them, not the whole of react-admin.
  { name: 'en-messages', test: /[\\/]node_modules[\\/]ra-language-english[\\/]/, priority: 20 },
  { name: 'react-admin', test: /[\\/]node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@lindung/domain': domainSource },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry (main.tsx) is React and the sign-in page; the portal behind it loads on demand.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups },
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
  preview: {
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
});
