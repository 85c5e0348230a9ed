// The real Chart.js's radial scale ticks (radar and polarArea), as JSON: the test data of
// tests/unit/test_chartjs_radial_ticks.py, which checks chartfn.chartjs.radial_ticks against it.
//
//   cd benchmarks/fidelity && npm ci && node radial_ticks.mjs > ../../tests/unit/chartjs_radial_ticks_cases.json
//
// Each case is a radar or polar area chart without legend or title (its chart area is the
// whole canvas, landscape or square: chartfn's provider is given the shorter side) drawn with
// Chart.js 2.9.4 and 4 on @napi-rs/canvas; it records the r scale's tick values (ascending),
// min, max and default labels. Deterministic: the same JSON every run.
import { createCanvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Chart2 = require('chartjs2');
const { Chart: Chart4, registerables } = await import('chart.js');
Chart4.register(...registerables);

const SIZES = [[500, 300], [1000, 600], [300, 300], [800, 200], [2000, 1500], [160, 100]];
const DATA = [
  [65, 59, 90, 81, 56], [1, 2, 3], [0.2, 0.5, 0.1], [-5, 10, 3, 7], [1000, 25000, 12000],
  [7, 7, 7], [0, 0, 1e-3], [11, 16, 7, 3, 14],
];
// v2 options go under scale.ticks, v4 ones on scales.r (bounds) and scales.r.ticks
const OPTIONS = [
  {}, { beginAtZero: true }, { min: 0, max: 100 }, { stepSize: 5 }, { maxTicksLimit: 4 },
  { suggestedMax: 120 }, { fontSize: 20 }, { display: false },
];

function v2Scale(option) {
  const { fontSize, display, ...rest } = option;
  const ticks = { ...rest };
  if (fontSize) ticks.fontSize = fontSize;
  if (display === false) ticks.display = false;
  return { scale: { ticks } };
}

function v4Scale(option) {
  const { min, max, beginAtZero, suggestedMax, fontSize, display, ...ticks } = option;
  const r = { ticks: { ...ticks } };
  if (min !== undefined) r.min = min;
  if (max !== undefined) r.max = max;
  if (beginAtZero !== undefined) r.beginAtZero = beginAtZero;
  if (suggestedMax !== undefined) r.suggestedMax = suggestedMax;
  if (fontSize) r.ticks.font = { size: fontSize };
  if (display === false) r.ticks.display = false;
  return { scales: { r } };
}

const cases = [];
for (const major of [2, 4]) {
  for (const type of ['radar', 'polarArea']) {
    DATA.forEach((data, d) => {
      OPTIONS.forEach((option, o) => {
        const [width, height] = SIZES[(d + o) % SIZES.length];
        const scaleOptions = major === 2 ? v2Scale(option) : v4Scale(option);
        const config = {
          type,
          data: { labels: data.map((_, i) => `l${i}`), datasets: [{ data }] },
          options: {
            animation: false,
            responsive: false,
            devicePixelRatio: 1,
            ...(major === 2 ? { legend: { display: false } } : { plugins: { legend: { display: false } } }),
            ...scaleOptions,
          },
        };
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        let chart;
        try {
          chart = major === 2 ? new Chart2(context, config) : new Chart4(context, config);
        } catch (error) {
          return; // Chart.js 2 cannot draw a polar slice of a negative value (arc radius < 0)
        }
        const scale = major === 2 ? chart.scale : chart.scales.r;
        const values = major === 2 ? scale.ticksAsNumbers.slice() : scale.ticks.map((t) => t.value);
        const labels = major === 2 ? scale.ticks.slice() : scale.ticks.map((t) => t.label);
        const pairs = values.map((v, i) => [v, labels[i]]).sort((a, b) => a[0] - b[0]);
        cases.push({
          version: major, type, width, height, data, config: scaleOptions,
          values: pairs.map((p) => p[0]), labels: pairs.map((p) => p[1]),
          min: scale.min, max: scale.max,
        });
        chart.destroy();
      });
    });
  }
}
process.stdout.write(JSON.stringify({ about: 'node radial_ticks.mjs (Chart.js 2.9.4 and 4)', cases }, null, 0) + '\n');
