"""Pairs of images: the real Chart.js (render.mjs's output) beside chartfn, for every corpus config.

    (cd benchmarks/fidelity && npm_config_nodedir=/usr npm ci && node render.mjs --out out)
    .venv/bin/python benchmarks/fidelity/side_by_side.py --out benchmarks/fidelity/out

chartfn renders in process (the app over httpx, cache off) at the size render.mjs used, with
devicePixelRatio 1; each pair goes to ``<name>.pair.png`` (Chart.js left, chartfn right, the
status and warnings below), and ``index.md`` lists them. Not part of the test command.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import sys
import textwrap
from pathlib import Path
from urllib.parse import quote, unquote

import httpx
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "function"))

from chartfn.app import create_app  # noqa: E402
from chartfn.settings import Settings  # noqa: E402

CORPORA = ("quickchart_docs.json", "edge_cases.json")
CAPTION_LINES = 4


def _blank(width: int, height: int, text: str) -> Image.Image:
    image = Image.new("RGB", (width, height), "#eeeeee")
    ImageDraw.Draw(image).multiline_text((8, 8), "\n".join(textwrap.wrap(text, 60)), fill="black")
    return image


def _on_white(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, "white")
    return Image.alpha_composite(white, rgba).convert("RGB")


async def _chartfn(client: httpx.AsyncClient, example: dict, width: int, height: int) -> tuple:
    parameters = {"c": example["config"], "w": width, "h": height, "devicePixelRatio": 1}
    for key, name in (("version", "v"), ("backgroundColor", "bkg")):
        if key in example:
            parameters[name] = example[key]
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in parameters.items())
    response = await client.get(f"/chart?{query}")
    note = unquote(
        response.headers.get("x-quickchart-error") or response.headers.get("x-chart-warning", "")
    )
    return response.status_code, _on_white(response.content), note


def _pair(left: Image.Image, right: Image.Image, caption: str) -> Image.Image:
    width, height = left.size
    band = 14 * CAPTION_LINES + 8
    pair = Image.new("RGB", (2 * width + 10, height + band), "white")
    pair.paste(left, (0, 0))
    pair.paste(right.resize(left.size), (width + 10, 0))
    lines = textwrap.wrap(caption, 2 * width // 6)[:CAPTION_LINES]
    ImageDraw.Draw(pair).multiline_text((4, height + 4), "\n".join(lines), fill="black")
    return pair


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(Path(__file__).with_name("out")))
    parser.add_argument("--width", type=int, default=500)
    parser.add_argument("--height", type=int, default=300)
    args = parser.parse_args()
    out = Path(args.out)
    chartjs = json.loads((out / "chartjs.json").read_text(encoding="utf-8"))
    index = ["| example | Chart.js | chartfn | note |", "| --- | --- | --- | --- |"]
    transport = httpx.ASGITransport(app=create_app(Settings(cache_max_bytes=0)))
    async with httpx.AsyncClient(transport=transport, base_url="http://fidelity") as client:
        for corpus in CORPORA:
            examples = json.loads((REPO / "tests" / "corpus" / corpus).read_text("utf-8"))
            for example in examples["examples"]:
                name = example["name"]
                status, ours, note = await _chartfn(client, example, args.width, args.height)
                real = chartjs.get(name, "not rendered")
                left = (
                    _on_white((out / f"{name}.chartjs.png").read_bytes())
                    if real == "ok"
                    else _blank(args.width, args.height, f"Chart.js: {real}")
                )
                caption = f"{name} ({example.get('source', 'edge case')}): chartfn {status} {note}"
                _pair(left, ours, caption).save(out / f"{name}.pair.png")
                index.append(f"| {name} | {real[:40]} | {status} | {note[:80]} |")
    (out / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"{len(index) - 2} pairs -> {out}")


if __name__ == "__main__":
    asyncio.run(main())
