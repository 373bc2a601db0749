"""The error tree. Every error newsgraph raises derives from NewsgraphError.

NewsgraphError
 ├── InputError      a file or record cannot be read or holds no article
 ├── ConfigError     a setting or pipeline definition is wrong
 ├── StageError      a stage failed on one article (stage, article_id, cause)
 ├── ArchiveError    the archive could not be read or written
 ├── FilterError     a query filter value cannot match anything (names the valid choices)
 └── NotFoundError   a requested article, story or entity is not in the archive
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of all newsgraph errors."""


class InputError(NewsgraphError):
    """An input cannot be read or holds no article; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ConfigError(NewsgraphError):
    """A setting, resource file or pipeline definition is invalid."""


class StageError(NewsgraphError):
    """A stage failed on one article."""

    def __init__(self, stage: str, article_id: str, cause: BaseException | str) -> None:
        self.stage = stage
        self.article_id = article_id
        self.cause = cause
        detail = cause if isinstance(cause, str) else f"{type(cause).__name__}: {cause}"
        super().__init__(f"stage {stage!r} failed on article {article_id or '?'}: {detail}")


class ArchiveError(NewsgraphError):
    """The archive could not be opened, read or written."""


class StorageError(ArchiveError):
    """The archive's storage takes no more writes (disk full, a file size limit, an I/O error, a
    read-only database): the run stops with this one line; what was committed stays intact and
    nothing is recorded against the articles in flight, so a rerun stores them."""


STORAGE_HINT = (
    "the disk may be full, a file size limit reached or the database read-only; "
    "what is stored is intact: free space or fix the permissions and rerun to resume"
)


class QueryError(ArchiveError):
    """A search query the archive refuses (too many terms, a term too long): the user's to fix."""


class FilterError(NewsgraphError):
    """A query filter's value cannot match: the message names the filter and the valid choices."""

    def __init__(self, field: str, value: str, choices: str) -> None:
        self.field = field
        self.value = value
        self.choices = choices
        super().__init__(f"{field}: {value!r} is not valid; {choices}")


class NotFoundError(NewsgraphError):
    """A requested article, story or entity is not in the archive."""
