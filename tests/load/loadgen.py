"""A load run on loopback against a cold uvicorn process: the workload, the checks, the figures.

Shared by ``tests/load/test_load.py`` (asserts on the figures) and ``benchmarks/load.py`` (prints
them for the README). The workload is seeded, so two runs send the same requests in the same
order; which requests overlap in flight differs, which is the point.

What a run proves, per response: the expected status; for an image, the content type, the
format's magic bytes and (PNG) the IHDR size; for a 304, the ETag sent and no body; for a 422,
the JSON error shape. Across responses: one URL always gives the same bytes (a sha256 per
request), and a sample of images equals an in-process render with the cache off (so a cache
hit, a render under contention and a fresh render agree byte for byte).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import os
import random
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
FUNCTION_DIR = REPO_ROOT / "function"
SEED = 3000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAGIC = {
    "image/png": PNG_SIGNATURE,
    "image/jpeg": b"\xff\xd8\xff",
    "application/pdf": b"%PDF-",
    "image/svg+xml": b"<?xml",
}
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
}
# RSS is sampled after these many requests have completed (the server idle between phases).
CHECKPOINTS = (1, 1000, 2000, 3000)
# Guards against a hang, not speed bounds: a correct server on a loaded machine is slower, never
# this slow (a request's worst wait on a busy 2-core machine measured in seconds, not minutes).
REQUEST_TIMEOUT_S = 300.0
STARTUP_TIMEOUT_S = 300.0
IDLE_TIMEOUT_S = 300.0
IDLE_POLL_S = 0.02


@dataclass(frozen=True)
class Job:
    """One request and what its answer must be."""

    kind: str  # sin, plot, chart, post, 304 or bad: the row of the summary it counts in
    method: str
    url: str
    expected_status: int
    media_type: str = "image/png"
    png_size: tuple[int, int] | None = None  # (width, height) in pixels, for PNGs
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def identity(self) -> tuple[str, str, bytes | None, tuple[tuple[str, str], ...]]:
        """Requests with the same identity must get the same bytes."""
        return (self.method, self.url, self.body, self.headers)


def _b64url(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _output(rng: random.Random) -> tuple[str, str, tuple[int, int] | None]:
    """Output options: mostly the default 800×400 PNG, some other sizes, scales and formats."""
    roll = rng.random()
    if roll < 0.76:
        return "", "image/png", (800, 400)
    if roll < 0.88:
        width, height = rng.choice([(400, 300), (640, 480), (1200, 600), (320, 200)])
        return f"&width={width}&height={height}", "image/png", (width, height)
    if roll < 0.93:
        return "&scale=2&theme=dark", "image/png", (1600, 800)
    fmt = rng.choice(["svg", "webp", "jpeg", "pdf"])
    return f"&format={fmt}", MEDIA_TYPES[fmt], None


def _sin_job(rng: random.Random) -> Job:
    amplitude = round(rng.uniform(-50, 50), 3)
    frequency = round(rng.uniform(0.1, 20), 3)
    options, media_type, size = _output(rng)
    url = f"/sin?amplitude={amplitude}&frequency={frequency}{options}"
    return Job("sin", "GET", url, 200, media_type, size)


FORMULAS = (
    "f=sin(x)*exp(-x/5)",
    "f=sin(x)*exp(-x/5)&f=cos(x)*exp(-x/5)&label=sin&label=cos",
    "f=x%5E2-3*x",
    "f=tan(x)&f=1/x",
    "f=sqrt(abs(x))*sign(x)",
    "f=log(x)&f=log2(x)&f=log10(x)",
)


def _plot_job(rng: random.Random) -> Job:
    # few distinct formulas and ranges: /plot traffic is mostly cache hits after the first ones
    formula = rng.choice(FORMULAS)
    x0, x1 = rng.choice([(0, 10), (-5, 5), (-10, 30)])
    url = f"/plot?{formula}&x0={x0}&x1={x1}&title=load%20{x1}"
    return Job("plot", "GET", url, 200, "image/png", (800, 400))


def _chart_spec(rng: random.Random) -> dict[str, Any]:
    kind = rng.choice(["line", "bar", "pie", "scatter", "area", "histogram"])
    if kind == "pie":
        values = [rng.randint(1, 9) for _ in range(rng.randint(2, 6))]
        return {
            "kind": "pie",
            "categories": [f"c{i}" for i in range(len(values))],
            "series": [{"y": values}],
        }
    if kind == "bar":
        n = rng.randint(2, 8)
        return {
            "kind": "bar",
            "stacked": rng.random() < 0.5,
            "categories": [f"Q{i + 1}" for i in range(n)],
            "series": [
                {"name": name, "y": [rng.randint(0, 20) for _ in range(n)]}
                for name in ("2025", "2026")
            ],
        }
    points = [round(rng.gauss(0, 3), 2) for _ in range(rng.randint(5, 60))]
    spec: dict[str, Any] = {"kind": kind, "series": [{"y": points}], "title": f"{kind} load"}
    if kind == "histogram":
        spec["bins"] = rng.randint(5, 20)
    return spec


def _chart_job(rng: random.Random) -> Job:
    options, media_type, size = _output(rng)
    url = f"/chart?spec={_b64url(_chart_spec(rng))}{options}"
    return Job("chart", "GET", url, 200, media_type, size)


def _post_job(rng: random.Random) -> Job:
    body = json.dumps(_chart_spec(rng)).encode()
    headers = (("content-type", "application/json"),)
    return Job("post", "POST", "/chart", 200, "image/png", (800, 400), body, headers)


BAD_URLS = (
    "/sin?amplitude=nan",
    "/sin?frequency=1000",
    "/sin?width=10",
    "/sin?amplitude=2&format=gif",
    "/plot?f=9**9**9",
    "/plot?f=sin(x)%20cos(x)",
    "/chart?spec=not-a-spec",
    "/sin?width=3000&height=3000&scale=4",
)


def build_workload(n: int, seed: int = SEED) -> list[Job]:
    """``n`` jobs: ~50% /sin (mostly new parameters), ~10% repeats of earlier image requests
    (cache hits), ~12% /plot, ~12% /chart GET (base64url), ~4% POST /chart, ~6% conditional
    requests answered 304 (their ETag is looked up before the run), ~4% bad requests (422).

    The first job is a plain /sin, so the RSS sample after request 1 is the cold server plus
    one chart."""
    rng = random.Random(seed)
    jobs: list[Job] = [
        Job("sin", "GET", "/sin?amplitude=2&frequency=3", 200, "image/png", (800, 400))
    ]
    while len(jobs) < n:
        roll = rng.random()
        if roll < 0.50:
            jobs.append(_sin_job(rng))
        elif roll < 0.60:
            earlier = rng.choice([job for job in jobs[-500:] if job.expected_status == 200])
            jobs.append(earlier)
        elif roll < 0.72:
            jobs.append(_plot_job(rng))
        elif roll < 0.84:
            jobs.append(_chart_job(rng))
        elif roll < 0.88:
            jobs.append(_post_job(rng))
        elif roll < 0.94:
            # the ETag is filled in by resolve_etags(); the 304 must come without a render
            target = rng.choice([job for job in jobs if job.method == "GET" and job.kind != "bad"])
            jobs.append(Job("304", "GET", target.url, 304, "", None))
        else:
            jobs.append(Job("bad", "GET", rng.choice(BAD_URLS), 422, "application/json"))
    return jobs


def in_process_client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(
        transport=transport, base_url="http://in-process", timeout=REQUEST_TIMEOUT_S
    )


def in_process_app() -> Any:
    """The app in this process with the image cache off: every request renders."""
    if str(FUNCTION_DIR) not in sys.path:
        sys.path.insert(0, str(FUNCTION_DIR))
    from chartfn.app import create_app
    from chartfn.settings import Settings

    return create_app(Settings(cache_max_bytes=0))


async def resolve_etags(jobs: list[Job], client: httpx.AsyncClient) -> list[Job]:
    """Give each 304 job the ETag of its URL, asked with ``If-None-Match: *`` (which the app
    answers with a 304 and the ETag, without rendering)."""
    etags: dict[str, str] = {}
    resolved = []
    for job in jobs:
        if job.kind == "304":
            if job.url not in etags:
                response = await client.get(job.url, headers={"if-none-match": "*"})
                assert response.status_code == 304, (job.url, response.status_code)
                etags[job.url] = response.headers["etag"]
            job = Job(
                "304", "GET", job.url, 304, "", None, headers=(("if-none-match", etags[job.url]),)
            )
        resolved.append(job)
    return resolved


@dataclass
class Outcome:
    job: Job
    status: int
    content: bytes
    latency_s: float
    problem: str | None  # why the response is wrong, or None


def check_response(job: Job, response: httpx.Response) -> str | None:
    """What is wrong with ``response`` to ``job``, or None."""
    if response.status_code != job.expected_status:
        return (
            f"status {response.status_code}, expected {job.expected_status}: {response.text[:300]}"
        )
    body = response.content
    if job.expected_status == 304:
        sent = dict(job.headers)["if-none-match"]
        if body or response.headers.get("etag") != sent:
            return f"304 with {len(body)} bytes, ETag {response.headers.get('etag')} for {sent}"
        return None
    media_type = response.headers.get("content-type", "").split(";")[0]
    if media_type != job.media_type:
        return f"content-type {media_type}, expected {job.media_type}"
    if job.expected_status == 422:
        error = response.json()
        if error.get("status") != 422 or not error.get("parameters"):
            return f"422 body {error}"
        return None
    if job.media_type == "image/webp":
        if body[:4] != b"RIFF" or body[8:12] != b"WEBP":
            return f"not a WebP: {body[:16]!r}"
    elif not body.startswith(MAGIC[job.media_type]):
        return f"not {job.media_type}: {body[:16]!r}"
    if int(response.headers.get("content-length", -1)) != len(body):
        return f"Content-Length {response.headers.get('content-length')} for {len(body)} bytes"
    if job.png_size is not None:
        if body[12:16] != b"IHDR":
            return "PNG without IHDR first"
        size = struct.unpack(">II", body[16:24])
        if size != job.png_size:
            return f"PNG is {size}, expected {job.png_size}"
    return None


@dataclass
class LoadResult:
    outcomes: list[Outcome] = field(default_factory=list)
    rss_kib: dict[int, int] = field(default_factory=dict)  # completed requests -> VmRSS
    wall_s: float = 0.0  # time spent sending requests (RSS sampling pauses excluded)
    wrong: list[str] = field(default_factory=list)  # same request, different bytes
    spot_checked: int = 0
    spot_mismatches: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.problem is not None]

    def latency_ms(self, quantile: float) -> float:
        latencies = sorted(outcome.latency_s for outcome in self.outcomes)
        return 1000 * latencies[min(len(latencies) - 1, int(quantile * len(latencies)))]

    @property
    def rps(self) -> float:
        return len(self.outcomes) / self.wall_s if self.wall_s else 0.0

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for outcome in self.outcomes:
            counts[outcome.job.kind] = counts.get(outcome.job.kind, 0) + 1
        return counts

    def summary(self) -> str:
        rss = ", ".join(f"{n}: {kib / 1024:.1f} MB" for n, kib in sorted(self.rss_kib.items()))
        return (
            f"load: {len(self.outcomes)} requests, {len(self.errors)} errors, "
            f"{len(self.wrong) + len(self.spot_mismatches)} wrong images "
            f"({self.spot_checked} spot-checked in process), {self.rps:.0f} req/s, "
            f"p50 {self.latency_ms(0.50):.1f} ms, p95 {self.latency_ms(0.95):.1f} ms, "
            f"p99 {self.latency_ms(0.99):.1f} ms; RSS after request {rss}; "
            f"growth 1000->3000: {self.rss_growth_mb(1000, 3000):+.2f} MB"
        )

    def rss_growth_mb(self, start: int, end: int) -> float:
        if start not in self.rss_kib or end not in self.rss_kib:
            return float("nan")
        return (self.rss_kib[end] - self.rss_kib[start]) / 1024


def _runnable_threads_and_cpu_ticks(pid: int) -> tuple[int, int]:
    """How many of ``pid``'s threads are running or waiting for a CPU, and their CPU time."""
    runnable = ticks = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except FileNotFoundError:  # the thread ended between listing and reading
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # the name in (...) may hold spaces
        runnable += fields[0] in ("R", "D")
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return runnable, ticks


