#!/bin/bash
# Protocol conventions of issue 12, each from a protocol written in that convention (corpus/src): item headings
# `KS § 21` / `16 §` / `18§` / `§ 5 Dnr … — Title` / `§§ 8–9` / `1. Mötets öppnande`; the attendance table
# Namn | Parti | Roll | Närvaro; check-box lists; surname-first names; a voting list with a Tjänstgörande ersättare
# column; abstentions; propositionsordning, protokollsanteckning, särskilt yttrande; and the warnings of a protocol
# with no items or no attendees (in samla.warnings and on stderr).
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for s in protokoll-ks-bjorkvik-2025-03-11 protokoll-bildningsnamnden-strandvik-2023-05-09 \
         protokoll-socialnamnden-ekeby-2025-01-21 protokoll-styrelsemote-hembygdsforening-2025-04-02; do
  "$SAMLA" run -q protocol -o "$T" "corpus/pdf/$s.pdf" "corpus/docx/$s.docx"
done
# a protocol with attendees and no items; one with items and no attendees
printf 'Protokoll\n\nStyrelsen\n\nDatum: 2025-01-10\n\nNärvarande: Anna Ek (S), Bo Lind (M)\n\nMötet diskuterade läget.\n' > "$T/noitems.txt"
printf 'Protokoll\n\nStyrelsen\n\nDatum: 2025-01-10\n\n§ 1 Val av justerare\n\nStyrelsen beslutar att utse Bo Lind.\n\n§ 2 Budget\n\nStyrelsen beslutar att anta budgeten.\n' > "$T/noatt.txt"
# P-ATT-PARTY (Finland-Swedish parties of five letters, (Sannf), (Gröna)) and P-RESERVATION-FRONTED ("Mot beslutet
# reserverar sig X"), past tense "reserverade sig", a fronted group with its "till förmån för" tail
printf '%s\n\n' 'Protokoll' 'Socialnämnden' 'Datum: 2025-03-04' \
  'Närvarande: Nina Ek (Sannf), ordförande, Tom Berg (Gröna), Eva Lind (SFP), Per Holm (Saml)' \
  '§ 1 Budget' 'Nämnden beslutar att anta budgeten.' 'Mot beslutet reserverar sig Nina Ek (Sannf) och Tom Berg (Gröna).' \
  '§ 2 Taxor' 'Nämnden beslutar att anta taxorna.' 'Per Holm (Saml) reserverade sig mot beslutet.' \
  '§ 3 Lokaler' 'Nämnden beslutar att hyra lokalen.' 'Eva Lind (SFP) anmälde avvikande mening.' \
  'Mot beslutet reserverar sig Socialdemokraternas ledamöter till förmån för eget yrkande.' > "$T/fronted.txt"
"$SAMLA" run -q protocol -o "$T" "$T/fronted.txt"
# the party as a comma part in running text, with the replaced members' parties in brackets (P-ATT-PARTY)
printf '%s\n\n' 'Protokoll' 'Socialnämnden' 'Datum: 2025-03-04' \
  'Närvarande beslutande: Malin Berg, L, ordförande, Lena Ng, S, Klara Lund, S, Björn Matt, C, ersättare för Malin Berström (C), Erik Nyberg, C, tjänstgör för Emelie Lund (C)' \
  '§ 1 Budget' 'Nämnden beslutar att anta budgeten.' > "$T/comma.txt"
"$SAMLA" run -q protocol -o "$T" "$T/comma.txt"
# P-ATT-PARTY-LOCAL: a local party no data list knows, in the comma form, known from its bracket elsewhere
printf '%s\n\n' 'Protokoll' 'Kommunstyrelsen' 'Datum: 2025-03-04' \
  'Närvarande: Mona Lind, lpo, ordförande, Per Ek, s, Kjell Blom, lpo, tjänstgör för Daniel Sjö (lpo)' \
  'Frånvarande: Daniel Sjö, lpo' '§ 1 Budget' 'Kommunstyrelsen beslutar att anta budgeten.' > "$T/local.txt"
"$SAMLA" run -q protocol -o "$T" "$T/local.txt"
# P-ATT-COLUMN-RUN with two labels heading the columns ("Ledamöter | Övriga deltagare"), one line a cell: the
# columns are lists, a label inside the first ("Ej tjänstgörande ersättare") heads the lines below it
printf 'Protokoll\n\nSocialnämndens individutskott\n\nDatum: 2023-04-18\n\nLedamöter\tÖvriga deltagare\nPia Falk (S), ordf.\tMohammed Ek, enhetschef\nAnders Lind (L)\tPer Holm, sekreterare\nEj tjänstgörande ersättare\tSara Berg, socialchef\nGoran Lund (S)\t\n\n§ 1 Budget\n\nUtskottet beslutar att anta budgeten.\n' > "$T/cols.txt"
"$SAMLA" run -q protocol -o "$T" "$T/cols.txt"
# P-ATT-COLUMN-RUN (attendance in two text columns, a PDF reader's table of line pairs), P-ATT-SIGNED-ADJUSTER and
# P-ATT-ONE-SECRETARY: protocols of the committed generated slice (corpus/generated) drawn in those conventions
# P-ITEM-OUTLINE-NUMBER with one level: the farm's Word-style render numbers "§ 12 Title" headings with its list
"$SAMLA" run -q protocol -o "$T/word" corpus/farm/word/protokoll-kf-solvik-2024-03-18.docx \
  corpus/farm/word/protokoll-kf-solvik-2024-03-18.pdf
