# Sourced by scripts/serve.sh and scripts/test.sh: finds the Lambda runtime's Python and makes
# .venv with requirements.txt installed. Re-installs only when requirements change.
set -euo pipefail

CHARTFN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$CHARTFN_ROOT/.venv"

# The Lambda runtime is python3.13. Serving also works on 3.12; the tests need 3.13, because the
# build test compiles the artifact's .pyc for the runtime and runs its cp313 wheels. numpy 2.5
# and contourpy 1.4 do not install on older Pythons, so never fall back to the machine's python3.
SERVE_PYTHONS=(3.13 3.12)
TEST_PYTHONS=(3.13)

# Where pyenv keeps its versions: $PYENV_ROOT, what `pyenv root` says (when pyenv is on PATH),
# then pyenv's default. A CI user or a container often has pyenv outside its HOME.
pyenv_roots() {
  if [ -n "${PYENV_ROOT:-}" ]; then echo "$PYENV_ROOT"; fi
  if command -v pyenv >/dev/null 2>&1; then pyenv root 2>/dev/null || true; fi
  if [ -n "${HOME:-}" ]; then echo "$HOME/.pyenv"; fi
}

# find_runtime_python [X.Y ...]: prints the first interpreter of one of these versions (default:
# those that can serve), looking at CHARTFN_PYTHON, PATH, pyenv's versions and /usr/local/bin.
find_runtime_python() {
  if [ $# -eq 0 ]; then set -- "${SERVE_PYTHONS[@]}"; fi
  local candidate version root wanted looked="" wanted_list="$*"
  local -a candidates=("${CHARTFN_PYTHON:-}")
  for wanted in "$@"; do candidates+=("python$wanted"); done
  while IFS= read -r root; do
    [ -n "$root" ] || continue
    case "$looked " in *" $root/versions "*) continue ;; esac  # named twice
    looked+=" $root/versions"
    for wanted in "$@"; do candidates+=("$root/versions/$wanted"*/bin/"python$wanted"); done
  done < <(pyenv_roots)
  for wanted in "$@"; do candidates+=("/usr/local/bin/python$wanted"); done
  candidates+=(python3)
  for candidate in "${candidates[@]}"; do
    [ -n "$candidate" ] || continue
    version="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || continue
    for wanted in "$@"; do
      if [ "$version" = "$wanted" ]; then
        command -v "$candidate" 2>/dev/null || echo "$candidate"
        return 0
      fi
    done
  done
  echo "chartfn needs Python ${wanted_list// / or } here (the Lambda runtime is 3.13), and none was found" >&2
  echo "(looked at CHARTFN_PYTHON, PATH,${looked:- no pyenv} and /usr/local/bin)." >&2
  echo "Install one (e.g. 'pyenv install $1') or point CHARTFN_PYTHON at it." >&2
  return 1
}

# ensure_venv [X.Y ...]: .venv made with find_runtime_python's choice among these versions
ensure_venv() {
  local python stamp want
  python="$(find_runtime_python "$@")"
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
