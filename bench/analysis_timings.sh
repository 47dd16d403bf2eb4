#!/bin/sh
# Whole-command timings of the analysis verbs (docs/benchmarks/analysis.md): median of 3 wall-clock runs each.
#   bench/analysis_timings.sh BUILD_DIR STORE
set -eu
B=${1:?build dir}/casus
DB=${2:?store}
run() {
  label=$1; shift
  walls=""; cpus=""
  for i in 1 2 3; do
    # wall and CPU (user+sys) seconds of the whole process, from the shell's own clock and `times`
    t=$( { /usr/bin/env python3 -c 'import resource,subprocess,sys,time
s=time.time(); subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,check=True); w=time.time()-s
r=resource.getrusage(resource.RUSAGE_CHILDREN); print("%.2f %.2f"%(w,r.ru_utime+r.ru_stime))' "$@"; } )
    walls="$walls ${t% *}"; cpus="$cpus ${t#* }"
  done
  wm=$(echo $walls | tr ' ' '\n' | sort -n | sed -n 2p)
  cm=$(echo $cpus | tr ' ' '\n' | sort -n | sed -n 2p)
  printf '%-26s wall %6.2f s  cpu %6.2f s   (wall:%s)\n' "$label" "$wm" "$cm" "$walls"
}
run "series dyad week"        $B series --db "$DB" --source Hezbollah --target Israel --both-ways --bucket week
run "series country-pair mon" $B series --db "$DB" --country-pair RUS,UKR --bucket month --categories ASSAULT
run "series categories day"   $B series --db "$DB" --categories material --bucket day --plot /tmp/analysis_bench.svg
run "network graphml"         $B network --db "$DB" --format graphml
run "network 1y window json"  $B network --db "$DB" --window 1y --format json
run "fronts axis json"        $B fronts --db "$DB" --coalition "Axis of Resistance" --format json
run "alerts 7d"               $B alerts --db "$DB"
run "series reports unit"     $B series --db "$DB" --unit reports --actor Hamas --bucket month
