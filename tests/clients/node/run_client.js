// Drives the real quickchart-js client for tests/integration/test_quickchart_clients.py.
// argv[2]: a JSON job {host, scheme, config, width, height, apiKey?, accountId?, calls: [...]}
// Prints one JSON object: each call's result (binary results as base64), or {error} per call.
"use strict";
const QuickChart = require("quickchart-js");

async function main() {
  const job = JSON.parse(process.argv[2]);
  const chart = new QuickChart(job.apiKey, job.accountId);
  chart.setHost(job.host).setScheme(job.scheme).setConfig(job.config);
  if (job.width) chart.setWidth(job.width);
  if (job.height) chart.setHeight(job.height);
  const results = {};
  for (const call of job.calls) {
    try {
      if (call === "getUrl") results[call] = chart.getUrl();
      else if (call === "getSignedUrl") results[call] = chart.getSignedUrl();
      else if (call === "toBinary") results[call] = (await chart.toBinary()).toString("base64");
      else if (call === "toDataUrl") results[call] = await chart.toDataUrl();
      else throw new Error(`unknown call ${call}`);
    } catch (error) {
      results[call] = { error: String(error && error.message) };
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
