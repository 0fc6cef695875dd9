#!/usr/bin/env bash
# Start-up benchmark: milliseconds from launching a process until it reports its first window shown (and,
# for LoopLine, the scenario laid out in it), for an empty JavaFX window with one label (the baseline)
# and for LoopLine, run in turn in one session on the same machine. Each variant runs once to warm the
# file cache, then RUNS times; prints min / median / max per variant and every run.
#
#   mvn -B -Pdist -DskipTests package && bench/startup.sh [RUNS]        (default 7 runs; bash 5)
#   BASELINE_JAR=/path/to/older/loopline.jar bench/startup.sh           (adds an older build's jar)
#
# Without a display it re-runs itself under xvfb-run (apt-get install xvfb libgtk-3-0). Both programs
# print a line when JavaFX shows the window (WINDOW_SHOWN) and LoopLine another after the first layout
# pulse of the full scene; the time is taken when the line arrives, and the programs then exit.
set -euo pipefail
export LC_ALL=C
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-7}"
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$@"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
fx="$(IFS=:; a=(target/lib/javafx-*-[0-9]*-[a-z]*.jar); echo "${a[*]}")"
image=target/dist/LoopLine
props="-Dloopline.printStartup=true -Dloopline.exitAfterShown=true"
declare -A command=(
  [empty-window-jdk]="$java --module-path $fx --add-modules javafx.controls -cp target/test-classes loopline.bench.EmptyWindow"
  [empty-window-image-runtime]="$image/lib/runtime/bin/java -cp target/test-classes loopline.bench.EmptyWindow"
  [loopline-jar]="$java $props -jar target/loopline.jar"
  [loopline-bin]="LOOPLINE_JAVA_OPTS='$props' bin/loopline"
  [loopline-image]="JAVA_TOOL_OPTIONS='$props' $image/bin/LoopLine"
)
order=(empty-window-jdk empty-window-image-runtime)
if [[ -n "${BASELINE_JAR:-}" ]]; then
  command[baseline-jar]="$java $props -jar $BASELINE_JAR"
  order+=(baseline-jar)
fi
order+=(loopline-jar loopline-bin loopline-image)

usec() { local t="$EPOCHREALTIME"; echo "${t/./}"; }

# One run: "<ms to first window>/<ms to scenario shown>" ("-" where the program reports none).
measure() {
  local start first=- scenario=- line
  start="$(usec)"
  while IFS= read -r line; do
    case "$line" in
      "first window shown"*) first=$(( ($(usec) - start) / 1000 )) ;;
      "scenario shown"*) scenario=$(( ($(usec) - start) / 1000 )) ;;
    esac
  done < <(eval "${command[$1]}" 2>/dev/null)
  echo "$first/$scenario"
}

summary() {  # min / median / max of the numbers on stdin
  local s; s=($(grep -v '^-$' | sort -n))
  local n=${#s[@]}
  if ((n == 0)); then echo "-"; else echo "${s[0]} / ${s[$((n / 2))]} / ${s[$((n - 1))]}"; fi
}

declare -A times
for v in "${order[@]}"; do measure "$v" >/dev/null; done
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do times[$v]+="$(measure "$v") "; done
done
printf '%-28s %-24s %-24s %s\n' variant "first window min/med/max" "scenario min/med/max" "runs (first/scenario ms)"
for v in "${order[@]}"; do
  printf '%-28s %-24s %-24s %s\n' "$v" \
    "$(tr ' ' '\n' <<<"${times[$v]}" | grep / | cut -d/ -f1 | summary)" \
    "$(tr ' ' '\n' <<<"${times[$v]}" | grep / | cut -d/ -f2 | summary)" "${times[$v]% }"
done