for s in gen-1-p001-ks gen-1-p003-utskott gen-1-p004-utdrag gen-1-p008-kf gen-1-p009-ks; do
  "$SAMLA" run -q protocol -o "$T" "corpus/generated/pdf/$s.pdf" "corpus/generated/docx/$s.docx"
done
"$SAMLA" run protocol -o "$T" "$T/noitems.txt" "$T/noatt.txt" 2> "$T/stderr"
grep -q "noitems.txt: warning: protocol with no agenda items found" "$T/stderr"
grep -q "noatt.txt: warning: protocol with no attendees found" "$T/stderr"
"$PY" - "$T" <<'PY'
import sys, yaml
t = sys.argv[1]
load = lambda stem, ext: yaml.safe_load(open(f"{t}/{stem}.{ext}.yaml"))
def one(seq, **kw):
    hits = [e for e in seq if all(e.get(k) == v for k, v in kw.items())]
    assert len(hits) == 1, (kw, hits)
    return hits[0]
for name, item in (("noitems.txt", None), ("noatt.txt", None)):
    w = yaml.safe_load(open(f"{t}/{name}.yaml"))["samla"]["warnings"]
    assert any("protocol with no" in x["message"] and x["plugin"] == "extract-protocol" for x in w), w
d = load("fronted", "txt")
assert [(a["name"], a["party"]) for a in d["attendees"]] == [
    ("Nina Ek", "sannf"), ("Tom Berg", "gröna"), ("Eva Lind", "sfp"), ("Per Holm", "saml")], d["attendees"]
res = [(r["item"], r["by"]) for r in d["votes"] if r["kind"] == "reservation"]
assert res == [("1", [{"name": "Nina Ek", "party": "sannf"}, {"name": "Tom Berg", "party": "gröna"}]),
               ("2", [{"name": "Per Holm", "party": "saml"}]), ("3", [{"name": "Eva Lind", "party": "sfp"}]),
               ("3", [{"group": "Socialdemokraternas ledamöter"}])], res
for ext in ("pdf", "docx"):
    d = load("protokoll-ks-bjorkvik-2025-03-11", ext)
    assert [a["number"] for a in d["agenda"]] == ["21", "22", "23", "24", "25"], d["agenda"]
    assert one(d["agenda"], number="22")["title"] == "Ekonomisk uppföljning februari 2025"
    a = one(d["attendees"], name="Olof Lindqvist")
    assert a["roles"] == ["serving_substitute"] and a["substitutes_for"] == "Anna Berg" and a["serving"] is True, a
    a = one(d["attendees"], name="Lotta Nyberg")
    assert a["substitutes_for"] == "Per Sandström" and a["items"] == "§§ 24–25", a
    a = one(d["attendees"], name="Hassan Amini")
    assert a["roles"] == ["substitute"] and a["serving"] is False and a["status"] == "present", a
    assert one(d["attendees"], name="Anna Berg")["status"] == "absent"
    assert one(d["attendees"], name="Per Sandström")["items"] == "§§ 21–23"
    assert not [a for a in d["attendees"] if a["name"] == "Stina Holmberg"]   # named in an item only
    v = one(d["votes"], kind="vote", item="22")
    assert (v["for"], v["against"], v["abstain"]) == (3, 2, 2), v
    m = one(v["members"], name="Olof Lindqvist")
    assert m["vote"] == "no" and m["substitutes_for"] == "Anna Berg", m
    assert one(v["members"], name="Mats Ek")["vote"] == "abstain"
    p = one(d["votes"], kind="propositions", item="22")
    assert p["text"].startswith("Ordföranden ställer först proposition") and p["text"].endswith("röstar nej."), p
    n = one(d["votes"], kind="note", item="22")
    assert n["by"] == [{"name": "Elin Forsberg", "party": "sd"}], n
    s = one(d["votes"], kind="statement", item="23")
    assert s["by"] == [{"name": "Mats Ek", "party": "kd"}] and "särskilt yttrande" in s["text"], s

    d = load("protokoll-bildningsnamnden-strandvik-2023-05-09", ext)
    assert d["meeting"]["date"] == "2023-05-09" and d["meeting"]["body"] == "Bildningsnämnden", d["meeting"]
    assert [a["number"] for a in d["agenda"]][:3] == ["16", "17", "18"], d["agenda"]
    a = one(d["attendees"], name="Backman Eva")
    assert a["name_order"] == "surname_first" and a["given_name"] == "Eva" and a["family_name"] == "Backman", a
    assert a["remote"] is True and a["roles"] == ["vice_chair"], a
    assert one(d["attendees"], name="Sjöberg Mikael")["status"] == "absent"
    assert one(d["attendees"], name="Holm Lena")["status"] == "absent"
    assert one(d["attendees"], name="Nyman Kristina")["roles"] == ["adjuster"]
    assert not [a for a in d["attendees"] if "Lassila" in a["name"]]

    d = load("protokoll-socialnamnden-ekeby-2025-01-21", ext)
    a5 = one(d["agenda"], number="5")
    assert a5["title"] == "Val av justerare" and a5["reference"] == "SN 2025/2", a5
    assert one(d["agenda"], number="8–9")["title"] == "Delegationsbeslut och meddelanden"

    d = load("protokoll-styrelsemote-hembygdsforening-2025-04-02", ext)
    assert [(a["number"], a["title"]) for a in d["agenda"]][:2] == [("1", "Mötets öppnande"), ("2", "Val av justerare")], d["agenda"]
    a = one(d["attendees"], name="Birgitta Sundin")
    assert a["roles"] == ["chair"], a
    assert one(d["attendees"], name="Lars-Erik Hult")["title"] == "kassör"
