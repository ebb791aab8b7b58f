#!/usr/bin/env bash
# Builds libfastffi_bench.so and its JNI stub libfastffi_bench_jni.so into $1.
# $2 is the output of `java -XshowSettings:properties -version` run on the toolchain's JDK, so the
# stub compiles against that JDK's jni.h; $JAVA_HOME and /usr/lib/jvm are the fallbacks.
set -euo pipefail
out=$1
settings=${2:-}
src=$(cd "$(dirname "$0")" && pwd)

jni_include() {
    local home=""
    if [[ -n "$settings" && -f "$settings" ]]; then
        home=$(sed -n 's/^ *java\.home = //p' "$settings" | head -n 1)
    fi
    for candidate in "$home" "${JAVA_HOME:-}"; do
        if [[ -n "$candidate" && -f "$candidate/include/jni.h" ]]; then
            echo "$candidate/include"
            return
        fi
    done
    local found
    found=$(find /usr/lib/jvm -name jni.h -path '*/include/*' 2>/dev/null | sort -V | tail -n 1)
    if [[ -z "$found" ]]; then
        echo "build.sh: no jni.h in the toolchain JDK, \$JAVA_HOME or /usr/lib/jvm" >&2
        exit 1
    fi
    dirname "$found"
}

mkdir -p "$out"
gcc -O2 -shared -fPIC -Wall -Werror -o "$out/libfastffi_bench.so" "$src/bench.c"

include=$(jni_include)
platform=$(dirname "$(find "$include" -name jni_md.h | head -n 1)")
# no -Werror: jni.h comes from whichever JDK the toolchain picked
gcc -O2 -shared -fPIC -Wall -Wno-unused-parameter -I"$include" -I"$platform" \
    -o "$out/libfastffi_bench_jni.so" "$src/bench_jni.c" \
    -L"$out" -lfastffi_bench -Wl,-rpath,'$ORIGIN'
