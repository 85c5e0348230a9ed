#!/usr/bin/env bash
# End-to-end check behind SAM's own API Gateway emulator (not part of scripts/test.sh):
#
#   sudo bash scripts/sam_local_e2e.sh        (as root; about 30 s, 2 min the first time; docs/sam-local.md)
#
# `sam build` (scripts/sam.sh, into a scratch folder), then `sam local start-api
# --skip-pull-image` in front of the function, with Debian's dockerd started here in a network
# namespace of its own and a locally built stand-in for the Lambda Python base image (no
# container registry needed). Queries it over HTTP and checks that an <img>-style request gets
# a real PNG. Last line: "SAM LOCAL E2E: PASS", "... FAIL: <why>" or "... SKIP: <why>"
# (exit 0, 1, 0). Leaves the host's network configuration as it found it, and says so.
#
# Needs: Linux x86_64, root, dockerd + docker (Debian: apt-get install docker.io), and for
# the first run debootstrap, a Debian mirror and PyPI (the image is cached in .sam-local/).
# Settings: CHARTFN_PYTHON=/path/to/python3.13 (the runtime Python copied into the image),
# SAM_LOCAL_REBUILD_IMAGE=1 (rebuild the cached image), SAM_LOCAL_KEEP=1 (keep the scratch folder).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/scripts/sam_local"
CACHE="$ROOT/.sam-local"
ARCH=x86_64
IMAGE_TAG="public.ecr.aws/lambda/python:3.13-$ARCH" # what SAM 1.170 asks for (runtime python3.13)
IMAGE_TAR="$CACHE/lambda-python3.13-$ARCH.rootfs.tar"
AWSLAMBDARIC_VERSION=4.2.2
NS="chartfn-sam-e2e-$$"
WORK=""
NETNS_CREATED=0
START=$(date +%s)

NET_BEFORE=""
NET_CHANGED=0
CLEANED=0

say() { echo "sam-local-e2e: $*"; }
took() { echo "$(($(date +%s) - START)) s"; }
# finish STATUS VERDICT: clean up (checking the host network), then print the verdict last
finish() {
  local status="$1" verdict="$2"
  trap - EXIT INT TERM
  cleanup
  if ((NET_CHANGED)); then status=1 verdict="FAIL: the host's network configuration changed (diff above)"; fi
  say "total $(took)"
  echo "SAM LOCAL E2E: $verdict"
  exit "$status"
}
skip() { finish 0 "SKIP: $*"; }
fail() { finish 1 "FAIL: $*"; }

# host network configuration, compared before/after
net_snapshot() {
  ip -d addr show | sed -E 's/(valid|preferred)_lft [0-9]+sec/\1_lft N/g'
  ip route show table all
  ip -6 route show table all
  ip rule show
  ip netns list | grep -v "^$NS\b" || true
  sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.forwarding 2>/dev/null || true
  local t
  for t in iptables-save ip6tables-save; do
    command -v "$t" >/dev/null 2>&1 &&
      { "$t" 2>/dev/null | grep -v '^#' | sed -E 's/\[[0-9]+:[0-9]+\]/[n:n]/g' || true; }
  done
  command -v nft >/dev/null 2>&1 && { nft list ruleset 2>/dev/null || true; }
  return 0
}

