#!/usr/bin/python3
"""coverage_score.py: scores link-strategy output against corpus/gold/links/.

Usage: coverage_score.py GOLD.yaml OUTPUT.yaml [STRATEGY.yaml]
A predicted link is (activity text, goal code or title): the activity id is
resolved through OUTPUT's activities, the goal id through STRATEGY's goals
(or taken as is). A predicted goal below the gold's `level` counts for its
ancestor at that level. Activity texts match when their soft forms have an
edit ratio >= 0.8. Prints precision, recall, F1 and the misses."""
import difflib, re, sys, yaml

def soft(s): return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", (s or "").casefold())).strip()

gold = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
out = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
goals = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))["goals"] if len(sys.argv) > 3 else []
byid = {g["id"]: g for g in goals}
level = gold.get("level")

def name(gid):
    g = byid.get(gid)
    while g and level and g.get("kind") != level and g.get("parent") in byid: g = byid[g["parent"]]
    if not g: return gid
    return g.get("code") or g.get("title")

acts = {a["id"]: a.get("text") for a in out.get("activities") or []}
pred = {(soft(acts.get(l["activity"])), soft(str(name(l["goal"])))) for l in out.get("links") or []}
want = {(soft(l["activity"]), soft(str(l["goal"]))) for l in gold["links"]}

def same(p, g): return p[1] == g[1] and difflib.SequenceMatcher(None, p[0], g[0]).ratio() >= 0.8

tp_p = sum(1 for p in pred if any(same(p, g) for g in want))
tp_g = sum(1 for g in want if any(same(p, g) for p in pred))
P = tp_p / len(pred) if pred else 0.0
R = tp_g / len(want) if want else 0.0
F = 2 * P * R / (P + R) if P + R else 0.0
print(f"{gold['plan']}: precision {P:.2f} recall {R:.2f} F1 {F:.2f} (predicted {len(pred)}, gold {len(want)})")
for g in want:
    if not any(same(p, g) for p in pred): print("  missed:", g[1], g[0][:80])
for p in pred:
    if not any(same(p, g) for g in want): print("  extra: ", p[1], p[0][:80])
