#!/usr/bin/env bash
# bench/bench.sh: samla's reading speed and memory against the tools it should be measured by
# (issue 14). Never a timed test: run it by hand and copy its tables to docs/benchmarks.md.
#
#   bench/bench.sh [N]      # N distinct documents (default 1000), half PDF, half DOCX
#
# 1. Replicates the corpus and the generated set (corpus/pdf, corpus/docx, corpus/generated/{pdf,docx})
#    to N documents, each copy's bytes made different (a PDF comment after %%EOF, a ZIP comment on a
#    DOCX) so that no copy is skipped as a duplicate, then runs side by side over the same files:
#    `pdftotext` per PDF (the floor: samla reads through poppler too), `pandoc -t plain` per DOCX,
#    and `samla batch protocol` with -j 1 and -j 2 on each half. Wall and CPU seconds (user + sys,
#    children included: on a shared machine CPU time is the steadier figure), pages and documents
#    per second, and the peak RSS of one process (samla: per worker, from the store's max_rss_kb,
#    with its median over the first and the last tenth of the batch to show it stays flat).
# 2. One long PDF (the corpus PDFs joined 16 times, ~2000 pages): `samla run protocol` and `all`
#    against the small files, per page, with peak RSS (GNU time).
# 3. With valgrind (BENCH_CALLGRIND=0 skips): callgrind instruction counts per page for pdftotext,
#    `samla run protocol` and `samla run all` on the corpus PDFs joined once, and of an empty
#    `samla run all` (a one-line text file: start-up, plugins, data and word lists).
# Needs a built build/samla (SAMLA=... to override), poppler-utils, pandoc, GNU time, sqlite3
# through Python, and valgrind for part 3. Prints Markdown; BENCH_KEEP=DIR keeps the files.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
samla=$(realpath "${SAMLA:-build/samla}")
PY=/usr/bin/python3
[ -x "$samla" ] || { echo "bench/bench.sh: $samla not built" >&2; exit 2; }
for t in pdftotext pdfinfo pdfunite pandoc /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "bench/bench.sh: $t is missing (poppler-utils, pandoc, time)" >&2; exit 2; }
done
tmp=${BENCH_KEEP:-$(mktemp -d)}
mkdir -p "$tmp"
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT

echo "samla bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average at start $(cut -d' ' -f1-3 /proc/loadavg), samla $("$samla" --version | cut -d' ' -f2)"
echo

# --- the replicated set --------------------------------------------------------------------------
$PY - "$tmp" "$n" <<'EOF'
import glob, os, shutil, subprocess, sys, zipfile
out, n = sys.argv[1], int(sys.argv[2])
srcs = {"pdf": sorted(glob.glob("corpus/pdf/*.pdf") + glob.glob("corpus/generated/pdf/*.pdf")),
        "docx": sorted(glob.glob("corpus/docx/*.docx") + glob.glob("corpus/generated/docx/*.docx"))}
pages = {}
for f in srcs["pdf"]:
    info = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
    pages[f] = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
total = 0
for fmt, files in srcs.items():
    os.makedirs(f"{out}/{fmt}", exist_ok=True)
    want = n // 2 if fmt == "pdf" else n - n // 2
    for k in range(want):
        src = files[k % len(files)]
        dst = f"{out}/{fmt}/{k:05d}-{os.path.basename(src)}"
        shutil.copyfile(src, dst)
        if fmt == "pdf":
            with open(dst, "ab") as fh:  # after %%EOF: readers ignore it, the bytes differ
                fh.write(b"\n%% samla bench copy %d\n" % k)
            total += pages[src]
        else:
            with zipfile.ZipFile(dst, "a") as z:
                z.comment = b"samla bench copy %d" % k
with open(f"{out}/pdf-pages", "w") as fh:
    fh.write(str(total))
EOF
npdf=$(ls "$tmp/pdf" | wc -l)
ndocx=$(ls "$tmp/docx" | wc -l)
pages=$(cat "$tmp/pdf-pages")

