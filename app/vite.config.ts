import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  // Relative paths: dist/ can be served from any folder or static host.
  base: './',
  build: {
    target: 'es2022',
    rollupOptions: {
      onLog (level, log, handler) {
        // @polkadot/x-global places a /*#__PURE__*/ comment where Rollup cannot use it; Rollup
        // drops the comment and the code is unchanged. Only that warning, only from there.
        if (log.code === 'INVALID_ANNOTATION' && `${log.id ?? ''}${log.message}`.includes('@polkadot/x-global')) return;
        handler(level, log);
      },
      output: {
        // The polkadot.js client is most of the bundle and changes rarely: three chunks of it,
        // split so that none imports another in a cycle (types <- rpc/api; crypto apart).
        manualChunks (id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/@polkadot\/types/.test(id)) return 'polkadot-types';
          if (/node_modules\/@polkadot\/(api|rpc)/.test(id)) return 'polkadot-api';
          if (/node_modules\/(@polkadot|@noble|@scure)\//.test(id)) return 'polkadot-crypto';
          return 'vendor';
        }
      }
    }
  },
  test: {
    include: ['src/**/*.test.ts']
  }
});
