"""GDELT-compatible event codes: CAMEO code and root, QuadClass, Goldstein scale, actor codes.

The CAMEO side comes from resources/common/cameo.toml (built from the PLOVER project's
CAMEO→PLOVER table by training/build_cameo_table.py). An actor code is CAMEO's country + sector
("NORGOV", "RUSMIL"): the country of the entity and, where the entity knows it, its sector.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.errors import ConfigError
from newsgraph.model import Entity
from newsgraph.resources import COMMON, load_resource

RESOURCE = "cameo"


@dataclass(frozen=True)
class CameoCode:
    """The CAMEO view of one PLOVER-coded event."""

    code: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class CameoTable:
    """PLOVER category (and mode) → CAMEO code; CAMEO root → QuadClass and Goldstein value."""

    roots: dict[str, str]
    modes: dict[tuple[str, str], str]
    quad_classes: dict[str, int]
    goldstein: dict[str, float]

    def code(self, category: str, mode: str | None = None) -> CameoCode | None:
        """The CAMEO code of a PLOVER category and mode; None for a category CAMEO lacks."""
        root = self.roots.get(category)
        if root is None:
            return None
        # Without a mode the event gets the root's generic code ("040"), as GDELT writes it.
        code = self.modes.get((category, mode or ""), f"{root}0")
        root = code[:2]
        return CameoCode(code, root, self.quad_classes[root], self.goldstein[root])


@lru_cache(maxsize=1)
def cameo_table() -> CameoTable:
    """The shipped table; ConfigError when it is missing or names an unknown root."""
    data = load_resource(COMMON, RESOURCE)
    if not data:
        raise ConfigError(
            "resources/common/cameo.toml is missing; run training/build_cameo_table.py"
        )
    roots = {name: str(entry["root"]) for name, entry in data["categories"].items()}
    modes = {
        (name, str(mode)): str(code)
        for name, entry in data["categories"].items()
        for mode, code in entry.get("modes", {}).items()
    }
    quad = {root: int(entry["quad_class"]) for root, entry in data["roots"].items()}
    goldstein = {root: float(entry["goldstein"]) for root, entry in data["roots"].items()}
    unknown = sorted({code[:2] for code in [*roots.values(), *modes.values()]} - set(quad))
    if unknown:
        raise ConfigError(f"resources/common/cameo.toml: roots without a QuadClass: {unknown}")
    return CameoTable(roots, modes, quad, goldstein)


def entity_sector(entity: Entity) -> str | None:
    """The CAMEO sector of an entity (GOV, MIL, LEG, JUD, PTY, IGO, NGO, MED, REB, BUS), if known.

    Set by the actor knowledge (see `newsgraph.knowledge`); None when the entity is not known there.
    """
    return entity.sector.upper() if entity.sector else None


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: country + sector ("NORGOV"), either alone, or None."""
    code = (country or "") + (sector or "")
    return code or None
