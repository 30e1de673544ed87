#!/usr/bin/env python3
"""Build assets/places.tsv, the bundled place index, from the shared gazetteer.

usage: python3 tools/build_places.py ../shared/gazetteer assets/places.tsv

Sources: KATOTTG (Ukraine's register of settlements, 2024-01-19, MIT, via ua-geo-set) for every
settlement with its oblast and district; GeoNames cities500 for Ukraine (CC BY 4.0) for
coordinates, population and alternate names (Russian, English, Soviet-era). Each row:

  id  kind  name  oblast  district  lat  lon  population  forms

`forms` are the normalised spellings the matcher looks for ('|'-separated): the Ukrainian name,
its KMU 2010 and common Latin spellings, Russian forms (from GeoNames, or derived from the
Ukrainian), and GeoNames' alternate names in Latin or Cyrillic script.
"""
import difflib
import json
import re
import sys

OBLASTS = {  # KATOTTG adjective -> (English, Russian oblast name, GeoNames admin1)
    "Автономна Республіка Крим": ("Crimea", "Крым", "11"),
    "Вінницька": ("Vinnytsia", "Винницкая", "23"),
    "Волинська": ("Volyn", "Волынская", "24"),
    "Дніпропетровська": ("Dnipropetrovsk", "Днепропетровская", "04"),
    "Донецька": ("Donetsk", "Донецкая", "05"),
    "Житомирська": ("Zhytomyr", "Житомирская", "27"),
    "Закарпатська": ("Zakarpattia", "Закарпатская", "25"),
    "Запорізька": ("Zaporizhzhia", "Запорожская", "26"),
    "Івано-Франківська": ("Ivano-Frankivsk", "Ивано-Франковская", "06"),
    "Київська": ("Kyiv", "Киевская", "13"),
    "Кіровоградська": ("Kirovohrad", "Кировоградская", "10"),
    "Луганська": ("Luhansk", "Луганская", "14"),
    "Львівська": ("Lviv", "Львовская", "15"),
    "Миколаївська": ("Mykolaiv", "Николаевская", "16"),
    "Одеська": ("Odesa", "Одесская", "17"),
    "Полтавська": ("Poltava", "Полтавская", "18"),
    "Рівненська": ("Rivne", "Ровенская", "19"),
    "Сумська": ("Sumy", "Сумская", "21"),
    "Тернопільська": ("Ternopil", "Тернопольская", "22"),
    "Харківська": ("Kharkiv", "Харьковская", "07"),
    "Херсонська": ("Kherson", "Херсонская", "08"),
    "Хмельницька": ("Khmelnytskyi", "Хмельницкая", "09"),
    "Черкаська": ("Cherkasy", "Черкасская", "01"),
    "Чернівецька": ("Chernivtsi", "Черновицкая", "03"),
    "Чернігівська": ("Chernihiv", "Черниговская", "02"),
}
# Colloquial region names (Ukrainian -shchyna forms and others).
OBLAST_EXTRA = {
    "Donetsk": ["донеччина", "donechchyna"],
    "Luhansk": ["луганщина", "luhanshchyna"],
    "Kharkiv": ["харківщина", "харьковщина", "kharkivshchyna"],
    "Zaporizhzhia": ["запоріжжя область"],
    "Kherson": ["херсонщина", "khersonshchyna"],
    "Sumy": ["сумщина", "sumshchyna"],
    "Dnipropetrovsk": ["дніпропетровщина", "dnipropetrovshchyna", "dnipropetrovsk"],
    "Kirovohrad": ["kirovohrad"],
    "Crimea": ["крим", "крым", "crimea", "krym", "crimean peninsula"],
}
OBLAST_LATIN = {"dnipropetrovsk", "kirovohrad"}
FEATURES = [  # id, kind, name, oblast, forms
    ("feature:donbas", "region", "Donbas", "", ["donbas", "donbass", "донбас", "донбасс"]),
    ("feature:oskil", "river", "Oskil River", "Kharkiv", ["oskil", "oskil river", "oskol", "oskol river", "оскіл", "оскол", "річка оскіл", "река оскол"]),
    ("feature:siversky-donets", "river", "Siversky Donets River", "", ["siversky donets", "siverskyi donets", "seversky donets", "severskiy donets", "сіверський донець", "северский донец", "siversky donets river"]),
    ("feature:dnipro-river", "river", "Dnipro River", "", ["dnipro river", "dnieper", "dnieper river", "river dnipro", "річка дніпро", "река днепр"]),
    ("feature:inhulets", "river", "Inhulets River", "", ["inhulets river", "ingulets river"]),
    ("feature:zaporizhzhia-npp", "site", "Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia", ["zaporizhzhia nuclear power plant", "zaporizhzhia npp", "zaporizhzhia nuclear plant", "запорізька аес", "запорожская аэс"]),
]
# Soviet-era and other old names still used by Russian sources, where GeoNames lacks them.
RENAMES = [
    ("Лиман", "Донецька", ["krasny liman", "krasnyy liman", "красный лиман"]),
    ("Бахмут", "Донецька", ["artemovsk", "artyomovsk", "артемовск", "artemivsk"]),
    ("Покровськ", "Донецька", ["krasnoarmeysk", "krasnoarmeisk", "красноармейск", "krasnoarmiisk"]),
    ("Торецьк", "Донецька", ["dzerzhinsk", "dzerzhynsk", "дзержинск"]),
    ("Мирноград", "Донецька", ["dimitrov", "dymytrov", "димитров"]),
    ("Вугледар", "Донецька", ["ugledar", "угледар", "vuhledar"]),
    ("Кропивницький", "Кіровоградська", ["kirovograd", "кировоград"]),
    ("Дніпро", "Дніпропетровська", ["dnepropetrovsk", "днепропетровск", "dnepr", "днепр"]),
    ("Сіверськ", "Донецька", ["seversk", "северск"]),
    ("Новогродівка", "Донецька", ["novogrodovka", "новогродовка"]),
    ("Курахове", "Донецька", ["kurakhovo", "курахово"]),
    ("Часів Яр", "Донецька", ["chasov yar", "часов яр"]),
    ("Костянтинівка", "Донецька", ["konstantinovka", "константиновка", "kostiantynivka", "kostyantynivka"]),
    ("Куп'янськ", "Харківська", ["kupyansk", "купянск", "kupiansk"]),
    ("Вовчанськ", "Харківська", ["volchansk", "волчанск", "vovchansk"]),
    ("Авдіївка", "Донецька", ["avdeevka", "avdeyevka", "авдеевка", "avdiivka"]),
    ("Світлодарськ", "Донецька", ["svetlodarsk", "светлодарск"]),
    ("Горлівка", "Донецька", ["gorlovka", "горловка", "horlivka"]),
    ("Красногорівка", "Донецька", ["krasnogorovka", "красногоровка"]),
]
STOP = {  # Latin forms that are ordinary words in English news prose
    "mine", "sun", "gold", "river", "nova", "top", "ray", "bar", "mir", "lis", "sich", "mala", "bila",
    "stara", "nove", "novo", "zoria", "zorya", "ukraine", "ukraina", "russia", "rossiya", "moscow",
    "mayak", "zirka", "maiak", "lenina", "lenin", "kirov", "kalinin", "pobeda", "peremoha", "victory",
    "druzhba", "friendship", "komunar", "front", "donets", "liman", "lyman",
}
STOP.discard("lyman")  # Lyman (Donetsk oblast) is a front-line town; kept, capitalised use only
STOP.discard("liman")

