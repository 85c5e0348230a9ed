#!/usr/bin/env bash
# The part of scripts/sam_local_e2e.sh that runs inside the test's own network namespace:
#   ip netns exec NS bash scripts/sam_local/run_in_netns.sh
# `ip netns exec` also gives it a private mount namespace (mounts made here never reach the
# host) with a fresh /sys, so it:
#   1. remounts the cgroup hierarchies under /sys/fs/cgroup (as the host has them),
#      a tmpfs on /run and a scratch folder on /etc/docker;
#   2. starts Debian's dockerd on a private socket and data root, with no iptables rules,
#      no ip_forward and no masquerading (its bridge lives in this namespace only);
#   3. imports the stand-in base image and tags it as SAM expects;
#   4. runs `sam local start-api --skip-pull-image` on 127.0.0.1 and the HTTP client;
#   5. stops SAM with SIGTERM (it removes its containers), then dockerd.
# Exit status: 0 PASS, 1 FAIL, 77 SKIP (Docker cannot run here). The reason is printed as
# "reason: ..." on the last line for the caller.
#
# Environment (set by scripts/sam_local_e2e.sh): E2E_ROOT, E2E_WORK, E2E_IMAGE_TAR,
# E2E_IMAGE_TAG, E2E_TEMPLATE, E2E_PORT, E2E_PYTHON.
set -euo pipefail

: "${E2E_ROOT:?}" "${E2E_WORK:?}" "${E2E_IMAGE_TAR:?}" "${E2E_IMAGE_TAG:?}" "${E2E_TEMPLATE:?}"
PORT="${E2E_PORT:-3000}"
PY="${E2E_PYTHON:-python3}"
SOCK="$E2E_WORK/docker.sock"
export DOCKER_HOST="unix://$SOCK"
DOCKER=(docker)
[[ -x /usr/bin/docker ]] && DOCKER=(/usr/bin/docker) # Debian's client, same version as dockerd

DOCKERD_PID=""
SAM_PID=""
log() { echo "  [netns] $*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

stop_pid() { # stop_pid PID NAME SECONDS: SIGTERM, wait, then SIGKILL
  local pid="$1" name="$2" secs="$3" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "$name did not stop within ${secs}s after SIGTERM: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  if [[ -n "$SAM_PID" ]] && kill -0 "$SAM_PID" 2>/dev/null; then
    stop_pid "$SAM_PID" "sam" 30
  fi
  if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    # anything SAM left behind (it should have removed its containers on SIGTERM)
    "${DOCKER[@]}" ps -aq 2>/dev/null | xargs -r "${DOCKER[@]}" rm -f >/dev/null 2>&1 || true
    stop_pid "$DOCKERD_PID" "dockerd" 30
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

skip() { echo "reason: $*"; exit 77; }
fail() { echo "reason: $*"; exit 1; }

# --- 1. mounts (private to this mount namespace) -------------------------------------------
# cgroup hierarchies as PID 1 (the host) sees them
mounted_cgroups=0
while read -r _ target fstype opts _; do
  case "$fstype" in cgroup | cgroup2) ;; *) continue ;; esac
  [[ "$target" == /sys/fs/cgroup* ]] || continue
  if [[ "$target" != /sys/fs/cgroup ]] && ! mountpoint -q /sys/fs/cgroup; then
    mount -t tmpfs -o mode=755 cgroup_root /sys/fs/cgroup
  fi
  mkdir -p "$target"
  if [[ "$fstype" == cgroup2 ]]; then
    mount -t cgroup2 -o "$opts" cgroup2 "$target"
  else
    mount -t cgroup -o "$opts" cgroup "$target"
  fi
  mounted_cgroups=$((mounted_cgroups + 1))
done </proc/1/mounts
((mounted_cgroups > 0)) || skip "no cgroup hierarchy mounted on the host (/proc/1/mounts): dockerd cannot run containers"
mount -t tmpfs -o mode=755 e2e_run /run
mkdir -p "$E2E_WORK/etc-docker" "$E2E_WORK/docker-data" "$E2E_WORK/tmp"
mount --bind "$E2E_WORK/etc-docker" /etc/docker
log "mounted: $mounted_cgroups cgroup hierarchies, tmpfs on /run, $E2E_WORK/etc-docker on /etc/docker"

# --- 2. dockerd ------------------------------------------------------------------------------
t0="$(now)"
dockerd --host="unix://$SOCK" --data-root="$E2E_WORK/docker-data" --exec-root=/run/docker \
  --pidfile=/run/docker.pid --iptables=false --ip-forward=false --ip-masq=false \
  --storage-driver=overlay2 >"$E2E_WORK/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for ((i = 0; i < 300; i++)); do
  "${DOCKER[@]}" version >/dev/null 2>&1 && break
  kill -0 "$DOCKERD_PID" 2>/dev/null || break
  sleep 0.1
