"""The tutorial way: FastAPI, a pyplot route, ``StreamingResponse``, and Mangum for Lambda.

Handler: ``naive_app.app.handler``.
"""

from __future__ import annotations

import io

from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from mangum import Mangum

from naive_app.drawing import render_naive

app = FastAPI()


@app.get("/sin")
def sin(amplitude: float = 1.0, frequency: float = 1.0) -> StreamingResponse:
    return StreamingResponse(io.BytesIO(render_naive(amplitude, frequency)), media_type="image/png")


handler = Mangum(app, lifespan="off")
