"""The archive tests' backend fixtures (SQLite, and PostgreSQL when configured) for the service."""

from __future__ import annotations

from archive.conftest import new_url

__all__ = ["new_url"]
