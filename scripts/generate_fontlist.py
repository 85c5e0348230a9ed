"""Write the font list that ``chartfn.drawing.matplotlib_runtime`` loads instead of scanning fonts.

Run after changing the matplotlib pin:

    python scripts/generate_fontlist.py            # rewrite the bundled list
    python scripts/generate_fontlist.py --check    # exit 1 if it is stale

Only the fonts that ship inside matplotlib are listed: their paths are stored relative to
matplotlib's data directory, so the list is valid in a venv, a SAM build and on Lambda alike,
and rendering does not depend on what fonts the build machine happens to have.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "function"))

import matplotlib
from matplotlib import font_manager

from chartfn.drawing.matplotlib_runtime import MATPLOTLIB_DATA_DIR


def build_fontlist() -> str:
    """The bundled font list as JSON text, matplotlib's own fonts only."""
    manager = font_manager.FontManager()
    data_path = Path(matplotlib.get_data_path()).resolve()

    def ships_with_matplotlib(entry: font_manager.FontEntry) -> bool:
        return Path(entry.fname).resolve().is_relative_to(data_path)

    manager.ttflist = sorted(filter(ships_with_matplotlib, manager.ttflist), key=_entry_key)
    manager.afmlist = sorted(filter(ships_with_matplotlib, manager.afmlist), key=_entry_key)
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch, "fontlist.json")
        font_manager.json_dump(manager, target)
        return json.dumps(json.loads(target.read_text()), indent=1, sort_keys=True) + "\n"


def _entry_key(entry: font_manager.FontEntry) -> tuple[str, str, str]:
    return (entry.fname, entry.name, entry.style)


def fontlist_path() -> Path:
    return MATPLOTLIB_DATA_DIR / f"fontlist-v{font_manager.FontManager.__version__}.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the bundled list is stale")
    args = parser.parse_args()
    expected = build_fontlist()
    path = fontlist_path()
    if args.check:
        current = path.read_text() if path.exists() else ""
        if current != expected:
            print(f"{path} is stale: run python scripts/generate_fontlist.py", file=sys.stderr)
            return 1
        print(f"{path} is current")
        return 0
    for stale in MATPLOTLIB_DATA_DIR.glob("fontlist-v*.json"):
        stale.unlink()
    path.write_text(expected)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
