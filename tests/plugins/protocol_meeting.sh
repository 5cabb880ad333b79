#!/bin/bash
# The meeting section of protocol front pages written the ways issue 12's generated set showed it was lost, each
# in a small protocol of our own: long labels that start with a shorter one (P-FRONT-LONG-LABELS: `Tid för
# sammanträdet`, `Sammanträdesplats och tid`), a header row of labels over a row of values, time spans in every
# written form (P-FRONT-TIME-SPAN: `kl 17:00-20:40`, `13.00 - 15.45`, `kl 9-12`, `18.30–ca 21.00`, two sessions),
# places with numbers (P-FRONT-PLACE-PARTS: `Stadshuset, sal 2`, `Kommunhuset, rum 214`), a one-row label/value
# table read as one line, and the end on a line of its own after an adjournment (P-FRONT-END-LINE).
# Tables are tab-separated lines (read-text).
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
items=$'§ 1 Val av justerare\n\nNämnden beslutar att utse Eva Lind att justera protokollet.\n'
printf 'Protokoll\n\nMiljönämnden\n\nDatum\tTid för sammanträdet\tPlats\n2024-02-05\t13.00 - 15.45\tKommunhuset, rum 214\n\n%s' "$items" > "$T/header_row.txt"
printf 'Protokoll\n\nKommunfullmäktige\n\nDatum\t4 mars 2024\nKlockslag\tkl 17:00-20:40\nLokal\tMedborgarhuset\n\n%s' "$items" > "$T/klockslag.txt"
printf 'Protokoll\n\nTekniska nämnden\n\nSammanträdesplats och tid Stadshuset, sal 2, 12.3.2024 kl 9-12\n\n%s' "$items" > "$T/no_colon.txt"
printf 'Protokoll\n\nByggnadsnämnden\n\nTid för sammanträdet: 18.30–ca 21.00\n\nSammanträdesdatum: tisdagen den 9 april 2024\n\nLokal: Rådhuset\n\n%s' "$items" > "$T/circa.txt"
printf 'Protokoll\n\nKulturnämnden\n\nPlats och tid: Bygdegården, tisdagen den 9 april 2024 kl. 08.30–12.00, 13.00–15.15\n\n%s' "$items" > "$T/sessions.txt"
printf 'Protokoll\n\nSocialnämnden\n\nDatum: 2024-05-14\n\nTid: kl. 18.00\n\nPlats: Kommunhuset\n\n%s\nAjournering kl. 19.00–19.15\n\nSammanträdet avslutades kl. 21.10\n' "$items" > "$T/end_line.txt"
"$SAMLA" run -q protocol -o "$T" "$T"/*.txt
"$PY" - "$T" <<'PY'
import sys, yaml
t = sys.argv[1]
want = {
    "header_row": {"date": "2024-02-05", "start": "13:00", "end": "15:45", "place": "Kommunhuset, rum 214"},
    "klockslag": {"date": "2024-03-04", "start": "17:00", "end": "20:40", "place": "Medborgarhuset"},
    "no_colon": {"date": "2024-03-12", "start": "09:00", "end": "12:00", "place": "Stadshuset, sal 2"},
    "circa": {"date": "2024-04-09", "start": "18:30", "end": "21:00", "place": "Rådhuset"},
    "sessions": {"date": "2024-04-09", "start": "08:30", "end": "15:15", "place": "Bygdegården"},
    "end_line": {"date": "2024-05-14", "start": "18:00", "end": "21:10", "place": "Kommunhuset"},
}
for stem, fields in want.items():
    m = yaml.safe_load(open(f"{t}/{stem}.txt.yaml"))["meeting"]
    got = {k: m.get(k) for k in fields}
    assert got == fields, (stem, got, fields)
PY
