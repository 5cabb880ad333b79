#!/usr/bin/env python3
"""exports_check.py: checks samla's OParl and Popolo exports of protocols against the model.

  exports_check.py DIR     (DIR/<name>.yaml, DIR/<name>.oparl.json, DIR/<name>.popolo.json)

Each export validates against its schema (docs/schema/oparl-1.1.schema.json,
docs/schema/popolo.schema.json) with format checking on (uri, date, date-time), every
reference points to an object of the export, and every person, meeting, agenda item, decision
and vote of the model is carried over (counted, and compared by name / number / text)."""
import datetime
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

DIR = sys.argv[1]
SCHEMAS = os.path.join(os.environ.get("SAMLA_SOURCE", "."), "docs", "schema")

checker = jsonschema.FormatChecker()
# date-time: RFC 3339 (jsonschema's own check needs a package Debian 12 lacks)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@checker.checks("date-time", raises=ValueError)
def date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        raise ValueError(f"not an RFC 3339 date-time: {value!r}")
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


assert "uri" in checker.checkers, "format 'uri' is not checked (install python3-rfc3987)"
assert "date" in checker.checkers
assert not checker.conforms("not a uri", "uri"), "uri format checking is not active"
validators = {
    name: jsonschema.Draft7Validator(json.load(open(os.path.join(SCHEMAS, f"{name}.schema.json"))),
                                    format_checker=checker)
    for name in ("oparl-1.1", "popolo")
}


def validate(name, doc, path):
    errors = sorted(validators[name].iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    assert not errors, f"{path}: {len(errors)} schema errors"


def model_persons(m):
    names = []
    def add(entry):
        n = entry.get("name") if isinstance(entry, dict) else None
        if n and n not in names:
            names.append(n)
    for a in m.get("attendees") or []:
        add(a)
    for v in m.get("votes") or []:
        for e in (v.get("by") or []) + (v.get("members") or []):
            add(e)
        if v.get("substitute"):
            add({"name": v["substitute"]})
    for s in m.get("signatures") or []:
        add(s)
    return names


def ids_of(objs):
    return {o["id"] for o in objs}


def check_oparl(m, ex, path):
    validate("oparl-1.1", ex, path)
    data = ex["data"]
    meetings = [o for o in data if o["type"].endswith("/Meeting")]
    persons = [o for o in data if o["type"].endswith("/Person")]
    orgs = [o for o in data if o["type"].endswith("/Organization")]
    assert len(meetings) == 1, path
    mt = meetings[0]
    assert [p["name"] for p in persons] == model_persons(m), f"{path}: persons differ"
    items = mt.get("agendaItem", [])
    assert [i.get("number") for i in items] == [a.get("number") for a in m["agenda"]], f"{path}: agenda numbers"
    assert [i.get("name") for i in items] == [a.get("title") for a in m["agenda"]], f"{path}: agenda titles"
    dec = [d for i in items for d in i.get("samla:decision", [])] + mt.get("samla:decision", [])
    assert sorted(d.get("text", "") for d in dec) == sorted(d.get("text", "") for d in m["decisions"]), f"{path}: decisions"
    votes = [v for i in items for v in i.get("samla:vote", [])] + mt.get("samla:vote", [])
    assert len(votes) == len(m["votes"]), f"{path}: votes {len(votes)} != {len(m['votes'])}"
    known = ids_of(persons) | ids_of(orgs)
    refs = mt.get("participant", []) + mt.get("organization", [])
    refs += [ms[k] for p in persons for ms in p.get("membership", []) for k in ("organization", "onBehalfOf") if k in ms]
    assert all(r in known for r in refs), f"{path}: dangling reference"
    present = [a["name"] for a in m["attendees"] if a.get("status") == "present"]
    by_id = {p["id"]: p["name"] for p in persons}
    assert [by_id[r] for r in mt.get("participant", [])] == present, f"{path}: participants"
    meet = m["meeting"]
    if meet.get("date") and meet.get("start"):
        assert mt["start"].startswith(f"{meet['date']}T{meet['start']}:00"), f"{path}: start {mt['start']}"
    return len(persons), len(items), len(dec), len(votes)


def check_popolo(m, ex, path):
    validate("popolo", ex, path)
    assert [p["name"] for p in ex["persons"]] == model_persons(m), f"{path}: persons differ"
    ev = ex["events"]
    meetings = [e for e in ev if e["classification"] == "meeting"]
    items = [e for e in ev if e["classification"] == "agenda item"]
    assert len(meetings) == 1, path
    assert [i.get("identifier") for i in items] == [a.get("number") for a in m["agenda"]], f"{path}: agenda"
    decisions = [x for x in ex["motions"] if x["classification"] in ("decision", "proposal")]
    assert sorted(x.get("text", "") for x in decisions) == sorted(d.get("text", "") for d in m["decisions"]), path
    kinds = [v["kind"] for v in m["votes"]]
    assert len([x for x in ex["motions"] if x["classification"] == "motion"]) == kinds.count("motion"), path
    assert len(ex["vote_events"]) == kinds.count("vote"), path
    others = [e for e in ev if e["classification"] in ("reservation", "conflict of interest")]
    assert len(others) == kinds.count("reservation") + kinds.count("conflict_of_interest"), path
    for ve, v in zip(ex["vote_events"], [v for v in m["votes"] if v["kind"] == "vote"]):
        counts = {c["option"]: c["value"] for c in ve["counts"]}
        assert counts.get("yes") == v.get("for") and counts.get("no") == v.get("against"), f"{path}: counts"
        assert len(ve["votes"]) == len(v.get("members") or []), f"{path}: voting list"
    attendees = {a["name"] for a in m["attendees"]}
    assert len(ex["memberships"]) == len(attendees), f"{path}: memberships"
    known = ids_of(ex["persons"]) | ids_of(ex["organizations"]) | ids_of(ev) | ids_of(ex["motions"])
    refs = [ms[k] for ms in ex["memberships"] for k in ("person_id", "organization_id", "on_behalf_of_id") if k in ms]
    refs += [e[k] for e in ev for k in ("parent_id", "organization_id") if k in e]
    refs += [a["person_id"] for e in ev for a in e.get("attendees", []) if "person_id" in a]
    refs += [x[k] for x in ex["motions"] for k in ("creator_id", "legislative_session_id") if k in x]
    refs += [v["voter_id"] for ve in ex["vote_events"] for v in ve["votes"]]
    assert all(r in known for r in refs), f"{path}: dangling reference"


totals = [0, 0, 0, 0]
models = sorted(glob.glob(os.path.join(DIR, "*.yaml")))
assert models, f"no models in {DIR}"
for mp in models:
    m = yaml.safe_load(open(mp, encoding="utf-8"))
    stem = mp[:-len(".yaml")]
    counts = check_oparl(m, json.load(open(stem + ".oparl.json", encoding="utf-8")), stem + ".oparl.json")
    check_popolo(m, json.load(open(stem + ".popolo.json", encoding="utf-8")), stem + ".popolo.json")
    totals = [a + b for a, b in zip(totals, counts)]
print(f"exports: {len(models)} protocols; persons {totals[0]}, agenda items {totals[1]}, decisions {totals[2]}, "
      f"votes {totals[3]} carried over to OParl and Popolo; both validate")
