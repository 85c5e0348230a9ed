#!/usr/bin/env bash
# Run the AWS SAM CLI for this repo, offline-friendly:
#   scripts/sam.sh validate --lint
#   scripts/sam.sh build
#   scripts/sam.sh local generate-event apigateway aws-proxy
# - exports dummy credentials/region and disables telemetry and EC2 metadata look-ups
#   (only for commands that stay local; `deploy` needs real credentials: set
#   CHARTFN_SAM_REAL_AWS=1 to keep your own AWS_* environment instead);
# - puts a Python 3.13 first on PATH (the Lambda runtime; `sam build` checks for python3.13);
# - uses the SAM CLI from $CHARTFN_SAM, else <repo>/.venv-sam (installing
#   aws-sam-cli==$SAM_CLI_VERSION there on first use);
# - runs `sam "$@"` from the repo root.
set -euo pipefail

SAM_CLI_VERSION="${SAM_CLI_VERSION:-1.170.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

export SAM_CLI_TELEMETRY=0
if [[ "${CHARTFN_SAM_REAL_AWS:-0}" != 1 ]]; then
  export AWS_EC2_METADATA_DISABLED=true
  export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
  export AWS_ACCESS_KEY_ID=test
  export AWS_SECRET_ACCESS_KEY=test
  unset AWS_SESSION_TOKEN AWS_PROFILE
fi

source "$ROOT/scripts/python_env.sh"  # find_runtime_python: CHARTFN_PYTHON, PATH, pyenv
if ! PY313="$(find_runtime_python "${TEST_PYTHONS[@]}")"; then
  echo "scripts/sam.sh: the Lambda runtime is python3.13 and 'sam build' needs a python3.13 on PATH." >&2
  exit 1
fi
# the interpreter's own directory, not a pyenv shims directory that would bring every version
PYDIR="$(dirname "$("$PY313" -c 'import sys; print(sys.executable)')")"
export PATH="$PYDIR:$PATH"

if [[ -n "${CHARTFN_SAM:-}" ]]; then
  SAM="$CHARTFN_SAM"
else
  SAM="$ROOT/.venv-sam/bin/sam"
  if [[ ! -x "$SAM" || ! -f "$ROOT/.venv-sam/.installed-$SAM_CLI_VERSION" ]]; then
    # one installer at a time (parallel test runs may all get here); the venv is marked
    # complete only once pip succeeded, so an interrupted install is redone, not trusted
    exec 9>"$ROOT/.venv-sam.lock"
    command -v flock >/dev/null 2>&1 && flock 9
    if [[ ! -f "$ROOT/.venv-sam/.installed-$SAM_CLI_VERSION" ]]; then
      echo "scripts/sam.sh: installing aws-sam-cli==$SAM_CLI_VERSION into $ROOT/.venv-sam ..." >&2
      rm -rf "$ROOT/.venv-sam"
      "$PYDIR/python3.13" -m venv "$ROOT/.venv-sam"
      "$ROOT/.venv-sam/bin/python" -m pip install --quiet --disable-pip-version-check \
        "aws-sam-cli==$SAM_CLI_VERSION" 2>&1 | grep -v '^WARNING: Location ' >&2 || true
      [[ -x "$SAM" ]] || { echo "scripts/sam.sh: installing aws-sam-cli failed" >&2; exit 1; }
      touch "$ROOT/.venv-sam/.installed-$SAM_CLI_VERSION"
    fi
    exec 9>&-
  fi
fi

cd "$ROOT"
exec "$SAM" "$@"
