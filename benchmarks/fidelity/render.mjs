// Renders the corpus (tests/corpus/*.json) with the real Chart.js, to compare with chartfn:
// Chart.js 2.9.4 (QuickChart's default) on node-canvas (`canvas`, cairo: what QuickChart renders
// v2 configs with) for v2 configs, and Chart.js 4 on @napi-rs/canvas (Skia) for v3/v4 ones.
//
//   cd benchmarks/fidelity && npm_config_nodedir=/usr npm ci
//   node render.mjs [--out out] [--width 500 --height 300] [--v2-canvas node-canvas|napi]
//
// (or `bash regenerate.sh`, which builds node-canvas if needed.) `--v2-canvas napi` draws the v2
// configs on @napi-rs/canvas too, as this harness did before node-canvas was built here.
// Writes out/<name>.chartjs.png, out/chartjs.json ({name: "ok" | error text}), out/engines.json
// (which canvas drew which Chart.js) and
// out/geometry.json (where Chart.js put the chart area, title, legend, ticks and data). Not part of
// the test command. chartjs-plugin-datalabels and chartjs-plugin-annotation are installed as
// QuickChart bundles them (0.7 and 0.5.7 for Chart.js 2, registered for every chart, with
// QuickChart's data label default; 2.x and 3.x for Chart.js 4, data labels only where a
// config asks for them, as chartfn draws them); chartjs-chart-sankey 0.12.1 for Chart.js 4.
// QuickChart's other plugins (outlabels,
// doughnutlabel, colorschemes, gauges, progressBar) are not installed: what
// they draw is missing here too, and their chart types fail as "not a registered
// controller". The config text is the docs' own (committed test data), evaluated in a vm
// context with a time limit.
import { createCanvas as createNapiCanvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.join(here, '..', '..', 'tests', 'corpus');

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const outDir = path.resolve(argument('out', path.join(here, 'out')));
const width = Number(argument('width', 500));
const height = Number(argument('height', 300));
const v2Canvas = argument('v2-canvas', 'node-canvas');
if (!['node-canvas', 'napi'].includes(v2Canvas)) {
  throw new Error(`--v2-canvas: node-canvas or napi, not ${v2Canvas}`);
}
// node-canvas is a native build (regenerate.sh builds it): loaded only when it draws
const patternomaly = require('patternomaly');
const createCanvas2 = v2Canvas === 'napi' ? createNapiCanvas : require('canvas').createCanvas;
const canvasFor = (major) => (major === 2 ? createCanvas2 : createNapiCanvas);

const { Chart: Chart4, registerables } = await import('chart.js');
Chart4.register(...registerables);
// Chart.js 4's time axes need a date adapter: chartjs-adapter-moment, as QuickChart loads it for
// v3/v4 configs (without one those charts failed and went uncompared). Its ESM build, so that it
// registers with this chart.js instance (the CommonJS build would find another). In UTC, as
// QuickChart's servers and chartfn's time axes are.
process.env.TZ = 'UTC';
await import('chartjs-adapter-moment/dist/chartjs-adapter-moment.esm.js');
const { default: DataLabels4 } = await import('chartjs-plugin-datalabels');
const { default: Annotation4 } = await import('chartjs-plugin-annotation');
Chart4.register(Annotation4);
// The box-and-violin plugins: @sgratzl's for Chart.js 4 (QuickChart's v3/v4 spelling of the
// same types), chartjs-chart-box-and-violin-plot 2.4 for Chart.js 2 (loaded below).
const Box4 = await import('@sgratzl/chartjs-chart-boxplot');
Chart4.register(Box4.BoxPlotController, Box4.BoxAndWiskers, Box4.ViolinController, Box4.Violin);
// chartjs-chart-sankey for QuickChart's sankey (it needs Chart.js 3 or 4): 0.12.1, the release
// whose layout chartfn ports (models/sankey_layout.py)
const Sankey4 = await import('chartjs-chart-sankey');
Chart4.register(Sankey4.SankeyController, Sankey4.Flow);

// A fresh Chart.js 2 for every v2 chart: a config may change Chart.js itself, and that must not
// carry over to the charts after it. The docs' chartjs-plugins-1 sets
// Chart.Legend.prototype.afterFit to add 50 px below the legend; with one shared Chart.js 2, every
// v2 chart rendered after it had a 60 px gap between legend and plot instead of 10.
// The Chart.js 2 plugins' builds require('chart.js'), which here is Chart.js 4: they are run
// with a require that gives them Chart.js 2 instead; both register themselves with it.
const chart2Plugins = ['chartjs-plugin-datalabels2/dist/chartjs-plugin-datalabels.js',
  'chartjs-plugin-annotation2/chartjs-plugin-annotation.js',
  'chartjs-chart-box-and-violin-plot/build/Chart.BoxPlot.js'].map((name) => new vm.Script(
  fs.readFileSync(require.resolve(name), 'utf8'), { filename: name }));
const chart2Dir = path.dirname(require.resolve('chartjs2/package.json')) + path.sep;
function freshChart2() {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(chart2Dir)) delete require.cache[key];
  }
  const Chart2 = require('chartjs2');
  for (const plugin of chart2Plugins) {
    const module = { exports: {} };
    const chartjs2 = (id) => (id === 'chart.js' ? Chart2 : require(id));
    plugin.runInNewContext(
      { module, exports: module.exports, require: chartjs2, window: { Chart: Chart2 }, console });
  }
  return Chart2;
}

