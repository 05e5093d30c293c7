#!/usr/bin/env bash
# Builds the libFuzzer targets (coverage + AddressSanitizer) into .build/fuzz/:
#   fuzz-source      bytes → Session.run (tokens → AST → evaluation)
#   fuzz-structured  bytes → a generated program of tensor ops, layers and functional ops
#   fuzz-checkpoint  bytes → a file given to torch.load (zip records → pickle → tensors)
#   fuzz-image       bytes → the PNG/JPEG decoders, then convert, resize and encode
#   fuzz-regex       bytes → a Python pattern parsed, translated, compiled by PCRE2 and matched
# The library modules are built by SwiftPM with the sanitizer flags (release: fast enough for
# millions of inputs; Swift's overflow and bounds checks stay on outside Kernels), then each
# target is linked with swiftc, since SwiftPM executables rename `main` and libFuzzer needs its own.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG=${FUZZ_CONFIG:-release}
BUILD=.build/fuzz
# Coverage: libFuzzer's defaults without trace-cmp and indirect-calls. Those hook every comparison
# and every closure call, and the tensor code compares and calls a closure per element: profiled on
# the structured corpus, they took 45% and 10% of the time, and a campaign of 10^6 inputs no longer
# fitted in a session. Edge coverage steers both targets; the source target also has a dictionary, and
# string comparisons still feed libFuzzer's CMP mutations through its memcmp/strcmp interceptors.
COVERAGE=${FUZZ_COVERAGE:-edge,inline-8bit-counters,pc-table}
SAN=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -sanitize-coverage="$COVERAGE" -Xswiftc -g)
# Swift skips rewriting an object file whose IR hash is unchanged, and that hash is taken before
# LLVM's sanitizer passes: new coverage flags alone would leave the old instrumentation in place.
# A stamp records the flags; when they change, the objects go.
STAMP="$BUILD/$CONFIG-coverage"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$COVERAGE" ] && [ -e "$BUILD/$CONFIG" ]; then
  rm -rf "$(readlink -f "$BUILD/$CONFIG")" "${BUILD:?}/$CONFIG"   # release is a link to the triple's folder
fi
mkdir -p "$BUILD"; echo "$COVERAGE" > "$STAMP"
# Shell, and the per-ISA SLEEF targets CFastMath links against (SwiftPM builds a C target's objects
# only when asked for it or for a product that links it).
for target in Shell CSleefAVX2 CSleefAVX512; do
  nice -n "${FUZZ_NICE:-10}" swift build -c "$CONFIG" --build-path "$BUILD" --target "$target" "${SAN[@]}" >&2
done
OUT="$BUILD/$CONFIG"
# Object files of every module Shell depends on (SwiftPM builds them; nothing links them for us).
# Only objects of sources that exist now (a removed source leaves a stale .o behind).
mapfile -t OBJS < <(for m in Kernels Torch NN Syntax Pictures Figures Stdlib NumPy Regex Shell; do
  find "Sources/$m" -name '*.swift' -exec basename {} \; | sed "s|^|$OUT/$m.build/|; s|\$|.o|"
  ls "$OUT/$m.build/"resource_bundle_accessor.swift.o 2>/dev/null || true; done
  # C targets (the vectorised math kernels).
  for c in CFastMath CSleefAVX2 CSleefAVX512; do find "Sources/$c" -name '*.c' -exec basename {} \; | sed "s|^|$OUT/$c.build/|; s|\$|.o|"; done
  # Package dependencies (swift-crypto for Stdlib's SHA-512, BigInt for Shell's ints): every object SwiftPM built for them.
  for d in Crypto CryptoBoringWrapper CCryptoBoringSSLShims CCryptoBoringSSL BigInt; do
    [ -d "$OUT/$d.build" ] && find "$OUT/$d.build" -name '*.o'; done)
FLAGS=(-sanitize=fuzzer,address -sanitize-coverage="$COVERAGE" -g -parse-as-library -I "$OUT/Modules" -I "$OUT"
       -Xcc -fmodule-map-file=Sources/CBLAS/module.modulemap
       -Xcc -fmodule-map-file=Sources/CPNG/module.modulemap
       -Xcc -fmodule-map-file=Sources/CJPEG/module.modulemap
       -Xcc -fmodule-map-file=Sources/CCairo/module.modulemap
       -Xcc -fmodule-map-file=Sources/CPCRE2/module.modulemap
       -Xcc -I -Xcc Sources/CFastMath/include
       $(pkg-config --cflags openblas libpng libjpeg cairo-ft libpcre2-32 | sed 's/-I/-Xcc -I/g')
       $(pkg-config --libs openblas libpng libjpeg cairo-ft libpcre2-32) -lsleef)
[ "$CONFIG" = release ] && FLAGS+=(-O)
for t in source structured checkpoint image regex; do
  case $t in source) src=FuzzSource ;; structured) src=FuzzStructured ;; checkpoint) src=FuzzCheckpoint ;; image) src=FuzzImage ;; regex) src=FuzzRegex ;; esac
  # Link beside and rename: a running campaign keeps its binary, and libFuzzer's fork mode
  # starts its next child from the new one.
  nice -n "${FUZZ_NICE:-10}" swiftc "${FLAGS[@]}" -module-name "Fuzz_$t" \
    Fuzz/Targets/Common.swift "Fuzz/Targets/$src.swift" "${OBJS[@]}" -o "$BUILD/fuzz-$t.new" >&2
  mv -f "$BUILD/fuzz-$t.new" "$BUILD/fuzz-$t"
done
echo "$BUILD/fuzz-source $BUILD/fuzz-structured $BUILD/fuzz-checkpoint $BUILD/fuzz-image $BUILD/fuzz-regex"
