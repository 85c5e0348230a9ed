#!/usr/bin/env bash
# Build a stand-in for the Lambda Python base image (public.ecr.aws/lambda/python:3.13-x86_64)
# without any container registry: a Debian 12 (bookworm) debootstrap rootfs with
#   /var/lang            a copy of a CPython 3.13 built for Debian 12's glibc (pyenv's)
#   /var/runtime         awslambdaric from PyPI (pip install --target)
#   /var/runtime/bootstrap   `python3 -m awslambdaric $_HANDLER`, what the RIE executes
# and write it as a plain rootfs tarball for `docker import` (run_in_netns.sh imports it with
# the official image's ENV/WORKDIR and tags it). SAM then builds its own `...:3.13-rapid-x86_64`
# image FROM this one (it ADDs its aws-lambda-rie to /var/rapid and needs /bin/sh, mv, chmod).
#
#   scripts/sam_local/build_image.sh OUT.tar PYTHON_PREFIX
#
# Needs root (debootstrap, chroot), debootstrap, and a Debian mirror (DEBIAN_MIRROR, default
# the one in /etc/apt/sources.list*, else http://deb.debian.org/debian) plus PyPI.
set -euo pipefail

OUT="${1:?usage: build_image.sh OUT.tar PYTHON_PREFIX}"
PYPREFIX="${2:?usage: build_image.sh OUT.tar PYTHON_PREFIX}"
AWSLAMBDARIC_VERSION="${AWSLAMBDARIC_VERSION:-4.2.2}"
SUITE=bookworm

if [[ -z "${DEBIAN_MIRROR:-}" ]]; then
  DEBIAN_MIRROR="$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | head -n1 | tr -d ' ')" || true
  DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
fi

PY="$PYPREFIX/bin/python3.13"
[[ -x "$PY" ]] || { echo "build_image.sh: $PY not found" >&2; exit 2; }

WORK="$(mktemp -d /tmp/chartfn-lambda-rootfs.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
R="$WORK/rootfs"

# Shared libraries the runtime's Python and its stdlib extension modules link to (`ldd` on
# bin/python3.13 and lib-dynload/*.so, minus Tk/X11); libstdc++6/libgcc-s1 (which manylinux
# wheels may use from the system) come with minbase's apt.
PKGS=libssl3,libffi8,libsqlite3-0,libexpat1,libreadline8,libncursesw6,libbz2-1.0,liblzma5,libuuid1,zlib1g,ca-certificates,tzdata

echo "build_image: debootstrap $SUITE (minbase) from $DEBIAN_MIRROR ..."
debootstrap --variant=minbase --include="$PKGS" "$SUITE" "$R" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 || {
  tail -n 20 "$WORK/debootstrap.log" >&2
  echo "build_image.sh: debootstrap failed" >&2
  exit 3
}

echo "build_image: copying $PYPREFIX to /var/lang (no tests, Tk/IDLE, static lib or site-packages) ..."
mkdir -p "$R/var/lang" "$R/var/runtime" "$R/var/task" "$R/opt"
tar -C "$PYPREFIX" \
  --exclude='./lib/python3.13/test' --exclude='./lib/python3.13/idlelib' \
  --exclude='./lib/python3.13/tkinter' --exclude='./lib/python3.13/turtledemo' \
  --exclude='./lib/python3.13/lib-dynload/_tkinter*' \
  --exclude='./lib/python3.13/config-3.13-*/libpython3.13.a' \
  --exclude='./lib/python3.13/site-packages/*' \
  -cf - . | tar -C "$R/var/lang" -xf -

echo "build_image: awslambdaric==$AWSLAMBDARIC_VERSION into /var/runtime ..."
"$PY" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-compile \
  --only-binary=:all: --target "$R/var/runtime" "awslambdaric==$AWSLAMBDARIC_VERSION" 2>&1 |
  { grep -v "^WARNING: Location '" || true; } >&2
[[ -f "$R/var/runtime/awslambdaric/__init__.py" ]] || { echo "build_image.sh: pip install awslambdaric failed" >&2; exit 3; }

# Like the official image: the RIE runs /var/runtime/bootstrap, which starts the runtime
# interface client with the handler SAM passes (AWS_LAMBDA_FUNCTION_HANDLER -> _HANDLER).
cat >"$R/var/runtime/bootstrap" <<'EOF'
#!/bin/sh
export AWS_EXECUTION_ENV=AWS_Lambda_python3.13
export PYTHONPATH="/var/runtime${PYTHONPATH:+:$PYTHONPATH}"
exec /var/lang/bin/python3.13 -m awslambdaric "${_HANDLER:-$AWS_LAMBDA_FUNCTION_HANDLER}"
EOF
chmod 755 "$R/var/runtime/bootstrap"

# Trim what a Lambda image does not carry.
rm -rf "$R"/var/cache/apt/* "$R"/var/lib/apt/lists/* "$R"/usr/share/doc/* "$R"/usr/share/man/* \
  "$R"/usr/share/info/* "$R"/usr/share/locale/*

echo "build_image: checking the runtime inside the rootfs (chroot) ..."
chroot "$R" /usr/bin/env -i LD_LIBRARY_PATH=/var/lang/lib PYTHONPATH=/var/runtime PYTHONDONTWRITEBYTECODE=1 \
  /var/lang/bin/python3.13 -c '
import bz2, ctypes, decimal, hashlib, json, lzma, sqlite3, ssl, sys, uuid, zlib
import awslambdaric
print("  python", sys.version.split()[0], "prefix", sys.prefix, "awslambdaric", awslambdaric.__version__)
'

mkdir -p "$(dirname "$OUT")"
tar -C "$R" --numeric-owner -cf "$OUT.partial" .
mv "$OUT.partial" "$OUT"
echo "build_image: wrote $OUT ($(du -h "$OUT" | cut -f1))"
