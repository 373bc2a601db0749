"""The FastAPI application: the JSON API, the web UI, OpenAPI and its docs page, in one process.

    >>> app = create_app(ArchiveService(settings), token=os.environ.get("NEWSGRAPH_API_TOKEN"))

Errors map onto status codes in one place: a filter that cannot match is 400, a missing item
404, an archive that cannot be read 503; the message is the error's own one line.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.errors import ArchiveError, FilterError, NewsgraphError, NotFoundError, QueryError
from newsgraph.service import ArchiveService
from newsgraph.web import pages
from newsgraph.web.api import build_router
from newsgraph.web.security import Guard, WriteGuard

MAX_BODY_BYTES = 2_000_000
DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph API</title>
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""


def swagger_assets() -> str:
    """Folder of Swagger UI's files (5.x, which reads OpenAPI 3.1), from the swagger-ui-py package."""
    return str(resources.files("swagger_ui").joinpath("static"))


def create_app(
    service: ArchiveService, *, token: str | None = None, max_body: int = MAX_BODY_BYTES
) -> Any:
    """The ASGI application serving `service` (wrapped in the size and header guard)."""
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Articles, stories, events, quotes and entities of a newsgraph archive.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.include_router(build_router(WriteGuard(token)))
    app.include_router(pages.router)
    static = resources.files("newsgraph.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.mount("/docs-assets", StaticFiles(directory=swagger_assets()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.exception_handler(FilterError)
    def bad_filter(request: Request, error: FilterError) -> Any:
        return _error(request, 400, str(error))

    @app.exception_handler(NotFoundError)
    def not_found(request: Request, error: NotFoundError) -> Any:
        return _error(request, 404, str(error))

    @app.exception_handler(QueryError)
    def bad_query(request: Request, error: QueryError) -> Any:
        return _error(request, 400, str(error))

    @app.exception_handler(ArchiveError)
    def archive_down(request: Request, error: ArchiveError) -> Any:
        return _error(request, 503, str(error))

    @app.exception_handler(NewsgraphError)
    def failed(request: Request, error: NewsgraphError) -> Any:
        return _error(request, 422, str(error))

    return Guard(app, max_body)


def _error(request: Request, status: int, message: str) -> Any:
    """JSON for the API, an HTML page for the UI."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return pages.error_page(request, status, message)
