#!/usr/bin/env python3
"""Builds Sitrep's gazetteer (data/gazetteer/places.tsv, admin.tsv) from the open sources in
/work/shared/data (or the folder given as the first argument) plus the hand-curated
data/gazetteer/features.tsv. Standard library only; the output is deterministic.

usage: python3 tools/gazetteer/build_gazetteer.py [SOURCE_DATA_DIR] [OUT_DIR]
"""
import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPO, "data", "gazetteer")

# OCHA / CSO admin1 spellings -> the names Sitrep reports (ACLED-like).
ADMIN1 = {
    "Aleppo": "Aleppo", "Al-Hasakeh": "Al-Hasakah", "Ar-Raqqa": "Raqqa", "As-Sweida": "As-Suwayda",
    "Damascus": "Damascus", "Dar'a": "Daraa", "Deir-ez-Zor": "Deir ez-Zor", "Hama": "Hama", "Homs": "Homs",
    "Idleb": "Idlib", "Lattakia": "Latakia", "Quneitra": "Quneitra", "Rural Damascus": "Rural Damascus",
    "Tartous": "Tartus",
    "Al-Anbar": "Anbar", "Al-Basrah": "Basrah", "Al-Muthanna": "Muthanna", "Al-Najaf": "Najaf",
    "Al-Qadissiya": "Qadisiyah", "Al-Sulaymaniyah": "Sulaymaniyah", "Babil": "Babil", "Baghdad": "Baghdad",
    "Duhok": "Duhok", "Diyala": "Diyala", "Erbil": "Erbil", "Kerbala": "Karbala", "Kirkuk": "Kirkuk",
    "Maysan": "Maysan", "Ninewa": "Nineveh", "Salah Al-Din": "Salah al-Din", "Thi Qar": "Dhi Qar",
    "Wassit": "Wasit",
}
# Extra spellings of governorates seen in reporting (the name key folds most vowel/article variants).
ADMIN1_ALT = {
    "Al-Hasakah": ["Hasakah", "Hasaka", "Hasakeh", "Hassakeh", "Al-Hasakeh"],
    "Raqqa": ["Ar-Raqqa", "Raqqah", "Rakka"], "As-Suwayda": ["Suwayda", "Sweida", "Sweida", "As-Sweida"],
    "Daraa": ["Dar'a", "Deraa", "Dera'a"], "Deir ez-Zor": ["Deir-ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzur"],
    "Idlib": ["Idleb"], "Latakia": ["Lattakia", "Latakia"], "Tartus": ["Tartous"],
    "Rural Damascus": ["Damascus countryside", "Rif Dimashq", "Reef Dimashq", "Damascus Countryside"],
    "Anbar": ["Al-Anbar"], "Basrah": ["Basra", "Al-Basrah"], "Nineveh": ["Ninewa", "Nineveh", "Ninawa", "Ninevah"],
    "Salah al-Din": ["Salahuddin", "Salahaddin", "Saladin", "Salah ad Din", "Salaheddine"], "Dhi Qar": ["Thi Qar"],
    "Karbala": ["Kerbala"], "Wasit": ["Wassit"], "Qadisiyah": ["Al-Qadisiyah", "Diwaniyah"],
    "Sulaymaniyah": ["Sulaimaniyah", "Suleimaniyah", "Slemani"], "Duhok": ["Dohuk", "Dahuk"], "Erbil": ["Arbil", "Irbil", "Hawler"],
}
COUNTRIES = {"SY", "IQ", "JO", "LB", "TR"}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (len(header) - len(cols))
            yield dict(zip(header, cols))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def coord(x):
    return f"{float(x):.5f}".rstrip("0").rstrip(".")


def names_join(preferred, names):
    seen, out = {preferred.lower()}, []
    for n in names:
        n = clean(n)
        if not n or n.lower() in seen or len(n) > 60 or "|" in n:
            continue
        seen.add(n.lower())
        out.append(n)
    return "|".join(out)


