"""Chart.js configs: JSON and JavaScript configs (JS runs in a sandbox) as a plain tree."""
