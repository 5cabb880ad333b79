#!/bin/bash
# Decision formulas of issue 12's generated set that gave no decision or no clauses, each in a small protocol of
# our own (read-text): points after a lead that announces them, as bullets without "att" (P-DEC-LEAD-POINTS);
# "Beslutades att …" / "Det beslutades att …" (P-DEC-PASSIVE-LEAD); "Nämnden beslöt med rösterna 5–3 att godkänna
# förslaget" and "Kommunfullmäktige beslutar enligt förslaget" adopting the proposal (P-DEC-FI-PROPOSAL); a
# "Beslut" heading over att-clauses (P-DEC-HEADING-ATT); an association's sentences (P-DEC-ASSOC-SENTENCE), with
# its opening and closing sentences giving none.
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
"$SAMLA" run -q protocol -o "$T" "$T/fi.txt" "$T/kf.txt" "$T/styrelse.txt"
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
PY