def latin_or_arabic(s):
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith("LATIN") or name.startswith("ARABIC")):
                return False
    return True


def strip_paren(s):
    return clean(re.sub(r"\s*\([^)]*\)", "", s))


def strip_ar_parent(s):
    return clean(s.split(" - ")[0]) if " - " in s else s


def composite_alts(en, ar):
    """OCHA names two merged villages as 'Hamadi Elomr - Kawkab Elsweid' (Arabic 'حمادي العمر_كوكب السويد'):
    each part is a name of its own. An article glued to a word ('Elomr' for 'العمر') is also written apart."""
    en_parts = [clean(p) for p in re.split(r"\s+-\s+|_", en) if clean(p)]
    ar_parts = [clean(p) for p in re.split(r"\s+-\s+|_", ar) if clean(p)]
    out = en_parts[:] if len(en_parts) > 1 else []
    for i, part in enumerate(en_parts):
        toks = part.split()
        ar_toks = ar_parts[i].split() if len(ar_parts) == len(en_parts) else []
        if len(ar_toks) != len(toks):
            continue
        split = [t[:2] + " " + t[2:] if re.match(r"^(al|el)[a-z]", t, re.I) and len(t) >= 5 and a.startswith("ال") else t
                 for t, a in zip(toks, ar_toks)]
        if split != toks:
            out.append(" ".join(split))
    return out


# ---------- admin polygons ----------

