from __future__ import annotations

import pytest
from fastapi import FastAPI

from chartfn.app import create_app
from chartfn.settings import Settings


@pytest.fixture
def app() -> FastAPI:
    return create_app(Settings())
