#!/usr/bin/env python3
"""Measures what editors wait for on the real archive: `./archive check` (including JVM start) and, with
`./archive serve` running, the time from saving a one-file edit to the changed page being served.
Prints medians; used for BENCHMARKS.md. Run from the repository root: python3 bench/editor-latency.py"""
import statistics, subprocess, time, urllib.request, pathlib, sys, socket

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def check_times(n=5):
    subprocess.run(["./archive", "check"], capture_output=True)  # make sure the jar is built
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = subprocess.run(["./archive", "check"], capture_output=True)
        times.append(time.perf_counter() - t)
        assert r.returncode == 0, r.stderr
    return times

def serve_times(n=11):
    port = free_port()
    topic = pathlib.Path("content/topics/glasgow.md")
    original = topic.read_text()
    server = subprocess.Popen(["./archive", "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/topics/glasgow/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url, timeout=1).read(); break
            except Exception:
                time.sleep(0.05)
        times = []
        for i in range(n):
            marker = f"latency-marker-{i}-{time.time_ns()}"
            t = time.perf_counter()
            topic.write_text(original + "\n" + marker + "\n")
            while True:
                try:
                    if marker in urllib.request.urlopen(url, timeout=2).read().decode():
                        break
                except Exception:
                    pass
                time.sleep(0.01)
            times.append(time.perf_counter() - t)
            time.sleep(0.3)
        return times
    finally:
        topic.write_text(original)
        server.terminate(); server.wait()

c = check_times()
print(f"archive check (real archive, JVM start included): median {statistics.median(c):.2f} s over {len(c)} runs: "
      + ", ".join(f"{x:.2f}" for x in c))
s = serve_times()
print(f"archive serve, one-file edit to changed page served: median {statistics.median(s)*1000:.0f} ms over {len(s)} edits: "
      + ", ".join(f"{x*1000:.0f}" for x in s))
