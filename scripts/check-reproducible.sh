#!/usr/bin/env bash
# Builds the published modules twice, from two copies of this work tree at different paths and at
# different times, and compares every artifact byte for byte: the main, sources and javadoc jars,
# the processor's installed POM and the BOM. Prints one line per artifact and exits non-zero if any
# differs, naming the entries that do.
#
#   scripts/check-reproducible.sh [extra Maven options, e.g. -o]
#
# It runs 'package' without tests (about a minute per build on two cores) and writes only under a
# temporary directory: nothing goes into the local Maven repository.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fastffi-reproducible.XXXXXX")"
trap 'rm -rf "$work"' EXIT
modules=annotations,model,runtime,processor,importer,bom

build() {
    local dir="$work/$1"
    shift
    mkdir -p "$dir"
    # tracked files and new ones not ignored: the tree as it would be committed
    (cd "$root" && git ls-files -z --cached --others --exclude-standard) \
        | (cd "$root" && xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$dir"
    echo "build $(basename "$dir") in $dir"
    (cd "$dir" && mvn -B -q -DskipTests "$@" package -pl "$modules" -am)
}

artifacts() {
    (cd "$work/$1" && ls -1 */target/*.jar processor/target/dependency-reduced-pom.xml bom/pom.xml \
        | grep -v '/original-' | sort)
}

build first "$@"
sleep 2   # a later wall-clock second, so that any time stamp left in an artifact shows up
build second "$@"

first="$(artifacts first)"
second="$(artifacts second)"
if [[ "$first" != "$second" ]]; then
    echo "the two builds produced different sets of artifacts:"
    diff <(echo "$first") <(echo "$second") || true
    exit 1
fi

status=0
while read -r artifact; do
    if cmp -s "$work/first/$artifact" "$work/second/$artifact"; then
        echo "identical  $artifact"
    else
        echo "DIFFERENT  $artifact"
        status=1
        if [[ "$artifact" == *.jar ]]; then
            for side in first second; do
                mkdir -p "$work/unpacked-$side"
                (cd "$work/unpacked-$side" && unzip -q -o "$work/$side/$artifact")
            done
            diff -rq "$work/unpacked-first" "$work/unpacked-second" | sed 's/^/    /' || true
            diff <(unzip -Z -T "$work/first/$artifact") <(unzip -Z -T "$work/second/$artifact") \
                | head -20 | sed 's/^/    /' || true
            rm -rf "$work/unpacked-first" "$work/unpacked-second"
        fi
    fi
done <<< "$first"

count="$(wc -l <<< "$first")"
if [[ $status -eq 0 ]]; then
    echo "reproducible: all $count artifacts are byte-identical"
else
    echo "NOT reproducible: see the differences above"
fi
exit $status
