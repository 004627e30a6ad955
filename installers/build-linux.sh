#!/usr/bin/env bash
# Builds Arca's Linux installers from target/arca.jar and target/lib (mvn -DskipTests package):
#   OUT/arca/                  an app-image: a jlinked runtime with only the JDK modules Arca needs, the jars, the
#                              native launcher bin/arca (JVM options from installers/jvm-options) and a class-data
#                              archive lib/app/arca.jsa (JDK and app classes) of the classes one start of the GUI with
#                              its embedded server loads, made under Xvfb at build time
#   OUT/arca_VERSION_amd64.deb that image in /opt/arca, /usr/bin/arca, the desktop entry and the icon
# JavaFX stays as jars on the class path (no JavaFX jmods here), as with java -jar.
# Usage: installers/build-linux.sh [OUT]   (default target/installer). Needs JDK 25 (JAVA_HOME), Xvfb, fakeroot and
# dpkg-deb (Debian: xvfb fakeroot dpkg-dev zip). Takes about 2 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-target/installer}")
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/jpackage" ] || { echo "build-linux.sh: no JDK 25 with jpackage at $jdk: set JAVA_HOME" >&2; exit 2; }
[ -f target/arca.jar ] && [ -d target/lib ] || { echo "build-linux.sh: run mvn -DskipTests package first" >&2; exit 2; }
for tool in Xvfb fakeroot dpkg-deb zip unzip; do
  command -v "$tool" >/dev/null || { echo "build-linux.sh: $tool is missing (apt-get install xvfb fakeroot dpkg-dev zip)" >&2; exit 2; }
done
version=$(unzip -p target/arca.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.1.0}
rm -rf "$out" && mkdir -p "$out/input/lib"
work=$(mktemp -d)
xvfb=
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT

# The jars; SQLite's driver carries its native library for 25 platforms: keep this one's.
cp target/arca.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
sqlite=$(ls "$out"/input/lib/sqlite-jdbc-*.jar)
others=$(unzip -Z1 "$sqlite" | grep -E '^org/sqlite/native/.+\.(so|dll|dylib)$' | grep -v '^org/sqlite/native/Linux/x86_64/' || true)
# shellcheck disable=SC2086
[ -z "$others" ] || zip -q -d "$sqlite" $others

# The JDK modules the jars use (jdeps), plus what they reach only by reflection or service look-up.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q \
  --class-path "$out/input/lib/*" "$out/input/arca.jar")
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,jdk.unsupported"
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --strip-native-debug-symbols=objcopy="$(command -v objcopy)" --output "$work/runtime" >/dev/null

# The launcher's JVM options: installers/jvm-options, then the class-data archive made below (a static one: the JVM's
# dynamic archive, -XX:ArchiveClassesAtExit, crashed now and then when written at the GUI's exit on JDK 25.0.3); CDS
# messages stay off stdout, which carries the server's listening line.
jvm=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) jvm+=("$line") ;; esac
done < installers/jvm-options
options=()
for option in "${jvm[@]}" '-XX:SharedArchiveFile=$APPDIR/arca.jsa' -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr; do
  options+=(--java-options "$option")
done
"$jdk/bin/jpackage" --type app-image --name arca --app-version "$version" --dest "$out" --input "$out/input" \
  --main-jar arca.jar --runtime-image "$work/runtime" --icon resources/icons/arca-256.png "${options[@]}"
rm -rf "$out/input"

# One start of the GUI with its embedded server lists the classes it loads (the benchmark report closes the window);
# the archive is then dumped with the launcher's own class path (arca.jar, whose manifest names lib/) and options.
display=:$((60 + RANDOM % 30))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  JAVA_TOOL_OPTIONS="-Darca.benchmark.startupReport=$work/report -XX:DumpLoadedClassList=$work/classes.list" \
  timeout 180 "$out/arca/bin/arca" >/dev/null 2>"$work/train.err" \
  || { cat "$work/train.err" >&2; echo "build-linux.sh: the training start failed" >&2; exit 1; }
# dump DIR: the archive of DIR/lib/app (valid only for those jars, at their sizes and modification times).
dump() {
  "$1/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/classes.list" \
    -XX:SharedArchiveFile="$1/lib/app/arca.jsa" "${jvm[@]}" -Djava.class.path="$1/lib/app/arca.jar" -Xlog:disable >/dev/null
  [ -s "$1/lib/app/arca.jsa" ] || { echo "build-linux.sh: no class-data archive was written in $1" >&2; exit 1; }
}
dump "$out/arca"

# The .deb: jpackage's, plus /usr/bin/arca so that the command is on the PATH, and the archive made again for the
# package's own copy of the jars (jpackage's copy gives them new modification times). jpackage's .deb is only unpacked
# again, so it is left uncompressed; the final one is gzip'ed (xz saves ~10 % more and takes minutes on 2 cores).
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --name arca --app-version "$version" --dest "$work/deb" \
  --app-image "$out/arca" --resource-dir installers/linux --linux-package-name arca --linux-app-category devel \
  --linux-shortcut --description "Desktop console and local server for CodeArtifact package repositories" \
  --vendor Arca --linux-deb-maintainer "arca@localhost" --icon resources/icons/arca-256.png
deb=$(ls "$work"/deb/*.deb)
tree=$work/tree
fakeroot -s "$work/fakeroot.state" dpkg-deb -R "$deb" "$tree"
mkdir -p "$tree/usr/bin" && ln -s /opt/arca/bin/arca "$tree/usr/bin/arca"
rm -f "$tree/opt/arca/lib/app/arca.jsa" && dump "$tree/opt/arca"
fakeroot -i "$work/fakeroot.state" dpkg-deb --root-owner-group -Zgzip -b "$tree" "$out/$(basename "$deb")" >/dev/null
echo "$out/arca"
echo "$out/$(basename "$deb")"