d = load("cols", "txt")
assert [(a["name"], a["roles"], a.get("group")) for a in d["attendees"]] == [
    ("Pia Falk", ["chair"], "Ledamöter"), ("Anders Lind", [], "Ledamöter"),
    ("Goran Lund", ["substitute"], "Ej tjänstgörande ersättare"), ("Mohammed Ek", [], "Övriga deltagare"),
    ("Per Holm", ["secretary"], "Övriga deltagare"), ("Sara Berg", [], "Övriga deltagare")], d["attendees"]
d = load("local", "txt")
assert [(a["name"], a.get("party"), a["status"]) for a in d["attendees"]] == [
    ("Mona Lind", "lpo", "present"), ("Per Ek", "s", "present"), ("Kjell Blom", "lpo", "present"),
    ("Daniel Sjö", "lpo", "absent")], d["attendees"]
d = load("comma", "txt")
assert [(a["name"], a["party"], a["roles"], a.get("substitutes_for")) for a in d["attendees"]] == [
    ("Malin Berg", "l", ["chair"], None), ("Lena Ng", "s", [], None), ("Klara Lund", "s", [], None),
    ("Björn Matt", "c", ["serving_substitute"], "Malin Berström"),
    ("Erik Nyberg", "c", ["serving_substitute"], "Emelie Lund")], d["attendees"]
d = yaml.safe_load(open(f"{t}/word/protokoll-kf-solvik-2024-03-18.docx.yaml"))
assert [a["number"] for a in d["agenda"]][:4] == ["12", "13", "14", "15"], d["agenda"]
assert one(d["agenda"], number="12")["title"].startswith("Val av justerare"), d["agenda"]
d = yaml.safe_load(open(f"{t}/word/protokoll-kf-solvik-2024-03-18.pdf.yaml"))
assert {"16", "17", "18"} <= {a["number"] for a in d["agenda"]}, d["agenda"]
for ext in ("pdf", "docx"):
    # the right column "Ej tjänstgörande ersättare / … / Övriga deltagare / … / Frånvarande / Håkan Lundberg (S)"
    d = load("gen-1-p001-ks", ext)
    assert one(d["attendees"], name="Håkan Lundberg")["status"] == "absent"
    assert one(d["attendees"], name="Erik Gustafsson")["roles"] == [], d["attendees"]
    assert one(d["attendees"], name="Karl Lundgren")["roles"] == ["substitute"]
    assert one(d["attendees"], name="Anders Lindholm")["roles"] == ["second_vice_chair"]   # "2:e vice ordförande"
    assert len(d["attendees"]) == 18, d["attendees"]
    # "Ej tjänstgörande ersättare | Frånvarande" in one row; the left column's last line after the table
    d = load("gen-1-p003-utskott", ext)
    assert one(d["attendees"], name="Jan-Olov Wallin")["status"] == "absent"
    assert one(d["attendees"], name="Camilla Andersson")["roles"] == ["substitute"]
    assert one(d["attendees"], name="Ali Rostami")["roles"] == ["substitute"]
    # "Protokollet justerat … av X, ordförande, och Sara Berg-Larsson, justerare."
    d = load("gen-1-p004-utdrag", ext)
    assert one(d["attendees"], name="Sara Berg-Larsson")["roles"] == ["adjuster"]
    # a kommunsekreterare who does not sign is an official with that title
    d = load("gen-1-p008-kf", ext)
    a = one(d["attendees"], name="Åsa Hansson")
    assert a["roles"] == [] and a["title"] == "kommunsekreterare", a
    assert one(d["attendees"], name="Erik Åberg")["roles"] == ["secretary"]
    d = load("gen-1-p009-ks", ext)
    assert one(d["attendees"], name="Jan-Olov Jansson")["roles"] == []
    assert one(d["attendees"], name="Sofia Fredriksson")["roles"] == ["secretary"]
print("ok")
PY