UK_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", " ": " ", "-": " ",
}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RU_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", " ": " ", "-": " ",
}
VOWELS = set("аеёиоуыэюяіїєй")


def norm(s):
    s = s.lower().replace("ё", "е")
    s = re.sub(r"['’ʼ`´‘]", "", s)
    s = s.replace("-", " ")
    return " ".join(s.split())


def kmu(uk, bgn=False):
    out = []
    s = uk.lower().replace("’", "'").replace("ʼ", "'")
    s = s.replace("зг", "zgh")
    prev = " "
    for ch in s:
        if ch in UK_INITIAL and (prev in " -" or bgn):
            out.append(UK_INITIAL[ch])
        elif bgn and ch == "й":
            out.append("y")
        else:
            out.append(UK_LAT.get(ch, ch))
        prev = ch
    return norm("".join(out))


def ru_lat(ru):
    out = []
    prev = " "
    for ch in ru.lower():
        if ch == "е" and (prev in " -" or prev in VOWELS or prev in "ьъ"):
            out.append("ye")
        else:
            out.append(RU_LAT.get(ch, ch))
        prev = ch
    return norm("".join(out))


# Roots Russian translates rather than transliterates (Піщане → Песчаное, Червоне → Красное).
UK_RU_ROOTS = [
    ("піщан", "песчан"), ("камян", "камен"), ("вільн", "вольн"), ("червон", "красн"),
    ("микола", "никола"), ("олександр", "александр"), ("сіверськ", "северск"), ("біло", "бело"),
    ("біла", "бела"), ("зоря", "заря"), ("веселе", "веселое"), ("нов", "нов"), ("сілк", "селк"),
]
# The first words of names of several words are adjectives: Велика Новосілка → Великая
# Новосёлка, Старі Терни → Старые Терны, Нове → Новое.
RU_ADJ = [("ий", "ий"), ("а", "ая"), ("е", "ое"), ("і", "ые")]


