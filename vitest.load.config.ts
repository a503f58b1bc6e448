/**
 * The load tests (`*.load.test.ts`), one file at a time and after the other suites (`npm test`
 * runs this config second), so nothing else takes the machine's cores while they measure
 * latency. `npm run test:load` runs them alone.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/**/*.load.test.ts'],
    exclude: [...configDefaults.exclude],
    fileParallelism: false,
  },
});
