// The peers' HTTP side of benchmarks/peers.py: Chart.js 4 rendering a POSTed config to PNG.
//
//   node server.mjs [PORT]     (0 or nothing: any free port)
//
// POST /render?backend=napi|cairo&w=800&h=400 with a Chart.js config as JSON answers the PNG
// (image/png); a bad request answers 400 with the reason as text. Listens on 127.0.0.1 only and
// prints {"port": N} on stdout once it listens. One request at a time is all the benchmark sends.
import http from 'node:http';
import { BACKENDS, loadBackend, renderPng } from './render.mjs';

const MAX_BODY = 4_000_000;
const MAX_SIDE = 3000;

function side(params, name) {
  const value = Number(params.get(name));
  if (!Number.isInteger(value) || value < 1 || value > MAX_SIDE) {
    throw new RangeError(`${name} must be a whole number from 1 to ${MAX_SIDE}`);
  }
  return value;
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY) throw new RangeError(`body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (url.pathname !== '/render' || request.method !== 'POST') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('POST /render only');
    return;
  }
  let backend, width, height, config;
  try {
    backend = url.searchParams.get('backend');
    if (!BACKENDS.includes(backend)) throw new RangeError(`backend must be one of ${BACKENDS}`);
    width = side(url.searchParams, 'w');
    height = side(url.searchParams, 'h');
    config = JSON.parse(await readBody(request));
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error.message));
    return;
  }
  const png = await renderPng(backend, config, width, height);
  response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
  response.end(png);
}

// Both backends are imported before the port is announced: the latency rows measure charts,
// not a module load on the first request (chartfn is warm by then too).
await Promise.all(BACKENDS.map(loadBackend));
const server = http.createServer((request, response) => {
  answer(request, response).catch((error) => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error?.stack ?? error));
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
