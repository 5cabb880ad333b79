#!/usr/bin/env bash
# scale_out.sh: the scale-out examples (docs/scale-out.md). The Slurm array script is run as
# four array tasks would run it (SLURM_ARRAY_TASK_ID 0..3, no Slurm here) over the text seeds
# and the shards merged equal one run; the Kubernetes Indexed Job has the fields the Job API
# requires and its shard count matches its completions.
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=examples/scale-out

check 'bash -n $ex/slurm-array.sh' "slurm-array.sh parses"
mkdir -p "$tmp/archive"
cp corpus/seeds/*.txt "$tmp/archive/"
for i in 0 1 2 3; do
  SLURM_ARRAY_TASK_ID=$i SHARDS=4 SAMLA="$SAMLA" PIPELINE=dump bash $ex/slurm-array.sh "$tmp/archive" "$tmp/run"
  check '[ $? = 0 ]' "array task $i"
done
"$SAMLA" merge "$tmp/run/archive.db" "$tmp/run"/shard-*.db >/dev/null 2>&1
check '[ $? = 0 ]' "merge of the four shards"
"$SAMLA" batch -q dump "$tmp/archive" --db "$tmp/one.db" >/dev/null 2>&1
check '"$PY" -c "
import sqlite3, sys
q = \"SELECT id, status, model FROM documents ORDER BY id\"
a = sqlite3.connect(sys.argv[1]).execute(q).fetchall()
b = sqlite3.connect(sys.argv[2]).execute(q).fetchall()
assert len(a) == 5 and a == b, (len(a), len(b))
" "$tmp/run/archive.db" "$tmp/one.db"' "four shards merged equal one run"

check '"$PY" - $ex/k8s-indexed-job.yaml <<"PYEOF"
import re, sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
assert job["apiVersion"] == "batch/v1" and job["kind"] == "Job", job.get("kind")
assert job["metadata"]["name"]
spec = job["spec"]
assert spec["completionMode"] == "Indexed"
n = spec["completions"]
assert isinstance(n, int) and n > 0 and 0 < spec["parallelism"] <= n
pod = spec["template"]["spec"]
assert pod["restartPolicy"] in ("Never", "OnFailure")
c = pod["containers"][0]
assert c["name"] and c["image"]
args = " ".join(c.get("command", []) + c.get("args", []))
shard = re.search(r"--shard \$JOB_COMPLETION_INDEX/(\d+)", args)
assert shard and int(shard.group(1)) == n, args
assert "shard-$JOB_COMPLETION_INDEX.db" in args, args
mounts = {m["name"] for m in c["volumeMounts"]}
assert mounts <= {v["name"] for v in pod["volumes"]}
PYEOF' "Kubernetes Indexed Job has the required fields"
exit $fail
