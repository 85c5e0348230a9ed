"""Deployment size of a Lambda code directory: on disk, zipped, and its Python files."""

from __future__ import annotations

import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from report import Row, verdict


@dataclass(frozen=True)
class Size:
    unzipped_bytes: int
    zipped_bytes: int
    py_files: int
    pyc_files: int


def du_bytes(path: Path) -> int:
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])


def zipped_bytes(path: Path, zip_path: Path) -> int:
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                full = Path(root, name)
                archive.write(full, full.relative_to(path))
    size = zip_path.stat().st_size
    zip_path.unlink()
    return size


def measure(path: Path, zip_path: Path) -> Size:
    files = [Path(root, name) for root, _, names in os.walk(path) for name in names]
    return Size(
        unzipped_bytes=du_bytes(path),
        zipped_bytes=zipped_bytes(path, zip_path),
        py_files=sum(f.suffix == ".py" for f in files),
        pyc_files=sum(f.suffix == ".pyc" for f in files),
    )


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB ({n / 2**20:.1f} MiB)"


def rows(chartfn: Size, naive: Size) -> list[Row]:
    return [
        Row(
            what="Size: artifact unzipped (du -sb)",
            chartfn=_mb(chartfn.unzipped_bytes),
            naive=_mb(naive.unzipped_bytes),
            ratio=f"{chartfn.unzipped_bytes / naive.unzipped_bytes:.2f}× (chartfn/naive)",
            target="< 150 MB",
            result=verdict(chartfn.unzipped_bytes < 150e6),
            unit="bytes",
            chartfn_value=chartfn.unzipped_bytes,
            naive_value=naive.unzipped_bytes,
            ratio_value=chartfn.unzipped_bytes / naive.unzipped_bytes,
        ),
        Row(
            what="Size: artifact zipped (deflate level 9)",
            chartfn=_mb(chartfn.zipped_bytes),
            naive=_mb(naive.zipped_bytes),
            ratio=f"{chartfn.zipped_bytes / naive.zipped_bytes:.2f}× (chartfn/naive)",
            target="—",
            result="info",
            unit="bytes",
            chartfn_value=chartfn.zipped_bytes,
            naive_value=naive.zipped_bytes,
            ratio_value=chartfn.zipped_bytes / naive.zipped_bytes,
        ),
        Row(
            what="Size: .py / .pyc files",
            chartfn=f"{chartfn.py_files} / {chartfn.pyc_files}",
            naive=f"{naive.py_files} / {naive.pyc_files}",
            ratio="—",
            target="—",
            result="info",
            unit="files (.py)",
            chartfn_value=chartfn.py_files,
            naive_value=naive.py_files,
        ),
    ]
