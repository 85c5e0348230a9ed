// The real Chart.js's tick values and default tick labels, for a table of cases, as JSON: the
// test data of tests/unit/test_chartjs_ticks.py, which checks chartfn.chartjs.ticks against it.
//
//   cd benchmarks/fidelity && npm ci && node ticks.mjs > ../../tests/unit/chartjs_ticks_cases.json
//
// Each case is a scatter (linear, logarithmic) or line (category) chart drawn with Chart.js 2.9.4
// and 4 on @napi-rs/canvas. Scale hooks record what the Python side takes as inputs (the axis
// length Chart.js had when it built the ticks, the data range, the options) and what it must
// give back: the tick values in Chart.js's order, the axis min/max, and the labels.
// Deterministic: no randomness, the same JSON every run.
import { createCanvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const Chart2 = require('chartjs2');
const { Chart: Chart4, registerables } = await import('chart.js');
Chart4.register(...registerables);
// Chart.js 4 warns (once per scale) when stepSize would make over 1000 ticks; the cases say so
console.warn = () => {};

const SIZES = [
  [100, 100], [300, 200], [500, 300], [800, 600], [1500, 400], [3000, 3000], [200, 1200],
  [640, 480], [1000, 150], [2200, 900],
];
const FONT_SIZES = [12, 8, 20, 12, 10];

const LINEAR_DATA = [
  [0, 1], [0, 10], [1, 5], [-3, 7], [-100, -5], [0.001, 0.002], [1e-7, 5e-7], [12345, 98765],
  [1e6, 5e9], [3, 3], [0, 0], [-2, -2], [1e15, 3e15], [0.1, 0.35], [-0.5, 0.5], [17, 23],
  [99, 101], [-0.001, 0.002], [2.5, 2.5], [1e20, 4e21], [-7.25, 1234.5], [0.3, 0.7],
  [5e-5, 9e-5], [-1e9, 1e9],
];
const LINEAR_OPTIONS = [
  {}, { beginAtZero: true }, { min: 0, max: 100 }, { suggestedMin: -10 }, { suggestedMax: 50 },
  { stepSize: 0.5 }, { stepSize: 2 }, { stepSize: 25 }, { precision: 0 }, { maxTicksLimit: 5 },
  { min: -5 }, { max: 8 }, { min: 0, max: 10, stepSize: 2.5 }, { min: 0.5, max: 9.7 },
  { precision: 2 }, { maxTicksLimit: 3, beginAtZero: true },
  { v4: { count: 4 } }, { v4: { grace: '10%' } }, { v4: { grace: 2, beginAtZero: true } },
  { v4: { bounds: 'data' } }, { v4: { ticks: { includeBounds: false }, min: 0.5, max: 9.7 } },
  { v4: { min: -3, max: 7, ticks: { count: 6 } } }, { v2: { fixedStepSize: 5 } },
  { v2: { lineHeight: 2 } }, { v2: { lineHeight: '20px', fontSize: 16 } },
  { v4: { ticks: { font: { lineHeight: '20px' } } } },
  { v4: { ticks: { font: { size: 16, lineHeight: 2 } } } },
  { v4: { ticks: { minRotation: 30 } } }, { v4: { ticks: { minRotation: 90 } } },
];
const LOG_DATA = [
  [1, 1000], [0.5, 20], [3, 3], [0, 100], [0.001, 10000], [7, 9000], [50, 51], [1, 10],
  [0.02, 0.9], [123, 4567], [1e-5, 2e-3], [2, 3e7],
];
const LOG_OPTIONS = [
  {}, { min: 1 }, { max: 100000 }, { min: 0.1, max: 100 }, { v4: { beginAtZero: true } },
  { min: 5 }, { suggestedMax: 5000 },
];
const CATEGORY_LABELS = [
  ['a'], ['Jan', 'Feb', 'Mar'], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
  ['Q1', 'Q2', 'Q3', 'Q4', 'Q1'],
];
const CATEGORY_OPTIONS = [
  {}, { min: 'b' }, { max: 'c' }, { min: 'Feb', max: 'Mar' }, { min: 'nope' },
  { v4: { min: 1, max: 2 } }, { v4: { min: 'c', max: 'h' } }, { v4: { min: 2 } },
];

// Callbacks run through the real Chart.js, to pin the arguments and `this` it passes.
const CALLBACKS = {
  2: [
    'function (value, index, values) { return value + "|" + index + "/" + values.length; }',
    'function (value, index) { return index % 2 ? null : "$" + value; }',
    'function (value) { return [String(value), "line 2"]; }',
  ],
  4: [
    'function (value, index, ticks) { return this.getLabelForValue(value) + "|" + index + "/" + ticks.length + "|" + ticks[index].value; }',
    'function (value, index) { return index % 2 ? null : "$" + value; }',
    'function (value, index, ticks) { return [String(value), this.chart.data.datasets.length + " sets"]; }',
  ],
};

function optionsFor(major, options) {
  const { v2, v4, ...common } = options;
  if (major === 2 && v4) return null;
  if (major === 4 && v2) return null;
  return { ...common, ...(major === 2 ? v2 : v4) };
}

// v2 keeps bounds and tick options under `ticks`; v4 keeps min/max/beginAtZero/grace/bounds on
// the scale and the rest under `ticks`.
const V4_SCALE_KEYS = new Set(['min', 'max', 'suggestedMin', 'suggestedMax', 'beginAtZero', 'grace', 'bounds']);
function scaleOptions(major, type, options, fontSize, recorder, callback) {
  const ticks = {};
  const scale = { type };
  for (const [key, value] of Object.entries(options)) {
    if (key === 'ticks') Object.assign(ticks, value);
    else if (major === 2 || !V4_SCALE_KEYS.has(key)) ticks[key] = value;
    else scale[key] = value;
  }
  if (major === 2) ticks.fontSize = ticks.fontSize ?? fontSize;
  else ticks.font = { size: fontSize, ...(ticks.font || {}) };
  if (callback) ticks.callback = new Function(`return (${callback})`)();
  scale.ticks = ticks;
  scale.afterBuildTicks = (s) => recorder.built(s);
  scale.afterTickToLabelConversion = (s) => recorder.labelled(s);
  return scale;
}

function recorder(major) {
  const state = {};
  return {
    state,
    built(s) {
      const horizontal = s.isHorizontal();
      state.horizontal = horizontal;
      state.length = horizontal ? s.width : s.height;
      // every layout pass builds ticks; Chart.js 4 keeps the min/max of earlier passes
      state.passes = [...(state.passes || []), state.length];
      state.ticks = major === 2 ? s.ticks.slice() : s.ticks.map((t) => t.value);
      state.min = s.min;
      state.max = s.max;
    },
    labelled(s) {
      state.labels = major === 2 ? s.ticks.slice() : s.ticks.map((t) => t.label);
      if (major === 4) state.labelledValues = s.ticks.map((t) => t.value);
    },
  };
}

function draw(major, config, width, height) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  config.options = { ...config.options, responsive: false, animation: false,
    devicePixelRatio: 1 };
  if (major === 2) config.options.legend = { display: false };
  else config.options.plugins = { legend: { display: false } };
  const chart = major === 2 ? new Chart2(context, config) : new Chart4(context, config);
  chart.destroy();
}

