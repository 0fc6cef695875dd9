#!/usr/bin/env bash
# Builds the self-contained app image target/dist/LoopLine (and a .deb where dpkg-deb and fakeroot are
# installed) from what `mvn package` left in target/: target/classes and the runtime jars in target/lib.
# `mvn -B -Pdist -DskipTests package` runs it; see README "Install".
#
# Why it is built this way:
# - JavaFX jmods are not on Maven Central, but its platform jars (javafx-*-<os>.jar) are modular, so jlink
#   links them, ControlsFX and Jackson into one runtime: JavaFX runs as named modules (no "Unsupported
#   JavaFX configuration" warning) and loads from the runtime's module image, the fastest place.
# - Monocle (headless JavaFX, for `export` without a display) ships as a separate jar whose classes
#   belong inside javafx.graphics. --patch-module would do that at run time but turns class-data sharing
#   off, so its classes are merged into the javafx.graphics jar before linking.
# - JavaFX's native libraries are copied next to the JDK's in the runtime, where JavaFX looks first;
#   otherwise it extracts them to ~/.openjfx/cache on every start.
# - The app is linked in as a module too, and the runtime's default class-data-sharing (CDS) archive is
#   dumped from the classes real runs load (JDK, JavaFX, ControlsFX, Jackson, app): they start parsed and
#   verified, from a read-only memory map that stays valid wherever the image is copied or installed.
# - Start-up options and launcher: see step 6.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
version="$(sed -n 's/.*<version>\([0-9][^<]*\)<\/version>.*/\1/p' pom.xml | head -1)"
work=target/dist-work
dist=target/dist
rm -rf "$work" "$dist"
mkdir -p "$work/modules" "$work/graphics" "$work/input" "$dist"

step() { printf '[dist] %s\n' "$*"; }

# 1. The module folder: JavaFX platform jars (the plain javafx-*-<version>.jar are empty placeholders),
#    ControlsFX, Jackson; javafx.graphics re-jarred with Monocle inside.
step "modules"
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-graphics-*-[a-z]*.jar) graphics="$jar" ;;
    openjfx-monocle-*.jar) monocle="$jar" ;;
    javafx-*-[0-9]*-[a-z]*.jar|controlsfx-*.jar|jackson-*.jar) cp "$jar" "$work/modules/" ;;
  esac
done
(cd "$work/graphics" && "${jdk_bin}jar" xf "../../../$graphics" && "${jdk_bin}jar" xf "../../../$monocle")
rm -rf "$work/graphics/META-INF"
# `jar --create` rewrites module-info's package list, so the Monocle package becomes part of the module.
"${jdk_bin}jar" --create --file "$work/modules/javafx.graphics.jar" -C "$work/graphics" .

# 2. The app as a module too, so that it links into the runtime and its classes can be archived for
#    class-data sharing wherever the app is installed (an archive of class-path jars records their absolute
#    paths and is ignored once the app is moved). The module declaration is generated from the classes
#    (jdeps) rather than kept in src/: an open module, so JavaFX and Jackson reflect on it as on the class path.
step "app module"
mkdir -p "$work/classpath"
"${jdk_bin}jar" --create --file "$work/classpath/loopline.jar" -C target/classes .
"${jdk_bin}jdeps" --multi-release 17 --module-path "$work/modules" \
  --generate-open-module "$work/module-info" "$work/classpath/loopline.jar" >/dev/null
"${jdk_bin}javac" --module-path "$work/modules" --patch-module loopline="$work/classpath/loopline.jar" \
  -d "$work/module-info/classes" "$(find "$work/module-info" -name module-info.java)"
"${jdk_bin}jar" --create --file "$work/modules/loopline.jar" -C target/classes . -C "$work/module-info/classes" module-info.class

# 3. The runtime: the JDK modules the app needs, JavaFX, ControlsFX, Jackson and the app.
step "jlink"
"${jdk_bin}jlink" --module-path "$work/modules" --add-modules loopline \
  --strip-debug --no-header-files --no-man-pages --output "$work/runtime"
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) natives=bin ;;
  *) natives=lib ;;
esac
find "$work/graphics" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) -exec cp {} "$work/runtime/$natives/" \;

