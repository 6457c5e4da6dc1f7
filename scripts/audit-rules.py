#!/usr/bin/env python3
"""Audit chronik's meeting rules and event data rows on all the evaluation text at hand.

Usage (from the repository root):
    python3 scripts/audit-rules.py [--bin target/release/chronik] [--eval ../shared/eval]
        [--gazetteers gazetteers] [--files events/triggers.tsv ...] [--workers 2]
        [--check-absent] [--no-ablation] [--json FILE]

Reads the evaluation texts as unlabelled news (never the gold, never `blind/`), in four sets:
news `articles.jsonl` split by id into n000-n039 (the articles the rules were tuned on) and
n040-n069, `krauts/articles.jsonl` and `wikiwarsde/articles.jsonl`. Then prints:

1. Rule firing counts. Every rule id of the catalogue (`src/events/rules.rs`, so rules that never
   fire show 0) with the number of events that list it (`chronik extract --explain`, `events[].rules`)
   and of distinct documents, per set; likewise every timex rule id (string literals
   `"time/<kind>/<name>"` under `src/time/`, and every `timexes[].rule` seen). Flags: `dev-only`
   (fires only in n000-n039), `<=1 doc` (fires on at most one document overall), `never`.
2. Data-row ablation of `events/triggers.tsv`, `events/cues.tsv`, `events/status_cues.tsv` and
   `time/tense.tsv` (change with --files). For each data row the whole gazetteer tree is copied to a
   temporary directory without that one row, `chronik extract --format jsonl --gazetteers TMP
   --jobs 1` runs once over all sets, and the documents whose `events` (and, for `time/` files,
   `timexes`) differ from the unmodified run are counted per set. Ablations run --workers at a time.
   A row whose words do not all occur (case-insensitively, as substrings) in any title or text
   cannot change anything and is not run: it counts as `absent` (--check-absent runs these rows
   too, to check that claim). Rows of cues.tsv whose kind names an actor category (`group`,
   `nondiplomatic`) are matched against organisations.tsv, not text, and are always run, as are
   all rows of a file given with --files that WORD_COLUMN does not describe.
   Each row is classed `absent` (never occurs), `no-change` (occurs, changes nothing), `dev-only`
   (changes documents of n000-n039 only) or `general` (changes a document of another set); a row
   that repeats an earlier line of its file word for word is marked `dup of line N`.

Progress goes to stderr; the tables and the flagged rows to stdout; --json FILE writes everything
(rule counts, every row with its changed documents, the summary) machine-readable.
Python 3 standard library only.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SETS = ("n000-n039", "n040-n069", "krauts", "wikiwarsde")
DEV = "n000-n039"
DATA_FILES = ("events/triggers.tsv", "events/cues.tsv", "events/status_cues.tsv", "time/tense.tsv")
# cues.tsv kinds whose word is an actor category of organisations.tsv, not a word of the text
CATEGORY_KINDS = {"group", "nondiplomatic"}
# the first column of each data file: the word(s) a row matches in the text
WORD_COLUMN = {"events/triggers.tsv": "form", "events/cues.tsv": "word",
               "events/status_cues.tsv": "cue", "time/tense.tsv": "form"}


# ---------------------------------------------------------------- input

def set_of(source, article_id):
    """The audit set of an article: news is split by its number."""
    if source != "news":
        return source
    number = int(re.sub(r"\D", "", article_id) or 0)
    return DEV if number < 40 else "n040-n069"


def load_articles(eval_dir):
    """[(set, id, raw JSON line, lower-case title and text)] of news, krauts and wikiwarsde."""
    articles = []
    for source in ("news", "krauts", "wikiwarsde"):
        with open(eval_dir / source / "articles.jsonl", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                doc = json.loads(line)
                text = (doc.get("title") or "") + "\n" + (doc.get("text") or "")
                articles.append((set_of(source, doc["id"]), doc["id"], line.rstrip("\n"), text.lower()))
    return articles


def write_corpus(articles, path):
    """All articles in one JSON Lines file, so one chronik process reads every set."""
    with open(path, "w", encoding="utf-8") as f:
        for _, _, line, _ in articles:
            f.write(line + "\n")


# ---------------------------------------------------------------- running chronik

def run_chronik(binary, corpus, gazetteers=None, explain=False):
    """{id: record} of `chronik extract --format jsonl`; raises RuntimeError when it fails."""
    cmd = [str(binary)]
    if gazetteers is not None:
        cmd += ["--gazetteers", str(gazetteers)]
    cmd += ["extract", "--format", "jsonl", "--jobs", "1", str(corpus)]
    if explain:
        cmd.append("--explain")
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else
                           f"exit code {proc.returncode}")
    records = (json.loads(line) for line in proc.stdout.splitlines() if line.strip())
    return {rec["id"]: rec for rec in records}


def compared(record, with_timexes):
    """The part of a record an ablation is judged on."""
    if record is None:
        return None
    return (record.get("events"), record.get("timexes") if with_timexes else None)


# ---------------------------------------------------------------- rule firing counts

def catalogue_rule_ids(repo):
    """Event rule ids in catalogue order, from the `rules!` macro of src/events/rules.rs."""
    text = (repo / "src/events/rules.rs").read_text(encoding="utf-8")
    return re.findall(r'^\s*[A-Z_]+\s*=\s*"([a-z-]+/[a-z-]+)",', text, re.M)


def source_timex_rule_ids(repo):
    """Timex rule ids written as string literals under src/time/."""
    ids = set()
    for path in sorted((repo / "src/time").glob("*.rs")):
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'"(time/(?:date|time|duration|set|ref)/[a-z_]+)"', text))
    return ids


def empty_counts():
    return {s: {"items": 0, "docs": set()} for s in SETS}


def count_rules(records, set_by_id, event_ids, timex_ids):
    """({rule: {set: {items, docs}}} for events, the same for timexes)."""
    events = {r: empty_counts() for r in event_ids}
    timexes = {r: empty_counts() for r in sorted(timex_ids)}
    for doc_id, rec in records.items():
        s = set_by_id[doc_id]
        for event in rec.get("events", []):
            for rule in set(event.get("rules", [])):
                c = events.setdefault(rule, empty_counts())[s]
                c["items"] += 1
                c["docs"].add(doc_id)
        for timex in rec.get("timexes", []):
            rule = timex.get("rule") or "(none)"
            c = timexes.setdefault(rule, empty_counts())[s]
            c["items"] += 1
            c["docs"].add(doc_id)
    return events, timexes


def rule_flags(counts):
    """Flags of one rule's counts: never, dev-only, <=1 doc."""
    docs = set().union(*(counts[s]["docs"] for s in SETS))
    if not docs:
        return ["never"]
    flags = []
    if all(not counts[s]["docs"] for s in SETS if s != DEV):
        flags.append("dev-only")
    if len(docs) <= 1:
        flags.append("<=1 doc")
    return flags


