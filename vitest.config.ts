import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The checkpointer conformance suite (@langchain/langgraph-checkpoint-validation) calls
    // describe/it/expect as globals.
    globals: true,
    include: ['test/**/*.test.ts'],
    // Load tests measure latency and run on their own after the rest (vitest.load.config.ts).
    exclude: [...configDefaults.exclude, '**/*.load.test.ts'],
    testTimeout: 30_000,
    // Hooks may start a throwaway redis-server or load a dataset.
    hookTimeout: 60_000,
  },
});
