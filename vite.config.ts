import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The built page runs under index.html's strict policy (`style-src 'self'`). The dev server injects each CSS
 * module as a `<style>` element, so only while serving does the policy admit inline styles.
 */
const inlineStylesWhileServing: Plugin = {
  name: 'inline-styles-while-serving',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  plugins: [react(), tailwindcss(), inlineStylesWhileServing],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, manifest: true },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
