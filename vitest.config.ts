import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Separate from vite.config.ts so that tests do not load the build-time scenario compiler plugin.
export default defineConfig({
  plugins: [react()],
  test: {
    // Unit and component tests live beside the code; Playwright specs (e2e/) are not vitest's.
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
