#!/bin/sh
# Builds the libFuzzer targets and runs them (Linux, Swift 6.x with its bundled libFuzzer).
#   Tools/fuzz/run.sh                  build, then fuzz each target for 60 s
#   Tools/fuzz/run.sh build            build only
#   Tools/fuzz/run.sh FuzzJSON 240     fuzz one target for 240 s (FuzzJSON, FuzzEnvelope, FuzzDecider)
#   Tools/fuzz/run.sh FuzzDecider 300 -len_control=0   further arguments go to libFuzzer
# Crashes are written to Tools/fuzz/crashes/<target>/; the growing corpus to Tools/fuzz/.build-fuzz/corpus/<target>/.
set -eu
# The Swift runtime's interactive backtracer would hold a crashing target for ages; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
here=$(cd "$(dirname "$0")" && pwd)
scratch="$here/.build-fuzz"
if [ -f "$here/../../Package.resolved" ] && [ ! -f "$here/Package.resolved" ]; then
    cp "$here/../../Package.resolved" "$here/Package.resolved"
fi

# One -sanitize flag with both sanitizers: given as two flags (as `swift build --sanitize` does), the
# last one wins and the code is built without libFuzzer's coverage instrumentation.
build() {
    for target in FuzzJSON FuzzEnvelope FuzzDecider; do
        swift build -c release --package-path "$here" --scratch-path "$scratch" --product "$target" \
            --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
    done
}

fuzz() {
    target=$1 seconds=$2
    shift 2
    mkdir -p "$scratch/corpus/$target" "$here/crashes/$target"
    "$scratch/release/$target" "$scratch/corpus/$target" "$here/corpus/$target" \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$here/crashes/$target/" "$@"
}

case "${1:-all}" in
    build) build ;;
    all) build; for target in FuzzJSON FuzzEnvelope FuzzDecider; do fuzz "$target" "${2:-60}"; done ;;
    *) target=$1 seconds=${2:-60}; shift; [ $# -gt 0 ] && shift
       [ -x "$scratch/release/$target" ] || build; fuzz "$target" "$seconds" "$@" ;;
esac
