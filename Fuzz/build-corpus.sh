#!/bin/sh
# Builds the seed corpus for the LKOFuzz target in Fuzz/corpus/ (git-ignored):
#   - every policy file of Policies/ on its own;
#   - the whole policy as one file, and as two files split at a NUL byte (the fuzz target splits
#     its input at the first NUL into a.lko and b.lko);
#   - every input of Tests/LKOCompilerTests/Fixtures/fuzz-regressions/ (hand-written snippets
#     covering each construct, plus every crash the fuzzer has found).
# Run from anywhere; the script works relative to the package root.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/Fuzz/corpus"
mkdir -p "$corpus"
for file in "$root"/Policies/*.lko; do
    cp "$file" "$corpus/policy-$(basename "$file")"
done
cat "$root"/Policies/*.lko > "$corpus/policy-all.lko"
{
    cat "$root/Policies/organization.lko" "$root/Policies/categories.lko"
    printf '\0'
    cat "$root/Policies/grants.lko" "$root/Policies/routing.lko" "$root/Policies/tests.lko"
} > "$corpus/policy-two-files.lko"
for file in "$root"/Tests/LKOCompilerTests/Fixtures/fuzz-regressions/*; do
    cp "$file" "$corpus/$(basename "$file")"
done
echo "$(ls "$corpus" | wc -l) inputs in $corpus"
