#!/usr/bin/env bash
# Regenerates docs/fidelity (the Chart.js / chartfn pairs, results.json, index.md) and
# tests/unit/chartjs_fidelity_cases.json in one command, then prints the summary line and the
# per-kind rows of the README's fidelity table (their last column is written by hand):
#
#   bash benchmarks/fidelity/regenerate.sh [--v2-canvas napi]
#
# Installs benchmarks/fidelity/node_modules when missing or when the lock changed (npm ci;
# node-canvas is built from source against Debian's cairo/pango, whose -dev packages are
# apt-installed when run as root, as benchmarks/peers/setup.sh does), renders the corpus with
# Chart.js (render.mjs, into a temporary directory) and compares (fidelity.py). The pairs of
# configs that left the corpus are removed first. `--v2-canvas napi` draws v2 configs on
# @napi-rs/canvas instead of node-canvas. PYTHON: the interpreter with chartfn's dependencies
# (default: the repo's .venv). Not part of the test command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
cd "$here"

DEBIAN_PACKAGES=(build-essential pkg-config python3
    libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev)
STAMP=node_modules/.chartfn-fidelity-installed

loads_all() {
    node --input-type=module -e "
        await import('chart.js');
        await import('chartjs2');
        await import('@napi-rs/canvas');
        await import('canvas');" >/dev/null 2>&1
}
lock_digest() { sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1; }

install_build_packages() {
    local missing=() package
    for package in "${DEBIAN_PACKAGES[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    echo "fidelity: apt-get install ${missing[*]} (to build node-canvas)"
    if [[ $(id -u) -ne 0 ]]; then
        echo "fidelity: need root for apt-get (or install them yourself)" >&2
        exit 1
    fi
    # another apt-get may hold the lock: wait for it; a fresh machine has no lists yet
    local apt_get=(apt-get -o DPkg::Lock::Timeout=600 -y --no-install-recommends)
    "${apt_get[@]}" install "${missing[@]}" || {
        "${apt_get[@]}" update
        "${apt_get[@]}" install "${missing[@]}"
    }
}

start=$SECONDS
if [[ -f $STAMP && "$(cat "$STAMP")" == "$(lock_digest)" ]] && loads_all; then
    echo "fidelity: node_modules up to date"
else
    command -v npm >/dev/null 2>&1 || { echo "fidelity: needs node and npm" >&2; exit 1; }
    install_build_packages
    # node-gyp takes Node's headers from /usr/include/node (Debian's nodejs) instead of
    # downloading them; canvas's prebuilt binary comes from GitHub, which may be unreachable,
    # and then it is built here (about a minute)
    npm_config_nodedir="${npm_config_nodedir:-/usr}" npm ci --no-audit --no-fund
    loads_all || {
        node --input-type=module -e "await import('canvas')" || true
        echo "fidelity: a module does not load (see above)" >&2
        exit 1
    }
    lock_digest >"$STAMP"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Chart.js's moment warns about the docs' non-ISO dates on stderr: kept out of the summary.
# render.mjs fails when its order check finds a config that changed Chart.js for later charts.
if ! node render.mjs --out "$out" "$@" >"$out/render.out" 2>"$out/render.log"; then
    cat "$out/render.out"
    tail -n 20 "$out/render.log"
    echo "fidelity: render.mjs failed" >&2
    exit 1
fi
sed -n '/ rendered, .* failed /p;/^order check/p' "$out/render.out"
rendered=$SECONDS

# pairs of configs no longer rendered must not linger; the other files are rewritten
rm -f "$repo"/docs/fidelity/*.jpg
"$python" fidelity.py --chartjs "$out"
echo "fidelity: render.mjs $((rendered - start)) s (with any install), fidelity.py $((SECONDS - rendered)) s"
