#!/usr/bin/env python3
"""Smoke-check a built Lambda artifact (``sam build`` / ``make build-ChartFunction``).

Proves that what function/Makefile stripped is not needed by a running service:
imports the runtime stack from the artifact alone, saves PNG/JPEG/WebP with Pillow,
renders a figure with text and mathtext to PNG, SVG, PDF (Type 3 and Type 42 fonts,
both subset with fontTools), PS and EPS, checks pyplot falls back to Agg without a
display, serves a PNG through FastAPI + Mangum, imports every extension module the
artifact ships, and (for a compiled artifact) checks every imported module has its
.pyc so a cold start on a read-only /var/task compiles nothing.

Usage:
    python artifact_smoke.py --artifact .aws-sam/build/ChartFunction [--python python3.13]
        re-runs itself under the runtime Python in a scrubbed environment
        (env -i PATH=/usr/bin:/bin HOME=<empty tmp dir> PYTHONPATH=<artifact>)
    PYTHONPATH=<artifact> python3.13 artifact_smoke.py
        runs the checks in this interpreter (the artifact is the first PYTHONPATH entry)

Exit status is non-zero on any failure. Nothing is written to disk except matplotlib's
cache inside a temporary MPLCONFIGDIR/HOME that is removed on exit; bytecode writing is off.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # never leave __pycache__ behind, neither here nor in the artifact

import argparse
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

THIRD_PARTY = [
    "numpy",
    "matplotlib",
    "PIL",
    "fontTools",
    "kiwisolver",
    "contourpy",
    "cycler",
    "pyparsing",
    "dateutil",
    "packaging",
    "fastapi",
    "starlette",
    "pydantic",
    "pydantic_core",
    "anyio",
    "mangum",
    "typing_extensions",
]


REPO_ROOT = Path(__file__).resolve().parents[2]


def find_runtime_python(explicit: str | None) -> str:
    """``--python``, else the python3.13 that scripts/python_env.sh finds (CHARTFN_PYTHON, PATH,
    pyenv wherever it lives), else this interpreter if it is 3.13; outside any venv either way,
    since a venv's interpreter would lend the artifact its site-packages."""
    found = explicit or _python_env_finds("3.13")
    if not found and sys.version_info[:2] == (3, 13):
        found = sys.executable
    if not found:
        sys.exit("artifact_smoke: no Python 3.13 found; pass --python /path/to/python3.13")
    return _outside_venv(found)


