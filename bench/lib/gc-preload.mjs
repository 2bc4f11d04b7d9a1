// Preloaded into a benchmarked server (node --expose-gc --import ./bench/lib/gc-preload.mjs): on SIGUSR2 it
// collects garbage (twice, so weak references and finalizers settle) and writes one JSON line with its
// memory to stdout, so a measurement script in another process can read RSS after GC.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  setTimeout(() => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    process.stdout.write(`@@memory ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external })}\n`);
  }, 50);
});
