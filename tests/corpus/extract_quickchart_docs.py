"""Extract every Chart.js config from QuickChart's documentation into ``quickchart_docs.json``.

Usage (the docs repository as a bare git directory, e.g. ``git clone --bare`` of
typpo/quickchart-docs):

    .venv/bin/python tests/corpus/extract_quickchart_docs.py \
        --git-dir PATH/TO/quickchart-docs.git [--out tests/corpus/quickchart_docs.json]

Three places in the docs hold a config, and all three are read:

- ``<ChartExample config={`...`} version="3" width={300} .../>`` (the docs' live examples;
  the config is a template literal, so ``\\` \\$ \\\\`` are unescaped as JS would);
- fenced code blocks whose whole body is an object literal with a ``type`` key;
- example URLs ``https://quickchart.io/chart?...c=...`` with their ``w``/``h``/``v``/``bkg``,
  percent-encoded or raw (a raw one is cut at its balanced closing brace).

Left out, and counted in the output's ``skipped``: text that is not a whole config (an elided
``// ...`` or ``{...}`` fragment, a template with ``${...}`` or ``**bold**`` markup inside a URL).
A config that appears several times is kept once, with every place it appears in
``also_in``. The config text is kept exactly as written.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any

_EXAMPLE = re.compile(
    r"<ChartExample\b(?P<props>.*?)config=\{`(?P<config>.*?)(?<!\\)`\}(?P<rest>.*?)/>", re.S
)
_PROP = re.compile(
    r"\b(?P<name>width|height|version|backgroundColor)=(?:\{(?P<num>[^}]*)\}|\"(?P<str>[^\"]*)\")"
)
_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```", re.S | re.M)
_URL = re.compile(r"https?://quickchart\.io/chart\?(?P<query>[^\s\"<>`]+)")
_RAW_URL = re.compile(
    r"https?://quickchart\.io/chart\?(?P<head>(?:\w+=[^\s&{]*&)*)c=(?:\*\*)?(?P<config>\{)"
)
_HEADER = {
    "source": "https://github.com/typpo/quickchart-docs",
    "licence": (
        "Quoted from QuickChart's documentation (typpo/quickchart-docs, by Ian Webster) as test "
        "data; that repository ships no licence file of its own. Configs are kept exactly as "
        "written so that chartfn is tested on what QuickChart's users copy."
    ),
}


def _git(git_dir: str, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True
    ).stdout


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _unescape_template(text: str) -> str:
    return re.sub(r"\\([`$\\])", r"\1", text)


def _props(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for match in _PROP.finditer(text):
        value = match.group("num") if match.group("num") is not None else match.group("str")
        out[match.group("name")] = int(value) if value.isdigit() else value.strip("'\"")
    return out


def _url_params(query: dict[str, str]) -> dict[str, Any]:
    names = (("w", "width"), ("h", "height"), ("v", "version"), ("bkg", "backgroundColor"))
    return {
        name: int(query[key]) if query[key].isdigit() else query[key]
        for key, name in names
        if key in query
    }


def _balanced(text: str, start: int) -> str | None:
    """The object literal starting at ``text[start] == '{'``, up to its matching brace."""
    depth = 0
    quote: str | None = None
    i = start
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = None
        elif char in "'\"`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        elif char == "\n" and text[i + 1 : i + 2] == "\n":
            return None  # a paragraph break: the URL ended without closing
        i += 1
    return None


def _fragment(config: str) -> str | None:
    """Why ``config`` is not a whole config, or None."""
    if "**" in config:
        return "markdown emphasis inside the URL"
    if re.search(r"//\s*\.\.\.|\{\s*\.\.\.\s*\}|\[\s*\.\.\.\s*\]|^\s*\.\.\.\s*$", config, re.M):
        return "elided fragment (...)"
    if "${" in config and "`" not in config:
        return "template placeholder ${...}"
    return None


def extract(git_dir: str) -> dict[str, Any]:
    commit = _git(git_dir, "rev-parse", "HEAD").strip()
    files = [
        name
        for name in _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").split("\n")
        if name.startswith("documentation/") and name.endswith((".md", ".mdx"))
    ]
    found: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []

    def add(kind: str, path: str, line: int, config: str, params: dict[str, Any]) -> None:
        why = _fragment(config)
        if why is not None:
            skipped.append({"source": f"{path}:{line}", "kind": kind, "why": why})
            return
        found.append({"kind": kind, "source": f"{path}:{line}", "config": config, **params})

    for path in sorted(files):
        text = _git(git_dir, "show", f"HEAD:{path}")
        for match in _EXAMPLE.finditer(text):
            params = _props(match.group("props") + match.group("rest"))
            add(
                "example",
                path,
                _line(text, match.start()),
                _unescape_template(match.group("config")),
                params,
            )
        for match in _FENCE.finditer(text):
            body = match.group("body").strip()
            if "apex-charts" in path:  # ApexCharts configs, for another endpoint
                continue
            if body.startswith("{") and re.search(r"^\s*['\"]?type['\"]?\s*:", body, re.M):
                add("code-block", path, _line(text, match.start()), body, {})
        for match in _URL.finditer(text):
            raw = dict(part.partition("=")[::2] for part in match.group("query").split("&"))
            encoded = raw.get("c", raw.get("chart", ""))
            if not encoded.startswith("%7B"):
                continue  # raw configs are read below, by brace matching
            # `+` is a space, as QuickChart reads it; encodeURIComponent leaves `()'` as they
            # are, so a markdown link's `)` may follow: the config ends at its closing brace
            config = _balanced(urllib.parse.unquote_plus(encoded), 0)
            if config is None:
                skipped.append(
                    {
                        "source": f"{path}:{_line(text, match.start())}",
                        "kind": "url",
                        "why": "no closing brace",
                    }
                )
                continue
            url_params = _url_params({k: urllib.parse.unquote_plus(v) for k, v in raw.items()})
            add("url", path, _line(text, match.start()), config, url_params)
        for match in _RAW_URL.finditer(text):
            config = _balanced(text, match.start("config"))
            if config is None:
                skipped.append(
                    {
                        "source": f"{path}:{_line(text, match.start())}",
                        "kind": "url",
                        "why": "no closing brace",
                    }
                )
                continue
            url_params = _url_params(dict(urllib.parse.parse_qsl(match.group("head"))))
            if ":" not in config:  # {chart_config}, {...}: a placeholder in client code
                skipped.append(
                    {
                        "source": f"{path}:{_line(text, match.start())}",
                        "kind": "url",
                        "why": "placeholder " + config,
                    }
                )
                continue
            # what the server receives: `%27` is a quote and `+` a space, as QuickChart reads it
            config = urllib.parse.unquote_plus(config)
            add("url", path, _line(text, match.start()), config, url_params)

    entries: list[dict[str, Any]] = []
    by_text: dict[str, dict[str, Any]] = {}
    for item in found:
        same = by_text.get(item["config"])
        if same is not None:
            same.setdefault("also_in", []).append(item["source"])
            continue
        by_text[item["config"]] = item
        entries.append(item)
    names: dict[str, int] = {}
    for item in entries:
        stem = Path(item["source"].split(":")[0]).stem
        names[stem] = names.get(stem, 0) + 1
        item["name"] = f"{stem}-{names[stem]}"
    ordered = [
        {
            key: item[key]
            for key in (
                "name",
                "kind",
                "source",
                "also_in",
                "version",
                "width",
                "height",
                "backgroundColor",
                "config",
            )
            if key in item
        }
        for item in entries
    ]
    return {**_HEADER, "commit": commit, "examples": ordered, "skipped": skipped}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--git-dir", required=True)
    parser.add_argument("--out", default=str(Path(__file__).with_name("quickchart_docs.json")))
    args = parser.parse_args()
    corpus = extract(args.git_dir)
    Path(args.out).write_text(
        json.dumps(corpus, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(corpus['examples'])} configs, {len(corpus['skipped'])} skipped -> {args.out}")


if __name__ == "__main__":
    main()
