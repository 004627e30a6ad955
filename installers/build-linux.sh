#!/usr/bin/env bash
# Builds Arca's Linux installers from target/arca.jar and target/lib (mvn -DskipTests package):
#   OUT/arca/                  an app-image: a jlinked runtime with only the JDK modules Arca needs, the jars, the
#                              native launcher bin/arca (JVM options from installers/jvm-options) and the list of the
#                              classes one start of the GUI with its embedded server loads (lib/app/arca.classlist),
#                              made under Xvfb at build time; from it the app dumps a class-data archive into the
#                              user's cache when it first ends (ClassDataArchive), which later starts map
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
for tool in Xvfb fakeroot dpkg-deb zip unzip objcopy; do
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
  --compress=zip-6 --output "$work/runtime" >/dev/null
# The JDK's native code keeps only the symbols it links with: its debug information is a separate download already,
# and the symbol tables (≈6 MB, 5 of them libjvm's) only name native frames in a crash report.
# (Debian's own packages strip theirs the same way.)
strip_native() { find "$@" -type f \( -name '*.so' -o -perm -u+x \) -exec objcopy --strip-unneeded {} \; ; }
strip_native "$work/runtime/bin" "$work/runtime/lib"

# The launcher's JVM options: installers/jvm-options, then the class-data archive in the user's cache (the launcher
# expands $HOME; a name of its own for each build, since an archive is valid only for the jars it was made from, at
# their sizes and modification times); CDS messages (a missing archive) stay off stdout, which carries the server's
# listening line. The archive is a static one (-Xshare:dump from the class list): the JVM's dynamic archive,
# -XX:ArchiveClassesAtExit, crashed now and then when written at the GUI's exit on JDK 25.0.3.
jvm=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) jvm+=("$line") ;; esac
done < installers/jvm-options
archive="\$HOME/.cache/arca/class-data/arca-$version-$(date -u +%Y%m%d%H%M%S).jsa"
options=()
for option in "${jvm[@]}" "-XX:SharedArchiveFile=$archive" -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr; do
  options+=(--java-options "$option")
done
"$jdk/bin/jpackage" --type app-image --name arca --app-version "$version" --dest "$out" --input "$out/input" \
  --main-jar arca.jar --runtime-image "$work/runtime" --icon resources/icons/arca-256.png "${options[@]}"
rm -rf "$out/input"
strip_native "$out/arca/bin" "$out/arca/lib/libapplauncher.so"

# One start of the GUI with its embedded server lists the classes it loads (the benchmark report closes the window):
# the class list that the app dumps its archive from (ClassDataArchive). It holds class names only, no paths.
display=:$((60 + RANDOM % 30))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=$display HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  JAVA_TOOL_OPTIONS="-Darca.benchmark.startupReport=$work/report -XX:DumpLoadedClassList=$work/classes.list" \
  timeout 180 "$out/arca/bin/arca" >/dev/null 2>"$work/train.err" \
  || { cat "$work/train.err" >&2; echo "build-linux.sh: the training start failed" >&2; exit 1; }
[ -s "$work/classes.list" ] || { echo "build-linux.sh: the training start listed no classes" >&2; exit 1; }
cp "$work/classes.list" "$out/arca/lib/app/arca.classlist"

# The .deb: jpackage's, plus /usr/bin/arca so that the command is on the PATH. jpackage's copy of the image gets new
# modification times: the package takes the app-image's, so that one archive serves both. jpackage's .deb is only
# unpacked again, so it is left uncompressed; the final one is gzip'ed (xz saves ~10 % more and takes minutes on 2 cores).
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --name arca --app-version "$version" --dest "$work/deb" \
  --app-image "$out/arca" --resource-dir installers/linux --linux-package-name arca --linux-app-category devel \
  --linux-shortcut --description "Desktop console and local server for CodeArtifact package repositories" \
  --vendor Arca --linux-deb-maintainer "arca@localhost" --icon resources/icons/arca-256.png
deb=$(ls "$work"/deb/*.deb)
tree=$work/tree
fakeroot -s "$work/fakeroot.state" dpkg-deb -R "$deb" "$tree"
mkdir -p "$tree/usr/bin" && ln -s /opt/arca/bin/arca "$tree/usr/bin/arca"
# jpackage's scripts register the desktop entry with xdg-desktop-menu, which fails, and with it dpkg -i and -r, on a
# system without a desktop menu directory (a headless server, a container): there the menu entry is left out.
# (Under fakeroot, which keeps the owners and modes of the files dpkg-deb -R wrote by inode; sed -i makes new ones.)
fakeroot -i "$work/fakeroot.state" -s "$work/fakeroot.state" \
  sed -i '/xdg-desktop-menu \(install\|uninstall\)/s/$/ || true/' "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm"
(cd "$out/arca" && find . -type f) | while IFS= read -r file; do
  if [ -f "$tree/opt/arca/$file" ]; then touch -r "$out/arca/$file" "$tree/opt/arca/$file"; fi
done
fakeroot -i "$work/fakeroot.state" dpkg-deb --root-owner-group -Zgzip -b "$tree" "$out/$(basename "$deb")" >/dev/null
echo "$out/arca"
echo "$out/$(basename "$deb")"
