// Preloaded into the benchmark's server (node --expose-gc --import): on SIGUSR2 it collects
// garbage and writes process.memoryUsage() to BENCH_MEMORY_FILE, so the bench can read the
// server's memory at rest (RSS alone swings with whatever the last GC left).
import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const gc = globalThis.gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
  if (process.env.BENCH_MEMORY_FILE) writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
});