def rule_class(counts):
    flags = rule_flags(counts)
    return "never" if "never" in flags else "dev-only" if "dev-only" in flags else "general"


# ---------------------------------------------------------------- data rows

def data_rows(gazetteers, relpath):
    """[(line number, line, {column: cell})] of the data rows of a TSV file (not header, comments)."""
    rows, header = [], None
    lines = (gazetteers / relpath).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if header is None:
            header = cells
            continue
        rows.append((number, line, dict(zip(header, cells))))
    return rows


def row_words(relpath, cells):
    """The words that must all stand in a text for the row to matter; None when it is not text."""
    if relpath == "events/cues.tsv" and cells.get("kind") in CATEGORY_KINDS:
        return None
    return cells.get(WORD_COLUMN.get(relpath, ""), "").lower().split()


def occurs(words, texts):
    return all(any(w in t for t in texts) for w in words)


def without_line(gazetteers, relpath, line_number, tmp_root):
    """A copy of the gazetteer tree in a new directory under tmp_root without one line of one file."""
    target = Path(tempfile.mkdtemp(dir=tmp_root))
    tree = target / "gazetteers"
    shutil.copytree(gazetteers, tree)
    path = tree / relpath
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[line_number - 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return target, tree


def ablate(job, ctx):
    """Runs chronik without one row; the ids of the documents whose output changed, by set."""
    relpath, number = job["file"], job["line"]
    target, tree = without_line(ctx["gazetteers"], relpath, number, ctx["tmp"])
    try:
        records = run_chronik(ctx["bin"], ctx["corpus"], tree)
    except RuntimeError as err:
        return {"error": str(err)}
    finally:
        shutil.rmtree(target, ignore_errors=True)
    with_timexes = relpath.startswith("time/")
    changed = defaultdict(list)
    for doc_id, base in ctx["base"].items():
        if compared(base, with_timexes) != compared(records.get(doc_id), with_timexes):
            changed[ctx["set_by_id"][doc_id]].append(doc_id)
    return {"changed": {s: changed.get(s, []) for s in SETS}}


def row_class(row):
    if row.get("error"):
        return "error"
    changed = row["changed"]
    if not any(changed[s] for s in SETS):
        return "no-change" if row["occurs"] else "absent"
    if all(not changed[s] for s in SETS if s != DEV):
        return "dev-only"
    return "general"


def plan_rows(gazetteers, files, texts):
    """Every data row of `files` as a job dict; `occurs` is false when its words occur in no text."""
    jobs = []
    for relpath in files:
        first_line = {}
        for number, line, cells in data_rows(gazetteers, relpath):
            words = row_words(relpath, cells)
            jobs.append({"file": relpath, "line": number, "row": line.replace("\t", " | "),
                         "occurs": words is None or occurs(words, texts),
                         "duplicate_of": first_line.setdefault(line.strip(), number),
                         "changed": {s: [] for s in SETS}})
            if jobs[-1]["duplicate_of"] == number:
                jobs[-1]["duplicate_of"] = None
    return jobs


def run_ablations(jobs, ctx, workers, check_absent=False):
    """Fills in `changed` (or `error`) of every job whose words occur (of every job with
    check_absent), `workers` at a time."""
    todo = [j for j in jobs if j["occurs"] or check_absent]
    done = 0

    def one(job):
        return job, ablate(job, ctx)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for job, result in pool.map(one, todo):
            job.update(result)
            done += 1
            n = sum(len(v) for v in job.get("changed", {}).values())
            note = job.get("error") or f"{n} docs changed"
            print(f"[{done}/{len(todo)}] {job['file']}:{job['line']} {job['row']}: {note}",
                  file=sys.stderr, flush=True)
    for job in jobs:
        job["class"] = row_class(job)
        if not job["occurs"] and job["class"] != "absent":
            print(f"warning: {job['file']}:{job['line']} occurs in no text but changes the output "
                  f"({job['class']}): the absent check is wrong", file=sys.stderr)


# ---------------------------------------------------------------- printing

def print_rule_table(title, counts):
    print(f"\n## {title}")
    head = "".join(f"{s:>17}" for s in SETS)
    print(f"{'rule':34}{head}  {'docs':>5}  flags")
    print(f"{'':34}" + "".join(f"{'items(docs)':>17}" for _ in SETS))
    for rule, c in counts.items():
        cells = "".join(f"{str(c[s]['items']) + '(' + str(len(c[s]['docs'])) + ')':>17}" for s in SETS)
        total = len(set().union(*(c[s]["docs"] for s in SETS)))
        print(f"{rule:34}{cells}  {total:>5}  {' '.join(rule_flags(c))}")


def class_counts(items, key, classes):
    out = {c: 0 for c in classes}
    for item in items:
        out[key(item)] = out.get(key(item), 0) + 1
    return out


def print_row_summary(jobs, files):
    classes = ("absent", "no-change", "dev-only", "general", "error")
    print("\n## Data-row ablation: rows by what removing them changes (documents of all sets)")
    print(f"{'file':26}{'rows':>6}" + "".join(f"{c:>11}" for c in classes))
    for relpath in list(files) + ["all"]:
        rows = [j for j in jobs if relpath in ("all", j["file"])]
        c = class_counts(rows, lambda j: j["class"], classes)
        print(f"{relpath:26}{len(rows):>6}" + "".join(f"{c[k]:>11}" for k in classes))
    print("absent: its words occur in no text (never fires); no-change: occurs, output unchanged;")
    print("dev-only: changes n000-n039 documents only; general: changes a document of another set.")
    print("\nDocuments changed per set (sum over rows):")
    for relpath in files:
        rows = [j for j in jobs if j["file"] == relpath]
        sums = {s: sum(len(j["changed"][s]) for j in rows if "changed" in j) for s in SETS}
        print(f"  {relpath:26}" + "  ".join(f"{s} {sums[s]}" for s in SETS))


def row_label(job):
    """`word:line`, with the line it repeats for a duplicate row."""
    dup = f" (dup of line {job['duplicate_of']})" if job.get("duplicate_of") else ""
    return f"{job['row'].split(' | ')[0]}:{job['line']}{dup}"


def print_flagged_rows(jobs, files):
    print("\n## Flagged rows")
    for relpath in files:
        rows = [j for j in jobs if j["file"] == relpath]
        for cls, label in (("absent", "never occur in any text"),
                           ("no-change", "occur but change nothing")):
            words = [row_label(j) for j in rows if j["class"] == cls]
            if words:
                print(f"\n{relpath}, {len(words)} rows that {label} (word:line):")
                print("  " + ", ".join(words))
        dev = [j for j in rows if j["class"] == "dev-only"]
        if dev:
            print(f"\n{relpath}, {len(dev)} rows that change only n000-n039 documents:")
            for j in dev:
                docs = j["changed"][DEV]
                print(f"  line {j['line']:>4}  {j['row']:40} {len(docs)} docs: {' '.join(docs)}")
        errors = [j for j in rows if j["class"] == "error"]
        for j in errors:
            print(f"  ERROR line {j['line']} {j['row']}: {j['error']}")


def rule_summary(counts):
    c = class_counts(counts.values(), rule_class, ("never", "dev-only", "general"))
    c["one-doc"] = sum(1 for v in counts.values() if "<=1 doc" in rule_flags(v))
    return {"rules": len(counts), **c}


def row_summary(jobs):
    c = class_counts(jobs, lambda j: j["class"], ("absent", "no-change", "dev-only", "general", "error"))
    return {"rows": len(jobs), "never-change": c["absent"] + c["no-change"], **c}


def print_summary(events, timexes, jobs, seconds):
    print("\n## Summary")
    for title, counts in (("event rules", events), ("timex rules", timexes)):
        c = rule_summary(counts)
        print(f"{title}: {c['rules']} rules; never fire {c['never']}, fire only in n000-n039 "
              f"{c['dev-only']}, fire in other sets {c['general']}; on exactly one document "
              f"{c['one-doc']}")
    if jobs:
        c = row_summary(jobs)
        print(f"data rows: {c['rows']}; never change anything {c['never-change']} ({c['absent']} "
              f"absent from every text, {c['no-change']} occur), change only n000-n039 "
              f"{c['dev-only']}, change other sets {c['general']}"
              + (f", errors {c['error']}" if c["error"] else ""))
    print(f"running time {seconds:.1f} s")


# ---------------------------------------------------------------- main

def parse_args():
    repo = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", type=Path, default=repo / "target/release/chronik")
    p.add_argument("--eval", type=Path, default=default_eval_dir(repo),
                   help="evaluation directory (default: the first ../shared/eval found from the "
                        "current directory or the repository upwards)")
    p.add_argument("--repo", type=Path, default=repo, help="source tree (rules.rs, src/time)")
    p.add_argument("--gazetteers", type=Path, default=repo / "gazetteers")
    p.add_argument("--files", nargs="+", default=list(DATA_FILES),
                   help="data files to ablate, relative to the gazetteer directory")
    p.add_argument("--workers", type=int, default=2, help="ablations run at once (default 2)")
    p.add_argument("--check-absent", action="store_true",
                   help="also run rows whose words occur in no text (to check they change nothing)")
    p.add_argument("--no-ablation", action="store_true", help="rule firing counts only")
    p.add_argument("--json", type=Path, help="write all results to this file")
    return p.parse_args()


def default_eval_dir(repo):
    """../shared/eval from the working directory, else from the repository or a directory above it
    (a worktree under /work/wt/NAME finds /work/shared/eval)."""
    for base in (Path.cwd(), repo, *repo.parents):
        candidate = base.parent / "shared/eval"
        if (candidate / "news/articles.jsonl").exists():
            return candidate
    return Path("../shared/eval")


def jsonable_counts(counts):
    return {rule: {s: {"items": c[s]["items"], "docs": sorted(c[s]["docs"])} for s in SETS}
            | {"flags": rule_flags(c)} for rule, c in counts.items()}


def main():
    args = parse_args()
    started = time.time()
    articles = load_articles(args.eval)
    set_by_id = {doc_id: s for s, doc_id, _, _ in articles}
    sizes = {s: sum(1 for a in articles if a[0] == s) for s in SETS}
    texts = [a[3] for a in articles]
    print(f"chronik audit: {args.bin}; documents " + ", ".join(f"{s} {n}" for s, n in sizes.items()),
          file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="chronik-audit-") as tmp:
        corpus = Path(tmp) / "all.jsonl"
        write_corpus(articles, corpus)
        explained = run_chronik(args.bin, corpus, explain=True)
        events, timexes = count_rules(explained, set_by_id, catalogue_rule_ids(args.repo),
                                      source_timex_rule_ids(args.repo))
        print(f"# chronik rule audit ({args.bin})")
        print("documents: " + ", ".join(f"{s} {n}" for s, n in sizes.items()))
        print_rule_table("Event rules (events listing the rule, and documents)", events)
        print_rule_table("Timex rules (timexes, and documents)", timexes)
        jobs = []
        if not args.no_ablation:
            base = run_chronik(args.bin, corpus, args.gazetteers)
            if base != run_chronik(args.bin, corpus):
                print("warning: the binary's bundled data differs from "
                      f"{args.gazetteers} (rebuild?); ablations compare against {args.gazetteers}",
                      file=sys.stderr)
            jobs = plan_rows(args.gazetteers, args.files, texts)
            absent = sum(not j["occurs"] for j in jobs)
            runs = len(jobs) if args.check_absent else len(jobs) - absent
            print(f"{len(jobs)} rows, {absent} absent from every text, "
                  f"{runs} to run on {args.workers} workers", file=sys.stderr)
            ctx = {"bin": args.bin, "corpus": corpus, "gazetteers": args.gazetteers,
                   "tmp": tmp, "base": base, "set_by_id": set_by_id}
            run_ablations(jobs, ctx, args.workers, args.check_absent)
            print_row_summary(jobs, args.files)
            print_flagged_rows(jobs, args.files)
    seconds = time.time() - started
    print_summary(events, timexes, jobs, seconds)
    if args.json:
        summary = {"event_rules": rule_summary(events), "timex_rules": rule_summary(timexes)}
        if jobs:
            summary["rows"] = row_summary(jobs)
            summary["rows_by_file"] = {f: row_summary([j for j in jobs if j["file"] == f])
                                       for f in args.files}
        report = {"binary": str(args.bin), "documents": sizes, "seconds": round(seconds, 1),
                  "summary": summary, "event_rules": jsonable_counts(events),
                  "timex_rules": jsonable_counts(timexes), "rows": jobs}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
