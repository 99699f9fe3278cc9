#!/usr/bin/env bash
# The mixed archive of issue 18: N generated sources (default 10,000) with every item of the real archive copied in,
# built with the project's templates, assets and search vocabulary, then the four judged query sets scored through
# the real search page in Chromium (bench/search-judged.mjs).
#
#   bench/mixed.sh [N [DIR]]      DIR defaults to /tmp/mixed-N (generated once, kept); the site goes to OUT
#                                 (default /dev/shm/mixed-N: tmpfs, see BENCHMARKS.md "Why these runs write to tmpfs")
#
# Re-running copies the real items, templates, assets and vocabulary again (so it measures the working tree) and
# rebuilds; the generated part is kept.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-10000}
dir=${2:-/tmp/mixed-$n}
out=${OUT:-/dev/shm/mixed-$n}
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

# written anew only when another generator (or other options) wrote it
"$here/archive" bench generate --reuse --sources "$n" --out "$dir" >&2
if [ ! -f "$dir/content/measures.generated.yaml" ]; then
  mv "$dir/content/measures.yaml" "$dir/content/measures.generated.yaml"
fi
# the real items beside the generated ones (their ids do not meet: the generated ones are source-N, …)
for kind in sources claims commentary topics people; do
  cp -a "$here/content/$kind/." "$dir/content/$kind/"
done
{ cat "$dir/content/measures.generated.yaml"; echo; cat "$here/content/measures.yaml"; } > "$dir/content/measures.yaml"
rm -rf "$dir/templates" "$dir/assets"
cp -a "$here/templates" "$here/assets" "$dir/"
cp "$here/site-config/vocabulary.txt" "$dir/site-config/vocabulary.txt"

"$here/archive" build --root "$dir" --out "$out" --quiet
for set in search-judged search-heldout search-blind search-final; do
  echo "== bench/$set.json on $n generated sources with the real archive ($out)"
  node "$here/bench/search-judged.mjs" "$out" --queries "$here/bench/$set.json"
done