done
if ! "${DOCKER[@]}" version >/dev/null 2>&1; then
  tail -n 15 "$E2E_WORK/dockerd.log" | sed 's/^/  [dockerd] /'
  skip "dockerd did not start (log above; full log: .sam-local/last-run/dockerd.log)"
fi
log "dockerd $("${DOCKER[@]}" version -f '{{.Server.Version}}') up on $SOCK in $(elapsed "$t0"): storage $("${DOCKER[@]}" info -f '{{.Driver}}'), cgroup $("${DOCKER[@]}" info -f '{{.CgroupDriver}} v{{.CgroupVersion}}')"

# A container must actually run here (cgroups, overlayfs, seccomp, ...), else SKIP with why.
t0="$(now)"
"${DOCKER[@]}" import \
  --change 'ENV LANG=en_US.UTF-8' \
  --change 'ENV TZ=:/etc/localtime' \
  --change 'ENV PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin' \
  --change 'ENV LD_LIBRARY_PATH=/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib' \
  --change 'ENV LAMBDA_TASK_ROOT=/var/task' \
  --change 'ENV LAMBDA_RUNTIME_DIR=/var/runtime' \
  --change 'WORKDIR /var/task' \
  "$E2E_IMAGE_TAR" "$E2E_IMAGE_TAG" >/dev/null
log "imported the stand-in base image as $E2E_IMAGE_TAG in $(elapsed "$t0")"
if ! out="$("${DOCKER[@]}" run --rm --network none "$E2E_IMAGE_TAG" python3 -c 'import sys; print(sys.version.split()[0])' 2>&1)"; then
  echo "$out" | tail -n 5 | sed 's/^/  [docker run] /'
  skip "dockerd runs but cannot start a container here (see above)"
fi
log "a container runs: /var/lang/bin/python3 is Python $out"

# --- 3. sam local start-api --------------------------------------------------------------------
# AWS_MAX_ATTEMPTS=1 and an unreachable loopback STS endpoint: SAM's account-id look-up fails
# at once instead of retrying for ~10 s (there is no network in this namespace anyway).
t0="$(now)"
(
  cd "$E2E_ROOT"
  export AWS_MAX_ATTEMPTS=1 AWS_ENDPOINT_URL_STS=http://127.0.0.1:9 TMPDIR="$E2E_WORK/tmp"
  exec bash scripts/sam.sh local start-api --template "$E2E_TEMPLATE" --skip-pull-image \
    --warm-containers EAGER --host 127.0.0.1 --port "$PORT"
) >"$E2E_WORK/sam.log" 2>&1 &
SAM_PID=$!
ready=0
for ((i = 0; i < 1800; i++)); do # up to 180 s (first run: SAM builds its rapid image)
  kill -0 "$SAM_PID" 2>/dev/null || break
  if grep -q "Running on http://127.0.0.1:$PORT" "$E2E_WORK/sam.log" 2>/dev/null &&
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.1
done
if ((!ready)); then
  tail -n 25 "$E2E_WORK/sam.log" | sed 's/^/  [sam] /'
  fail "sam local start-api did not come up on 127.0.0.1:$PORT (log above)"
fi
log "sam local start-api listening on 127.0.0.1:$PORT after $(elapsed "$t0") (image build + EAGER container start)"
log "containers: $("${DOCKER[@]}" ps --format '{{.Image}} {{.Status}}' | paste -sd ';')"

# --- 4. HTTP client ----------------------------------------------------------------------------
client_rc=0
"$PY" "$E2E_ROOT/scripts/sam_local/client.py" "http://127.0.0.1:$PORT" || client_rc=$?

# --- 5. stop SAM (SIGTERM: it removes its containers), check, stop dockerd ---------------------
cp "$E2E_WORK/sam.log" "$E2E_WORK/sam-before-stop.log" # the runtime complains once it is killed
t0="$(now)"
stop_pid "$SAM_PID" "sam" 30
SAM_PID=""
left="$("${DOCKER[@]}" ps -aq | wc -l)"
log "sam stopped with SIGTERM in $(elapsed "$t0"); containers left: $left"
grep -E '^REPORT ' "$E2E_WORK/sam-before-stop.log" | sed 's/\t/  /g; s/^/  [sam] /' || true
errors="$(grep -cE 'Traceback|\[ERROR\]' "$E2E_WORK/sam-before-stop.log" || true)"
t0="$(now)"
stop_pid "$DOCKERD_PID" "dockerd" 30
DOCKERD_PID=""
log "dockerd stopped in $(elapsed "$t0")"

((client_rc == 0)) || fail "the HTTP checks failed (see above; SAM log: .sam-local/last-run/sam.log)"
((errors == 0)) || fail "$errors Traceback/[ERROR] line(s) in the SAM log while serving (.sam-local/last-run/sam.log)"
((left == 0)) || fail "SAM left $left container(s) behind after SIGTERM"
echo "reason: all checks passed"
