"""The tutorial way: FastAPI, a pyplot route, ``StreamingResponse``, and Mangum for Lambda.

Handler: ``naive_app.app.handler``. The drawing code is ``benchmarks/naive.py``'s, inlined as a
tutorial's single ``main.py`` would have it.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from mangum import Mangum

app = FastAPI()


@app.get("/sin")
def sin(amplitude: float = 1.0, frequency: float = 1.0) -> StreamingResponse:
    x = np.linspace(0, 2 * np.pi, 400)
    y = amplitude * np.sin(frequency * x)
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot(x, y)
    ax.set_title(f"y = {amplitude} · sin({frequency}x)")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(True)
    buf = io.BytesIO()
    plt.tight_layout()
    plt.savefig(buf, format="png")
    plt.close(fig)
    buf.seek(0)
    return StreamingResponse(buf, media_type="image/png")


handler = Mangum(app, lifespan="off")
