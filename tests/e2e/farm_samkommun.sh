#!/bin/sh
# farm_samkommun: the Finland-Swedish samkommun protocol (corpus/src, gold written before samla's first run) as
# every farm producer renders it, scored against corpus/gold, with the content its narrow mark columns hold:
# 1. The attendance table's presence columns (*Närv.*, one x or – a cell) in their own columns on the tagged
#    renders (Chromium, tagged LibreOffice): PDF-TAG-MARK-CELL. Before (main 47db6fc): each – joined the
#    substitute's name beside it or the x above it, attendees [name+status+party+roles] 0.56.
# 2. pdfTeX's signature table *Namn | Uppdrag | Signerat*, its columns as wide as their widest cell and every line
#    full, one row a signer (PDF-TABLE-FULL-LINES-ALL). Before: one row, signatures 0.00.
# 3. The voting list *Medlem | Ja | Nej | Blank* (one x a line) read a member a row on every producer, pdfTeX and
#    groff included (vote members 1.00 already at main 47db6fc; held here).
set -u
S=protokoll-samkommun-vasterbygden-2025-05-27
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for p in chromium groff lo lo-tagged pdftex weasyprint word; do
  mkdir -p "$tmp/$p" "$tmp/gold" || exit 1
  cp "corpus/gold/$S.yaml" "$tmp/gold/" || exit 1
  "$SAMLA" run -q protocol -o "$tmp/$p" "corpus/farm/$p/$S.pdf" 2>/dev/null || { echo "farm_samkommun: $p failed" >&2; exit 1; }
  "$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'attendees.organisation=1' \
    -m 'attendees.substitutes_for=1' -m 'signatures[name+role]=1' -m 'signatures.time=1' -m 'votes[item+kind]=1' \
    -m 'votes.members=1' -m 'votes.for=1' -m 'votes.against=1' -m 'votes.abstain=1' \
    "$tmp/gold" "$tmp/$p" >/dev/null 2>&1 || {
    echo "farm_samkommun: $p below 1.00" >&2; "$SAMLA" eval -M soft "$tmp/gold" "$tmp/$p" >&2; fail=1; }
  y="$tmp/$p/$S.pdf.yaml"
  # the content itself: a present member, the absent vice chair and the substitute serving for him, an absent
  # substitute beside a present member; four signers with their times; the voting list's members
  grep -q '^- name: Ek Johanna$' "$y" && grep -q '^  substitutes_for: Sandvik Mats$' "$y" || {
    echo "farm_samkommun: $p: Ek Johanna does not serve for Sandvik Mats" >&2; fail=1; }
  "$PY" - "$y" <<'PY' || { echo "farm_samkommun: $p: presence, signatures or vote members wrong" >&2; fail=1; }
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
def person(name):
    m = re.search(r"^- name: " + re.escape(name) + r"\n((?:  .*\n)+)", t, re.M)
    assert m, name
    return m.group(1)
assert "status: absent" in person("Sandvik Mats"), "Sandvik Mats present"
assert "status: absent" in person("Berg Anders"), "Berg Anders present"
assert "status: present" in person("Kullas Peter"), "Kullas Peter absent"
assert "organisation: Ängsö" in person("Enroth Tomas"), "Enroth Tomas' organisation"
sig = t.split("\nsignatures:\n", 1)[1].split("\ngoals:", 1)[0]
names = re.findall(r"^- name: (.*)$", sig, re.M)
assert names == ["Ulla Forsman", "Jonas Söderberg", "Tove Rosenqvist", "Henrik Skog"], names
assert '"2025-05-30T07:56"' in sig, "last signer's time"
votes = t.split("\nvotes:\n", 1)[1].split("\nattendees:", 1)[0]
members = re.findall(r'^  - name: (.*)\n    vote: "?([a-z]+)"?$', votes, re.M)
assert members == [("Forsman Ulla", "yes"), ("Ek Johanna", "yes"), ("Rosenqvist Tove", "no"), ("Kullas Peter", "abstain"),
                   ("Dahlbacka Irene", "yes"), ("Skog Henrik", "yes"), ("Mattsson Kim", "no")], members
PY
done
exit $fail
