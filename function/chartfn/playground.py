"""GET /: the playground page (placeholder; being written)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def playground() -> HTMLResponse:
    return HTMLResponse("<!doctype html><title>chartfn</title><p>playground coming</p>")