def _python_env_finds(version: str) -> str | None:
    script = REPO_ROOT / "scripts" / "python_env.sh"
    bash = shutil.which("bash")
    if bash is None or not script.is_file():
        return None
    result = subprocess.run(
        [bash, "-c", f'source "$0"; find_runtime_python {version}', str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def _outside_venv(python: str) -> str:
    probe = "import sys; print(sys.base_prefix); print('%d.%d' % sys.version_info[:2])"
    prefix, version = subprocess.check_output([python, "-c", probe], text=True).splitlines()
    base = Path(prefix) / "bin" / f"python{version}"
    return str(base) if base.is_file() else python


def reexec(artifact: Path, python: str) -> int:
    artifact = artifact.resolve()
    if not (artifact / "numpy").is_dir():
        print(
            f"artifact_smoke: {artifact} does not look like a built artifact (no numpy/)",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="chartfn-smoke-home-") as home:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "PYTHONPATH": str(artifact),
            "LANG": "C.UTF-8",
            "CHARTFN_SMOKE_ARTIFACT": str(artifact),
        }
        # -s: no user site-packages; -B: no bytecode writes. Not -I/-E: they drop PYTHONPATH.
        return subprocess.call([python, "-s", "-B", str(Path(__file__).resolve())], env=env)


class Checker:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.passed = 0

    def check(self, name: str, fn) -> None:
        try:
            detail = fn()
        except Exception as exc:
            self.failures.append(name)
            print(f"FAIL {name}: {type(exc).__name__}: {exc}")
        else:
            self.passed += 1
            print(f"ok   {name}" + (f" ({detail})" if detail else ""))


def run_checks() -> int:
    artifact = Path(
        os.environ.get("CHARTFN_SMOKE_ARTIFACT")
        or os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
        or "."
    ).resolve()
    print(f"artifact: {artifact}")
    print(f"python:   {sys.executable} {sys.version.split()[0]}")
    mpl_tmp = tempfile.TemporaryDirectory(prefix="chartfn-smoke-mpl-")
    os.environ["MPLCONFIGDIR"] = mpl_tmp.name  # like chartfn on Lambda: a writable tmp dir
    os.environ.pop("MPLBACKEND", None)
    os.environ.pop("DISPLAY", None)
    os.environ.pop("WAYLAND_DISPLAY", None)
    c = Checker()

    def imports():
        import importlib

        outside = []
        for name in THIRD_PARTY:
            mod = importlib.import_module(name)
            if artifact not in Path(mod.__file__).resolve().parents:
                outside.append(f"{name} from {mod.__file__}")
        if outside:
            raise AssertionError("not loaded from the artifact: " + "; ".join(outside))
        return f"{len(THIRD_PARTY)} packages, all from the artifact"

    def backends():
        import matplotlib.figure  # noqa: F401
        from matplotlib.backends import backend_agg, backend_pdf, backend_ps, backend_svg  # noqa: F401

        return "agg svg pdf ps"

    def pillow():
        from PIL import Image, features

        img = Image.new("RGB", (32, 24), (200, 30, 30))
        sizes = []
        for fmt in ("PNG", "JPEG", "WEBP"):
            buf = io.BytesIO()
            img.save(buf, format=fmt)
            buf.seek(0)
            back = Image.open(buf)
            back.load()
            assert back.format == fmt and back.size == (32, 24), (fmt, back.format, back.size)
            sizes.append(f"{fmt.lower()} {buf.getbuffer().nbytes}B")
        assert features.check("freetype2"), "Pillow built without FreeType"
        return ", ".join(sizes)

    def figure():
        import numpy as np
        from matplotlib.figure import Figure

        magic = {
            "png": b"\x89PNG\r\n\x1a\n",
            "svg": b"<?xml",
            "pdf": b"%PDF-",
            "ps": b"%!PS-Adobe",
            "eps": b"%!PS-Adobe",
        }
        x = np.linspace(0, 2 * np.pi, 400)
        fig = Figure(figsize=(4, 3), dpi=100, layout="constrained")  # constrained uses kiwisolver
        ax = fig.subplots()
        ax.plot(x, 2 * np.sin(3 * x), label=r"$2\,\sin(3x)$")
        ax.contour(np.outer(np.sin(x[:40]), np.cos(x[:40])), linewidths=0.5)  # contourpy
        ax.set_title("chartfn smoke: äöü – µ")
        ax.legend(framealpha=1)  # PS has no transparency; keep its output warning-free
        out = []
        for fmt in magic:
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt)
            data = buf.getvalue()
            assert data.startswith(magic[fmt]), (fmt, data[:16])
            out.append(f"{fmt} {len(data)}B")
        return ", ".join(out)

    def pdf_type42():
        import matplotlib
        from matplotlib.figure import Figure

        with matplotlib.rc_context({"pdf.fonttype": 42, "ps.fonttype": 42}):
            fig = Figure(figsize=(2, 1))
            fig.text(0.1, 0.5, "Type 42 subset via fontTools")
            for fmt, magic in (("pdf", b"%PDF-"), ("ps", b"%!PS-Adobe")):
                buf = io.BytesIO()
                fig.savefig(buf, format=fmt)
                assert buf.getvalue().startswith(magic), fmt
        return "pdf + ps"

    def pyplot_headless():
        import matplotlib
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots()
        ax.plot([0, 1], [1, 0])
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        backend = matplotlib.get_backend().lower()
        assert backend == "agg", backend
        return f"auto backend resolved to {backend}"

    def fastapi_mangum():
        from fastapi import FastAPI
        from fastapi.responses import Response
        from mangum import Mangum
        from matplotlib.figure import Figure

        app = FastAPI()

        @app.get("/sin")
        def sin(amplitude: float = 1.0, frequency: float = 1.0) -> Response:
            import numpy as np

            fig = Figure(figsize=(2, 1))
            x = np.linspace(0, 1, 50)
            fig.subplots().plot(x, amplitude * np.sin(2 * np.pi * frequency * x))
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            return Response(buf.getvalue(), media_type="image/png")

        event = {
            "resource": "/{proxy+}",
            "path": "/sin",
            "httpMethod": "GET",
            "headers": {
                "Host": "abc123.execute-api.us-east-1.amazonaws.com",
                "Accept": "image/png",
            },
            "multiValueHeaders": {
                "Host": ["abc123.execute-api.us-east-1.amazonaws.com"],
                "Accept": ["image/png"],
            },
            "queryStringParameters": {"amplitude": "2", "frequency": "3"},
            "multiValueQueryStringParameters": {"amplitude": ["2"], "frequency": ["3"]},
            "pathParameters": {"proxy": "sin"},
            "stageVariables": None,
            "requestContext": {
                "resourcePath": "/{proxy+}",
                "httpMethod": "GET",
                "stage": "Prod",
                "path": "/Prod/sin",
                "requestId": "smoke",
                "identity": {"sourceIp": "127.0.0.1"},
            },
            "body": None,
            "isBase64Encoded": False,
        }

        class Ctx:
            aws_request_id = "smoke"

        resp = Mangum(app, lifespan="off")(event, Ctx())
        assert resp["statusCode"] == 200, resp.get("body", "")[:200]
        assert resp["isBase64Encoded"] is True, "PNG must go back base64-encoded"
        import base64

        assert base64.b64decode(resp["body"]).startswith(b"\x89PNG"), "body is not a PNG"
        return "REST v1 event -> 200 image/png, base64"

    def extensions():
        import importlib

        failed, count = [], 0
        for so in sorted(artifact.rglob("*.so")):
            rel = so.relative_to(artifact)
            if rel.parts[0].endswith(".libs"):
                continue  # vendored shared libs, loaded by the extensions below
            mod = ".".join((*rel.parts[:-1], rel.name.split(".", 1)[0]))
            try:
                importlib.import_module(mod)
                count += 1
            except Exception as exc:
                failed.append(f"{mod}: {exc}")
        # Pillow's Tk glue needs tkinter, absent on the Lambda runtime; only ImageTk uses it.
        failed = [f for f in failed if not f.startswith("PIL._imagingtk")]
        if failed:
            raise AssertionError("; ".join(failed))
        return f"{count} extension modules import"

    def bytecode():
        import importlib.util

        shipped = any(artifact.rglob("__pycache__"))
        if not shipped:
            return "artifact ships no .pyc (plain build); skipped"
        missing = []
        for name, mod in list(sys.modules.items()):
            f = getattr(mod, "__file__", None)
            if not f or not f.endswith(".py"):
                continue
            p = Path(f).resolve()
            if artifact not in p.parents:
                continue
            if not Path(importlib.util.cache_from_source(str(p))).is_file():
                missing.append(name)
        if missing:
            raise AssertionError(
                f"{len(missing)} imported modules lack .pyc: {sorted(missing)[:10]}"
            )
        n = sum(
            1
            for m in sys.modules.values()
            if getattr(m, "__file__", None) and artifact in Path(m.__file__).resolve().parents
        )
        return f"{n} imported artifact modules all have .pyc"

    c.check("imports come from the artifact", imports)
    c.check("matplotlib Agg/SVG/PDF/PS backends import", backends)
    c.check("Pillow PNG/JPEG/WebP save+reload to BytesIO", pillow)
    c.check("Figure -> png/svg/pdf/ps/eps (text, mathtext, contour, constrained layout)", figure)
    c.check("Type 42 font embedding (fontTools subsetting)", pdf_type42)
    c.check("pyplot without a display", pyplot_headless)
    c.check("FastAPI app through Mangum", fastapi_mangum)
    c.check("every shipped extension module imports", extensions)
    c.check("bytecode shipped for every imported module", bytecode)
    mpl_tmp.cleanup()
    print(f"{c.passed} passed, {len(c.failures)} failed")
    return 1 if c.failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--artifact", type=Path, help="artifact dir; re-run in a scrubbed env with it on PYTHONPATH"
    )
    ap.add_argument(
        "--python", help="runtime interpreter for --artifact (default: what python_env.sh finds)"
    )
    args = ap.parse_args()
    if args.artifact is not None:
        return reexec(args.artifact, find_runtime_python(args.python))
    return run_checks()


if __name__ == "__main__":
    sys.exit(main())
