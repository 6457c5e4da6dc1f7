#!/usr/bin/env python3
"""Check the gazetteer TSV files for structural errors.

Usage: python3 scripts/check_gazetteers.py [GAZETTEER_DIR]

Checks (errors make the exit code 1; warnings only print):
- every file has the header its schema names (gazetteers/README.md) and every row its column count;
- ids are lower-case ASCII slugs, unique within a file and across all actor files
  (states, organisations, persons) and between places and states (states are places too);
- qid cells are empty or Q followed by digits;
- closed-vocabulary cells (gender, kind, type) hold allowed values;
- references exist: states.capital -> places, places.country -> states,
  organisations.parent -> organisations, organisations.members -> states/organisations/persons;
- warnings: the same QID on two rows, the same surface form (name/alias/abbreviation) on two actors.
- roles: roles.person -> persons, roles.of and role_words.of -> actor ids, dates YYYY[-MM[-DD]].
Files that are absent are skipped (persons.tsv may be written by someone else later).
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

SCHEMAS = {
    "actors/states.tsv": ["id", "qid", "name", "gender", "aliases", "adjectives", "demonyms",
                          "prefixes", "capital", "seats"],
    "actors/organisations.tsv": ["id", "qid", "type", "name", "gender", "aliases", "abbreviations",
                                 "parent", "members", "category"],
    "actors/persons.tsv": ["id", "qid", "name", "aliases", "surname", "gender"],
    "places/places.tsv": ["id", "qid", "name", "kind", "country", "gender", "aliases", "adjectives"],
    "roles/roles.tsv": ["person", "role", "of", "from", "to"],
    "roles/role_words.tsv": ["word", "role", "of"],
}
ID_TABLES = ("actors/states.tsv", "actors/organisations.tsv", "actors/persons.tsv", "places/places.tsv")
DATE_RE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$")
ALLOWED = {
    ("actors/states.tsv", "gender"): {"n", "f", "m", "pl"},
    ("actors/organisations.tsv", "gender"): {"n", "f", "m", "pl"},
    ("actors/organisations.tsv", "type"): {"organisation", "body"},
    ("actors/persons.tsv", "gender"): {"m", "f"},
    ("places/places.tsv", "gender"): {"n", "f", "m", "pl"},
    ("places/places.tsv", "kind"): {"city", "region", "venue"},
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def read_table(root, rel):
    path = root / rel
    if not path.exists():
        return None
    want = SCHEMAS[rel]
    header = None
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != want:
                    err(f"{rel}:{lineno}: header {header} != {want}")
                    return []
                continue
            if len(cells) != len(want):
                err(f"{rel}:{lineno}: {len(cells)} columns, want {len(want)}")
                continue
            row = dict(zip(want, cells))
            row["_line"] = lineno
            for c in want:
                v = row[c]
                if v != v.strip():
                    err(f"{rel}:{lineno}: cell {c} has surrounding spaces")
                if "|" in v and any(not p.strip() for p in v.split("|")):
                    err(f"{rel}:{lineno}: cell {c} has an empty '|' part")
            rows.append(row)
    if header is None:
        warn(f"{rel}: no header (empty file)")
    return rows


def values(cell):
    return [v for v in cell.split("|") if v] if cell else []


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "gazetteers"
    tables = {rel: read_table(root, rel) for rel in SCHEMAS}
    for rel, rows in tables.items():
        if rows is None:
            print(f"skip {rel}: absent")
            continue
        if rel not in ID_TABLES:
            continue
        seen = {}
        qids = defaultdict(list)
        prev = None
        for r in rows:
            i, ln = r["id"], r["_line"]
            if not ID_RE.match(i):
                err(f"{rel}:{ln}: bad id {i!r}")
            if i in seen:
                err(f"{rel}:{ln}: duplicate id {i!r} (first on line {seen[i]})")
            seen[i] = ln
            if prev is not None and i < prev:
                warn(f"{rel}:{ln}: not sorted by id ({i!r} after {prev!r})")
            prev = i
            q = r["qid"]
            if q and not QID_RE.match(q):
                err(f"{rel}:{ln}: bad qid {q!r}")
            if q:
                qids[q].append(i)
            if not r["name"]:
                err(f"{rel}:{ln}: empty name")
            for (t, col), allowed in ALLOWED.items():
                if t == rel and r[col] not in allowed:
                    err(f"{rel}:{ln}: {col}={r[col]!r} not in {sorted(allowed)}")
        for q, ids in qids.items():
            if len(ids) > 1:
                warn(f"{rel}: qid {q} on several rows: {', '.join(ids)}")

    states = tables["actors/states.tsv"] or []
    orgs = tables["actors/organisations.tsv"] or []
    persons = tables["actors/persons.tsv"] or []
    places = tables["places/places.tsv"] or []
    state_ids = {r["id"] for r in states}
    org_ids = {r["id"] for r in orgs}
    person_ids = {r["id"] for r in persons}
    place_ids = {r["id"] for r in places}

    # ids unique across actor files, and places vs states
    owner = {}
    for rel, rows in (("actors/states.tsv", states), ("actors/organisations.tsv", orgs),
                      ("actors/persons.tsv", persons)):
        for r in rows:
            if r["id"] in owner and owner[r["id"]] != rel:
                err(f"{rel}:{r['_line']}: id {r['id']!r} also in {owner[r['id']]}")
            owner.setdefault(r["id"], rel)
    for r in places:
        if r["id"] in state_ids:
            err(f"places/places.tsv:{r['_line']}: id {r['id']!r} is also a state id")

    # references
    if tables["places/places.tsv"] is not None:
        for r in states:
            if r["capital"] and r["capital"] not in place_ids:
                err(f"actors/states.tsv:{r['_line']}: capital {r['capital']!r} not in places.tsv")
    for r in places:
        if r["country"] and r["country"] not in state_ids:
            err(f"places/places.tsv:{r['_line']}: country {r['country']!r} not in states.tsv")
    actor_ids = state_ids | org_ids | person_ids
    for r in orgs:
        ln = r["_line"]
        if r["parent"]:
            if r["parent"] not in org_ids:
                err(f"actors/organisations.tsv:{ln}: parent {r['parent']!r} not an organisation id")
            if r["type"] != "body":
                warn(f"actors/organisations.tsv:{ln}: {r['id']} has a parent but type {r['type']}")
        for m in values(r["members"]):
            if m not in actor_ids:
                err(f"actors/organisations.tsv:{ln}: member {m!r} not an actor id")
            if m == r["id"]:
                err(f"actors/organisations.tsv:{ln}: {r['id']} is its own member")

    # roles: person and holder references, dates
    roles = tables["roles/roles.tsv"] or []
    for r in roles:
        ln = r["_line"]
        if tables["actors/persons.tsv"] is not None and r["person"] not in person_ids:
            err(f"roles/roles.tsv:{ln}: person {r['person']!r} not in persons.tsv")
        if r["of"] and r["of"] not in actor_ids:
            err(f"roles/roles.tsv:{ln}: of {r['of']!r} not an actor id")
        for c in ("from", "to"):
            if r[c] and not DATE_RE.match(r[c]):
                err(f"roles/roles.tsv:{ln}: {c}={r[c]!r} is not YYYY[-MM[-DD]]")
        n = min(len(r["from"]), len(r["to"]))  # compare at the coarser precision
        if r["from"] and r["to"] and r["to"][:n] < r["from"][:n]:
            err(f"roles/roles.tsv:{ln}: to {r['to']} before from {r['from']}")
    for r in tables["roles/role_words.tsv"] or []:
        if r["of"] and r["of"] not in actor_ids:
            err(f"roles/role_words.tsv:{r['_line']}: of {r['of']!r} not an actor id")

    # ambiguous surface forms across actors (warning only)
    forms = defaultdict(set)
    for r in states:
        for f in [r["name"]] + values(r["aliases"]) + values(r["prefixes"]):
            forms[f].add(r["id"])
    for r in orgs:
        for f in [r["name"]] + values(r["aliases"]) + values(r["abbreviations"]):
            forms[f].add(r["id"])
    for f, ids in sorted(forms.items()):
        if len(ids) > 1:
            warn(f"surface form {f!r} names several actors: {', '.join(sorted(ids))}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    counts = ", ".join(f"{rel}: {len(rows)}" for rel, rows in tables.items() if rows is not None)
    print(f"{counts}; {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