def uk_to_ru(uk, translate=True):
    s = norm(uk)
    if translate:
        for a, b in UK_RU_ROOTS:
            s = s.replace(a, b)
    words = []
    parts = s.split()
    for n, w in enumerate(parts):
        if n + 1 < len(parts):
            for a, b in RU_ADJ:
                if w.endswith(a) and len(w) > 3:
                    soft = w[: -len(a)][-1:] in "гкхжшчщ"
                    if a == "ий":
                        b = "ий" if soft else "ый"
                    elif a == "і":
                        b = "ие" if soft else "ые"
                    w = w[: -len(a)] + b
                    break
        w = w.replace("ськ", "ск").replace("цьк", "цк")
        for a, b in (("аївка", "аевка"), ("іївка", "иевка"), ("ївка", "евка"), ("івка", "овка")):
            if w.endswith(a):
                w = w[: -len(a)] + b
                break
        if w.endswith("ів"):
            w = w[:-2] + "ов"
        for a, b in (("ське", "ское"), ("цьке", "цкое"), ("ове", "ово"), ("еве", "ево"), ("нє", "нее"), ("не", "ное")):
            if w.endswith(a):
                w = w[: -len(a)] + b
                break
        # A final -и after a hard consonant is -ы in Russian (Терни → Терны, but Піски → Пески).
        if w.endswith("и") and len(w) > 3 and w[-2] not in "гкхжшчщйь":
            w = w[:-1] + "ы"
        w = w.replace("і", "и").replace("ї", "и").replace("є", "е").replace("ґ", "г").replace("ь", "ь")
        words.append(w)
    return " ".join(words)


def latin_ok(s):
    return re.fullmatch(r"[A-Za-z][A-Za-z' \-’]{3,}", s) is not None


