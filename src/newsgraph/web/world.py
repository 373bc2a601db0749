"""World geometry for the map page: country outlines as SVG paths, drawn on the server.

The outlines come from the `world-atlas` npm package (ISC licence; TopoJSON derived from Natural
Earth's public-domain 1:110m countries), fetched by `make web-assets` into static/world/. Without
that file the map draws the graticule and the event places only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.web.views import project

WORLD_FILE = ("static", "world", "countries-110m.json")


@lru_cache(maxsize=1)
def world_paths() -> tuple[str, ...]:
    """One SVG path per country (equirectangular, 960 x 480), or none when the file is absent."""
    path = resources.files("newsgraph.web").joinpath(*WORLD_FILE)
    if not path.is_file():
        return ()
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry)
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        if rings:
            result.append(" ".join(rings))
    return tuple(result)


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Arcs as lon/lat points (TopoJSON stores them quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    # A ring that crosses the antimeridian jumps from one edge to the other: lift the pen there
    # instead of drawing a line across the whole map.
    parts = []
    previous: float | None = None
    for lon, lat in points:
        x, y = project(lon, lat)
        command = "M" if previous is None or abs(lon - previous) > 180 else "L"
        parts.append(f"{command}{x:.1f},{y:.1f}")
        previous = lon
    return "".join(parts) + "Z"
