"""Hostile input gets a complete 4xx whose every header is legal HTTP, through a real uvicorn
(read off a raw socket) and through the Lambda handler, with the same header values in both; and
a bad request logs a bounded number of bytes.

Issue 9: ``X-Chart-Error`` carried the message cut at 1,000 characters, so a cut on a space ended
the value in whitespace, h11 refused it and uvicorn dropped the connection (and logged ~9 KB of
traceback); a 404's raw path put control characters into it.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest

from chartfn.http.request_log import JsonFormatter
from chartfn.lambda_handler import handler
from local_server import ServerProcess, serve_process
from raw_http import RawResponse, exchange, header_problem
from support import LambdaContext, fresh_amplitudes, load_event, png_size

# a guard against a hang, not a measure of speed
REQUEST_GUARD_S = 60.0
# issue 9 asks for an answer "within a second" after the storm; on an idle machine it comes in
# milliseconds. A wedged server never answers, so a generous guard tells the two apart without
# failing on a busy CI machine (tests do not measure speed).
ANSWER_WITHIN_S = 20.0
# what one bad request may write to the server's output (its JSON log line is ~0.6-1.5 KB)
LOG_BYTES_PER_REQUEST = 2500
# the request target uvicorn (h11) reads in one piece: longer ones are refused before the app
MAX_TARGET = 12_000
# error images small enough to keep hundreds of them quick; every other one SVG, quicker still
SMALL = "&width=120&height=60"
SMALL_SVG = SMALL + "&format=svg"

MIXED = (
    "plain words, 'quotes' \"double\" back\\slash\\ %25 50% a\tb\r\nSet-Cookie: x=1 "
    "\x00\x01\x1b[31mred\x1b[0m\x7f\x85\x9b 中文字 ひらがな 한국어 עברית العربية \u202eevil\u202c "
    "😀 👩\u200d👩\u200d👧 e\u0301 \u2028\ufeff\U0010fffd "
)


def hostile_values() -> list[str]:
    values = []
    # the case: the 1,000-character cut landing on a space, at every position near it
    values += ["a" * k + " " + "b" * 40 for k in range(976, 1000)]
    # spaces everywhere, both parities: any cut lands on one
    values += [(pair * 1500)[:n] for pair in ("a ", " a") for n in (999, 1000, 1001, 2000)]
    # every control character (C0, DEL, C1) alone
    values += [f"x{chr(code)}y" for code in [*range(0x20), *range(0x7F, 0xA0)]]
    # lengths from 0 to 3,000, cut from a mix of everything awkward at shifting offsets
    values += [(MIXED * 60)[n % len(MIXED) :][:n] for n in range(0, 3001, 23)]
    return values


@dataclass(frozen=True)
class Hostile:
    method: str
    target: str


def _target(route: str, value: str, errors: bool, svg: bool) -> str:
    query = ("&errors=image" + (SMALL_SVG if svg else SMALL)) if errors else ""
    while True:
        if route == "/spec-json":
            target = "/chart?spec=" + quote(json.dumps({"type": "line", "title": value}))
        elif route == "/nope":
            path = ("/nope/" + quote(value, safe=""))[:MAX_TARGET]
            if len(path) == MAX_TARGET:
                path = path.rsplit("%", 1)[0]  # not half an escape
            return path + ("?" + query[1:] if query else "")
        else:
            target = route + quote(value, safe="")
        target += query
        if len(target) <= MAX_TARGET:
            return target
        value = value[: len(value) // 2]


def hostile_requests() -> list[Hostile]:
    routes = ["/sin?amplitude=", "/plot?f=", "/chart?spec=", "/spec-json", "/nope"]
    requests = []
    for i, value in enumerate(hostile_values()):
        # the first ones are the case; of the rest, half as JSON (the quick answer)
        route = "/sin?amplitude=" if i < 24 else routes[i % len(routes)]
        errors = i < 24 or i % 2 == 0
        requests.append(Hostile("GET", _target(route, value, errors, svg=i % 4 == 2)))
    # a wrong method quotes itself in the 405 message: long tokens, every token character
    for n in (1, 200, 998, 999, 1000, 1001, 3000):
        method = ("!#$%&'*+-.^_`|~" * 300)[:n]
        for path, size in (("/sin", SMALL), ("/plot", SMALL_SVG), ("/chart", SMALL)):
            requests.append(Hostile(method, path + "?errors=image" + size))
    requests += [Hostile(m, "/health?errors=image" + SMALL) for m in ("POST", "DELETE", "PUT")]
    requests.append(Hostile("GET", "/nope%01%1B[31m?errors=image" + SMALL))  # the example
    return requests


REQUESTS = hostile_requests()
# the Lambda replay draws the same error images in this process; missing glyphs are boxes
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")


def legal_headers(headers: list[tuple[str, bytes]]) -> list[str]:
    return [f"{name}: {problem}" for name, v in headers if (problem := header_problem(v))]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    output = tmp_path_factory.mktemp("uvicorn") / "output.log"
    with serve_process(output) as process:
        exchange(process.port, "GET", "/sin?amplitude=x&errors=image", timeout_s=REQUEST_GUARD_S)
        yield process


def lambda_event(request: Hostile) -> dict[str, Any]:
    """The HTTP API event API Gateway would send for the same request."""
    event = load_event("http_api_sin")
    target = urlsplit(request.target)
    event["rawPath"] = event["requestContext"]["http"]["path"] = target.path
    event["rawQueryString"] = target.query
    event["queryStringParameters"] = None
    event["requestContext"]["http"]["method"] = request.method
    return event


@dataclass
class Storm:
    answers: dict[Hostile, RawResponse]
    logged: bytes  # all the server wrote (logs, warnings, tracebacks) while answering them
    through_lambda: dict[Hostile, dict[str, Any]]


@pytest.fixture(scope="module")
def storm(server: ServerProcess) -> Storm:
    """Every hostile request once, one after another, each on its own connection; and each as
    an event through the Lambda handler, rendered in this process meanwhile (two cores)."""
    before = server.output_bytes()
    with ThreadPoolExecutor(max_workers=1) as pool:
        through_lambda = pool.submit(
            lambda: {r: handler(lambda_event(r), LambdaContext()) for r in REQUESTS}
        )
        answers = {
            r: exchange(server.port, r.method, r.target, timeout_s=REQUEST_GUARD_S)
            for r in REQUESTS
        }
        # a barrier: its log line comes after every earlier request's
        exchange(server.port, "GET", "/health?barrier=1", timeout_s=REQUEST_GUARD_S)
        deadline = time.monotonic() + REQUEST_GUARD_S
        while b"barrier" not in server.output.read_bytes()[before:]:
            assert time.monotonic() < deadline, "the server logged nothing for the barrier"
            time.sleep(0.05)
        logged = server.output.read_bytes()[before:]
        return Storm(answers, logged, through_lambda.result(timeout=REQUEST_GUARD_S * 10))


def test_there_are_hundreds_of_hostile_requests() -> None:
    assert 200 <= len(REQUESTS) <= 400
    assert len(set(REQUESTS)) == len(REQUESTS)


def test_every_hostile_request_gets_a_complete_4xx_with_legal_headers(storm: Storm) -> None:
    failures = []
    for request, response in storm.answers.items():
        label = f"{request.method[:20]} {request.target[:80]}"
        if not response.complete:
            failures.append(f"{label}: no complete response ({len(response.raw)} bytes)")
        elif not 400 <= (response.status or 0) < 500:
            failures.append(f"{label}: status {response.status}")
        failures += [f"{label}: {p}" for p in legal_headers(response.headers)]
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:15])


PREFIXES = {"/sin": "amplitude=", "/plot": "f=", "/chart": "spec"}


def test_the_error_header_says_what_went_wrong(storm: Storm) -> None:
    images = 0
    for request, response in storm.answers.items():
        if "errors=image" not in request.target or not response.complete:
            continue
        header = response.header("x-chart-error")
        assert header is not None, request.target[:80]
        assert len(header) <= 1000
        images += 1
        message = unquote(header.decode("ascii").removesuffix("..."))
        if response.status in (404, 405):
            said = f"{request.method} /"  # the path as Starlette's URL has it
            assert said.startswith(message) or message.startswith(said), message[:80]
            assert header.endswith(b"...") or message.endswith(("Not Found", "Method Not Allowed"))
        else:
            assert message.startswith(PREFIXES[urlsplit(request.target).path]), message[:80]
    assert images >= 140


@pytest.mark.usefixtures("storm")
def test_the_server_still_answers_at_once_after_the_storm(server: ServerProcess) -> None:
    [amplitude] = fresh_amplitudes(1)
    for target in ("/health", f"/sin?amplitude={amplitude}"):
        started = time.monotonic()
        response = exchange(server.port, "GET", target, timeout_s=ANSWER_WITHIN_S)
        assert time.monotonic() - started < ANSWER_WITHIN_S
        assert response.complete
        assert response.status == 200
    assert png_size(response.body) == (800, 400)


def test_a_bad_request_logs_a_bounded_number_of_bytes(storm: Storm) -> None:
    logged = storm.logged
    assert b"Traceback" not in logged, logged[:3000].decode(errors="replace")
    # the headers were legal where they were built: the send path's repair never ran
    assert b"repaired the illegal value" not in logged
    per_request = len(logged) / (len(REQUESTS) + 1)
    assert per_request <= LOG_BYTES_PER_REQUEST, (
        f"{per_request:.0f} bytes a request; longest lines: "
        + repr(sorted(logged.splitlines(), key=len)[-1][:300])
    )
    assert max(map(len, logged.splitlines())) <= 3 * LOG_BYTES_PER_REQUEST


def decoded_body(response: dict[str, Any]) -> bytes:
    if response.get("isBase64Encoded"):
        return base64.b64decode(response["body"])
    return str(response.get("body") or "").encode()


def test_the_lambda_handler_sends_the_same_legal_headers(storm: Storm) -> None:
    failures = []
    for request, uvicorn_response in storm.answers.items():
        label = f"{request.method[:20]} {request.target[:80]}"
        response = storm.through_lambda[request]
        headers = response["headers"]
        encoded = []
        for name, value in headers.items():
            if not value.isascii():
                failures.append(f"{label}: {name} is not ASCII: {value[:80]!r}")
            encoded.append((name, value.encode("utf-8")))
        failures += [f"{label}: {p}" for p in legal_headers(encoded)]
        if not 400 <= response["statusCode"] < 500:
            failures.append(f"{label}: status {response['statusCode']}")
        elif response["statusCode"] != uvicorn_response.status:
            failures.append(f"{label}: {response['statusCode']} != {uvicorn_response.status}")
        sent = dict(uvicorn_response.headers)
        for name in ("x-chart-error", "content-type", "content-length", "cache-control"):
            if (headers.get(name) or "").encode() != sent.get(name, b""):
                failures.append(f"{label}: {name} {headers.get(name)!r} != {sent.get(name)!r}")
        if uvicorn_response.complete and decoded_body(response) != uvicorn_response.body:
            failures.append(f"{label}: the bodies differ")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:15])


def test_the_lambda_handler_reads_the_events_as_uvicorn_read_the_requests() -> None:
    """The comparison above means something only if both see the same request."""
    request = Hostile("GET", "/nope%01%1B[31m?errors=image")
    response = handler(lambda_event(request), LambdaContext())
    assert response["statusCode"] == 404
    assert unquote(response["headers"]["x-chart-error"]) == "GET /nope\x01\x1b[31m: Not Found"


def test_one_request_logs_one_bounded_line_whatever_it_sends() -> None:
    event = load_event("http_api_sin")
    event["rawPath"] = event["requestContext"]["http"]["path"] = "/" + "p\x1b" * 4000
    event["requestContext"]["http"]["method"] = "M" * 3000
    event["rawQueryString"] = "&".join(f"{'n' * 300}{i}={'v' * 300}" for i in range(60))
    stream = io.StringIO()
    capture = logging.StreamHandler(stream)
    capture.setFormatter(JsonFormatter())
    logger = logging.getLogger("chartfn")
    logger.addHandler(capture)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            response = handler(event, LambdaContext())
    finally:
        logger.removeHandler(capture)
    assert 400 <= response["statusCode"] < 500
    [line] = stream.getvalue().splitlines()
    assert len(line.encode()) <= LOG_BYTES_PER_REQUEST * 2
    fields = json.loads(line)
    assert len(fields["path"]) <= 201
    assert len(fields["method"]) <= 21
    assert fields["parameters_omitted"] > 0