def main(src, out_path):
    kat = json.load(open(f"{src}/katottg-2024-01-19.json"))
    items = kat["items"]
    codes = kat["indexToCode"]
    geo = json.load(open(f"{src}/geonames-cities500-ua.json"))
    admin_to_oblast = {v[2]: k for k, v in OBLASTS.items()}
    admin_to_oblast["12"] = "Київська"  # Kyiv city
    admin_to_oblast["20"] = "Автономна Республіка Крим"  # Sevastopol
    # GeoNames by (normalised Cyrillic name, oblast adjective).
    gidx = {}
    for g in geo.values():
        ob = admin_to_oblast.get(g["admin1code"])
        if not ob:
            continue
        names = {norm(n) for n in g["alternatenames"] if re.search("[а-яіїєґ]", n.lower())}
        for n in names:
            gidx.setdefault((n, ob), []).append(g)

    def chain(i):
        district = oblast = None
        seen = 0
        while i is not None and seen < 10:
            it = items[i]
            if it["k"] == "P":
                district = it["n"]
            if it["k"] == "O":
                oblast = it["n"]
            if it["k"] == "K" and it["n"] == "Київ":
                oblast = oblast or "Київська"
            i = it.get("p")
            seen += 1
        return district, oblast

    settlements = []
    for i, it in enumerate(items):
        if it["k"] not in "MTCXK":
            continue
        district, oblast = chain(it.get("p"))
        if it["k"] == "K":
            oblast = "Київська" if it["n"] == "Київ" else "Автономна Республіка Крим"
        if oblast is None:
            continue
        settlements.append((i, it, district, oblast))
    count = {}
    for _, it, _, ob in settlements:
        count[(norm(it["n"]), ob)] = count.get((norm(it["n"]), ob), 0) + 1
    rank = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
    rows = []
    for i, it, district, oblast in settlements:
        name_uk = it["n"]
        key = (norm(name_uk), oblast)
        forms = {norm(name_uk), kmu(name_uk), kmu(name_uk, bgn=True)}
        ru_forms = {uk_to_ru(name_uk), uk_to_ru(name_uk, translate=False)}
        own = set(forms) | set(ru_forms) | {ru_lat(r) for r in ru_forms}
        lat = lon = ""
        pop = 0
        cands = gidx.get(key, [])
        g = None
        if len(cands) == 1 and (count[key] == 1 or it["k"] in "MK"):
            g = cands[0]
        elif len(cands) > 1 and it["k"] in "MK":
            g = max(cands, key=lambda c: c["population"])
        if g is not None:
            lat, lon, pop = g["latitude"], g["longitude"], g["population"]
            for n in g["alternatenames"] + [g["name"]]:
                if re.search("[а-яё]", n.lower()) and not re.search("[іїєґ]", n.lower()):
                    ru_forms.add(norm(n))
                elif latin_ok(n) and n[0].isupper():
                    forms.add(norm(n))
                elif re.search("[іїєґ]", n.lower()):
                    forms.add(norm(n))
        for r in ru_forms:
            forms.add(r)
            forms.add(ru_lat(r))
        for uk, ob, extra in RENAMES:
            if norm(uk) == key[0] and ob == oblast and (it["k"] in "MK" or count[key] == 1):
                forms.update(norm(e) for e in extra)
        # The Ukrainian Latin names of two oblasts are the old names of their centres: in
        # English "Dnipropetrovsk" now names the oblast, not the city (Dnipro).
        forms = {f for f in forms if len(f) >= 3 and f not in STOP and f not in OBLAST_LATIN}
        en = kmu(name_uk).title().replace(" ", "-") if "-" in name_uk else " ".join(w.capitalize() for w in kmu(name_uk).split())
        d_en = (kmu(district).title() + " raion") if district else ""
        rows.append((f"katottg:{codes[i]}", "settlement:" + it["k"], en, OBLASTS[oblast][0], d_en, lat, lon, pop, rank[it["k"]], sorted(forms), own))
    # A GeoNames alternate name that is another settlement's own name and unlike this one's is an
    # old or other name ("Slovyansk" among Nikopol's, "Petrovka" among Kurakhove's): it belongs to
    # the other place.
    owners = {}
    for r in rows:
        for f in r[10]:
            owners.setdefault(f, set()).add(r[0])
    kept_rows = []
    for r in rows:
        name = r[2].lower()
        forms = [f for f in r[9] if f in r[10] or not (owners.get(f, set()) - {r[0]})
                 or difflib.SequenceMatcher(None, f, name).ratio() >= 0.6
                 or any(f in extra for _, _, extra in RENAMES)]
        kept_rows.append(r[:9] + (forms,))
    rows = kept_rows
    for adj, (en, ru, _) in OBLASTS.items():
        f = {norm(f"{en} oblast"), norm(f"{en} region"), norm(f"{en} province"), norm(f"{adj} область"), norm(f"{ru} область"), norm(f"{kmu(adj)} oblast")}
        f.update(OBLAST_EXTRA.get(en, []))
        # Inflected forms: "у Донецькій області", "Донецької області", "в Донецкой области".
        uk_stem, ru_stem = adj[:-1], ru[:-2]
        if adj.endswith("а"):
            f.update(norm(uk_stem + e) for e in ("ій області", "ої області", "у область"))
        if ru.endswith("ая"):
            f.update(norm(ru_stem + e) for e in ("ой области", "ую область", "ой обл"))
        name = en if en == "Crimea" else f"{en} Oblast"
        rows.append((f"oblast:{en.lower()}", "oblast", name, en, "", "", "", 0, 0, sorted(norm(x) for x in f)))
    for fid, kind, name, ob, forms in FEATURES:
        rows.append((fid, kind, name, ob, "", "", "", 0, 0, sorted(norm(x) for x in forms)))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Crosscheck place index, generated by tools/build_places.py from KATOTTG 2024-01-19 (MIT, ua-geo-set)\n")
        out.write("# and GeoNames cities500 for Ukraine (CC BY 4.0, geonames.org). Do not edit by hand.\n")
        out.write("# id\tkind\tname\toblast\tdistrict\tlat\tlon\tpopulation\trank\tforms\n")
        for r in rows:
            out.write("\t".join(str(x) for x in r[:9]) + "\t" + "|".join(r[9]) + "\n")
    print(f"{len(rows)} places written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
