// The chartfn playground: builds a chart URL from the form, fetches it, and shows the image or
// the API's error next to the field it names. No build step, no dependencies.
// Every URL is relative to <base href>, which the server sets to its root path ("/" locally,
// "/Prod/" behind an API Gateway stage), so the page works wherever it is mounted.
"use strict";

(() => {
  const DEBOUNCE_MS = 300;
  const MAX_FORMULAS = 10;
  // parameters left out of the URL at their server defaults, so URLs stay short
  const OUTPUT_DEFAULTS = { width: "800", height: "400", scale: "1", format: "png", theme: "light" };
  const PRESETS = {
    line: {
      kind: "line", title: "Visitors", x_label: "day", y_label: "visits",
      series: [{ name: "site a", y: [3, 5, 4, 7, 9, 8] }, { name: "site b", y: [2, 3, 5, 4, 6, 7] }],
    },
    scatter: {
      kind: "scatter", title: "Height and weight",
      series: [{ name: "sample", x: [150, 160, 165, 172, 180, 188], y: [50, 58, 61, 70, 77, 85] }],
    },
    bar: {
      kind: "bar", stacked: true, categories: ["Q1", "Q2", "Q3"],
      series: [{ name: "2025", y: [3, 5, 2] }, { name: "2026", y: [4, 6, 3] }],
    },
    area: {
      kind: "area", title: "Load", stacked: true,
      series: [{ name: "web", y: [1, 3, 2, 4, 3] }, { name: "jobs", y: [2, 1, 2, 1, 3] }],
    },
    histogram: {
      kind: "histogram", bins: 8, title: "Response times",
      series: [{ name: "ms", y: [12, 15, 14, 18, 22, 19, 17, 30, 25, 16, 14, 13, 21, 27, 19] }],
    },
    pie: { kind: "pie", categories: ["a", "b", "c"], series: [{ y: [3, 2, 1] }] },
  };

  // A Chart.js config as QuickChart's docs write them: JavaScript, not only JSON.
  const CHARTJS_EXAMPLE = `{
  type: 'bar',
  data: {
    labels: ['Q1', 'Q2', 'Q3', 'Q4'],
    datasets: [
      { label: 'Users', data: [50, 60, 70, 180] },
      { label: 'Revenue', data: [100, 200, 300, 400] },
    ],
  },
  options: { title: { display: true, text: 'Users and revenue' } },
}`;
  // Longer GET URLs are not safe everywhere (proxies, API Gateway): such configs are POSTed to
  // chart/create, whose short render URL is both fetched and offered to copy.
  const MAX_GET_URL = 4000;
  const ERROR_HEADER = "X-quickchart-error";

  const $ = (id) => document.getElementById(id);
  const form = $("controls");
  const img = $("chart");
  const status = $("status");
  const generalError = $("general-error");
  let timer = 0;
  let sequence = 0; // only the newest request may update the page
  let inFlight = null;
  let shownObjectUrl = "";

  function endpoint() {
    return form.querySelector('input[name="endpoint"]:checked').value;
  }

  function setIfPresent(params, name, value) {
    const text = String(value ?? "").trim();
    if (text !== "") params.append(name, text);
  }

  function base64url(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(text) {
    const padded = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(padded + "===".slice((padded.length + 3) % 4));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  // Like URLSearchParams.toString(), but formulas stay readable: sin(x)*exp(-x/5), not
  // sin%28x%29*exp%28-x%2F5%29. "+" and "^" stay escaped ("+" would arrive as a space).
  function queryString(params) {
    const encode = (text) =>
      encodeURIComponent(text).replace(/%2F/g, "/").replace(/%2C/g, ",").replace(/%3A/g, ":");
    return [...params].map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
  }

  // QuickChart's parameters for the Chart.js config mode. The size and scale are always sent:
  // QuickChart's defaults (500×300, devicePixelRatio 2) are not the form's.
  function chartjsParameters() {
    const text = $("config").value.trim();
    let config = text;
    try {
      config = JSON.stringify(JSON.parse(text));
    } catch {
      // JavaScript (or a typo): sent as typed, the server's sandbox reads it or names the error
    }
    const parameters = { c: config };
    if ($("chartjs-version").value !== "2") parameters.v = $("chartjs-version").value;
    parameters.w = $("width").value.trim();
    parameters.h = $("height").value.trim();
    parameters.devicePixelRatio = $("scale").value.trim() || "1";
    if ($("format").value !== "png") parameters.f = $("format").value;
    if ($("background").value.trim() !== "") parameters.bkg = $("background").value.trim();
    return parameters;
  }

  // What to fetch: {path} for a GET, or {body} (JSON) for a config too long for a URL.
  function chartRequest() {
    if (endpoint() !== "chartjs") return { path: chartPath() };
    const parameters = chartjsParameters();
    const query = queryString(Object.entries(parameters));
    const path = `chart?${query}`;
    if (new URL(path, document.baseURI).href.length <= MAX_GET_URL) {
      return { path, fragment: `chartjs?${query}` };
    }
    const body = { chart: parameters.c, width: parameters.w, height: parameters.h };
    for (const [from, to] of [["v", "version"], ["devicePixelRatio", "devicePixelRatio"],
      ["f", "format"], ["bkg", "backgroundColor"]]) {
      if (parameters[from] !== undefined) body[to] = parameters[from];
    }
    return { body: JSON.stringify(body), fragment: `chartjs?${query}` };
  }

  // The chart's URL relative to the base, e.g. "sin?amplitude=2&frequency=3".
  function chartPath() {
    const params = new URLSearchParams();
    const which = endpoint();
    if (which === "sin") {
      setIfPresent(params, "amplitude", $("amplitude").value);
      setIfPresent(params, "frequency", $("frequency").value);
    } else if (which === "plot") {
      const rows = [...document.querySelectorAll("#formulas .formula")];
      const used = rows.filter((row) => row.querySelector(".f").value.trim() !== "");
      for (const row of used) params.append("f", row.querySelector(".f").value.trim());
      // labels are matched to curves by position: send all of them, or none
      if (used.some((row) => row.querySelector(".label").value.trim() !== "")) {
        for (const row of used) params.append("label", row.querySelector(".label").value.trim());
      }
      setIfPresent(params, "x0", $("x0").value);
      setIfPresent(params, "x1", $("x1").value);
      setIfPresent(params, "title", $("title").value);
    } else {
      const text = $("spec").value.trim();
      let compact = text;
      try {
        compact = JSON.stringify(JSON.parse(text));
      } catch {
        // sent as typed: the API names the JSON error and where it is
      }
      // base64url keeps the URL short and free of characters an <img src> must escape
      if (compact !== "") params.append("spec", base64url(compact));
    }
    for (const name of ["width", "height", "scale", "format", "theme", "background"]) {
      const value = $(name).value.trim();
      if (value !== "" && value !== OUTPUT_DEFAULTS[name]) params.append(name, value);
    }
    const query = queryString(params);
    return query ? `${which}?${query}` : which;
  }

  function clearErrors() {
    generalError.textContent = "";
    for (const node of document.querySelectorAll(".error[data-for]")) node.textContent = "";
    for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  }

  function fieldsFor(parameter, value) {
    if (parameter === "f" || parameter === "label") {
      const cls = parameter === "f" ? ".f" : ".label";
      const inputs = [...document.querySelectorAll(`#formulas ${cls}`)];
      const named = inputs.filter((input) => input.value.trim() === String(value ?? ""));
      return named.length ? named : inputs;
    }
    const input = $(parameter);
    return input && form.contains(input) ? [input] : [];
  }

  function showErrors(body, httpStatus) {
    clearErrors();
    const problems = Array.isArray(body?.parameters) ? body.parameters : [];
    const unplaced = [];
    for (const item of problems) {
      // "spec.series[0].y" belongs to the spec field
      const name = String(item.parameter ?? "").split(/[.[]/)[0];
      const slot = document.querySelector(`.error[data-for="${CSS.escape(name)}"]`);
      if (!slot || slot.closest("fieldset[hidden]")) {
        unplaced.push(item);
        continue;
      }
      const detail = [item.problem, item.allowed ? `allowed: ${item.allowed}` : ""];
      const where = item.parameter !== name ? `${item.parameter}: ` : "";
      const line = `${where}${detail.filter(Boolean).join("; ")}`;
      slot.textContent = slot.textContent ? `${slot.textContent} ${line}` : line;
      for (const input of fieldsFor(name, item.value)) input.setAttribute("aria-invalid", "true");
    }
    if (unplaced.length || !problems.length) {
      generalError.textContent = body?.message || `The server answered ${httpStatus}.`;
    }
    status.textContent = `Error ${httpStatus}: the last good chart is still shown.`;
  }

  // QuickChart's error message: in a header (the body is the message drawn as an image)
  function chartjsMessage(response, body) {
    const header = response.headers.get(ERROR_HEADER);
    if (header) {
      try {
        return decodeURIComponent(header);
      } catch {
        return header;
      }
    }
    return body?.error || body?.message || `The server answered ${response.status}.`;
  }

  function showChartjsError(message, httpStatus) {
    clearErrors();
    $("config-error").textContent = message;
    $("config").setAttribute("aria-invalid", "true");
    status.textContent = `Error ${httpStatus}: the last good chart is still shown.`;
  }

  // A long config: chart/create checks it and gives a short render URL, fetched like any other.
  async function createdPath(request, signal) {
    const response = await fetch("chart/create", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: request.body,
      signal,
    });
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: the status says enough
    }
    if (!response.ok || !body?.url) return { error: chartjsMessage(response, body), response };
    const url = new URL(body.url, document.baseURI);
    // fetched from this page's origin, whatever public host the URL names
    return { path: new URL(`${url.pathname}${url.search}`, location.origin).href, url: url.href };
  }

  function updateSnippets(path, fragment = path) {
    const url = new URL(path, document.baseURI).href;
    const alt = "chart";
    const attr = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    $("out-url").value = url;
    $("out-html").value = `<img src="${attr}" alt="${alt}">`;
    $("out-markdown").value = `![${alt}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
    // the page's own URL remembers the chart, so a reload or a shared link shows it again
    history.replaceState(null, "", `${location.pathname}${location.search}#${fragment}`);
  }

  async function render() {
    const request = chartRequest();
    let path = request.path;
    const mine = ++sequence;
    if (path) updateSnippets(path, request.fragment);
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    document.body.dataset.state = "loading";
    status.textContent = "Rendering…";
    let response;
    let blob;
    try {
      if (request.body) {
        const created = await createdPath(request, inFlight.signal);
        if (mine !== sequence) return;
        if (created.error) {
          showChartjsError(created.error, created.response.status);
          document.body.dataset.state = "error";
          return;
        }
        path = created.path;
        updateSnippets(created.url, request.fragment);
      }
      response = await fetch(path, { signal: inFlight.signal });
      blob = await response.blob();
    } catch (error) {
      if (mine !== sequence) return;
      clearErrors();
      generalError.textContent = `The request failed: ${error.message}`;
      status.textContent = "Error: the last good chart is still shown.";
      document.body.dataset.state = "error";
      return;
    }
    if (mine !== sequence) return;
    if (!response.ok && endpoint() === "chartjs") {
      showChartjsError(chartjsMessage(response, null), response.status);
      document.body.dataset.state = "error";
      return;
    }
    if (!response.ok) {
      let body = null;
      try {
        body = JSON.parse(await blob.text());
      } catch {
        // not the API's JSON (a gateway error page): the status line says enough
      }
      showErrors(body, response.status);
      document.body.dataset.state = "error";
      return;
    }
    clearErrors();
    const size = `${(blob.size / 1024).toFixed(1)} kB`;
    if (blob.type === "application/pdf") {
      img.hidden = true;
      $("pdf-link").href = path;
      $("pdf-note").hidden = false;
      status.textContent = `PDF, ${size}.`;
      document.body.dataset.state = "ready";
      return;
    }
    const objectUrl = URL.createObjectURL(blob);
    const next = new Image();
    next.src = objectUrl;
    try {
      await next.decode();
    } catch {
      URL.revokeObjectURL(objectUrl);
      if (mine !== sequence) return;
      generalError.textContent = "The browser could not show this image.";
      document.body.dataset.state = "error";
      return;
    }
    if (mine !== sequence) {
      URL.revokeObjectURL(objectUrl);
      return;
    }
    // display at the requested CSS size, so scale=2 shows as a crisp retina image
    const width = Number($("width").value) || next.naturalWidth;
    const height = Number($("height").value) || next.naturalHeight;
    img.width = width;
    img.height = height;
    img.src = objectUrl;
    img.dataset.url = path;
    img.hidden = false;
    $("pdf-note").hidden = true;
    if (shownObjectUrl) URL.revokeObjectURL(shownObjectUrl);
    shownObjectUrl = objectUrl;
    status.textContent = `${blob.type}, ${next.naturalWidth}×${next.naturalHeight} px, ${size}.`;
    document.body.dataset.state = "ready";
  }

  function schedule() {
    clearTimeout(timer);
    // a render still in flight is for the old inputs: it must not show its chart or say
    // "ready" once it lands, so it is cancelled and outnumbered
    sequence += 1;
    if (inFlight) inFlight.abort();
    document.body.dataset.state = "pending"; // a render is due: the shown chart is stale
    timer = setTimeout(render, DEBOUNCE_MS);
  }

  function showEndpointFields() {
    const which = endpoint();
    for (const set of form.querySelectorAll("fieldset[data-endpoint]")) {
      set.hidden = set.dataset.endpoint !== which;
    }
    // a Chart.js config brings its own look: no theme
    $("theme").disabled = which === "chartjs";
  }

  function renumberFormulas() {
    const rows = [...document.querySelectorAll("#formulas .formula")];
    rows.forEach((row, index) => {
      const n = index + 1;
      row.querySelector(".n").textContent = String(n);
      row.querySelector(".f").id = `f-${n}`;
      row.querySelector(".label").id = `label-${n}`;
      const [formulaLabel, labelLabel] = row.querySelectorAll("label");
      formulaLabel.htmlFor = `f-${n}`;
      labelLabel.htmlFor = `label-${n}`;
      labelLabel.textContent = `Label ${n}`;
      row.querySelector(".remove").setAttribute("aria-label", `Remove formula ${n}`);
      row.querySelector(".remove").disabled = rows.length === 1;
    });
    $("add-formula").disabled = rows.length >= MAX_FORMULAS;
  }

  function addFormula(formula = "", label = "") {
    if (document.querySelectorAll("#formulas .formula").length >= MAX_FORMULAS) return null;
    const row = $("formula-row").content.firstElementChild.cloneNode(true);
    row.querySelector(".f").value = formula;
    row.querySelector(".label").value = label;
    row.querySelector(".remove").addEventListener("click", () => {
      row.remove();
      renumberFormulas();
      schedule();
    });
    $("formulas").append(row);
    renumberFormulas();
    return row;
  }

  function setSpec(spec) {
    $("spec").value = JSON.stringify(spec, null, 2);
  }

  // Restores the form from "#plot?f=...&width=..." (a reload or a shared link).
  function restore(fragment) {
    const [which, query = ""] = fragment.split("?");
    const radio = form.querySelector(`input[name="endpoint"][value="${CSS.escape(which)}"]`);
    if (!radio) return;
    radio.checked = true;
    const params = new URLSearchParams(query);
    for (const name of ["amplitude", "frequency", "x0", "x1", "title", "background"]) {
      if (params.has(name)) $(name).value = params.get(name);
    }
    for (const name of ["width", "height", "scale", "format", "theme"]) {
      $(name).value = params.get(name) ?? OUTPUT_DEFAULTS[name];
    }
    if (which === "plot" && params.has("f")) {
      $("formulas").replaceChildren();
      const labels = params.getAll("label");
      params.getAll("f").forEach((f, i) => addFormula(f, labels[i] ?? ""));
    }
    if (which === "chartjs") {
      if (params.has("c")) $("config").value = params.get("c");
      $("chartjs-version").value = params.get("v") ?? "2";
      $("width").value = params.get("w") ?? OUTPUT_DEFAULTS.width;
      $("height").value = params.get("h") ?? OUTPUT_DEFAULTS.height;
      $("scale").value = params.get("devicePixelRatio") ?? OUTPUT_DEFAULTS.scale;
      $("format").value = params.get("f") ?? OUTPUT_DEFAULTS.format;
      if (params.has("bkg")) $("background").value = params.get("bkg");
    }
    if (which === "chart" && params.has("spec")) {
      const raw = params.get("spec");
      let text = raw;
      try {
        text = JSON.stringify(JSON.parse(fromBase64url(raw)), null, 2);
      } catch {
        // not base64url JSON: show it as it came
      }
      $("spec").value = text;
    }
  }

  async function copy(button) {
    const field = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // the Clipboard API needs a secure context; selecting and copying works elsewhere
      field.select();
      document.execCommand("copy");
    }
    const before = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => {
      button.textContent = before;
    }, 1200);
  }

  addFormula("sin(x)*exp(-x/5)", "damped sine");
  setSpec(PRESETS.bar);
  $("config").value = CHARTJS_EXAMPLE;
  if (location.hash.length > 1) restore(location.hash.slice(1));
  showEndpointFields();

  form.addEventListener("input", (event) => {
    if (event.target.id === "preset") return;
    schedule();
  });
  form.addEventListener("change", (event) => {
    if (event.target.name === "endpoint") {
      showEndpointFields();
      clearTimeout(timer);
      render();
    } else if (event.target.id === "preset" && event.target.value) {
      setSpec(PRESETS[event.target.value]);
      event.target.value = "";
      render();
    } else if (event.target.tagName === "SELECT") {
      clearTimeout(timer);
      render(); // a choice is final: no need to wait for more typing
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  $("add-formula").addEventListener("click", () => {
    const row = addFormula();
    if (row) row.querySelector(".f").focus();
  });
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", () => copy(button));
  }
  render();
})();
