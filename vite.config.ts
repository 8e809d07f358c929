import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scenarioLibrary } from './src/bundling/scenario-library-plugin';

export default defineConfig({
  plugins: [react(), scenarioLibrary()],
});