# 4. The files the app reads at run time, found through -Dloopline.home (step 6).
mkdir -p "$work/input/assets"
cp assets/*.json assets/*.css "$work/input/assets/"
cp -r assets/kernels "$work/input/assets/kernels"   # the measured kernel tables serving is costed with
cp -r presets "$work/input/presets"

# 5. The runtime's CDS archive (lib/server/classes.jsa, used by default) from the classes real runs load:
#    the window on Monocle's headless screen (no display needed here; it exits once shown), `estimate`
#    and `export`. It depends on the runtime alone, so it moves with the app.
step "class-data sharing"
run=("$work/runtime/bin/java" -Xshare:off -Dloopline.home="$work/input"
     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1200-32)
"${run[@]}" -XX:DumpLoadedClassList="$work/window.lst" -Dloopline.printStartup=true -Dloopline.exitAfterShown=true \
  -m loopline/loopline.Launcher >/dev/null
"${run[@]}" -XX:DumpLoadedClassList="$work/estimate.lst" -m loopline/loopline.Launcher estimate \
  --scenario "$work/input/presets/default.json" >/dev/null
"${run[@]}" -XX:DumpLoadedClassList="$work/export.lst" -m loopline/loopline.Launcher export \
  --scenario "$work/input/presets/default.json" --out "$work/report.png" >/dev/null
cat "$work/window.lst" "$work/estimate.lst" "$work/export.lst" | awk '!seen[$0]++' > "$work/classes.lst"
# --add-modules: the app module exports nothing, so it is not resolved by default and its classes would be skipped.
"$work/runtime/bin/java" -Xshare:dump --add-modules loopline -XX:SharedClassListFile="$work/classes.lst" >/dev/null

# 6. The app image: a native launcher over the runtime; arguments such as `estimate` go to
#    loopline.Launcher as with `java -jar`. -XX:TieredStopAtLevel=1: C1 only, because on a two-core laptop
#    the optimising compiler's threads compete with the first frame and with slider updates, and C1 code is
#    fast enough for the window's work (README "Speed" has the figures). -XX:-UsePerfData skips the
#    hsperfdata file nobody reads.
java_options=('-Dloopline.home=$APPDIR' -XX:TieredStopAtLevel=1 -XX:-UsePerfData)
step "jpackage app-image"
"${jdk_bin}jpackage" --type app-image --name LoopLine --app-version "$version" --dest "$dist" \
  --description "Training vs inference of large language models: memory, throughput and cost" \
  --runtime-image "$work/runtime" --module loopline/loopline.Launcher --input "$work/input" \
  $(printf -- "--java-options %s " "${java_options[@]}")

# On Linux, JDK 17's native launcher asks rpm and dpkg which package owns it on every start (`dpkg -S`
# scans the package database: 0.1-0.4 s here, more on a desktop with thousands of packages), so a
# short script that starts the same runtime with the same options replaces it.
if [[ "$(uname -s)" == Linux ]]; then
  launcher="$dist/LoopLine/bin/LoopLine"
  {
    echo '#!/bin/sh'
    echo '# LoopLine: starts the bundled runtime (see packaging/dist.sh for why this is a script)'
    echo 'APPDIR="$(readlink -f "$(dirname "$(readlink -f "$0")")/../lib/app")"'
    echo "exec \"\$APPDIR/../runtime/bin/java\" ${java_options[*]/\$APPDIR/\"\$APPDIR\"} -m loopline/loopline.Launcher \"\$@\""
  } > "$launcher"
  chmod 755 "$launcher"
fi

# 7. Installers from the image, on the platform that builds them (jpackage makes no cross-platform ones):
#    Linux .deb (needs dpkg-deb and fakeroot), macOS .dmg, Windows .msi (needs the WiX 3 tools on PATH).
#    Each installs the same image; the .deb puts it in /opt/loopline with a desktop-menu entry, and depends
#    on the packages that hold the libraries the image links to (GTK 3 among them, via JavaFX's libglassgtk3).
common=(--app-image "$dist/LoopLine" --name LoopLine --app-version "$version" --dest "$dist"
        --description "Training vs inference of large language models: memory, throughput and cost")
[[ "${LOOPLINE_IMAGE_ONLY:-}" == 1 ]] && exit 0   # for trying out the image: the installers take minutes
case "$(uname -s)" in
  Linux)
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      step "jpackage deb"
      "${jdk_bin}jpackage" --type deb "${common[@]}" --linux-package-name loopline --linux-shortcut \
        --linux-menu-group "Education;Science" --vendor LoopLine
    else
      step "no .deb: install dpkg-deb and fakeroot (apt-get install fakeroot) to build one"
    fi ;;
  Darwin) step "jpackage dmg"; "${jdk_bin}jpackage" --type dmg "${common[@]}" ;;
  MINGW*|MSYS*|CYGWIN*) step "jpackage msi"; "${jdk_bin}jpackage" --type msi "${common[@]}" --win-menu --win-shortcut ;;
esac
