"""The HTTP interface: the versioned JSON API, the web UI and their security, over the service.

`newsgraph serve` runs it on uvicorn; `create_app` builds the ASGI application for tests and for
deployment behind a reverse proxy.
"""

from __future__ import annotations
