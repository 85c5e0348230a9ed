# Sourced by scripts/serve.sh and scripts/test.sh: finds the Lambda runtime's Python and makes
# .venv with requirements.txt installed. Re-installs only when requirements change.
set -euo pipefail

CHARTFN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$CHARTFN_ROOT/.venv"

# The Lambda runtime is python3.13 (3.12 also works): numpy 2.5 and contourpy 1.4 do not
# install on older Pythons, so never fall back to the machine's default python3.
find_runtime_python() {
  local candidate version
  for candidate in "${CHARTFN_PYTHON:-}" python3.13 python3.12 \
      "$HOME"/.pyenv/versions/3.13*/bin/python3.13 "$HOME"/.pyenv/versions/3.12*/bin/python3.12 \
      /usr/local/bin/python3.13 /usr/local/bin/python3.12 python3; do
    [ -n "$candidate" ] || continue
    version="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || continue
    case "$version" in
      3.13|3.12) command -v "$candidate" 2>/dev/null || echo "$candidate"; return 0 ;;
    esac
  done
  echo "chartfn needs Python 3.13 or 3.12 (the Lambda runtime's), and none was found." >&2
  echo "Install one (e.g. 'pyenv install 3.13') or point CHARTFN_PYTHON at it." >&2
  return 1
}

ensure_venv() {
  local python stamp want
  python="$(find_runtime_python)"
  want="$("$python" -c 'import sys; print(sys.version)' | head -1)|$(cat "$CHARTFN_ROOT/requirements.txt" "$CHARTFN_ROOT/function/requirements.txt" | sha256sum | cut -c1-16)"
  stamp="$VENV/.chartfn-installed"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "Setting up $VENV with $python ($("$python" -V 2>&1))" >&2
  rm -rf "$VENV"
  "$python" -m venv "$VENV"
  # (this machine's pip config names extra local indexes; their "ignored" notes are noise)
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$CHARTFN_ROOT/requirements.txt" 2>&1 | grep -v "^WARNING: Location " >&2 || true
  "$VENV/bin/python" -c "import fastapi, mangum, matplotlib, numpy, pytest, uvicorn" \
    || { echo "installing requirements.txt into $VENV failed" >&2; return 1; }
  echo "$want" > "$stamp"
}