// QuickChart colours v2 datasets with its fork of chartjs-plugin-colorschemes (typpo's, at the
// commit its package.json names), scheme tableau.Tableau10, fill alpha 0.5, for the chart types
// below. Restated: by each dataset's own type, and only what the dataset leaves undefined.
const TABLEAU10 = ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1',
  '#FF9DA7', '#9C755F', '#BAB0AC'];
const COLOURED = new Set(['bar', 'horizontalBar', 'line', 'scatter', 'bubble', 'radar', 'pie',
  'doughnut', 'polarArea', 'outlabeledPie', 'outlabeledDoughnut']);
const half = (hex) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, 0.5)`;
};
function tableauColours(config) {
  if (!COLOURED.has(config.type)) return;
  const datasets = (config.data && config.data.datasets) || [];
  datasets.forEach((dataset, i) => {
    if (!dataset) return;
    const colour = TABLEAU10[i % TABLEAU10.length];
    switch (dataset.type || config.type) {
      case 'line':
      case 'radar':
      case 'scatter':
        if (dataset.backgroundColor === undefined) dataset.backgroundColor = half(colour);
        if (dataset.borderColor === undefined) {
          dataset.borderColor = colour;
          // the fork sets point colours only where it set the border
          if (dataset.pointBackgroundColor === undefined) dataset.pointBackgroundColor = half(colour);
          if (dataset.pointBorderColor === undefined) dataset.pointBorderColor = colour;
        }
        break;
      case 'pie':
      case 'doughnut':
      case 'polarArea':
        if (dataset.backgroundColor === undefined) {
          dataset.backgroundColor = (dataset.data || []).map((_, j) => TABLEAU10[j % TABLEAU10.length]);
        }
        break;
      default: // bars, bubbles: the background only
        if (dataset.backgroundColor === undefined) dataset.backgroundColor = colour;
    }
  });
}

// QuickChart's documented adjustments before Chart.js sees a config (lib/charts.js, restated).
function quickchartDefaults(config, major, version) {
  config.options = config.options || {};
  if (config.type === 'donut') config.type = 'doughnut';
  if (config.type === 'sparkline') {
    // as QuickChart's lib/charts.js: a thin black line, no points, no axes, and the y range 5 %
    // wider than the first dataset's so that the line's extremes are not shaved off
    config.type = 'line';
    const data = config.data.datasets[0].data;
    config.data.labels = config.data.labels || Array(data.length).fill('');
    config.options.legend = config.options.legend || { display: false };
    config.options.elements = config.options.elements || {};
    config.options.elements.line = config.options.elements.line
      || { borderColor: '#000', borderWidth: 1 };
    config.options.elements.point = config.options.elements.point || { radius: 0 };
    config.options.scales = config.options.scales || {};
    config.options.scales.xAxes = config.options.scales.xAxes || [{ display: false }];
    const min = Math.min(...data);
    const max = Math.max(...data);
    config.options.scales.yAxes = config.options.scales.yAxes
      || [{ display: false, ticks: { min: min - min * 0.05, max: max + max * 0.05 } }];
  }
  const xy = ['bar', 'horizontalBar', 'line', 'scatter', 'bubble'];
  if (major === 2 && xy.includes(config.type) && !config.options.scales) {
    config.options.scales = { yAxes: [{ ticks: { beginAtZero: true } }] };
  }
  if (config.type === 'line') {
    for (const dataset of config.data.datasets || []) dataset.lineTension = dataset.lineTension || 0;
  }
  // QuickChart's colorschemes plugin registers itself with Chart.js 2 only: v3/v4 configs get
  // Chart.js's own defaults. v4: Chart.js 4's Colors plugin (registered with registerables);
  // v3 is drawn here by Chart.js 4 too, so the plugin is turned off to leave 3.9's
  // rgba(0,0,0,0.1) (an explicit setting of the config's wins).
  if (major === 2 && !(config.options.plugins && config.options.plugins.colorschemes)) {
    tableauColours(config);
  }
  config.options.plugins = config.options.plugins || {};
  if (version === 3 && config.options.plugins.colors === undefined) {
    config.options.plugins.colors = { enabled: false };
  }
  if (major === 2 && !config.options.plugins.datalabels) {
    // QuickChart: data labels on for pie and doughnut only, unless the config sets them
    config.options.plugins.datalabels = { display: ['pie', 'doughnut'].includes(config.type) };
  }
  const datasets = (config.data && config.data.datasets) || [];
  if (major === 4 && (config.options.plugins.datalabels
    || datasets.some((dataset) => dataset && dataset.datalabels))) {
    config.plugins = [...(config.plugins || []), DataLabels4];
  }
  config.options.responsive = false;
  config.options.animation = false;
  config.options.devicePixelRatio = 1;
}

function helpers(Chart, createCanvas) {
  const gradient = (stops, coords = [0, 0, width, 0]) => {
    const resolved = coords.map((c) => (c === 'width' ? width : c === 'height' ? height : c));
    const fill = createCanvas(1, 1).getContext('2d').createLinearGradient(...resolved);
    for (const stop of stops) fill.addColorStop(stop.offset, stop.color);
    return fill;
  };
  return {
    getGradientFill: gradient,
    getGradientFillHelper(direction, colors, dims = {}) {
      const stops = colors.map((color, i) => ({ color, offset: i / (colors.length - 1 || 1) }));
      let coords = [0, 0, dims.width || width, 0];
      if (direction === 'vertical') coords = [0, 0, 0, dims.height || height];
      if (direction === 'both') coords = [0, 0, dims.width || width, dims.height || height];
      return gradient(stops, coords);
    },
    // QuickChart's pattern.draw (lib/charts.js): patternomaly, on a canvas of the tile's size
    pattern: {
      draw(shape, background, patternColor, requestedSize) {
        const size = Math.min(200, requestedSize) || 20;
        globalThis.document = { createElement: () => createCanvas(size, size) };
        return patternomaly.draw(shape, background, patternColor, size);
      },
    },
    getImageFill() { throw new Error('getImageFill fetches a URL'); },
    Chart,
    Math,
    Date,
  };
}

function evaluate(text, Chart, createCanvas) {
  const body = text.replace(/[\s;]+$/, '');
  return vm.runInNewContext(`(${body}\n)`, helpers(Chart, createCanvas), { timeout: 1000 });
}

// QuickChart's rule: a version starting with 4 or 3 is v3+, anything else 2.9.4
const majorOf = (example) => (['3', '4'].includes(String(example.version || '2')[0]) ? 4 : 2);

async function render(example) {
  const major = majorOf(example);
  const Chart = major === 2 ? freshChart2() : Chart4;
  const createCanvas = canvasFor(major);
  const config = evaluate(example.config, Chart, createCanvas);
  const requested = config.type; // before QuickChart's spellings (sparkline, donut) are undone
  quickchartDefaults(config, major, Number(String(example.version || '2')[0]));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  if (example.backgroundColor) {
    context.fillStyle = example.backgroundColor;
    context.fillRect(0, 0, width, height);
  }
  const chart = new Chart(context, config);
  try {
    geometries[example.name] = { requested, ...geometry(chart, major) };
    // node-canvas encodes synchronously, @napi-rs/canvas asynchronously
    return canvas.encode ? await canvas.encode('png') : canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

// Where Chart.js put things, for checks.py's named checks: the chart area, title and legend
// boxes, each scale's ticks (value, label, pixel) and each dataset's elements (bar ends,
// arc angles, point centres) with the colour it filled them with.
const box = (b) => (b && b.width > 0 && b.height > 0
  ? { left: b.left, top: b.top, right: b.left + b.width, bottom: b.top + b.height } : null);
// the legend's entries (Chart.js 2's legend box can be taller than what it draws)
function entries(legend) {
  const hits = legend.legendHitBoxes || [];
  if (!hits.length) return box(legend);
  return {
    left: Math.min(...hits.map((h) => h.left)),
    top: Math.min(...hits.map((h) => h.top)),
    right: Math.max(...hits.map((h) => h.left + h.width)),
    bottom: Math.max(...hits.map((h) => h.top + h.height)),
  };
}
const colour = (c) => (typeof c === 'string' ? c : null);

function geometry(chart, major) {
  const scales = {};
  for (const [id, scale] of Object.entries(chart.scales || {})) {
    const options = scale.options || {};
    if (options.display === false) continue;
    const ticks = major === 2 ? (scale._ticksToDraw || scale._ticks || []) : scale.ticks;
    scales[id] = {
      axis: scale.isHorizontal() ? 'x' : 'y',
      type: scale.type || options.type,
      ticks: ticks.map((tick, i) => ({
        value: typeof tick.value === 'number' ? tick.value : null,
        label: Array.isArray(tick.label) ? tick.label.join(' ') : String(tick.label ?? ''),
        pixel: scale.getPixelForTick(major === 2 ? ticks.indexOf(tick) : i),
      })),
    };
  }
  const datasets = chart.data.datasets.map((dataset, index) => {
    const meta = chart.getDatasetMeta(index);
    const kind = meta.type || chart.config.type;
    const elements = (meta.hidden ? [] : meta.data).map((element, j) => {
      const m = major === 2 ? element._model : element;
      const fill = major === 2 ? m.backgroundColor : element.options && element.options.backgroundColor;
      const line = major === 2 ? m.borderColor : element.options && element.options.borderColor;
      if (kind === 'sankey') {
        // a flow's middle, on its band (the probe); its colour is a gradient, recorded as null
        const centre = element.getCenterPoint();
        return { x: centre.x, y: centre.y, fill: null, line: null };
      }
      const out = { x: m.x, y: m.y, fill: colour(fill), line: colour(line) };
      if (m.base !== undefined) out.base = m.base;
      if (m.width !== undefined) out.width = m.width;
      if (m.height !== undefined) out.height = m.height;
      if (m.startAngle !== undefined) {
        Object.assign(out, { startAngle: m.startAngle, endAngle: m.endAngle,
          outerRadius: m.outerRadius, innerRadius: m.innerRadius });
      }
      if (m.skip) out.skip = true;
      return out;
    });
    return { kind, label: dataset.label ?? null, elements };
  });
  return {
    type: chart.config.type,
    chartArea: { ...chart.chartArea },
    title: chart.titleBlock && chart.titleBlock.options.display ? box(chart.titleBlock) : null,
    legend: chart.legend && chart.legend.options.display ? entries(chart.legend) : null,
    scales,
    datasets,
  };
}

fs.mkdirSync(outDir, { recursive: true });
const results = {};
const geometries = {};
for (const file of ['quickchart_docs.json', 'edge_cases.json']) {
  const { examples } = JSON.parse(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
  for (const example of examples) {
    try {
      fs.writeFileSync(path.join(outDir, `${example.name}.chartjs.png`), await render(example));
      results[example.name] = 'ok';
    } catch (error) {
      results[example.name] = String((error && error.message) || error).slice(0, 200);
    }
  }
}
// The order check: the first chart with a legend of each Chart.js drawn again after all the others must come
// out the same (same geometry, same bytes), or some config changed the shared Chart.js 4 (or
// what a fresh Chart.js 2 is made from) for the charts after it.
const firsts = new Map();
for (const file of ['quickchart_docs.json', 'edge_cases.json']) {
  const { examples } = JSON.parse(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
  for (const example of examples) {
    const major = majorOf(example);
    // with a legend: what the docs' chartjs-plugins-1 changed was the legend's fit
    if (results[example.name] === 'ok' && geometries[example.name].legend && !firsts.has(major)) {
      firsts.set(major, example);
    }
  }
}
for (const example of firsts.values()) {
  const before = JSON.stringify(geometries[example.name]);
  const bytes = fs.readFileSync(path.join(outDir, `${example.name}.chartjs.png`));
  const again = await render(example);
  const same = before === JSON.stringify(geometries[example.name]) && bytes.equals(again);
  console.log(`order check, ${example.name}: ${same ? 'same when drawn last' : 'DIFFERS when drawn last'}`);
  if (!same) process.exitCode = 1;
}
fs.writeFileSync(path.join(outDir, 'chartjs.json'), JSON.stringify(results, null, 1));
// which canvas drew which Chart.js, for the table's header
fs.writeFileSync(path.join(outDir, 'engines.json'),
  JSON.stringify({ 'Chart.js 2.9.4': v2Canvas === 'napi' ? '@napi-rs/canvas' : 'node-canvas',
    [`Chart.js ${Chart4.version}`]: '@napi-rs/canvas' }));
fs.writeFileSync(path.join(outDir, 'geometry.json'), JSON.stringify(geometries));
const failed = Object.entries(results).filter(([, r]) => r !== 'ok');
console.log(`${Object.keys(results).length - failed.length} rendered, ${failed.length} failed -> ${outDir} `
  + `(Chart.js 2 on ${v2Canvas}, Chart.js 4 on @napi-rs/canvas)`);
for (const [name, reason] of failed) console.log(`  ${name}: ${reason}`);
