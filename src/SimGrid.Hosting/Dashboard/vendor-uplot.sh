#!/usr/bin/env bash
# Refreshes the vendored uPlot (the situation room's charts) from the npm registry: its built files and licence go
# under wwwroot/vendor/uplot-<version>/, embedded in the assembly, so a clone needs no npm step and the page fetches
# nothing from the internet. After a version change, update the two paths in wwwroot/index.html.
set -euo pipefail
version="${1:-1.6.32}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "uplot@$version" >/dev/null && tar xzf "uplot-$version.tgz")
target="$here/wwwroot/vendor/uplot-$version"
mkdir -p "$target"
cp "$work/package/dist/uPlot.iife.min.js" "$work/package/dist/uPlot.min.css" "$work/package/LICENSE" "$target/"
echo "uPlot $version vendored in $target"
