"""Concurrent requests through a real ASGI server give the bytes of the same requests one by one.

FastAPI runs sync routes in a thread pool, so requests in flight together share the process's
renderers. The image cache is switched off here: every request renders, and the parameters are
new to the process, so neither run can be answered from memory.
"""

from __future__ import annotations

import asyncio

import httpx

from chartfn.app import create_app
from chartfn.settings import Settings
from local_server import serve
from support import fresh_amplitudes, png_size

IN_FLIGHT = 24
# a guard against a hang, not a speed bound: 24 renders queued on a busy machine take seconds
GUARD_S = 300


def chart_urls() -> list[str]:
    return [
        f"/sin?amplitude={a}&frequency={1 + (i % 7) * 1.25}"
        for i, a in enumerate(fresh_amplitudes(IN_FLIGHT))
    ]


async def fetch_all_at_once(base_url: str, urls: list[str]) -> tuple[list[bytes], int]:
    peak = 0
    in_flight = 0
    start = asyncio.Event()

    async def one(client: httpx.AsyncClient, url: str) -> bytes:
        nonlocal peak, in_flight
        await start.wait()
        in_flight += 1
        peak = max(peak, in_flight)
        response = await client.get(url)
        in_flight -= 1
        assert response.status_code == 200, response.text
        return response.content

    limits = httpx.Limits(max_connections=IN_FLIGHT)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=GUARD_S) as client:
        tasks = [asyncio.create_task(one(client, url)) for url in urls]
        await asyncio.sleep(0.05)
        start.set()
        bodies = await asyncio.gather(*tasks)
    return list(bodies), peak


def test_concurrent_requests_match_sequential_ones_byte_for_byte() -> None:
    urls = chart_urls()
    app = create_app(Settings(cache_max_bytes=0))
    with serve(app) as base_url:
        concurrent, peak = asyncio.run(fetch_all_at_once(base_url, urls))
        with httpx.Client(base_url=base_url, timeout=GUARD_S) as client:
            sequential = [client.get(url).content for url in urls]
    assert peak >= 16, f"only {peak} requests were in flight together"
    assert all(png_size(body) == (800, 400) for body in concurrent)
    assert len(set(concurrent)) == len(urls), "distinct charts must give distinct images"
    assert concurrent == sequential
