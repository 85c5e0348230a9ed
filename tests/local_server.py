"""A real uvicorn server for the app on 127.0.0.1: in a background thread of the test process,
or as a process of its own whose every byte of output (logs, warnings, tracebacks) is kept."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI


@contextmanager
def serve(app: FastAPI, *, timeout_s: float = 120.0) -> Iterator[str]:
    """Serve ``app`` on a free loopback port; yields the base URL; stops the server after.
    ``timeout_s`` guards start and stop against a hang; it is no speed bound."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout_s)
        sock.close()


FUNCTION_DIR = Path(__file__).resolve().parents[1] / "function"


@dataclass
class ServerProcess:
    port: int
    process: subprocess.Popen[bytes]
    output: Path

    def output_bytes(self) -> int:
        return self.output.stat().st_size


@contextmanager
def serve_process(output: Path, *, timeout_s: float = 60.0) -> Iterator[ServerProcess]:
    """uvicorn in its own process with the default settings, as ``scripts/serve.sh`` runs it;
    its stdout and stderr go to ``output``. Stopped after."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {key: value for key, value in os.environ.items() if not key.startswith("CHARTFN_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "uvicorn", "chartfn.app:create_app", "--factory"]
    command += ["--app-dir", str(FUNCTION_DIR), "--host", "127.0.0.1", "--port", str(port)]
    command += ["--no-access-log"]
    with output.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                tail = output.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"uvicorn did not start:\n{tail}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield ServerProcess(port, process, output)
    finally:
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
