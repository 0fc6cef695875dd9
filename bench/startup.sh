#!/usr/bin/env bash
# Start-up benchmark: wall-clock time from launching a process to its first window being shown, for an
# empty JavaFX window with one label (the baseline) and for LoopLine, run alternately in one session on
# the same machine. Each variant runs once to warm the file cache, then RUNS times; prints every run and
# min / median / max per variant.
#
#   mvn -B -Pdist -DskipTests package && bench/startup.sh [RUNS]      (default 7 runs)
#
# Without a display it re-runs itself under xvfb-run (apt-get install xvfb libgtk-3-0). The window is
# "shown" when JavaFX fires its WINDOW_SHOWN event; both programs print the wall clock then and exit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-7}"
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$@"
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
fx_modules="$(IFS=:; a=(target/lib/javafx-*-[0-9]*-[a-z]*.jar); echo "${a[*]}")"
image=target/dist/LoopLine
declare -A command=(
  [empty-window-jdk]="$java --module-path $fx_modules --add-modules javafx.controls -cp target/test-classes loopline.bench.EmptyWindow"
  [empty-window-image-runtime]="$image/lib/runtime/bin/java -cp target/test-classes loopline.bench.EmptyWindow"
  [loopline-jar]="$java -Dloopline.printStartup=true -Dloopline.exitAfterShown=true -jar target/loopline.jar"
  [loopline-bin]="env LOOPLINE_JAVA_OPTS=-Dloopline.printStartup=true\ -Dloopline.exitAfterShown=true bin/loopline"
  [loopline-image]="env JAVA_TOOL_OPTIONS=-Dloopline.printStartup=true\ -Dloopline.exitAfterShown=true $image/bin/LoopLine"
)
order=(empty-window-jdk empty-window-image-runtime loopline-jar loopline-bin loopline-image)

# One run: milliseconds from just before exec to the "at <epoch ms>" the program prints when shown.
measure() {
  local start out
  start="$(date +%s%3N)"
  out="$(eval "${command[$1]}" 2>/dev/null | grep 'first window shown')" || { echo "FAILED"; return; }
  echo $(( ${out##* at } - start ))
}

declare -A times
for v in "${order[@]}"; do measure "$v" >/dev/null; done   # warm the file cache
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do times[$v]+="$(measure "$v") "; done
done
for v in "${order[@]}"; do
  sorted=($(tr ' ' '\n' <<<"${times[$v]}" | grep -v '^$' | sort -n))
  n=${#sorted[@]}
  printf '%-28s min %5s  median %5s  max %5s ms   (%s)\n' "$v" "${sorted[0]}" "${sorted[$((n / 2))]}" "${sorted[$((n - 1))]}" "${times[$v]% }"
done
