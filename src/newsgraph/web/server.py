"""Running the HTTP app on uvicorn: the only module that imports uvicorn."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from newsgraph.errors import ArchiveError
from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app

KEEP_ALIVE_SECONDS = 75


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
            # Longer than clients' and proxies' idle timeouts, so a kept-alive connection is
            # never closed by the server just as a client reuses it.
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
    finally:
        service.close()


class BackgroundServer:
    """An app served on a loopback port from a thread (browser tests, the load benchmark)."""

    def __init__(self, app: Any, port: int, host: str = "127.0.0.1") -> None:
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            lifespan="off",
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
        self.server = uvicorn.Server(config)
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ArchiveError(f"the test server on {self.url} did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
