#!/bin/bash
# Decision formulas of issue 12's generated set that gave no decision or no clauses, each in a small protocol of
# our own (read-text): points after a lead that announces them, as bullets without "att" (P-DEC-LEAD-POINTS);
# "Beslutades att …" / "Det beslutades att …" (P-DEC-PASSIVE-LEAD); "Nämnden beslöt med rösterna 5–3 att godkänna
# förslaget" and "Kommunfullmäktige beslutar enligt förslaget" adopting the proposal (P-DEC-FI-PROPOSAL); a
# "Beslut" heading over att-clauses (P-DEC-HEADING-ATT); an association's sentences (P-DEC-ASSOC-SENTENCE), with
# its opening and closing sentences giving none.
# Session 13 (ks13.txt): a decision in sentences with neither heading nor lead, after the background or in its
# place (P-DEC-FORMULA), never from a background whose item has a decision heading; "Paragrafen förklaras omedelbart
# justerad" as a clause of a lead or of a decision in sentences (P-DEC-IMMEDIATE); a lead with its point inline as
# the background's last paragraph (P-DEC-LEAD-AFTER-BACKGROUND); a numbered point "2. protokollet justeras …"
# before "§ 2" is no item (P-ITEM-POINT-BEFORE-PARA); information items by title and by a decision that only takes
# note (P-ITEM-INFO-KIND); a voting list with a Parti column (P-VOTE-LIST-PARTY).
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cat > "$T/fi.txt" <<'TXT'
Protokoll

Tekniska nämnden

Datum: 14.3.2024

12 § Avtal om snöröjning

Förslag: Tekniska nämnden beslutar att

- godkänna avtalet om snöröjning
- uppdra åt stadsingenjören att underteckna avtalet

Beslut: Förslaget godkändes.

13 § Lekplatsprogram

Förslag: Tekniska nämnden beslutar att

- anta lekplatsprogrammet
- följa upp programmet årligen

Omröstningsresultat: 5 ja-röster och 3 nej-röster.

Beslut: Nämnden beslöt med rösterna 5–3 att godkänna förslaget.
TXT
cat > "$T/kf.txt" <<'TXT'
Protokoll

Kommunfullmäktige

Datum: 2024-03-14

§ 20 Cykelplan

Förslag till beslut

Kommunstyrelsen föreslår kommunfullmäktige besluta att anta cykelplanen.

Kommunfullmäktiges beslut

Kommunfullmäktige beslutar enligt förslaget.

§ 21 Skolskjuts

Beslut

att anta riktlinjerna för skolskjuts

att uppdra åt nämnden att följa upp riktlinjerna

§ 22 Bredband

Beslutades att ansöka om stöd för bredband på landsbygden.
TXT
cat > "$T/styrelse.txt" <<'TXT'
Protokoll fört vid styrelsemöte

Datum: 2024-03-14

1. Mötets öppnande

Ordföranden Eva Lind förklarade mötet öppnat.

2. Val av justerare

Till justerare valdes Bo Ek.

3. Vårstädning

Vårstädningen genomförs den 4 maj. Anna Berg utsågs till ansvarig.

4. Bidrag

Föreningen ansöker om bidrag hos kommunen.

5. Mötets avslutande

Ordföranden tackade för visat intresse och förklarade mötet avslutat.
TXT
cat > "$T/ks13.txt" <<'TXT'
Protokoll

Kommunstyrelsens arbetsutskott

Datum: 2024-03-14

§ 1 Val av justerare och justeringens tid

Beslut

Arbetsutskottet beslutar att:

1. utse Eva Lind (S) att justera protokollet
2. protokollet justeras 2024-03-20

§ 2 Taxor för bredband

Bakgrund

Förvaltningen har tagit fram ett förslag.

Handlingar

- Tjänsteskrivelse 2024-02-28
- Bilaga 1

Taxorna för bredband 2025 fastställs enligt bilaga.

Taxorna gäller från och med den 1 januari 2025.

Yrkanden

Per Ek (M) yrkar bifall till förslaget.

Beslutet skickas till: Ekonomienheten

§ 3 Avsiktsförklaring om samverkan

Avsiktsförklaringen godkänns.

Förvaltningschefen får i uppdrag att underteckna avsiktsförklaringen.

§ 4 Yttrande över remiss

Bakgrund

Remissen godkänns av regionen i maj, därefter antas planen av regionfullmäktige.

