#!/usr/bin/env bash
# Side by side on one machine, one size: our build, Hugo on an equivalent site, stock JBake on the same number
# of plain pages. Usage: bench/compare.sh N [DIR]   (N sources; archives kept under DIR, default /tmp/archive-bench)
# Prints a Markdown table: pages, wall seconds (JVM start included for the Java tools), ms per page, peak RSS,
# output size, and our ms per page against the others'. Stock JBake is O(n²); above 3,000 pages it takes very
# long, so for larger N it is run at JBAKE_MAX pages (default 3000) and says so. The three outputs go to OUT (default
# /dev/shm/archive-compare, a tmpfs): on this machine's ext4 disk, creating files for minutes after many were deleted
# costs a kernel scan per file (BENCHMARKS.md, "Why these runs write to tmpfs"); tmpfs measures the tools alone.
set -euo pipefail
n=${1:?usage: bench/compare.sh N [DIR]}
dir=${2:-/tmp/archive-bench}
jbake_max=${JBAKE_MAX:-3000}
out=${OUT:-/dev/shm/archive-compare}
rm -rf "$out" && mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v hugo >/dev/null; then
  echo "compare: installing Debian's hugo" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >&2
fi
work="$dir/$n"
mkdir -p "$work"
./archive bench generate --reuse --sources "$n" --out "$work" >&2
for part in templates assets site-config; do rm -rf "${work:?}/$part"; cp -r "$part" "$work/$part"; done
rm -f "$work/site-config/urls.txt" "$work/site-config/fixity.txt"

measure() { # label, command... -> "wall_s rss_mib" from /usr/bin/time
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "${@:2}" >&2
  awk '{printf "%s %d\n", $1, $2/1024}' "$t"; rm -f "$t"
}
size_mb() { du -sb "$1" | awk '{printf "%.1f", $1/1e6}'; }

# the tool's jar and its ahead-of-time cache are made before anything is timed (./archive makes them on first use)
./archive check >/dev/null 2>&1 || true
rm -rf "$work/target"
read -r ours_s ours_rss < <(measure ours ./archive build --root "$work" --out "$out/ours" --timings-json "$work/timings-compare.json")
ours_pages=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pages'])" "$work/timings-compare.json")
ours_out=$(size_mb "$out/ours")
ours_files=$(find "$out/ours" -type f | wc -l)

python3 bench/hugo/convert.py "$work" "$work/hugo" 2>/dev/null
read -r hugo_s hugo_rss < <(cd "$work/hugo" && measure hugo hugo --quiet --destination "$out/hugo")
hugo_pages=$(find "$out/hugo" -name '*.html' | wc -l)
hugo_out=$(size_mb "$out/hugo")
python3 bench/hugo/convert.py "$work" "$work/hugo-plain" --plain 2>/dev/null
read -r plain_s plain_rss < <(cd "$work/hugo-plain" && measure hugo hugo --quiet --destination "$out/hugo-plain")
plain_pages=$(find "$out/hugo-plain" -name '*.html' | wc -l)
plain_out=$(size_mb "$out/hugo-plain")

jb_pages=$(( ours_pages < jbake_max ? ours_pages : jbake_max ))
t=$(mktemp)
/usr/bin/time -f "%M" -o "$t" ./archive bench jbake --pages "$jb_pages" --out "$out/jbake" > "$work/jbake.out" 2>/dev/null
jb_rss=$(awk '{printf "%d", $1/1024}' "$t"); rm -f "$t"
jb_ms=$(tail -1 "$work/jbake.out" | sed -E 's/.* in ([0-9]+) ms.*/\1/')
jb_out=$(size_mb "$out/jbake/output")
rm -rf "$out"

python3 - "$n" "$ours_pages" "$ours_s" "$ours_rss" "$ours_out" "$hugo_pages" "$hugo_s" "$hugo_rss" "$hugo_out" "$jb_pages" "$jb_ms" "$jb_out" "$jb_rss" "$ours_files" "$plain_pages" "$plain_s" "$plain_rss" "$plain_out" <<'PY'
import sys
n, op, os_, orss, oout, hp, hs, hrss, hout, jp, jms, jout, jrss = sys.argv[1:14]
op, hp, jp = int(op), int(hp), int(jp)
o_ms, h_ms, j_ms = float(os_) * 1000 / op, float(hs) * 1000 / hp, float(jms) / jp
print(f"\n{int(n):,} sources\n")
print("| tool | pages | wall s | ms/page | peak RSS MiB | output MB |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| ours (`archive build`, from nothing, JVM start included) | {op:,} | {float(os_):.1f} | {o_ms:.2f} | {int(orss):,} | {oout} |")
print(f"| Hugo 0.111.3 (Debian), equivalent site | {hp:,} | {float(hs):.1f} | {h_ms:.2f} | {int(hrss):,} | {hout} |")
pp, ps, prss, pout = int(sys.argv[15]), float(sys.argv[16]), sys.argv[17], sys.argv[18]
p_ms = ps * 1000 / pp
print(f"| Hugo, plain site (a page per source, topics taxonomy, no related) | {pp:,} | {ps:.1f} | {p_ms:.2f} | {int(prss):,} | {pout} |")
print(f"| stock JBake 2.7.0 `Oven`, plain pages (bake only) | {jp:,} | {int(jms)/1000:.1f} | {j_ms:.2f} | {int(jrss):,} | {jout} |")
print(f"\nour files: {int(sys.argv[14]):,} ({int(sys.argv[14]) / int(n):.1f} per source)")
print(f"\nours vs Hugo per page: {o_ms / h_ms:.2f}× (target ≤ 2×); vs the plain Hugo site per page: {o_ms / p_ms:.2f}× (target ≤ 2×); stock JBake vs ours per page: {j_ms / o_ms:.1f}× (target ≥ 10×)"
      + ("" if jp == op else f"; JBake measured at {jp:,} pages (its cost per page grows with the page count)"))
PY
