"""Actor knowledge: persons and organisations with countries, roles, dates and sectors.

Built from open sources by `newsgraph.knowledge.build` (`make knowledge`) into
resources/common/actors.json.gz and read once per process by `load_knowledge()`.
"""

from __future__ import annotations

from newsgraph.knowledge.store import (
    Actor,
    ActorKnowledge,
    Resolution,
    Role,
    knowledge_version,
    load_knowledge,
)

__all__ = [
    "Actor",
    "ActorKnowledge",
    "Resolution",
    "Role",
    "knowledge_version",
    "load_knowledge",
]
