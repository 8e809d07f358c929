/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scenarioLibrary } from './src/build/scenario-library-plugin';

export default defineConfig({
  plugins: [react(), scenarioLibrary()],
  test: {
    // Unit and component tests live beside the code; Playwright specs (e2e/) are not vitest's.
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