def wait_until_idle(pid: int, timeout_s: float = IDLE_TIMEOUT_S) -> None:
    """Return once no thread of ``pid`` runs or waits to run, and its CPU time stands still,
    twice in a row. The server frees and trims memory when rendering goes idle (a job queued
    before the last answer was sent), so after this its RSS is what it keeps. Polled, not a
    fixed sleep: on a busy machine the trim may wait long for a CPU."""
    deadline = time.monotonic() + timeout_s
    previous: tuple[int, int] | None = None
    while time.monotonic() < deadline:
        runnable, ticks = _runnable_threads_and_cpu_ticks(pid)
        if runnable == 0 and previous == (0, ticks):
            return
        previous = (runnable, ticks)
        time.sleep(IDLE_POLL_S)
    raise RuntimeError(f"server {pid} still busy {timeout_s} s after its last answer")


def vm_rss_kib(pid: int) -> int:
    """Resident set size of ``pid`` in KiB, from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


async def _send(client: httpx.AsyncClient, job: Job) -> Outcome:
    started = time.perf_counter()
    try:
        response = await client.request(
            job.method, job.url, content=job.body, headers=dict(job.headers)
        )
    except httpx.HTTPError as exc:  # a timeout or a dropped connection is an error, not a crash
        return Outcome(job, 0, b"", time.perf_counter() - started, f"{type(exc).__name__}: {exc}")
    latency = time.perf_counter() - started
    return Outcome(
        job, response.status_code, response.content, latency, check_response(job, response)
    )


async def _run_phase(client: httpx.AsyncClient, jobs: list[Job], concurrency: int) -> list[Outcome]:
    """Send ``jobs`` with ``concurrency`` workers (each keeps one request in flight); return
    when every one has been answered."""
    queue: asyncio.Queue[tuple[int, Job]] = asyncio.Queue()
    for item in enumerate(jobs):
        queue.put_nowait(item)
    outcomes: list[Outcome | None] = [None] * len(jobs)

    async def worker() -> None:
        while not queue.empty():
            index, job = queue.get_nowait()
            outcomes[index] = await _send(client, job)

    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(jobs)))))
    return [outcome for outcome in outcomes if outcome is not None]


async def run_load(
    base_url: str,
    server_pid: int,
    jobs: list[Job],
    *,
    concurrency: int = 16,
    request_timeout_s: float = REQUEST_TIMEOUT_S,
) -> LoadResult:
    """Send ``jobs`` to ``base_url`` and sample the server's RSS at the checkpoints."""
    result = LoadResult()
    checkpoints = sorted({n for n in (*CHECKPOINTS, len(jobs)) if n <= len(jobs)})
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=request_timeout_s
    ) as client:
        done = 0
        for checkpoint in checkpoints:
            started = time.perf_counter()
            result.outcomes += await _run_phase(client, jobs[done:checkpoint], concurrency)
            result.wall_s += time.perf_counter() - started
            done = checkpoint
            # the figure is the memory the server keeps, not what the last requests had in flight
            await asyncio.to_thread(wait_until_idle, server_pid)
            result.rss_kib[checkpoint] = vm_rss_kib(server_pid)
    seen: dict[tuple[Any, ...], str] = {}
    for outcome in result.outcomes:
        if outcome.problem is not None or outcome.job.expected_status != 200:
            continue
        digest = hashlib.sha256(outcome.content).hexdigest()
        first = seen.setdefault(outcome.job.identity, digest)
        if first != digest:
            result.wrong.append(f"{outcome.job.method} {outcome.job.url}: {digest} != {first}")
    return result


