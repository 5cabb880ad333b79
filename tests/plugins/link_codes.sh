#!/bin/bash
# link-strategy: an activity marked with a goal code (its `goal` field, or an area of codes alone) links to the
# strategy's goal by the code as written or by its normalised form (PL-LINK-CODE-FORMS: "A.1" = "A1",
# "Delmål 1.2" = "1.2", "[1.2]"), before any heading or text; a code the strategy lacks is one warning per code
# naming the code and the activities (never a silent unlinked activity), and those activities are linked by text.
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
D=tests/data/link
cat > "$T/letters.yaml" <<'YAML'
activities:
  - {id: act-1, area: A1, goal: A1, text: "Ordna en temadag om kost", source: {block: 0}}
  - {id: act-2, area: "A.1", text: "Ordna en temadag om rörelse", source: {block: 0}}
  - {id: act-3, area: "Delmål B2", goal: B2, text: "Se över rutinerna", source: {block: 0}}
  - {id: act-4, area: "A1, C1", goal: A1, text: "Ordna en gemensam dag", source: {block: 0}}
  - {id: act-5, area: Z9, goal: Z9, text: "Genomföra en gemensam övning om krisberedskap och civilt försvar", source: {page: 3, block: 0}}
  - {id: act-6, area: Z9, goal: Z9, text: "Skriva en rapport", source: {page: 4, block: 0}}
  - {id: act-7, area: null, text: "Vi arbetar enligt A.2 i strategin", source: {block: 0}}
YAML
cat > "$T/numbers.yaml" <<'YAML'
activities:
  - {id: act-1, area: "1.2", goal: "1.2", text: "Ta fram en rutin", source: {block: 0}}
  - {id: act-2, area: "Delmål 2.1 Fler är fysiskt aktiva", goal: "2.1", text: "Ordna promenader", source: {block: 0}}
  - {id: act-3, area: "[2.2]", text: "Ordna en kampanj", source: {block: 0}}
  - {id: act-4, area: "1.1 och 2.2", text: "Ordna en mässa", source: {block: 0}}
  - {id: act-5, area: "1.1/2.1", text: "Ordna en dag", source: {block: 0}}
  - {id: act-6, area: "5.1", goal: "5.1", text: "Ordna ett möte", source: {block: 0}}
YAML
run() { "$SAMLA" run $D/fixture.yaml -O "link-strategy.strategy=$1" -O "link-fixture.model=$2" $D/plan.txt \
          > "$3" 2> "$3.err"; }
run $D/strategy-2024.yaml "$T/letters.yaml" "$T/l.yaml"
run $D/strategy-numbers.yaml "$T/numbers.yaml" "$T/n.yaml"
cat "$T/l.yaml.err" "$T/n.yaml.err"
"$PY" - "$T" <<'PY'
import sys, yaml
t = sys.argv[1]
def links(name):
    out = yaml.safe_load(open(f"{t}/{name}.yaml"))
    by = {}
    for l in out["links"]:
        by.setdefault(l["activity"], set()).add((l["goal"], l["method"]))
    return out, by
out, by = links("l")
assert by["act-1"] == {("A1", "explicit")}, by
assert by["act-2"] == {("A1", "explicit")}, by           # A.1 = A1
assert by["act-3"] == {("B2", "explicit")}, by           # Delmål B2
assert by["act-4"] == {("A1", "explicit"), ("C1", "explicit")}, by   # a list of codes cites each
assert by["act-7"] == {("A2", "explicit")}, by           # A.2 in running text
assert all(m == "lexical" for _, m in by.get("act-5", set())), by    # Z9 unknown: linked by its text
assert ("D1", "lexical") in by["act-5"], by
warns = [w["message"] for w in out["samla"]["warnings"] if "Z9" in w["message"]]
assert len(warns) == 1, out["samla"]["warnings"]
assert "act-5" in warns[0] and "act-6" in warns[0] and "Skriva en rapport" in warns[0] and "2 activities" in warns[0], warns
out, by = links("n")
assert by["act-1"] == {("1.2", "explicit")}, by          # "1.2" alone, as the plan's code mark
assert by["act-2"] == {("2.1", "explicit")}, by
assert by["act-3"] == {("2.2", "explicit")}, by          # [2.2]
assert by["act-4"] == {("1.1", "explicit"), ("2.2", "explicit")}, by
assert by["act-5"] == {("1.1", "explicit"), ("2.1", "explicit")}, by
assert "act-6" not in by, by
warns = [w["message"] for w in out["samla"]["warnings"] if "5.1" in w["message"]]
assert len(warns) == 1 and "act-6" in warns[0] and "Ordna ett möte" in warns[0], out["samla"]["warnings"]
print("link-strategy codes ok")
PY
grep -q "goal code Z9 is not in the strategy" "$T/l.yaml.err"
