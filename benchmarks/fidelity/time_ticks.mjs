// The real Chart.js's time axes for a table of cases, as JSON: the test data of
// tests/unit/test_chartjs_time_ticks.py, which checks chartfn.chartjs.time_axis (and the bar
// placement of chartfn.chartjs.time_bars) against it.
//
//   cd benchmarks/fidelity && npm ci && node time_ticks.mjs > ../../tests/unit/chartjs_time_ticks_cases.json
//
// Each case is a line or bar chart with a `type: 'time'` (or v4 `timeseries`) x axis, drawn
// with Chart.js 2.9.4 (its bundled moment) and Chart.js 4 with chartjs-adapter-moment (what
// QuickChart loads for v3/v4), in UTC as QuickChart's servers run. Scale hooks record the axis
// length when the ticks were built, the tick times and labels, the axis min/max and where the
// axis' ends, its ticks and each bar lie in pixels. Deterministic: the same JSON every run.
process.env.TZ = 'UTC';
const { createCanvas } = await import('@napi-rs/canvas');
const { createRequire } = await import('node:module');
const fs = await import('node:fs');

const require = createRequire(import.meta.url);
const Chart2 = require('chartjs2');
const { Chart: Chart4, registerables } = await import('chart.js');
Chart4.register(...registerables);
// the adapter's CommonJS build would register with chart.js's CommonJS build, another instance
await import('chartjs-adapter-moment/dist/chartjs-adapter-moment.esm.js');

// Chart.js 2.9 calls the bar width options on the axis deprecated (QuickChart's docs use them)
console.warn = () => {};

const SIZES = [[500, 300], [1000, 600], [300, 200], [800, 400], [1500, 500], [200, 150]];
const DAY = 86400000;
const T0 = Date.UTC(2020, 0, 1);
// data times: [first, step, count] (evenly spaced) or explicit lists
const DATA = [
  { times: [T0, T0 + 7 * DAY, T0 + 14 * DAY, T0 + 21 * DAY, T0 + 28 * DAY] },
  { times: [T0, T0 + 31 * DAY, T0 + 60 * DAY, T0 + 91 * DAY, T0 + 121 * DAY, T0 + 152 * DAY] },
  { times: [T0, T0 + 3600000, T0 + 2 * 3600000, T0 + 5 * 3600000] },
  { times: [T0, T0 + 1 * DAY, T0 + 2 * DAY, T0 + 10 * DAY] },
  { times: [Date.UTC(2015, 5, 3), Date.UTC(2017, 2, 1), Date.UTC(2021, 10, 20)] },
  { times: [T0, T0 + 90000, T0 + 300000, T0 + 420000] },
  { times: [T0 + 1500, T0 + 2500, T0 + 9000] },
  { times: [Date.UTC(2020, 5, 14, 9, 8), Date.UTC(2020, 5, 19, 9, 8), Date.UTC(2020, 5, 21, 9, 8),
    Date.UTC(2020, 5, 29, 9, 8), Date.UTC(2020, 6, 5, 9, 8)] },
  { times: [T0, T0 + 365 * DAY * 3] },
  { times: [T0 + 12 * 3600000] },
];
const OPTIONS = [
  {}, { time: { unit: 'day' } }, { time: { unit: 'month' } }, { time: { unit: 'week' } },
  { time: { minUnit: 'day' } }, { time: { unit: 'day', stepSize: 2 } },
  { bounds: 'ticks' }, { ticks: { source: 'data' } }, { ticks: { source: 'labels' } },
  { time: { unit: 'hour', displayFormats: { hour: 'HH:mm' } } },
  { time: { displayFormats: { day: 'DD/MM', month: 'MMM YY', week: 'D MMM' } } },
  { offset: true }, { offset: false }, { v2: { distribution: 'series' } }, { v4: { type: 'timeseries' } },
  { v4: { time: { unit: 'day' }, ticks: { stepSize: 3 } } },
];
// bar width options: on the x axis in Chart.js 2, on the dataset in 4 (with the default axis)
const BAR_OPTIONS = [{ barThickness: 'flex' }, { barPercentage: 0.5, categoryPercentage: 1 }];

function scaleOptions(major, options, record) {
  const { v2, v4, ...common } = options;
  if (major === 2 && v4) return null;
  if (major === 4 && v2) return null;
  const scale = { type: 'time', ...common, ...(major === 2 ? v2 : v4) };
  scale.afterBuildTicks = (s, built) => record.built(s, major, built);
  scale.afterTickToLabelConversion = (s) => record.labelled(s, major);
  scale.afterUpdate = (s) => record.updated(s, major);
  return scale;
}

