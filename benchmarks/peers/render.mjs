// Chart.js 4 drawing one config to PNG on a chosen canvas backend: what a user of Chart.js on a
// server writes (QuickChart's chartjs-node-canvas does the same: a new canvas per chart).
// Shared by server.mjs (the latency rows) and cold.mjs (the cold-start rows).
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

export const BACKENDS = ['napi', 'cairo'];

// Loaded on first use, so a process measuring one backend never pays for the other's import.
const loaded = new Map();

export async function loadBackend(name) {
  if (!loaded.has(name)) {
    if (name === 'napi') {
      loaded.set(name, (await import('@napi-rs/canvas')).createCanvas);
    } else if (name === 'cairo') {
      loaded.set(name, (await import('canvas')).default.createCanvas);
    } else {
      throw new RangeError(`unknown backend ${JSON.stringify(name)} (one of ${BACKENDS})`);
    }
  }
  return loaded.get(name);
}

// The benchmark compares pixel for pixel: no animation frames, no resizing to a container,
// and one device pixel per CSS pixel whatever the host reports.
function withFixedSize(config) {
  const options = config.options ?? {};
  return {
    ...config,
    options: { ...options, animation: false, responsive: false, devicePixelRatio: 1 },
  };
}

export async function renderPng(backend, config, width, height) {
  const createCanvas = await loadBackend(backend);
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas.getContext('2d'), withFixedSize(config));
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
