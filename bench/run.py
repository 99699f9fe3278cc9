#!/usr/bin/env python3
"""The build benchmark: for each archive size, generate a synthetic archive, build it from nothing and again
unchanged, and report per stage wall time, CPU time, peak heap and peak RSS (from `archive build
--timings-json`), the whole command's wall time and peak RSS (JVM start included, from /usr/bin/time), the
output's size and file count, the search index's size, the bytes a typical two-word query downloads (when
bench/search-bench.mjs is present) and the time from saving a one-file edit to the changed page being served
by `archive serve`.

    python3 bench/run.py                      # 1,000 and 10,000 sources
    python3 bench/run.py --sources 1000       # one size
    python3 bench/run.py --edits 0            # skip the serve measurement

Archives are kept under --dir (default /tmp/archive-bench/N) and reused while the same generator wrote them; their templates,
assets and site settings are refreshed from this repository on every run. Results go to stdout as Markdown
and to DIR/results.json. Run from the repository root. Numbers on a shared machine are noisy: repeat them.
"""
import argparse, json, os, pathlib, re, shutil, socket, statistics, subprocess, sys, time, urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARCHIVE = str(ROOT / "archive")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({r.returncode}):\n{r.stderr[-3000:]}")
    return r


def generate(n, where):
    run([ARCHIVE, "bench", "generate", "--reuse", "--sources", str(n), "--out", str(where)], cwd=ROOT)
    for part in ("templates", "assets", "site-config"):
        shutil.rmtree(where / part, ignore_errors=True)
        shutil.copytree(ROOT / part, where / part)
    for ledger in ("urls.txt", "fixity.txt"):
        (where / "site-config" / ledger).unlink(missing_ok=True)


def timed_build(where, label):
    """One `archive build` under /usr/bin/time -v: its stage JSON plus whole-command wall and peak RSS."""
    stages = where / f"timings-{label}.json"
    r = run(["/usr/bin/time", "-v", ARCHIVE, "build", "--root", str(where), "--timings-json", str(stages)], cwd=ROOT)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    h, m, s = (float(x) if x else 0.0 for x in wall.groups())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    out = json.loads(stages.read_text())
    out["commandWallMs"] = round((h * 3600 + m * 60 + s) * 1000)
    out["commandPeakRssMiB"] = rss // 1024
    return out


def tree_size(path):
    files, size = 0, 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, n))
    return files, size


def search_bytes(site):
    script = ROOT / "bench" / "search-bench.mjs"
    if not script.exists():
        return None
    r = subprocess.run(["node", str(script), "--site", str(site), "--json"], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        return {"error": r.stderr.strip()[-500:]}
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError:
        return {"error": "search-bench.mjs printed no JSON"}


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wait_for_log(path, text, count, deadline):
    """Waits until a log has `count` lines containing `text` (or the deadline passes)."""
    while time.time() < deadline:
        if path.read_text(errors="replace").count(text) >= count:
            return True
        time.sleep(0.1)
    return False


def serve_edits(where, edits, timeout):
    """Saves a one-word edit to one claim `edits` times; each time, waits for the changed claim page."""
    if edits <= 0:
        return None
    port = free_port()
    claim = where / "content" / "claims" / "source-0-claim-0.md"
    original = claim.read_text()
    log = open(where / "serve.log", "w")
    server = subprocess.Popen([ARCHIVE, "serve", "--root", str(where), "--port", str(port)], cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/claims/source-0-claim-0/"
    times, deadline = [], time.time() + timeout
    try:
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read(); break
            except Exception:
                time.sleep(0.2)
        else:
            return {"error": f"serve did not answer within {timeout} s"}
        for i in range(edits):
            marker = f"benchedit{i}x{time.time_ns()}"
            t = time.perf_counter()
            claim.write_text(original.replace("\nstatement: ", f"\nstatement: {marker} ", 1))
            while time.time() < deadline:
                try:
                    if marker in urllib.request.urlopen(url, timeout=5).read().decode():
                        break
                except Exception:
                    pass
                time.sleep(0.01)
            else:
                return {"error": f"edit {i} not served within the time limit", "ms": times}
            times.append(round((time.perf_counter() - t) * 1000))
            # The search index and data exports catch up in the background: let them finish (as they would
            # between an editor's saves) so that each edit is timed on its own.
            wait_for_log(where / "serve.log", "search index and data exports updated", i + 1, deadline)
            time.sleep(0.5)
        return {"ms": times, "medianMs": statistics.median(times)}
    finally:
        claim.write_text(original)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def stage_table(b):
    rows = ["| stage | wall ms | CPU ms | peak heap MiB | peak RSS MiB |", "|---|---:|---:|---:|---:|"]
    for s in b["stages"]:
        rows.append(f"| {s['name']} | {s['wallMs']:,} | {s['cpuMs']:,} | {s['peakHeapMiB']:,} | {s['peakRssMiB']:,} |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--dir", default="/tmp/archive-bench")
    ap.add_argument("--edits", type=int, default=5, help="one-file edits timed in serve mode (0: none)")
    ap.add_argument("--serve-timeout", type=int, default=900)
    ap.add_argument("--no-search", action="store_true", help="skip bench/search-bench.mjs")
    args = ap.parse_args()
    results = {}
    for n in args.sources:
        where = pathlib.Path(args.dir) / str(n)
        where.mkdir(parents=True, exist_ok=True)
        generate(n, where)
        shutil.rmtree(where / "target", ignore_errors=True)
        clean = timed_build(where, "clean")
        again = timed_build(where, "unchanged")
        site = where / "target" / "site"
        files, size = tree_size(site)
        sfiles, ssize = tree_size(site / "search")
        r = {"sources": n, "clean": clean, "unchanged": again, "outputFiles": files, "outputBytes": size,
             "searchFiles": sfiles, "searchBytes": ssize, "search": None if args.no_search else search_bytes(site),
             "serveEdit": serve_edits(where, args.edits, args.serve_timeout)}
        results[n] = r
        print(f"\n### {n:,} sources: {clean['pages']:,} pages\n")
        print(f"- clean build: **{clean['commandWallMs'] / 1000:.1f} s** wall (JVM start included), "
              f"peak RSS {clean['commandPeakRssMiB']:,} MiB; files written {clean['published']['written']:,}")
        print(f"- unchanged rebuild: **{again['commandWallMs'] / 1000:.1f} s** wall, peak RSS {again['commandPeakRssMiB']:,} MiB; "
              f"files written {again['published']['written']:,}, left as they were {again['published']['unchanged']:,}")
        print(f"- output: {size / 1e6:,.1f} MB in {files:,} files; search index {ssize / 1e6:,.1f} MB in {sfiles:,} files")
        if r["search"] is not None:
            print(f"- search: {json.dumps(r['search'])[:600]}")
        if r["serveEdit"] is not None:
            print(f"- serve, one-file edit → changed page served: {json.dumps(r['serveEdit'])}")
        print(f"\nClean build by stage:\n\n{stage_table(clean)}\n\nUnchanged rebuild by stage:\n\n{stage_table(again)}")
    if len(args.sources) >= 2:
        small, large = min(args.sources), max(args.sources)
        ratio = results[large]["clean"]["commandWallMs"] / results[small]["clean"]["commandWallMs"]
        print(f"\nGrowth: the {large:,}-source clean build took {ratio:.1f}× the {small:,}-source one "
              f"({large // small}× the sources).")
    (pathlib.Path(args.dir) / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