function recorder() {
  const state = { passes: [] };
  return {
    state,
    built(s, major, built) {
      state.length = s.isHorizontal() ? s.width : s.height;
      state.passes.push(state.length);
      // Chart.js 2 passes the built ticks (it sets scale.ticks later); 4 has them on the scale
      state.ticks = ((major === 2 ? built : s.ticks) || []).map((t) => t.value);
      state.min = s.min;
      state.max = s.max;
    },
    labelled(s, major) {
      // Chart.js 4's labels before autoSkip thins what is drawn (chartfn's layout thins its own)
      if (major === 4) state.tickLabels = s.ticks.map((t) => t.label);
    },
    updated(s, major) {
      // Chart.js 2 sets scale.ticks to the labels after afterTickToLabelConversion
      if (major === 2) state.tickLabels = s.ticks.slice();
    },
  };
}

function draw(major, config, width, height) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  config.options = { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 };
  if (major === 2) config.options.legend = { display: false };
  else config.options.plugins = { legend: { display: false } };
  const chart = major === 2 ? new Chart2(context, config) : new Chart4(context, config);
  const scale = major === 2 ? chart.scales['x-axis-0'] : chart.scales.x;
  // what is drawn after the last pass (Chart.js 2 keeps the tick objects in _ticks)
  const ticks = major === 2 ? scale._ticks : scale.ticks;
  const placed = {
    left: scale.left, right: scale.right,
    // the first and last tick drawn: [time, pixel] (where the axis' ends and offset put them)
    tickEnds: ticks.length ? [[ticks[0].value, scale.getPixelForTick(0)],
      [ticks[ticks.length - 1].value, scale.getPixelForTick(ticks.length - 1)]] : [],
    drawnTicks: ticks.length,
    // Chart.js 4's bars take their width from the ticks left after autoSkip: those times
    ...(major === 4 ? { drawnValues: ticks.map((t) => t.value) } : {}),
    bars: [],
  };
  if (config.type === 'bar') {
    for (let d = 0; d < config.data.datasets.length; d += 1) {
      const meta = chart.getDatasetMeta(d);
      placed.bars.push(meta.data.map((bar) => {
        const m = major === 2 ? bar._model : bar;
        return [m.x, m.width];
      }));
    }
  }
  chart.destroy();
  return placed;
}

const cases = [];
let runs = 0;
for (const major of [2, 4]) {
  for (const type of ['line', 'bar']) {
    for (const data of DATA) {
      const variants = OPTIONS.map((options) => [options, {}]);
      if (type === 'bar') for (const bar of BAR_OPTIONS) variants.push([{}, bar]);
      for (const [options, bar] of variants) {
        for (const datasets of type === 'bar' ? [1, 2] : [1]) {
          runs += 1;
          const [width, height] = SIZES[runs % SIZES.length];
          const record = recorder();
          const x = scaleOptions(major, major === 2 ? { ...options, ...bar } : options, record);
          if (x === null) continue;
          const labels = data.times.map((t) => new Date(t).toISOString());
          const sets = [];
          for (let d = 0; d < datasets; d += 1) {
            sets.push({ data: data.times.map((_, i) => ((i * 7 + d * 3) % 10) + 1),
              ...(major === 4 ? bar : {}) });
          }
          const config = { type, data: { labels, datasets: sets },
            options: { scales: major === 2 ? { xAxes: [x] } : { x } } };
          let placed;
          try {
            placed = draw(major, config, width, height);
          } catch (error) {
            cases.push({ type, version: major, dataLabels: labels, datasets, options: scaleOptions(major, options,
              recorder()), width, height, error: String(error && error.message) });
            continue;
          }
          const { afterBuildTicks, afterTickToLabelConversion, afterUpdate, ...given } = x;
          const { passes, ...state } = record.state;
          if (state.ticks.length > 1000) {
            // chartfn stops at 1000 ticks: the count is all these cases keep
            state.tickCount = state.ticks.length;
            delete state.ticks;
            delete state.tickLabels;
          }
          cases.push({ type, version: major, dataLabels: labels, datasets, options: given, bar,
            width, height, ...state, ...placed });
        }
      }
    }
  }
}

function version(name) {
  const file = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

process.stdout.write(JSON.stringify({
  generator: 'benchmarks/fidelity/time_ticks.mjs',
  chartjs: { 2: version('chartjs2'), 4: version('chart.js'),
    adapter: version('chartjs-adapter-moment'), moment: version('moment') },
  cases,
}, null, 0).replace(/\},\{"type"/g, '},\n{"type"') + '\n');
