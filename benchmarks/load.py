"""Load on loopback: N mixed requests, C in flight, against a uvicorn process started cold.

    python benchmarks/load.py [--requests 3000] [--concurrency 16]

Prints the figures as a Markdown table (the README's load figures come from it). The workload,
the checks and the server start-up live in tests/load/loadgen.py, shared with
tests/load/test_load.py, so the benchmark measures exactly what the test asserts on.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "load"), str(REPO / "function")]

import loadgen  # noqa: E402  (found through the path set just above)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests to send")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight")
    args = parser.parse_args(argv)
    result, startup_s = asyncio.run(loadgen.full_run(args.requests, args.concurrency))
    print(loadgen.table(result, startup_s, args.concurrency))
    print()
    print(result.summary())
    for outcome in result.errors[:10]:
        print(f"error: {outcome.job.method} {outcome.job.url}: {outcome.problem}")
    for line in (result.wrong + result.spot_mismatches)[:10]:
        print(f"wrong: {line}")
    return 1 if result.errors or result.wrong or result.spot_mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
