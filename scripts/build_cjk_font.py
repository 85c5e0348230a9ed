"""Regenerate the CJK fallback font bundled in ``function/chartfn/drawing/fonts`` (dev time only).

DejaVu Sans, matplotlib's own font, draws Latin, Greek and Cyrillic but no Han, kana or hangul,
which come out as boxes (tofu). The service ships a subset of WenQuanYi Micro Hei as a per-glyph
fallback behind DejaVu Sans (see ``chartfn.drawing.matplotlib_runtime`` and the bundled
matplotlibrc).

Source: face 0 of ``wqy-microhei.ttc`` from Debian's ``fonts-wqy-microhei`` package
(0.2.0-beta-3.1 in Debian 12; upstream wqy-microhei 0.2.0-beta, derived from Google's Droid Sans
Fallback), licensed Apache-2.0 (or GPL-3+ with font exception; we take Apache-2.0). Why this
font: TrueType (glyf) outlines, which matplotlib's PDF/PS backends can embed (Noto Sans CJK is
CFF); and unlike Droid Sans Fallback it maps all 11,172 precomposed hangul syllables.

    apt-get install fonts-wqy-microhei
    python scripts/build_cjk_font.py            # rewrite the bundled font
    python scripts/build_cjk_font.py --check    # exit 1 if the bundled font differs

Kept: every code point of the source in the CJK ranges below (all 20,932 Han characters of the
CJK Unified Ideographs block it covers, simplified and traditional alike, all kana, all hangul
syllables, CJK punctuation, full-width forms); dropped: Latin, Greek and Cyrillic (DejaVu Sans
draws those first), TrueType hinting (Agg auto-hints), OpenType layout and vertical metrics.
The output is byte-for-byte reproducible from the same source file and fontTools version.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SOURCE_PACKAGE = "fonts-wqy-microhei"
# sha256 of the Debian 12 file the bundled subset was cut from
SOURCE_SHA256 = "2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"
SOURCE_FACE = 0  # "WenQuanYi Micro Hei"; face 1 is the Mono variant
TARGET = Path(__file__).resolve().parents[1] / "function/chartfn/drawing/fonts/wqy-microhei-cjk.ttf"

CJK_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x2E80, 0x2FDF, "CJK radicals, Kangxi radicals"),
    (0x3000, 0x303F, "CJK symbols and punctuation"),
    (0x3040, 0x30FF, "hiragana, katakana"),
    (0x3100, 0x312F, "bopomofo"),
    (0x3130, 0x318F, "hangul compatibility jamo"),
    (0x31F0, 0x31FF, "katakana phonetic extensions"),
    (0x3200, 0x33FF, "enclosed CJK letters, CJK compatibility"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xAC00, 0xD7AF, "hangul syllables"),
    (0xF900, 0xFAFF, "CJK compatibility ideographs"),
    (0xFE30, 0xFE4F, "CJK compatibility forms"),
    (0xFF00, 0xFFEF, "half-width and full-width forms"),
)


def build_font(source: Path = SOURCE) -> bytes:
    """The subset font file's bytes."""
    font = TTCollection(str(source)).fonts[SOURCE_FACE]
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]  # keep copyright, licence and family names
    options.name_languages = ["*"]
    # No OpenType layout: its substitutions (vertical forms, jamo composition) would pull in
    # ~14k glyphs that no code point maps to; each character maps to one glyph, as in the cmap.
    options.layout_features = []
    options.drop_tables += ["FFTM", "vhea", "vmtx", "GSUB", "GPOS", "GDEF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high, _ in CJK_RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    # keep head.modified from the source, so the same input gives the same bytes
    font.recalcTimestamp = False
    font.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the bundled font differs")
    parser.add_argument("--source", type=Path, default=SOURCE, help="path to wqy-microhei.ttc")
    args = parser.parse_args()
    if not args.source.exists():
        print(f"{args.source} not found: apt-get install {SOURCE_PACKAGE}", file=sys.stderr)
        return 2
    digest = hashlib.sha256(args.source.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        print(f"note: {args.source} is not the recorded source (sha256 {digest})", file=sys.stderr)
    data = build_font(args.source)
    if args.check:
        if not TARGET.exists() or TARGET.read_bytes() != data:
            print(f"{TARGET} differs: run python scripts/build_cjk_font.py", file=sys.stderr)
            return 1
        print(f"{TARGET} is current")
        return 0
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