cleanup() {
  local pid pids i net_after
  ((CLEANED)) && return 0
  CLEANED=1
  if ((NETNS_CREATED)); then
    # only processes in our own namespace, all started by this script (SAM, dockerd, ...)
    pids="$(ip netns pids "$NS" 2>/dev/null || true)"
    if [[ -n "$pids" ]]; then
      say "stopping leftover processes in $NS: $(echo $pids)"
      for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
      for ((i = 0; i < 100; i++)); do
        [[ -z "$(ip netns pids "$NS" 2>/dev/null)" ]] && break
        sleep 0.1
      done
      for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    fi
    ip netns del "$NS" 2>/dev/null || true
    say "network namespace $NS removed (its mounts and dockerd went with it)"
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    mkdir -p "$CACHE/last-run"
    cp -f "$WORK"/*.log "$CACHE/last-run/" 2>/dev/null || true
    if [[ "${SAM_LOCAL_KEEP:-0}" == 1 ]]; then
      say "kept scratch folder $WORK"
    else
      rm -rf "$WORK"
      say "scratch folder $WORK removed (logs kept in .sam-local/last-run/)"
    fi
  fi
  [[ -n "$NET_BEFORE" ]] || return 0
  net_after="$(net_snapshot)"
  if [[ "$net_after" == "$NET_BEFORE" ]]; then
    say "host network unchanged (ip addr, ip route, ip rule, ip netns, ip_forward, iptables-save, nft ruleset compared before/after)"
  else
    NET_CHANGED=1
    say "host network CHANGED:"
    diff <(echo "$NET_BEFORE") <(echo "$net_after") | head -n 20 || true
  fi
}

trap 'finish 1 "FAIL: unexpected error (status $?), see the output above"' EXIT
trap 'finish 1 "FAIL: interrupted"' INT TERM

# --- preflight: SKIP with a reason where Docker cannot run -----------------------------------
[[ "$(uname -s)" == Linux ]] || skip "needs Linux (network namespaces, dockerd); this is $(uname -s)"
[[ "$(uname -m)" == x86_64 ]] || skip "the stand-in image is built for x86_64; this is $(uname -m)"
[[ "$EUID" -eq 0 ]] || skip "needs root (network namespace, mounts, dockerd): sudo bash scripts/sam_local_e2e.sh"
for cmd in ip dockerd mount mountpoint; do
  command -v "$cmd" >/dev/null 2>&1 ||
    skip "'$cmd' not found (Debian: apt-get install -y docker.io iproute2 debootstrap)"
done
command -v docker >/dev/null 2>&1 || skip "no docker client (Debian: apt-get install -y docker.io)"

source "$ROOT/scripts/python_env.sh"  # find_runtime_python: CHARTFN_PYTHON, PATH, pyenv
PY313="$(find_runtime_python "${TEST_PYTHONS[@]}" 2>/dev/null)" || skip "no Python 3.13 (the runtime's Python, copied into the image): set CHARTFN_PYTHON"
PY_PREFIX="$("$PY313" -c 'import sys; print(sys.base_prefix)')"

NET_BEFORE="$(net_snapshot)"

# --- scratch folder and the test's network namespace ----------------------------------------
WORK="$(mktemp -d /tmp/chartfn-sam-local.XXXXXX)"
ip netns add "$NS" 2>"$WORK/netns.err" ||
  skip "cannot create a network namespace here: $(head -n1 "$WORK/netns.err")"
NETNS_CREATED=1
ip -n "$NS" link set lo up
say "network namespace $NS (loopback only; dockerd's bridge lives in it)"

# --- the stand-in base image (cached) ---------------------------------------------------------
IMAGE_KEY="$(cat "$HERE/build_image.sh" <("$PY313" -VV) <(echo "$AWSLAMBDARIC_VERSION") | sha256sum | cut -c1-16)"
if [[ "${SAM_LOCAL_REBUILD_IMAGE:-0}" == 1 || ! -f "$IMAGE_TAR" || "$(cat "$IMAGE_TAR.key" 2>/dev/null)" != "$IMAGE_KEY" ]]; then
  command -v debootstrap >/dev/null 2>&1 ||
    skip "building the stand-in Lambda image needs debootstrap (apt-get install -y debootstrap)"
  mkdir -p "$CACHE"
  [[ -f "$CACHE/.gitignore" ]] || printf '*\n' >"$CACHE/.gitignore" # nothing in here is for git
  say "building the stand-in base image (Debian 12 + $PY_PREFIX + awslambdaric $AWSLAMBDARIC_VERSION) ..."
  t0=$(date +%s)
  AWSLAMBDARIC_VERSION="$AWSLAMBDARIC_VERSION" bash "$HERE/build_image.sh" "$IMAGE_TAR" "$PY_PREFIX" ||
    skip "could not build the stand-in Lambda base image (output above): no Debian mirror or PyPI?"
  echo "$IMAGE_KEY" >"$IMAGE_TAR.key"
  say "image built in $(($(date +%s) - t0)) s"
else
  say "stand-in base image: cached $IMAGE_TAR ($(du -h "$IMAGE_TAR" | cut -f1))"
fi

# --- sam build into a scratch folder (not the shared .aws-sam/) -------------------------------
say "sam build -> $WORK/build ..."
t0=$(date +%s)
if ! bash "$ROOT/scripts/sam.sh" build --build-dir "$WORK/build" --cache-dir "$WORK/cache" \
  >"$WORK/build.log" 2>&1; then
  tail -n 20 "$WORK/build.log"
  fail "sam build failed (output above)"
fi
say "sam build done in $(($(date +%s) - t0)) s ($(du -sh "$WORK/build/ChartFunction" | cut -f1) function)"

# --- everything in the namespace: dockerd, sam local start-api, the HTTP client ------------------
out="$WORK/netns.out"
set +e
E2E_ROOT="$ROOT" E2E_WORK="$WORK" E2E_IMAGE_TAR="$IMAGE_TAR" E2E_IMAGE_TAG="$IMAGE_TAG" \
  E2E_TEMPLATE="$WORK/build/template.yaml" E2E_PORT=3000 E2E_PYTHON="$PY313" PYTHONUNBUFFERED=1 \
  ip netns exec "$NS" bash "$HERE/run_in_netns.sh" 2>&1 | tee "$out" | grep -v '^reason: '
rc="${PIPESTATUS[0]}"
set -e
reason="$(grep '^reason: ' "$out" | tail -n1 | sed 's/^reason: //' || true)"
reason="${reason:-scripts/sam_local/run_in_netns.sh stopped with status $rc (output above)}"

case "$rc" in
  0) finish 0 "PASS" ;;
  77) skip "$reason" ;;
  *) fail "$reason" ;;
esac
