"""read_text_test.py: read-text on the seed texts: headings, lists and tab tables come out as blocks."""
import os
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SAMLA, check, finish  # noqa: E402



def dump(path):
    out = subprocess.run([SAMLA, "dump", "-q", path], capture_output=True, text=True, check=True).stdout
    d = yaml.safe_load(out)
    return d, [b for p in d["content"]["pages"] for b in p["blocks"]]


# seed 002: markdown-like headings with levels
d, blocks = dump("corpus/seeds/002_f2f78f1e6b6eeb72.txt")
heads = {b["text"]: b["level"] for b in blocks if b["kind"] == "heading"}
check(heads.get("Strategi för närvårdssamverkan 2021–2023") == 1, "level-1 title heading")
check(heads.get("Inledning") == 2, "'## Inledning' is level 2")
check(heads.get("Stärk förutsättningarna för samverkan") == 3, "'### ...' is level 3")
nested = [b for b in blocks if b["kind"] == "list_item" and b["text"] == "Vårdcentrum"]
check(nested and nested[0]["level"] == 2, "nested bullet has level 2")
check(d["document"]["format"] == "text" and d["document"]["pages"] == 0, "text format, no pages")

# seed 000: tab-separated plan tables become 4-column tables with the header row
d, blocks = dump("corpus/seeds/000_eed38cedc30f5cbc.txt")
tables = [b for b in blocks if b["kind"] == "table" and b["columns"] == 4]
check(len(tables) >= 8, f"at least 8 four-column tables (got {len(tables)})")
first = tables[0]["cells"]
check([c.get("text") for c in first[0]] == ["Prioriterat område", "Aktiviteter 2022",
                                            "Indikatorer för uppföljning", "Ansvar"], "header row cells")
check(first[1][3].get("text") == "TL HSVO Uppsala", "Ansvar cell text")
numbered = [b for b in blocks if b["kind"] == "list_item" and b.get("numbering") == "1."]
check(numbered and numbered[0]["text"].startswith("att anta verksamhetsplanen"), "numbered att-clause, ** removed")
check(not any("<p>" in b.get("text", "") or "<i>" in b.get("text", "") for b in blocks), "leftover HTML tags removed")
sec = {b["text"]: b for b in blocks if b["kind"] == "heading"}
h = sec.get("2.1.1 Det finns en effektiv organisation, styrning och uppföljning avseende samverkan inom HSVO (både regionalt och lokalt)")
check(h is not None and h["level"] == 3 and h.get("numbering") == "2.1.1", "section-numbered heading at depth 3")
check(sec.get("1 Hälsa, stöd, vård och omsorg (HSVO) – Uppsala", {}).get("level") == 1, "section 1 heading")
finish()
