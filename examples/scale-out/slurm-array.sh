#!/usr/bin/env bash
# slurm-array.sh: one archive run split over a Slurm job array (docs/scale-out.md).
# Each array task runs `samla batch --shard I/N` over the whole archive and keeps only its
# slice (by document id), writing its own SQLite store; a dependent job merges the shards.
#   sbatch --array=0-15 examples/scale-out/slurm-array.sh /archive /scratch/run1
#   sbatch --dependency=afterany:<ARRAY_JOB_ID> --wrap \
#     'samla merge /scratch/run1/archive.db /scratch/run1/shard-*.db'
# A task killed (time limit, node failure) is rerun with the same index and resumes: what
# its store holds is skipped. --array=0-15 must match SHARDS below (or set SHARDS=).
#SBATCH --job-name=samla-batch
#SBATCH --cpus-per-task=4
#SBATCH --mem-per-cpu=2G
#SBATCH --time=08:00:00
#SBATCH --output=samla-%A_%a.log
set -euo pipefail
archive=${1:?usage: slurm-array.sh ARCHIVE OUTDIR}
out=${2:?usage: slurm-array.sh ARCHIVE OUTDIR}
: "${SLURM_ARRAY_TASK_ID:?run under sbatch --array}"
shards=${SHARDS:-${SLURM_ARRAY_TASK_COUNT:-16}}
samla=${SAMLA:-samla}
pipeline=${PIPELINE:-archive}
mkdir -p "$out"
# exit 1 (some documents failed) is a result, recorded in the store; 2 is a real error
rc=0
"$samla" batch "$pipeline" "$archive" --db "$out/shard-$SLURM_ARRAY_TASK_ID.db" \
  --shard "$SLURM_ARRAY_TASK_ID/$shards" -j "${SLURM_CPUS_PER_TASK:-1}" -q || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
