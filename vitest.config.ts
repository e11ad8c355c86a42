import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real models and real indexes: loading USE-lite and embedding take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: one test file at a time leaves the other core to the embedder's worker threads.
    fileParallelism: false,
  },
});
