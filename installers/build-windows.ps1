# Builds Arca's Windows installer (.msi) from target\arca.jar and target\lib (mvn -DskipTests package), on Windows with
# JDK 25 (JAVA_HOME) and the WiX Toolset 3 or 4 that jpackage needs. Not built on the project's Linux machines: see
# docs/installing.md. Usage: powershell -File installers\build-windows.ps1 [OUT]   (default target\installer)
param([string]$Out = "target\installer")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$jdk = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { throw "set JAVA_HOME to a JDK 25" }
$version = (Select-String -Path pom.xml -Pattern '<version>([0-9.]+)' | Select-Object -First 1).Matches[0].Groups[1].Value
Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$Out\input\lib" | Out-Null
Copy-Item target\arca.jar "$Out\input\"
Copy-Item target\lib\*.jar "$Out\input\lib\"

# The JDK modules the jars use (jdeps), plus what they reach only by reflection or service look-up; as build-linux.sh.
$modules = & "$jdk\bin\jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 -q `
  --class-path "$Out\input\lib\*" "$Out\input\arca.jar"
$modules = "$modules,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,jdk.unsupported"
& "$jdk\bin\jlink" --add-modules $modules --include-locales=en --strip-debug --no-man-pages --no-header-files `
  --compress=zip-6 --generate-cds-archive --output "$Out\runtime"

# The JVM options from installers\jvm-options, the same file the Linux and macOS installers and installers/bin/arca use.
$options = Get-Content installers\jvm-options | Where-Object { $_ -and -not $_.StartsWith("#") } |
  ForEach-Object { "--java-options"; $_ }

# The upgrade code stays the same from version to version, so that a newer .msi replaces an older one. User data and
# settings live in %LOCALAPPDATA%\Arca and %APPDATA%\Arca, outside the install directory: upgrades and removal keep them.
& "$jdk\bin\jpackage" --type msi --name Arca --app-version $version --dest $Out --input "$Out\input" `
  --main-jar arca.jar --runtime-image "$Out\runtime" --icon resources\icons\arca.ico @options `
  --add-launcher "arca-cli=installers\windows\arca-cli.properties" `
  --win-menu --win-menu-group Arca --win-shortcut --win-dir-chooser --win-per-user-install `
  --win-upgrade-uuid 5c1c7a43-4a1e-4d8e-9a53-0f6a7b3d2e91 `
  --description "Desktop console and local server for CodeArtifact package repositories" --vendor Arca
