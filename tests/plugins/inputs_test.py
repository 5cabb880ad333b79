"""inputs_test.py: inputs samla does not read get one clear error line each
(never read as text), whatever their name says; the other inputs go on.

Files are made at test time in a temporary directory. Run by ctest with SAMLA
set; /usr/bin/python3 only.
"""
import os
import sys
import subprocess
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SAMLA, check, finish  # noqa: E402



UNSUPPORTED = "unsupported format (samla reads PDF, DOCX and plain text): "
CASES = [
    ("empty.pdf", b"", "empty file (0 bytes)"),
    ("empty.docx", b"", "empty file (0 bytes)"),
    ("blank.txt", b"  \n\n\t\n", "no text (only white space)"),
    ("page.html", b"<!DOCTYPE html>\n<html lang=\"sv\"><body><p>Protokoll</p></body></html>", UNSUPPORTED + "HTML document"),
    ("saved.pdf", b"\xef\xbb\xbf\n<html><head><title>Protokoll</title></head><body>x</body></html>",
     UNSUPPORTED + "HTML document"),
    ("fragment.txt", b"<head><meta charset=utf-8></head>\n<body>Beslut</body>", UNSUPPORTED + "HTML document"),
    ("data.xml", b"<?xml version=\"1.0\"?><protokoll/>", UNSUPPORTED + "XML document"),
    ("scan.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", UNSUPPORTED + "PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF", UNSUPPORTED + "JPEG image"),
    ("letter.rtf", b"{\\rtf1\\ansi Protokoll}", UNSUPPORTED + "RTF document"),
    ("minutes.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", UNSUPPORTED + "legacy Office file (.doc/.xls/.ppt)"),
    ("latin1.txt", "Protokoll för nämnden".encode("latin-1"), UNSUPPORTED + "text that is not UTF-8"),
]

with tempfile.TemporaryDirectory() as tmp:
    good = os.path.join(tmp, "note.txt")
    with open(good, "w", encoding="utf-8") as f:
        f.write("# Protokoll\n\nNämnden beslutar att godkänna <i>rapporten</i>.\n")
    paths = []
    for name, data, _ in CASES:
        paths.append(os.path.join(tmp, name))
        with open(paths[-1], "wb") as f:
            f.write(data)
    p = subprocess.run([SAMLA, "dump", "-q"] + paths + [good], capture_output=True, text=True, timeout=60)
    check(p.returncode == 1, "some inputs failed: exit 1, got %d" % p.returncode)
    lines = p.stderr.splitlines()
    check(len(lines) == len(CASES), "one error line per bad input: %r" % lines)
    for (name, _, msg), path in zip(CASES, paths):
        want = "samla: %s: %s" % (path, msg)
        check(want in lines, "%s: %r not in %r" % (name, want, lines))
    check("Nämnden beslutar att godkänna rapporten." in p.stdout, "the good text input is still read")

finish("inputs")
