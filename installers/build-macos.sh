#!/usr/bin/env bash
# Builds Arca's macOS disk image (.dmg) from target/arca.jar and target/lib (mvn -DskipTests package), on macOS with
# JDK 25 (JAVA_HOME) and Xcode's command-line tools (iconutil). Not built on the project's Linux machines: see
# docs/installing.md. Usage: installers/build-macos.sh [OUT]   (default target/installer). Signing: set
# ARCA_MAC_SIGNING_KEY to a "Developer ID Application" identity in the keychain.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/installer}
jdk=${JAVA_HOME:?set JAVA_HOME to a JDK 25}
version=$(sed -n 's|^  <version>\([0-9.]*\).*|\1|p' pom.xml | head -1)
rm -rf "$out" && mkdir -p "$out/input/lib" "$out/arca.iconset"
cp target/arca.jar "$out/input/" && cp target/lib/*.jar "$out/input/lib/"

# The icon: the PNGs of resources/icons in an .icns.
for size in 16 32 128 256 512; do cp "resources/icons/arca-$size.png" "$out/arca.iconset/icon_${size}x${size}.png"; done
cp resources/icons/arca-64.png "$out/arca.iconset/icon_32x32@2x.png"
iconutil -c icns -o "$out/arca.icns" "$out/arca.iconset"

# The JDK modules the jars use (jdeps), plus what they reach only by reflection or service look-up; as build-linux.sh.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q \
  --class-path "$out/input/lib/*" "$out/input/arca.jar")
"$jdk/bin/jlink" --add-modules "$modules,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,jdk.unsupported" \
  --include-locales=en --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$out/runtime"

# The JVM options from installers/jvm-options, the same file the Linux and Windows installers and installers/bin/arca use.
options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) options+=(--java-options "$line") ;; esac
done < installers/jvm-options
signing=()
[ -n "${ARCA_MAC_SIGNING_KEY:-}" ] && signing=(--mac-sign --mac-signing-key-user-name "$ARCA_MAC_SIGNING_KEY")

# User data and settings live in ~/Library/Application Support/Arca, outside Arca.app: replacing the app keeps them.
# The command line: /Applications/Arca.app/Contents/MacOS/Arca server|graph|cleanup|--version (docs/installing.md).
"$jdk/bin/jpackage" --type dmg --name Arca --app-version "$version" --dest "$out" --input "$out/input" \
  --main-jar arca.jar --runtime-image "$out/runtime" --icon "$out/arca.icns" "${options[@]}" \
  --mac-package-identifier dev.arca.Arca --mac-package-name Arca --mac-app-category public.app-category.developer-tools \
  "${signing[@]}" --description "Desktop console and local server for CodeArtifact package repositories" --vendor Arca
