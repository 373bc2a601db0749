"""Running the HTTP app on uvicorn: the only module that imports uvicorn."""

from __future__ import annotations

import uvicorn

from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app


def serve(
    settings: Settings, *, host: str, port: int, token: str | None, workers_pool: int = 8
) -> None:
    """Serve the archive of `settings` until interrupted."""
    service = ArchiveService(settings, pool_size=workers_pool)
    try:
        uvicorn.run(
            create_app(service, token=token),
            host=host,
            port=port,
            log_level="info",
            proxy_headers=True,
            server_header=False,
        )
    finally:
        service.close()