async def spot_check(result: LoadResult, client: httpx.AsyncClient, every: int = 40) -> None:
    """Compare every ``every``-th image answer (by position) with a render of the same request in
    this process with the cache off."""
    images = [o for o in result.outcomes if o.problem is None and o.job.expected_status == 200]
    for outcome in images[::every]:
        job = outcome.job
        response = await client.request(
            job.method, job.url, content=job.body, headers=dict(job.headers)
        )
        result.spot_checked += 1
        if response.status_code != 200 or response.content != outcome.content:
            result.spot_mismatches.append(
                f"{job.method} {job.url}: in process {response.status_code}, "
                f"{len(response.content)} bytes; server {len(outcome.content)} bytes"
            )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]


@contextlib.contextmanager
def cold_server(*, startup_timeout_s: float = STARTUP_TIMEOUT_S) -> Iterator[Server]:
    """A fresh uvicorn process serving the app, as ``scripts/serve.sh`` does; stopped after.

    ``CHARTFN_*`` variables are removed from its environment so the run measures the defaults
    (the 16 MB image cache among them), whatever the calling shell sets."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CHARTFN_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "chartfn.app:create_app",
        "--factory",
        "--app-dir",
        str(FUNCTION_DIR),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    with tempfile.TemporaryDirectory(prefix="chartfn-load-") as scratch:
        log_path = Path(scratch) / "server.log"
        with log_path.open("wb") as log:
            # the app logs a JSON line per request: a file, not a pipe nobody reads, which
            # would fill and block the server
            process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        server = Server(f"http://127.0.0.1:{port}", process, log_path)
        try:
            _wait_healthy(server, startup_timeout_s)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=STARTUP_TIMEOUT_S)  # a starved server may be slow to stop
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()  # SIGKILL cannot be ignored


def _wait_healthy(server: Server, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"server exited with {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            if httpx.get(f"{server.base_url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"server not healthy after {timeout_s} s:\n{server.log_tail()}")


async def full_run(
    n: int = 3000, concurrency: int = 16, *, spot_every: int = 40
) -> tuple[LoadResult, float]:
    """Start a cold server, run ``n`` requests, spot-check; returns the result and the
    server's start-up time (process start to first healthy answer)."""
    app = in_process_app()
    async with in_process_client(app) as local:
        jobs = await resolve_etags(build_workload(n), local)
        started = time.perf_counter()
        with cold_server() as server:
            startup_s = time.perf_counter() - started
            result = await run_load(
                server.base_url, server.process.pid, jobs, concurrency=concurrency
            )
        await spot_check(result, local, every=spot_every)
    return result, startup_s


