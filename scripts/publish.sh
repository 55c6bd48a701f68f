#!/usr/bin/env bash
# Self-contained Native AOT archives of refold-mcp, one per RID:
#   bash scripts/publish.sh linux-x64 [linux-arm64 osx-arm64 win-x64 ...]
# Each RID is published with PublishAot=true into artifacts/publish/RID and archived as
# artifacts/dist/refold-mcp-VERSION-RID.tar.gz (.zip for win-*), holding the binary, README.md and LICENSE.
# Native AOT compiles for the OS it runs on: build linux-* on Linux (clang or gcc, zlib), osx-* on a Mac (Xcode command
# line tools), win-* on Windows (Visual Studio's C++ workload). The version is VersionPrefix in Directory.Build.props
# (pass VERSION_SUFFIX=preview.1 for a prerelease).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: bash scripts/publish.sh RID [RID...]   e.g. linux-x64 linux-arm64 osx-arm64 win-x64" >&2; exit 2; }
project=src/Refold.Mcp.Server/Refold.Mcp.Server.csproj
suffix=()
[ -n "${VERSION_SUFFIX:-}" ] && suffix=(-p:VersionSuffix="$VERSION_SUFFIX")
version=$(dotnet msbuild "$project" -getProperty:Version "${suffix[@]}")
mkdir -p artifacts/dist
host=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
for rid in "$@"; do
  out=artifacts/publish/$rid
  rm -rf "$out"
  dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true "${suffix[@]}" -o "$out"
  stage=$(mktemp -d)
  name=refold-mcp-$version-$rid
  mkdir "$stage/$name"
  exe=refold-mcp
  [[ $rid == win-* ]] && exe=refold-mcp.exe
  cp "$out/$exe" README.md LICENSE "$stage/$name/"
  if [[ $rid == win-* ]]; then
    archive=$PWD/artifacts/dist/$name.zip
    rm -f "$archive"
    (cd "$stage" && python3 -m zipfile -c "$archive" "$name")
  else
    archive=$PWD/artifacts/dist/$name.tar.gz
    tar -C "$stage" -czf "$archive" "$name"
  fi
  rm -rf "$stage"
  if [ "$rid" = "$host" ] && ! "$out/$exe" --version | grep -qx "refold-mcp $version"; then
    echo "$out/$exe does not print 'refold-mcp $version'" >&2; exit 1
  fi
  echo "$archive"
done
