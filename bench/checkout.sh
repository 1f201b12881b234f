#!/usr/bin/env bash
# A runnable copy of the suite at another commit, with today's bench/ in it, to benchmark that
# commit (e.g. the "before" of a change) while the work tree moves on:
#
#   bash bench/checkout.sh <commit> <dir>
#   (cd <dir> && BENCH_ENTITIES=1000 bash bench/run.sh evaluation)
#
# The copy is `git archive` of the commit (the repository is only read). It has no install of its
# own: its node_modules links every installed package of this work tree, except that the
# workspaces' links (@reliability-suite/*, and each workspace's own node_modules) lead into the
# copy. So it works for commits with the same dependencies as the work tree.
set -euo pipefail
commit="${1:?usage: bench/checkout.sh <commit> <dir>}"
dir="${2:?usage: bench/checkout.sh <commit> <dir>}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(mkdir -p "$dir" && cd "$dir" && pwd)"
[ "$dir" != "$root" ] || { echo "refusing to overwrite the work tree" >&2; exit 1; }

rm -rf "$dir"
mkdir -p "$dir"
git -C "$root" archive "$commit" | tar -x -C "$dir"
mkdir -p "$dir/bench"
cp "$root"/bench/*.ts "$root"/bench/*.sh "$root"/bench/*.mjs "$root"/bench/*.json "$dir/bench/"
ln -s "$root/.tools" "$dir/.tools"

mkdir "$dir/node_modules"
for entry in "$root"/node_modules/* "$root"/node_modules/.bin; do
  name="$(basename "$entry")"
  [ "$name" = "@reliability-suite" ] || ln -s "$entry" "$dir/node_modules/$name"
done
mkdir "$dir/node_modules/@reliability-suite"
for link in "$root"/node_modules/@reliability-suite/*; do
  # Relative links (../../plugins/x): the same text leads into the copy.
  ln -s "$(readlink "$link")" "$dir/node_modules/@reliability-suite/$(basename "$link")"
done
for nested in "$root"/packages/*/node_modules "$root"/plugins/*/node_modules; do
  workspace="${nested#"$root"/}"
  workspace="${workspace%/node_modules}"
  [ -d "$dir/$workspace" ] && ln -s "$nested" "$dir/$workspace/node_modules"
done
git -C "$root" rev-parse --short "$commit" > "$dir/.bench-commit"
echo "$commit ($(cat "$dir/.bench-commit")) in $dir"
