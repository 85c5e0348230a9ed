// One cold start of the yardstick: a fresh node process imports Chart.js and one canvas backend,
// draws the config read from a file to PNG and prints one JSON line about it. benchmarks/peers.py
// times the whole process from spawn to exit, as it times chartfn's cold start.
//
//   node cold.mjs napi|cairo CONFIG.json WIDTH HEIGHT
const start = performance.now();
const [backend, configPath, width, height] = process.argv.slice(2);
const { readFileSync } = await import('node:fs');
const { renderPng } = await import('./render.mjs');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const png = await renderPng(backend, config, Number(width), Number(height));
console.log(
  JSON.stringify({
    png: png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    bytes: png.length,
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    in_process_s: (performance.now() - start) / 1000,
  }),
);
