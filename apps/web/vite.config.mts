import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console: built into dist/apps/web, which the API serves at / and /app (apps/api/src/console).
// No React plugin: Vite's own transform compiles the JSX (tsconfig's "jsx": "react-jsx"); the plugin
// only adds fast refresh for a dev server, which the console does not use (the API serves the build).
const root = import.meta.dirname;
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  resolve: {
    // dkfds exports only its JavaScript; its compiled stylesheet is a file in the package.
    alias: { 'dkfds-css': resolve(root, '../../node_modules/dkfds/dist/css/dkfds.min.css') },
  },
  build: {
    outDir: resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // React Query marks its modules "use client" for server-component bundlers; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
