#!/usr/bin/env bash
# Installs the benchmark peers (benchmarks/peers/node_modules) on a fresh Debian machine, once:
# Chart.js 4, @napi-rs/canvas (prebuilt Skia binary from npm) and node-canvas, which is built
# from source against Debian's cairo/pango (its prebuilt binary is fetched from GitHub, which
# this machine cannot reach; the build falls back to node-gyp). Re-running is cheap: it stops
# early when the lock file is unchanged since the last install and all three modules load.
set -euo pipefail
cd "$(dirname "$0")"

# Node itself is not in the list: NodeSource's nodejs (which ships npm) conflicts with Debian's
# npm package; a missing node is installed as Debian's nodejs + npm below.
DEBIAN_PACKAGES=(build-essential pkg-config python3
    libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev)
STAMP=node_modules/.chartfn-peers-installed

loads_all() {
    node --input-type=module -e "
        await import('chart.js');
        await import('@napi-rs/canvas');
        await import('canvas');" >/dev/null 2>&1
}

lock_digest() { sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1; }

if [[ -f $STAMP && "$(cat "$STAMP")" == "$(lock_digest)" ]] && loads_all; then
    echo "peers: already installed"
    exit 0
fi

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "peers: apt-get install ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "peers: need root for apt-get (or install them yourself)" >&2
        exit 1
    fi
    # another developer's apt-get may hold the lock: wait for it (up to 10 minutes), not fail;
    # a fresh machine has no package lists yet, so update once if the first attempt fails
    apt_get=(apt-get -o DPkg::Lock::Timeout=600 -y --no-install-recommends)
    "${apt_get[@]}" install "${missing[@]}" || {
        "${apt_get[@]}" update
        "${apt_get[@]}" install "${missing[@]}"
    }
    for package in "${missing[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || { echo "peers: $package did not install" >&2; exit 1; }
    done
fi

# node-gyp finds Node's headers under /usr/include/node (Debian's nodejs) instead of downloading
# them; npm ci installs exactly the committed lock.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
else
    npm install --no-audit --no-fund
fi
loads_all || {
    node --input-type=module -e "await import('canvas')" || true
    echo "peers: a module does not load (see above)" >&2
    exit 1
}
lock_digest >"$STAMP"
echo "peers: installed"
