#!/usr/bin/env python3
"""Builds the dashboard's offline basemap: Syria and Iraq governorates (OCHA COD-AB), simplified.

Usage: python3 tools/basemap/simplify_basemap.py [SHARED_DATA_DIR] [OUT_FILE]
Douglas-Peucker per ring (tolerance in degrees), coordinates rounded to 3 decimals (~100 m),
rings that collapse below 4 points are dropped. Output properties: name, country, pcode, level
(1 governorate, 0 country outline).
"""
import json
import sys
from pathlib import Path

TOLERANCE = 0.012


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    px, py = x1 + t * dx, y1 + t * dy
    return ((x - px) ** 2 + (y - py) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    # Iterative, so long rings do not hit Python's recursion limit.
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    pts = douglas_peucker([tuple(p[:2]) for p in ring], TOLERANCE)
    out = []
    for x, y in pts:
        q = [round(x, 3), round(y, 3)]
        if not out or out[-1] != q:
            out.append(q)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def simplify_geometry(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    result = []
    for polygon in polygons:
        rings = [r for r in (simplify_ring(ring) for ring in polygon) if r]
        if rings:
            result.append(rings)
    if not result:
        return None
    if len(result) == 1:
        return {"type": "Polygon", "coordinates": result[0]}
    return {"type": "MultiPolygon", "coordinates": result}


def features(path, name_key, country, pcode_key, level):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for f in data["features"]:
        geometry = simplify_geometry(f["geometry"])
        if geometry is None:
            continue
        props = f["properties"]
        yield {
            "type": "Feature",
            "properties": {
                "name": props.get(name_key) or country,
                "country": country,
                "pcode": props.get(pcode_key) or "",
                "level": level,
            },
            "geometry": geometry,
        }


def main():
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parents[2] / "src/Sitrep.Web/wwwroot/data/basemap.geojson")
    syria = shared / "syria_admin_boundaries"
    iraq = shared / "iraq_admin_boundaries"
    collected = []
    collected += features(syria / "syr_admin0_ocha.geojson", "adm0_name", "Syria", "adm0_pcode", 0)
    collected += features(iraq / "irq_admbnda_adm0_cso_itos_20190603.geojson", "ADM0_EN", "Iraq", "ADM0_PCODE", 0)
    collected += features(syria / "syr_admin1_ocha.geojson", "adm1_name", "Syria", "adm1_pcode", 1)
    collected += features(iraq / "irq_admbnda_adm1_cso_20190603.geojson", "ADM1_EN", "Iraq", "ADM1_PCODE", 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"type": "FeatureCollection", "features": collected}, separators=(",", ":")), encoding="utf-8")
    print(f"{out}: {len(collected)} features, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
