"""The archive fixtures (backends parametrised) for the runner tests too."""

from archive.conftest import archive, new_url, settings  # noqa: F401 - fixtures
