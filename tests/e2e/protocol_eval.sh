#!/bin/sh
# protocol_eval: the protocol pipeline over every corpus protocol (PDF and
# DOCX), scored against corpus/gold at the targets: attendees, agenda,
# decisions F1 >= 0.95, meeting date/time/place >= 0.9 (signatures and votes
# held at 0.95 too). The strategy and the plan (proposed decisions on their
# cover pages) are scored in a second run without the decisions minimum:
# `samla eval` pairs decisions by item number, and theirs have none, so they
# can never be paired (tests/plugins/protocol.sh checks them instead).
# The three protocols written without looking at the extractor (Älvhamn
# stadsbyggnadsnämnd, Lillfors KSAU, Norrsäter BUN; first contact in soft F1:
# agenda 0.80, decisions 0.48, votes 0.72, attendees 0.43, signatures 0.46,
# meeting 1.00) are in the glob below and are also held on their own at the
# scores they reach after the general fixes (1.0 on every section group).
# Three more written the same way (Storvika kommunstyrelse with running-text
# attendance and sub-lettered points, Västmark regionfullmäktige extract with
# the decision in a `Beslut | …` table row, Hagby miljönämnd with a two-column
# front page and digital signature lines; first contact in soft F1: meeting
# 0.91 ([date+start+end+place] 0.73), agenda[number+title] 0.42,
# decisions[item+status+clauses] 0.47, votes 0.71, attendees
# [name+status+party+roles] 0.77, signatures[name+role] 0.17) are held with them.
set -u
out=$(mktemp -d) && other=$(mktemp -d) && held=$(mktemp -d) || exit 1
trap 'rm -rf "$out" "$other" "$held"' EXIT
for s in protokoll-stadsbyggnadsnamnden-alvhamn-2024-10-14 protokoll-ksau-lillfors-2024-09-03 \
         protokoll-bun-norrsater-2024-11-12 protokoll-ks-storvika-2025-01-29 \
         protokollsutdrag-regionfullmaktige-vastmark-2024-12-10 protokoll-miljonamnden-hagby-2025-02-10; do
  "$SAMLA" run protocol -o "$held" "corpus/pdf/$s.pdf" "corpus/docx/$s.docx" 2>/dev/null || exit 1
done
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'agenda[number+title]=1' \
  -m 'decisions[item+status+clauses]=1' -m 'meeting[date+start+end+place]=1' \
  -m 'signatures[name+role]=1' -m 'votes[item+kind]=1' -m 'votes.for=1' -m 'votes.against=1' \
  -m 'votes.by=1' -m 'votes.substitute=1' -m 'attendees.substitutes_for=1' -m 'signatures.time=1' \
  -m 'decisions.recipients=1' -m 'meeting.body=1' \
  corpus/gold "$held" || exit 1
# Four protocols written for issue 12's conventions before samla ran on them (Björkvik KS: `KS § 21` above the
# title line, attendance table Namn | Parti | Roll | Närvaro, voting list with a Tjänstgörande ersättare column,
# abstentions, propositionsordning, protokollsanteckning, särskilt yttrande; Strandvik bildningsnämnd: `16 §` /
# `18§`, check-box lists in two columns, surname first, 9.5.2023; Ekeby socialnämnd: `§ 5 Dnr SN 2025/2 — Title`,
# `§§ 8–9`; Lövnäs hembygdsförening: `1. Mötets öppnande` as plain paragraphs). First contact and final scores
# in docs/eval.md; held here at the final scores, apart from the 0.95 set below until they all reach it.
conv=$(mktemp -d) || exit 1
trap 'rm -rf "$out" "$other" "$held" "$conv"' EXIT
for s in protokoll-ks-bjorkvik-2025-03-11 protokoll-bildningsnamnden-strandvik-2023-05-09 \
         protokoll-socialnamnden-ekeby-2025-01-21 protokoll-styrelsemote-hembygdsforening-2025-04-02; do
  "$SAMLA" run protocol -o "$conv" "corpus/pdf/$s.pdf" "corpus/docx/$s.docx" 2>/dev/null || exit 1
done
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'agenda[number+title]=1' \
  -m 'decisions[item+status+clauses]=0.81' -m 'meeting[date+start+end+place]=1' \
  -m 'signatures[name+role]=0.37' -m 'votes[item+kind]=0.94' -m 'votes.members=1' \
  -m 'attendees.name_order=1' -m 'attendees.remote=1' -m 'attendees.substitutes_for=1' \
  corpus/gold "$conv" || exit 1
