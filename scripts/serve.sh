#!/usr/bin/env bash
# Serve the app locally on http://127.0.0.1:8000 (no Docker): bash scripts/serve.sh
source "$(dirname "${BASH_SOURCE[0]}")/python_env.sh"
ensure_venv
cd "$CHARTFN_ROOT"
echo "chartfn on http://127.0.0.1:${PORT:-8000}/sin?amplitude=0.5&frequency=3  (docs: /docs)" >&2
exec "$VENV/bin/python" -m uvicorn chartfn.app:create_app --factory \
  --app-dir function --host 127.0.0.1 --port "${PORT:-8000}" "$@"
