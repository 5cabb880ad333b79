# generated_gold.sh (sourced by the e2e tests over kept generated documents, not run on its own): checks that each
# gold file kept under corpus/generated is still what the generator draws (the generator may have changed its
# draws; the kept renders would then score against a stale gold).
#   generated_gold_check NAME GOLD_DIR WORK SEED:PLANS...
# generates each SEED with 0 protocols and PLANS plans/strategies into WORK/genSEED, then compares every
# GOLD_DIR/*.yaml with the generator's gold of its stem: the file is named gen-SEED-... either as the generator names
# it or with a rendering's suffix (gen-5101-s000-plan2-groff.yaml is gen-5101-s000-plan2's gold). Returns 1 with one
# line naming the file on stderr when one differs or has no generated counterpart. Needs PY.
generated_gold_check() {
  _name=$1 _gold=$2 _work=$3
  shift 3
  for _spec in "$@"; do
    "$PY" corpus/generate/generate.py --seed "${_spec%%:*}" --protocols 0 --plans "${_spec#*:}" \
      --out "$_work/gen${_spec%%:*}" >/dev/null || return 1
  done
  for _f in "$_gold"/*.yaml; do
    _b=$(basename "$_f" .yaml); _seed=${_b#gen-}; _seed=${_seed%%-*}; _g=""
    for _c in "$_work/gen$_seed"/gold/*.yaml; do
      _s=$(basename "$_c" .yaml)
      case $_b in "$_s" | "$_s"-*) _g=$_c ;; esac
    done
    [ -n "$_g" ] && cmp -s "$_g" "$_f" || {
      echo "$_name: $_b differs from the generator's seed-$_seed gold (re-pick it)" >&2; return 1; }
  done
  return 0
}