# Vidmark kollektivtrafiknämnd (session 15, gold before the first run): a joint body's attendance table with
# Huvudman and Ersätter columns and Distans, a voting list with a Röst column, a signature table Funktion | Namn |
# Datum. First contact (DOCX and every PDF): decisions[item+status+clauses] 0.67, attendees[...] 0.88, organisation,
# remote, substitutes_for, vote members, signatures[name+role] and meeting.body 0.00. Held at 1.00.
s15=$(mktemp -d) || exit 1
trap 'rm -rf "$out" "$other" "$held" "$conv" "$s15"' EXIT
"$SAMLA" run protocol -o "$s15" corpus/pdf/protokoll-kollektivtrafiknamnden-vidmark-2025-05-20.pdf \
  corpus/docx/protokoll-kollektivtrafiknamnden-vidmark-2025-05-20.docx 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'agenda[number+title]=1' \
  -m 'decisions[item+status+clauses]=1' -m 'meeting[date+start+end+place]=1' -m 'meeting.body=1' \
  -m 'signatures[name+role]=1' -m 'signatures.time=1' -m 'votes[item+kind]=1' -m 'votes.members=1' \
  -m 'votes.abstain=1' -m 'attendees.organisation=1' -m 'attendees.remote=1' -m 'attendees.substitutes_for=1' \
  -m 'decisions.as_proposed=1' -m 'decisions.body=1' \
  corpus/gold "$s15" || exit 1
# Västerbygden samkommun board (session 16, gold before the first run): a Finland-Swedish joint authority's
# attendance table with each member's personal substitute on the same row (Ordinarie medlem | Medlemskommun | Närv. |
# Personlig ersättare | Närv.), "Förslag (samkommundirektören):", a voting list Medlem | Ja | Nej | Blank and "med
# rösterna 4–2 (1 blank)", "Jäv: X anmälde jäv", "På X:s begäran antecknades till protokollet", a proposal adopted in
# part and forwarded in part, a signature table Namn | Uppdrag | Signerat with times. First contact (DOCX and the
# LibreOffice PDF): decisions[item+status+clauses] 0.46, as_proposed 0.00, votes[item+kind] 0.80, vote members 0.00,
# attendees[name+status+party+roles] 0.20, organisation 0.00, substitutes_for 0.00, signatures.time 0.00. Held at 1.00.
s16=$(mktemp -d) || exit 1
trap 'rm -rf "$out" "$other" "$held" "$conv" "$s15" "$s16"' EXIT
"$SAMLA" run protocol -o "$s16" corpus/pdf/protokoll-samkommun-vasterbygden-2025-05-27.pdf \
  corpus/docx/protokoll-samkommun-vasterbygden-2025-05-27.docx 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'agenda[number+title]=1' \
  -m 'decisions[item+status+clauses]=1' -m 'meeting[date+start+end+place]=1' -m 'meeting.body=1' \
  -m 'signatures[name+role]=1' -m 'signatures.time=1' -m 'votes[item+kind]=1' -m 'votes.members=1' \
  -m 'votes.abstain=1' -m 'attendees.organisation=1' -m 'attendees.substitutes_for=1' -m 'attendees.name_order=1' \
  -m 'decisions.as_proposed=1' -m 'decisions.body=1' -m 'votes.by=1' \
  corpus/gold "$s16" || exit 1
for f in corpus/pdf/protokoll*.pdf corpus/docx/protokoll*.docx; do
  case $f in *bjorkvik*|*strandvik*|*ekeby-2025*|*hembygdsforening*|*samkommun-vasterbygden*) continue ;; esac
  "$SAMLA" run protocol -o "$out" "$f" 2>/dev/null || exit 1
done
for f in corpus/pdf/strategi-hsvo-2024-2026.pdf corpus/docx/strategi-hsvo-2024-2026.docx \
         corpus/pdf/uppsala-verksamhetsplan-2022.pdf corpus/docx/uppsala-verksamhetsplan-2022.docx; do
  "$SAMLA" run protocol -o "$other" "$f" 2>/dev/null || exit 1
done
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=0.95' -m 'agenda=0.95' \
  -m 'decisions[item+status+clauses]=0.95' -m 'meeting[date+start+end+place]=0.9' \
  -m 'signatures[name+role]=0.95' -m 'votes[item+kind]=0.95' corpus/gold "$out" || exit 1
"$SAMLA" eval -q -m 'agenda=0.95' -m 'meeting[date+start+end+place]=0.9' corpus/gold "$other"