Beslut

Arbetsutskottet beslutar att avge yttrande i enlighet med förvaltningens förslag samt att förklara paragrafen omedelbart justerad.

§ 5 Yttrande över trafikplan

Beslut

Yttrande avges i enlighet med förvaltningens förslag.

Paragrafen förklaras omedelbart justerad.

§ 6 Sammanträdesplan

Bakgrund

Förvaltningen har tagit fram ett förslag.

Arbetsutskottet beslutar att fastställa sammanträdesplanen för 2025.

Yrkanden

Per Ek (M) yrkar bifall till förslaget.

§ 7 Förvaltningschefen informerar

Förvaltningschefen informerar om läget i verksamheten.

§ 8 Ekonomisk uppföljning

Bakgrund

Ekonomichefen redogör för utfallet.

Beslut

Informationen läggs till handlingarna.

§ 9 Motion om cykelvägar

Beslut

Motionen anses besvarad.

Omröstning

Omröstningsresultat: 2 ja-röster och 1 nej-röst.

Namn	Parti	Ja	Nej	Avstår
Eva Lind	S	X		
Per Ek	M		X	
Anna Berg	C	X		
TXT
"$SAMLA" run -q protocol -o "$T" "$T/fi.txt" "$T/kf.txt" "$T/styrelse.txt" "$T/ks13.txt"
"$PY" - "$T" <<'PY'
import sys, yaml
t = sys.argv[1]
def decs(stem):
    return [(d["item"], d["status"], d["clauses"]) for d in yaml.safe_load(open(f"{t}/{stem}.txt.yaml"))["decisions"]]
want = {
    "fi": [("12", "decided", ["godkänna avtalet om snöröjning", "uppdra åt stadsingenjören att underteckna avtalet"]),
           ("13", "decided", ["anta lekplatsprogrammet", "följa upp programmet årligen"])],
    "kf": [("20", "decided", ["anta cykelplanen"]),
           ("21", "decided", ["anta riktlinjerna för skolskjuts", "uppdra åt nämnden att följa upp riktlinjerna"]),
           ("22", "decided", ["ansöka om stöd för bredband på landsbygden"])],
    "styrelse": [("2", "decided", ["Till justerare valdes Bo Ek"]),
                 ("3", "decided", ["Vårstädningen genomförs den 4 maj", "Anna Berg utsågs till ansvarig"]),
                 ("4", "decided", ["Föreningen ansöker om bidrag hos kommunen"])],
}
bad = [(stem, decs(stem), w) for stem, w in want.items() if decs(stem) != w]
assert not bad, bad
ks = yaml.safe_load(open(f"{t}/ks13.txt.yaml"))
got = {d["item"]: (d["clauses"], d.get("immediate_adjustment", False), d.get("recipients")) for d in ks["decisions"]}
want = {
    "1": (["utse Eva Lind (S) att justera protokollet", "protokollet justeras 2024-03-20"], False, None),
    "2": (["Taxorna för bredband 2025 fastställs enligt bilaga", "Taxorna gäller från och med den 1 januari 2025"],
          False, ["Ekonomienheten"]),
    "3": (["Avsiktsförklaringen godkänns", "Förvaltningschefen får i uppdrag att underteckna avsiktsförklaringen"], False, None),
    "4": (["avge yttrande i enlighet med förvaltningens förslag", "förklara paragrafen omedelbart justerad"], True, None),
    "5": (["Yttrande avges i enlighet med förvaltningens förslag", "Paragrafen förklaras omedelbart justerad"], True, None),
    "6": (["fastställa sammanträdesplanen för 2025"], False, None),
    "8": (["Informationen läggs till handlingarna"], False, None),
    "9": (["Motionen anses besvarad"], False, None),
}
assert got == want, got
agenda = [(x["number"], x["title"], x["kind"]) for x in ks["agenda"]]
assert agenda[1] == ("2", "Taxor för bredband", "decision"), agenda
assert [x[2] for x in agenda] == ["decision"] * 6 + ["information"] * 2 + ["decision"], agenda
vote = [v for v in ks["votes"] if v["kind"] == "vote"][0]
assert [(m["name"], m["party"], m["vote"]) for m in vote["members"]] == [
    ("Eva Lind", "s", "yes"), ("Per Ek", "m", "no"), ("Anna Berg", "c", "yes")], vote
PY