def simplify(points, tol):
    """Douglas-Peucker on a closed ring (list of (lon, lat))."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = math.hypot(px - ax, py - ay) if norm == 0 else abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, idx = d, i
        if best > tol and idx > 0:
            keep[idx] = True
            stack.append((a, idx))
            stack.append((idx, b))
    return [p for p, k in zip(points, keep) if k]


def rings_of(geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    for poly in polys:
        yield poly[0]  # outer ring; the sources have no holes worth keeping at this resolution


def ring_text(ring, tol):
    pts = simplify([(float(x), float(y)) for x, y in ring], tol)
    if len(pts) < 4:
        return None
    return ",".join(f"{x:.3f} {y:.3f}" for x, y in pts)


def centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return ring[0][1], ring[0][0]
    return cy / (3 * a), cx / (3 * a)


AREAS = {1: [], 2: []}


def inside(rings, lat, lon):
    for ring in rings:
        c = False
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                c = not c
            j = i
        if c:
            return True
    return False


def locate(lat, lon):
    found = []
    for level in (1, 2):
        hit = ""
        for name, bbox, rings in AREAS[level]:
            if bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3] and inside(rings, lat, lon):
                hit = name
                break
        found.append(hit)
    return found


def build_admin():
    rows, admin1_points = [], {}
    specs = [
        ("SY", 1, "syria_admin_boundaries/syr_admin1_ocha.geojson", "adm1_pcode", "adm1_name", "adm1_name1", None),
        ("SY", 2, "syria_admin_boundaries/syr_admin2_ocha.geojson", "adm2_pcode", "adm2_name", "adm2_name1", "adm1_name"),
        ("IQ", 1, "iraq_admin_boundaries/irq_admbnda_adm1_cso_20190603.geojson", "ADM1_PCODE", "ADM1_EN", "ADM1_AR", None),
        ("IQ", 2, "iraq_admin_boundaries/irq_admbnda_adm2_cso_20190603.geojson", "ADM2_PCODE", "ADM2_EN", "ADM2_AR", "ADM1_EN"),
    ]
    for country, level, rel, pcode_k, name_k, ar_k, parent_k in specs:
        with open(os.path.join(SRC, rel), encoding="utf-8") as f:
            fc = json.load(f)
        for feat in sorted(fc["features"], key=lambda ft: ft["properties"][pcode_k]):
            p = feat["properties"]
            rings = list(rings_of(feat["geometry"]))
            biggest = max(rings, key=len)
            lat, lon = centroid([(float(x), float(y)) for x, y in biggest])
            name = ADMIN1.get(p[name_k], p[name_k]) if level == 1 else clean(p[name_k])
            parent = ADMIN1.get(p[parent_k], p[parent_k]) if parent_k else name
            tol = 0.01 if level == 1 else 0.006
            texts = [t for t in (ring_text(r, tol) for r in rings) if t]
            parsed = [[tuple(map(float, pt.split(" "))) for pt in t.split(",")] for t in texts]
            xs = [x for r in parsed for x, _ in r]
            ys = [y for r in parsed for _, y in r]
            AREAS[level].append((name, (min(xs), min(ys), max(xs), max(ys)), parsed))
            rows.append([str(level), country, p[pcode_k], name, clean(p[ar_k] or ""), parent,
                         coord(lat), coord(lon), ";".join(texts)])
            if level == 1:
                admin1_points[(country, name)] = (lat, lon, clean(p[ar_k] or ""), p[name_k])
    with open(os.path.join(OUT, "admin.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Admin1 (governorate) and admin2 (district) polygons of Syria (OCHA COD-AB 2020) and Iraq (OCHA/CSO COD-AB 2019),\n")
        f.write("# simplified (Douglas-Peucker, 0.01 deg admin1 / 0.006 deg admin2) for point-in-polygon. Built by tools/gazetteer/build_gazetteer.py.\n")
        f.write("# columns: level, country, pcode, name, name_ar, admin1, centroid_lat, centroid_lon, rings (';'-separated rings of 'lon lat' pairs joined by ',')\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return admin1_points


# ---------- places ----------

def build_places(admin1_points):
    out = []  # id, name, alts, lat, lon, country, admin1, admin2, type, rank

    for (country, name), (lat, lon, ar, ocha_name) in sorted(admin1_points.items()):
        alts = [ocha_name, ar] + ADMIN1_ALT.get(name, [])
        out.append([f"admin1:{country}:{name}", name, names_join(name, alts), coord(lat), coord(lon), country,
                    name, "", "governorate", "2000000"])

    # OCHA Syria communities and neighbourhoods.
    ocha = list(read_tsv(os.path.join(SRC, "ocha_syria_places", "syr_places.tsv")))
    for r in ocha:
        name = r["name_en"]
        plain = strip_paren(name)
        alts = [plain, r["admin4_en"], r["name_ar"], strip_ar_parent(r["name_ar"]), r["admin4_ar"]] + composite_alts(plain, r["name_ar"])
        neighbourhood = r["location_type"] == "Neighbourhood"
        if neighbourhood:
            plain = clean(re.sub(r"\(ne\)", "", name, flags=re.I))
            alts = [plain, r["name_ar"], strip_ar_parent(r["name_ar"])]  # admin4 of a neighbourhood is its city
            ftype, rank = "neighbourhood", 100
        else:
            ftype, rank = "settlement", 1000
            if plain == r["admin3_en"]:
                rank = 10000
            if plain == r["admin2_en"]:
                rank = 50000
            if plain == r["admin1_en"] or r["pcode"] in ("C1001",):
                rank = 500000
        out.append([f"ocha:{r['pcode']}", plain if not neighbourhood else plain, names_join(plain, [name] + alts),
                    coord(r["lat"]), coord(r["lon"]), "SY", ADMIN1.get(r["admin1_en"], r["admin1_en"]),
                    r["admin2_en"], ftype, str(rank)])

    # GeoNames cities1000 for the five countries.
    adm1_names = {}
    for line in open(os.path.join(SRC, "geonames", "admin1CodesASCII_middle_east.txt"), encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        adm1_names[c[0]] = c[2]
    for line in open(os.path.join(SRC, "geonames", "cities1000_middle_east.txt"), encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if c[8] not in COUNTRIES:
            continue
        # GeoNames alternates hold airport and ISO codes ("ERC"), which would match acronyms in text.
        alts = [c[2]] + [a for a in c[3].split(",") if latin_or_arabic(a) and not (a.isupper() and len(a) <= 4)][:40]
        pop = int(c[14] or 0)
        out.append([f"geonames:{c[0]}", c[1], names_join(c[1], alts), coord(c[4]), coord(c[5]), c[8],
                    adm1_names.get(f"{c[8]}.{c[10]}", ""), "", "settlement", str(max(pop, 1000))])

    # IOM DTM Iraq locations.
    for r in read_tsv(os.path.join(SRC, "iraq_places", "irq_dtm_locations.tsv")):
        alts = [r["name_ar"]] + r["alt_names_en"].split("|") + r["alt_names_ar"].split("|")
        ftype = {"populated_place": "settlement"}.get(r["feature_type"], r["feature_type"])
        rank = {"neighbourhood": 100, "camp": 200}.get(r["feature_type"], 500)
        name = clean(r["name_en"])
        if not name:
            continue
        out.append([f"dtm:{r['id']}", name, names_join(name, alts), coord(r["lat"]), coord(r["lon"]), "IQ",
                    ADMIN1.get(r["admin1_en"], r["admin1_en"]), r["admin2_en"], ftype, str(rank)])

    # OCHA Iraq districts and sub-districts (area centroids, not towns).
    for r in read_tsv(os.path.join(SRC, "iraq_places", "irq_admin_units.tsv")):
        if r["level"] == "1":
            continue
        ftype = "district" if r["level"] == "2" else "subdistrict"
        name = clean(r["name_en"])
        alts = [r["name_ar"]]
        if name.startswith("Markaz "):
            alts.append(name[len("Markaz "):])
        out.append([f"ochairq:{r['pcode']}", name, names_join(name, alts), coord(r["rep_lat"]), coord(r["rep_lon"]), "IQ",
                    ADMIN1.get(r["admin1_en"], r["admin1_en"]), r["admin2_en"] if r["level"] == "3" else name,
                    ftype, "300" if r["level"] == "2" else "150"])

    # Hand-curated features.
    for r in read_tsv_commented(os.path.join(OUT, "features.tsv")):
        out.append([f"feature:{r['key']}", r["name"], names_join(r["name"], r["alt_names"].split("|")),
                    coord(r["lat"]), coord(r["lon"]), r["country"], r["admin1"], "", r["type"], r["rank"]])

    # admin1/admin2 of Syrian and Iraqi entries come from the point, not the source's name.
    for row in out:
        if row[5] in ("SY", "IQ") and row[8] != "governorate":
            a1, a2 = locate(float(row[3]), float(row[4]))
            if a1:
                row[6] = a1
            if a2:
                row[7] = a2
    ids = set()
    for row in out:
        if row[0] in ids:
            raise SystemExit(f"duplicate id {row[0]}")
        ids.add(row[0])
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Sitrep gazetteer. Built by tools/gazetteer/build_gazetteer.py from OCHA Syria places, GeoNames cities1000 (SY IQ JO LB TR),\n")
        f.write("# IOM DTM Iraq locations, OCHA admin units and features.tsv; see SOURCE.md. rank = population, or a nominal size for the type.\n")
        f.write("# columns: id, name, alt_names ('|'), lat, lon, country, admin1, admin2, type, rank\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    return len(out)


def read_tsv_commented(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#") and l.strip()]
    header = lines[0].rstrip("\n").split("\t")
    for line in lines[1:]:
        cols = line.rstrip("\n").split("\t")
        if len(cols) != len(header):
            raise SystemExit(f"features.tsv: bad row {line!r}")
        yield dict(zip(header, cols))


def main():
    os.makedirs(OUT, exist_ok=True)
    admin1_points = build_admin()
    n = build_places(admin1_points)
    print(f"places.tsv: {n} entries; admin.tsv written to {OUT}")


if __name__ == "__main__":
    main()
