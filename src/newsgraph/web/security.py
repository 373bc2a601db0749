"""Security of the HTTP server: the write token, request size limits and response headers.

Writes need `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`, compared in constant time; without a
configured token the server is read-only. Bodies above the limit are refused with 413 before
they are read whole. Every response carries a strict Content-Security-Policy: scripts and styles
only from this server, no inline script, no framing, no plugins.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none';"
    " frame-ancestors 'none'"
)
# /docs runs Swagger UI (served from the swagger-ui-py package, never a CDN), which sets
# inline style attributes; its scripts still come from this server only.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
    " connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
}


class WriteGuard:
    """Checks the bearer token of write requests."""

    def __init__(self, token: str | None) -> None:
        self.token = token.encode() if token else None

    def __call__(self, request: Request) -> None:
        """FastAPI dependency: 403 when the server is read-only, 401 on a missing or wrong token."""
        if self.token is None:
            raise HTTPException(
                403, "this server is read-only: set NEWSGRAPH_API_TOKEN to allow writes"
            )
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), self.token
        ):
            raise HTTPException(
                401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )


class Guard:
    """ASGI middleware: size limit on request bodies and security headers on every response."""

    def __init__(self, app: App, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send, self.max_body)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge
            return message

        started = False
        path = str(scope.get("path", ""))
        policy = DOCS_CSP if path == "/docs" else CSP

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers") or [])
                headers.extend(HEADERS.items())
                headers.append((b"content-security-policy", policy.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_body)


class BodyTooLarge(Exception):
    """A request body grew past the limit while being read."""


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit:,} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", CSP.encode()),
                *HEADERS.items(),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
