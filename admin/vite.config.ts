/** Vite build of the react-admin console: served from admin/dist by server/app.ts (and built by `npm start`). */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { barrelImports } from './barrel-imports.plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // barrelImports: imports point at the modules that define them, so the first chunk holds only what the shell uses.
  plugins: [react(), barrelImports()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Skip the parts of side-effect-free barrels (react-admin, MUI) that nothing uses: a smaller first chunk.
      experimental: { lazyBarrel: true },
      output: {
        // Three shared chunks instead of a hundred small ones: `shell` (everything the login page and the layout need,
        // i.e. what the entry reaches statically), `charts` (recharts, only the HR dashboard) and `views` (the
        // react-admin lists, forms and fields that two or more lazy pages share, fetched on the first navigation).
        // scripts/measure-console.ts checks the initial JS against its budget (issue #5: 350 kB gzip).
        codeSplitting: {
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 3 },
            { name: 'charts', test: /node_modules[\\/]recharts[\\/]/, priority: 2 },
            { name: 'views', test: /node_modules/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
