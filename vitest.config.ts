import swc from 'unplugin-swc';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that spawn the BUILT app (dist/main.js, dist/worker.js), their own
 * redis-server or a TCP proxy: fault, load and scale-out tests, and the built
 * generator against its sources. They form the
 * "processes" project (`npm run test:processes`, after `npx nest build`);
 * everything else is the "app" project (`npm run test:app`). `npm test` runs both.
 */
const PROCESS_TESTS = [
  'test/faults/**/*.e2e-spec.ts',
  'test/load*.e2e-spec.ts',
  'test/scaleout*.e2e-spec.ts',
  'test/built-*.e2e-spec.ts',
];

// SWC compiles the decorators and their metadata that NestJS needs; vite's
// default esbuild transform does not emit decorator metadata.
export default defineConfig({
  test: {
    // `include` lives in the projects below (extends: true would concatenate a root one into both).
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
          exclude: [...configDefaults.exclude, ...PROCESS_TESTS],
        },
      },
      {
        extends: true,
        test: { name: 'processes', include: PROCESS_TESTS },
      },
    ],
  },
  plugins: [swc.vite({ module: { type: 'es6' } })],
});
