"""The tutorial's drawing code, verbatim: pyplot, ``tight_layout``, ``savefig`` into a buffer."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np


def render_naive(amplitude: float, frequency: float) -> bytes:
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
    return buf.getvalue()
