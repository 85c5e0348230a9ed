#!/usr/bin/env bash
# Run every check, setting up what it needs on a fresh machine: bash scripts/test.sh [pytest args]
# (.venv with requirements.txt, the SAM CLI in .venv-sam for the template checks)
source "$(dirname "${BASH_SOURCE[0]}")/python_env.sh"
# 3.13 only: the build test compiles and runs the artifact for the python3.13 runtime
ensure_venv "${TEST_PYTHONS[@]}"
cd "$CHARTFN_ROOT"

# the runtime's Python first on PATH: the build test compiles .pyc for it and `sam build` wants it
RUNTIME_PYTHON="$(find_runtime_python "${TEST_PYTHONS[@]}")"
PATH="$(dirname "$(command -v "$RUNTIME_PYTHON")"):$PATH"
export PATH
# the template tests run `sam validate --lint`: install the SAM CLI into .venv-sam on first use
bash "$CHARTFN_ROOT/scripts/sam.sh" --version >/dev/null
export CHARTFN_SAM="${CHARTFN_SAM:-$CHARTFN_ROOT/.venv-sam/bin/sam}"

bash "$CHARTFN_ROOT/scripts/install_browser.sh"
# the real quickchart-js client for tests/integration/test_quickchart_clients.py, from its lockfile
npm ci --prefix "$CHARTFN_ROOT/tests/clients/node" --no-audit --no-fund --loglevel=error
echo "== ruff" >&2
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
echo "== pytest" >&2
exec "$VENV/bin/python" -m pytest "$@"