# timed LABEL FORMAT DOCS PAGES COMMAND...: one table row from GNU time over the whole command
timed() {
  local label=$1 fmt=$2 docs=$3 pg=$4; shift 4
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || true
  read -r wall user sys kb < "$tmp/t"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$fmt" "$docs" "$pg" "$wall" "$user" "$sys" "$kb" >> "$tmp/rows"
}
# table KIND: the rows so far as a Markdown table (batch: the replicated set; long: the long PDF)
table() {
  $PY - "$tmp" "$1" <<'EOF'
import sqlite3, statistics, sys
tmp, kind = sys.argv[1], sys.argv[2]
if kind == "batch":
    print("| run | format | documents | PDF pages | wall s | CPU s | docs/s | pages/s | pages per CPU s "
          "| peak RSS MiB | worker RSS MiB: median of the first / last tenth, max |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
else:
    print("| run | files | PDF pages | wall s | CPU s | pages per CPU s | peak RSS MiB | RSS KiB per page |")
    print("|---|---|---|---|---|---|---|---|")
for line in open(f"{tmp}/rows"):
    label, fmt, docs, pages, wall, user, sys_, kb = line.rstrip("\n").split("\t")
    docs, pages, wall, cpu, kb = int(docs), int(pages), float(wall), float(user) + float(sys_), int(kb)
    pps = f"{pages / wall:.0f}" if pages else ""
    ppc = f"{pages / cpu:.0f}" if pages else ""
    if kind == "long":
        per = f"{kb / pages:.0f}" if docs == 1 else ""
        print(f"| {label} | {docs} | {pages} | {wall:.1f} | {cpu:.2f} | {ppc} | {kb / 1024:.0f} | {per} |")
        continue
    workers = ""
    if label.startswith("samla batch"):
        db = sqlite3.connect(f"{tmp}/{fmt}-j{label.split()[-1]}.db")
        rows = db.execute("SELECT status, max_rss_kb FROM documents ORDER BY rowid").fetchall()
        ok = sum(1 for s, _ in rows if s == "ok")
        rss = [r / 1024 for _, r in rows if r]
        t = max(1, len(rss) // 10)
        workers = f"{statistics.median(rss[:t]):.0f} / {statistics.median(rss[-t:]):.0f}, {max(rss):.0f}"
        if ok != docs:
            workers += f" ({docs - ok} of {docs} not stored as ok)"
    print(f"| {label} | {fmt} | {docs} | {pages or ''} | {wall:.1f} | {cpu:.1f} | {docs / wall:.1f} | {pps} | {ppc} "
          f"| {kb / 1024:.0f} | {workers} |")
EOF
}
: > "$tmp/rows"
ls "$tmp"/pdf/*.pdf > "$tmp/pdf.list"
ls "$tmp"/docx/*.docx > "$tmp/docx.list"
timed pdftotext pdf "$npdf" "$pages" xargs -a "$tmp/pdf.list" -d '\n' -I{} pdftotext -q {} /dev/null
timed "pandoc -t plain" docx "$ndocx" 0 xargs -a "$tmp/docx.list" -d '\n' -I{} pandoc -t plain {} -o /dev/null
for fmt in pdf docx; do
  for j in 1 2; do
    rm -f "$tmp/$fmt-j$j.db"*
    timed "samla batch protocol -j $j" "$fmt" "$(ls "$tmp/$fmt" | wc -l)" "$([ $fmt = pdf ] && echo "$pages" || echo 0)" \
      "$samla" batch -q -j "$j" protocol "$tmp/$fmt" --db "$tmp/$fmt-j$j.db"
  done
done

table batch
echo

# --- one long PDF --------------------------------------------------------------------------------
list=()
for i in $(seq 16); do list+=(corpus/pdf/*.pdf); done
pdfunite "${list[@]}" "$tmp/long.pdf"
pdfunite corpus/pdf/*.pdf "$tmp/joined.pdf"
longp=$(pdfinfo "$tmp/long.pdf" | awk '/^Pages:/ {print $2}')
smallp=$(for f in corpus/pdf/*.pdf; do pdfinfo "$f"; done | awk '/^Pages:/ {n += $2} END {print n}')
: > "$tmp/rows"
timed "pdftotext" pdf "$(ls corpus/pdf/*.pdf | wc -l)" "$smallp" xargs -I{} pdftotext -q {} /dev/null < <(ls corpus/pdf/*.pdf)
timed "pdftotext" pdf 1 "$longp" pdftotext -q "$tmp/long.pdf" /dev/null
for p in protocol all; do
  timed "samla run $p" pdf "$(ls corpus/pdf/*.pdf | wc -l)" "$smallp" "$samla" run -q "$p" -o "$tmp/out-small-$p" corpus/pdf/*.pdf
  timed "samla run $p" pdf 1 "$longp" "$samla" run -q "$p" "$tmp/long.pdf"
done
table long
echo

# --- instruction counts --------------------------------------------------------------------------
if [ "${BENCH_CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null; then
  jp=$(pdfinfo "$tmp/joined.pdf" | awk '/^Pages:/ {print $2}')
  printf 'Besluts- och mötesanteckning.\n' > "$tmp/empty.txt"
  ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
  base=$(ir pdftotext -q "$tmp/joined.pdf" /dev/null)
  echo "Callgrind, the corpus PDFs joined once ($jp pages):"
  echo
  echo "| run | instructions | per page | × pdftotext |"
  echo "|---|---|---|---|"
  div() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }
  printf '| pdftotext | %s | %.0f | 1.00 |\n' "$base" "$(div "$base" "$jp")"
  for p in protocol all; do
    c=$(ir "$samla" run -q "$p" "$tmp/joined.pdf")
    printf '| samla run %s | %s | %.0f | %.2f |\n' "$p" "$c" "$(div "$c" "$jp")" "$(div "$c" "$base")"
  done
  c=$(ir "$samla" run -q all "$tmp/empty.txt")
  printf '| samla run all, a one-line text file (start-up) | %s | | |\n' "$c"
  echo
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