def table(result: LoadResult, startup_s: float, concurrency: int) -> str:
    """The figures as a Markdown table (for the README)."""
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(result.by_kind().items()))
    wrong = len(result.wrong) + len(result.spot_mismatches)
    p50, p95, p99 = (result.latency_ms(q) for q in (0.5, 0.95, 0.99))
    rows = [
        ("requests", f"{len(result.outcomes)} ({kinds})"),
        ("in flight", str(concurrency)),
        ("errors", str(len(result.errors))),
        ("wrong images", f"{wrong} ({result.spot_checked} compared with an in-process render)"),
        ("throughput", f"{result.rps:.0f} requests/s"),
        ("latency p50 / p95 / p99", f"{p50:.1f} / {p95:.1f} / {p99:.1f} ms"),
        ("cold start (process to /health)", f"{startup_s:.2f} s"),
    ]
    rows += [
        (f"RSS after request {n}", f"{kib / 1024:.1f} MB")
        for n, kib in sorted(result.rss_kib.items())
    ]
    rows.append(("RSS growth 1000 → 3000", f"{result.rss_growth_mb(1000, 3000):+.2f} MB"))
    width = max(len(name) for name, _ in rows)
    lines = [f"| {'measure':<{width}} | value |", f"| {'-' * width} | --- |"]
    lines += [f"| {name:<{width}} | {value} |" for name, value in rows]
    return "\n".join(lines)
