#!/usr/bin/env python3
"""Rebuilds Byline's gazetteer tables in this folder from ../shared/data/gazetteer.

    python3 assets/gazetteer/build.py [--data ../shared/data/gazetteer]

Every table is a UTF-8 TSV file with a `#` header line naming its columns.
Each is derived from one source, so each keeps that source's licence
(see NOTICE at the top of the repository):

  countries.tsv       mledoze/countries (ODbL 1.0): ISO code, common and
                      official English name, capitals, English demonyms and
                      Latin-script alternative spellings; `un` marks UN members.
  country_aliases.tsv OpenSanctions countrynames (MIT): Latin-script name
                      variants -> ISO code (sub-national codes like GB-SCT
                      kept as written); the source's FAIL list is left out.
  places.tsv          GeoNames cities of >= 15,000 people (CC-BY 4.0): name,
                      country code, population, first-level admin code; plus
                      and, for cities of >= 100,000 people, the name without
                      its diacritics and ASCII alternate names.
  us_states.tsv       GeoNames US states (CC-BY 4.0): name, postal code.
  regions.tsv         not built here: written by hand for Byline (states,
                      provinces and regions of other countries than the US,
                      with their country's code); this script leaves it be.
  given_names.tsv     US Census 1990 first names (public domain): name, gender
                      (m/f), frequency per 100 people of that gender.
  surnames.tsv        US Census 2000 surnames (public domain), the 30,000
                      most frequent: name, frequency per 100 people.

Only facts are taken (names, codes, counts); nothing else is copied.
Output is sorted and deterministic, so a rebuild shows as a clean diff.
"""
import argparse
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "gazetteer")

# Latin letters (with diacritics), digits, spaces and the punctuation names use.
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F0-9 .,'’()&-]+$")
# Cities also with Latin Extended Additional, the letters of Vietnamese ("Quảng Ngãi").
CITY = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF0-9 .,'’()&-]+$")


def latin(name, pattern=LATIN):
    return bool(pattern.match(name)) and any(c.isalpha() for c in name)


def clean(name):
    return re.sub(r"\s+", " ", name).strip()


def folded(name):
    """Returns the name without its diacritics ("Quảng Ngãi" -> "Quang Ngai"),
    as copy written on an English keyboard spells it."""
    name = name.replace("Đ", "D").replace("đ", "d")
    out = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# " + "\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(v) for v in row) + "\n")
    print(f"{os.path.basename(path)}: {len(rows)} rows", file=sys.stderr)


def countries(data, out):
    with open(os.path.join(data, "countries_mledoze", "countries.json"), encoding="utf-8") as f:
        entries = json.load(f)
    rows = []
    for c in entries:
        code = c["cca2"]
        common, official = clean(c["name"]["common"]), clean(c["name"]["official"])
        capitals = [clean(x) for x in c.get("capital", []) if latin(x)]
        eng = c.get("demonyms", {}).get("eng", {})
        demonyms = list(dict.fromkeys(clean(eng[g]) for g in ("m", "f") if eng.get(g)))
        aliases = [clean(a) for a in c.get("altSpellings", [])
                   if len(a) > 2 and latin(a) and clean(a) not in (common, official)]
        aliases = list(dict.fromkeys(aliases))
        un = "1" if c.get("unMember") else "0"
        rows.append((code, common, official, "|".join(capitals), "|".join(demonyms), "|".join(aliases), un))
    rows.sort()
    write(os.path.join(out, "countries.tsv"),
          ["code", "name", "official", "capitals", "demonyms", "aliases", "un"], rows)


def country_aliases(data, out):
    import yaml  # PyYAML; only the rebuild needs it
    with open(os.path.join(data, "countrynames_opensanctions", "data.yaml"), encoding="utf-8") as f:
        table = yaml.safe_load(f)
    rows = set()
    for code, names in table.items():
        if code == "FAIL" or not names:
            continue
        for n in names:
            n = clean(str(n))
            if latin(n) and len(n) >= 3:
                rows.add((n, code))
    write(os.path.join(out, "country_aliases.tsv"), ["alias", "code"], sorted(rows))


def places(data, out):
    pg = os.path.join(data, "places_geonames")
    with open(os.path.join(pg, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    rows = {}
    for c in cities.values():
        name, code, pop = clean(c["name"]), c["countrycode"], int(c["population"])
        admin = c.get("admin1code") or ""
        names = [name]
        # Larger cities also without diacritics ("Quang Ngai"); small ones
        # would bring words ("Gőd" -> "God", "Savè" -> "Save").
        if pop >= 100_000:
            names.append(folded(name))
            names += [clean(a) for a in c.get("alternatenames", [])
                      if a.isascii() and latin(a) and a[:1].isupper()]
        for n in dict.fromkeys(names):
            if not latin(n, CITY):
                continue
            key = (n, code)
            if key not in rows or rows[key][2] < pop:
                rows[key] = (n, code, pop, admin)
    write(os.path.join(out, "places.tsv"), ["name", "code", "population", "admin1"],
          sorted(rows.values(), key=lambda r: (r[0], -r[2], r[1])))
    with open(os.path.join(pg, "us_states.json"), encoding="utf-8") as f:
        states = json.load(f)
    write(os.path.join(out, "us_states.tsv"), ["name", "postal"],
          sorted((s["name"], s["code"]) for s in states.values()))


def names(data, out):
    nc = os.path.join(data, "names_us_census")
    rows = []
    for gender, file in (("m", "dist.male.first.1990.csv"), ("f", "dist.female.first.1990.csv")):
        with open(os.path.join(nc, file), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows.append((r["name"].title(), gender, r["frequency"]))
    write(os.path.join(out, "given_names.tsv"), ["name", "gender", "frequency"], sorted(rows))
    rows = []
    with open(os.path.join(nc, "dist.all.last.2000.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if int(r["rank"]) <= 30_000:
                rows.append((r["name"].title(), r["frequency"]))
    write(os.path.join(out, "surnames.tsv"), ["name", "frequency"], sorted(rows))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="the shared gazetteer folder")
    ap.add_argument("--out", default=HERE, help="where to write the tables")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"error: {args.data} is not a folder; pass --data PATH to the shared gazetteer data")
    countries(args.data, args.out)
    country_aliases(args.data, args.out)
    places(args.data, args.out)
    names(args.data, args.out)


if __name__ == "__main__":
    main()
