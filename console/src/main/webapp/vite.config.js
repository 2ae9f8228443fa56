import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the bundle from the console jar's META-INF/resources/console, so every asset URL
// starts with /console/ and nothing is fetched from anywhere else at run time.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../../../target/classes/META-INF/resources/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
