"""The two servers of the peers benchmark on 127.0.0.1, and one timed request to either.

chartfn runs as ``scripts/serve.sh`` runs it (uvicorn, ``chartfn.app:create_app --factory``,
default settings: the charts are new every time, so the image cache never answers); the peers
are ``peers/server.mjs`` (Chart.js on both canvas backends in one Node process).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workload import BENCH_DIR, FUNCTION_DIR, PNG_SIGNATURE, REPO

PEERS_DIR = BENCH_DIR / "peers"
STARTUP_TIMEOUT_S = 120.0  # a hang guard for a loaded machine, not a measurement
REQUEST_TIMEOUT_S = 60.0


class WrongAnswer(RuntimeError):
    """A server answered something other than a PNG of the requested size."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float


class Endpoint:
    """A keep-alive connection to one server; reconnects if the server closed it while idle."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._connection = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)

    def request(self, method: str, path: str, body: bytes | None = None) -> Answer:
        headers = {"content-type": "application/json"} if body is not None else {}
        for attempt in (1, 2):
            try:
                start = time.perf_counter()
                self._connection.request(method, path, body=body, headers=headers)
                response = self._connection.getresponse()
                data = response.read()
                seconds = time.perf_counter() - start
            except (OSError, http.client.HTTPException) as error:
                # a failed request leaves the connection unusable: start the next one afresh
                self._connection.close()
                self._connection = self._connect()
                idle_closed = isinstance(
                    error, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
                )
                if attempt == 2 or not idle_closed:
                    raise
                continue
            return Answer(
                response.status, data, {k.lower(): v for k, v in response.getheaders()}, seconds
            )
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._connection.close()


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise WrongAnswer(f"not a PNG: {data[:16]!r}")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def check_png(answer: Answer, width: int, height: int, who: str) -> None:
    if answer.status != 200:
        raise WrongAnswer(f"{who}: status {answer.status}: {answer.body[:300]!r}")
    size = png_size(answer.body)
    if size != (width, height):
        raise WrongAnswer(f"{who}: PNG is {size[0]}×{size[1]}, asked for {width}×{height}")


def _wait_until(ready: Endpoint, process: subprocess.Popen[bytes], log: Path, what: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{tail}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if ready.request("GET", "/health").status == 200:
                return
        time.sleep(0.05)
    raise RuntimeError(f"{what} not up after {STARTUP_TIMEOUT_S} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def chartfn_server() -> Iterator[Endpoint]:
    """uvicorn with the app's defaults (``CHARTFN_*`` from the calling shell removed); the
    app's JSON log lines go to a file, as they would to CloudWatch, not to a pipe nobody reads."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTFN_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [
        sys.executable, "-m", "uvicorn", "chartfn.app:create_app", "--factory",
        "--app-dir", str(FUNCTION_DIR), "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="chartfn-peers-") as scratch:
        log = Path(scratch) / "chartfn.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(command, cwd=REPO, env=env, stdout=sink, stderr=sink)
        endpoint = Endpoint(port)
        try:
            _wait_until(endpoint, process, log, "chartfn (uvicorn)")
            yield endpoint
        finally:
            endpoint.close()
            _stop(process)


def node_binary() -> str:
    node = shutil.which("node")
    if node is None:
        sys.exit("node not found: run bash benchmarks/peers/setup.sh")
    if not (PEERS_DIR / "node_modules" / "chart.js").is_dir():
        sys.exit("benchmarks/peers/node_modules missing: run bash benchmarks/peers/setup.sh")
    return node


@contextlib.contextmanager
def peers_server() -> Iterator[Endpoint]:
    """``node peers/server.mjs``: it prints its port once both canvas backends are loaded."""
    with tempfile.TemporaryDirectory(prefix="chartfn-peers-") as scratch:
        log = Path(scratch) / "peers.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [node_binary(), "server.mjs", "0"],
                cwd=PEERS_DIR,
                stdout=subprocess.PIPE,
                stderr=sink,
            )
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line:
                process.wait(timeout=STARTUP_TIMEOUT_S)
                raise RuntimeError(f"peers server exited:\n{log.read_text(errors='replace')}")
            endpoint = Endpoint(int(json.loads(line)["port"]))
            _wait_until(endpoint, process, log, "peers server (node)")
            yield endpoint
            endpoint.close()
        finally:
            _stop(process)
