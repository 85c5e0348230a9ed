"""chartfn: charts rendered in memory by matplotlib, served by FastAPI on AWS Lambda."""

import sys

__version__ = "0.1.0"

# Lambda's code directory is read-only. The build ships compiled bytecode; should a module
# lack it, Python would try (and fail) to write a .pyc on every cold start. Never try.
sys.dont_write_bytecode = True
