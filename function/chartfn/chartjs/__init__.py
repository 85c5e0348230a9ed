"""The Chart.js side of chartfn: QuickChart requests, configs, render ids and their
translation into chart specs. No HTTP here; only ``output`` knows the drawing side."""