const cases = [];
// sizes and fonts cycle through the runs, independently of each other
let runs = 0;

function run(kind, major, data, options, callback) {
  const opts = optionsFor(major, options);
  if (opts === null) return;
  // Chart.js 2 has no cap on stepSize's tick count (4 stops at 1000): it would run out of memory
  const step = opts.stepSize || opts.fixedStepSize;
  if (major === 2 && step && (Math.abs(data[1]) + Math.abs(data[0])) / step > 1000) return;
  runs += 1;
  const [width, height] = SIZES[runs % SIZES.length];
  const fontSize = FONT_SIZES[(runs * 3) % FONT_SIZES.length];
  const axes = {};
  let config;
  if (kind === 'category') {
    const rec = recorder(major);
    axes.x = rec;
    const x = scaleOptions(major, 'category', opts, fontSize, rec, callback);
    const values = data.map((_, i) => i + 1);
    config = { type: 'line', data: { labels: data.slice(), datasets: [{ data: values }] },
      options: { scales: major === 2 ? { xAxes: [x] } : { x } } };
  } else {
    const type = kind === 'log' ? 'logarithmic' : 'linear';
    axes.x = recorder(major);
    axes.y = recorder(major);
    const x = scaleOptions(major, type, opts, fontSize, axes.x, callback);
    const y = scaleOptions(major, type, opts, fontSize, axes.y, callback);
    const points = [data[0], (data[0] + data[1]) / 2, data[1]].map((v) => ({ x: v, y: v }));
    config = { type: 'scatter', data: { datasets: [{ data: points }] },
      options: { scales: major === 2 ? { xAxes: [x], yAxes: [y] } : { x, y } } };
  }
  try {
    draw(major, config, width, height);
  } catch (error) {
    cases.push({ kind, version: major, data, options: opts, width, height, fontSize, callback,
      error: String(error && error.message) });
    return;
  }
  for (const [axis, rec] of Object.entries(axes)) {
    cases.push({ kind, version: major, axis, data, options: opts, width, height, fontSize,
      callback: callback || null, ...rec.state });
  }
}

for (const major of [2, 4]) {
  for (const data of LINEAR_DATA) {
    for (const options of LINEAR_OPTIONS) {
      run('linear', major, data, options);
    }
  }
  for (const data of LOG_DATA) {
    for (const options of LOG_OPTIONS) {
      run('log', major, data, options);
      run('log', major, data, options);
    }
  }
  for (const labels of CATEGORY_LABELS) {
    for (const options of CATEGORY_OPTIONS) run('category', major, labels, options);
  }
  for (const callback of CALLBACKS[major]) {
    for (const data of [[0, 10], [-3, 7], [0.001, 0.002]]) run('linear', major, data, {}, callback);
    run('log', major, [1, 1000], {}, callback);
    run('category', major, ['Jan', 'Feb', 'Mar', 'Apr'], {}, callback);
  }
}

function version(name) {
  const file = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

process.stdout.write(JSON.stringify({
  generator: 'benchmarks/fidelity/ticks.mjs',
  chartjs: { 2: version('chartjs2'), 4: version('chart.js') },
  cases,
}, null, 0).replace(/\},\{"kind"/g, '},\n{"kind"') + '\n');
