#!/usr/bin/env python3
"""Writes an evidence archive's content (the synthetic one from `archive bench generate`) as a Hugo site of the
same pages, for the side-by-side benchmark: python3 bench/hugo/convert.py ARCHIVE_DIR HUGO_DIR [--plain].

Equivalent pages, Hugo's way: each source's paragraphs with anchors and its "cited by" list, commentary whose
citations become links to the cited paragraph, claims, people and topics as pages, section lists paginated
at 250 (as ours), related items from Hugo's related-content index over topics. Back-links are worked out
here, once, as our build does in its link stage; Hugo then renders Markdown and templates.

--plain writes the case where Hugo is at its fastest (issue 20): one page per source (its paragraphs), the topics
as a taxonomy (a page per topic listing its sources), no related content, nothing else."""
import json, pathlib, re, shutil, sys

src, dst = pathlib.Path(sys.argv[1]) / "content", pathlib.Path(sys.argv[2])
plain = "--plain" in sys.argv[3:]
here = pathlib.Path(__file__).resolve().parent
CITE = re.compile(r'\[@([a-z0-9-]+)(?:#(p\d+))?\s+"([^"]*)"\]')


def front(path):
    text = path.read_text()
    _, fm, body = text.split("---\n", 2)
    fields = {}
    for line in fm.splitlines():
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if m and m.group(2):
            fields[m.group(1)] = m.group(2)
    return fields, body


def listish(v):
    return [x.strip() for x in v.strip("[]").split(",") if x.strip()] if v else []


def write(kind, name, params, body=""):
    out = dst / "content" / kind / f"{name}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(params, ensure_ascii=False) + "\n\n" + body)  # Hugo reads JSON front matter


shutil.rmtree(dst, ignore_errors=True)
(dst / "layouts").mkdir(parents=True)
shutil.copytree(here / "layouts", dst / "layouts", dirs_exist_ok=True)
shutil.copy(here / "hugo.toml", dst / "hugo.toml")
if plain:
    (dst / "hugo.toml").write_text('baseURL = "https://example.org/"\nlanguageCode = "en"\n'
                                   'title = "Evidence archive (plain Hugo site)"\ndisableKinds = ["RSS"]\n'
                                   '[taxonomies]\n  topic = "topics"\n[pagination]\n  pagerSize = 250\n')
    single = (dst / "layouts/_default/single.html").read_text()
    (dst / "layouts/_default/single.html").write_text("\n".join(l for l in single.splitlines() if "Related" not in l) + "\n")
    for s in sorted((src / "sources").glob("*.md")):
        f, _ = front(s)
        paragraphs = [p.strip() for p in (src / "sources" / f["text"]).read_text().split("\n\n") if p.strip()]
        write("sources", f["id"], {"title": f["title"], "topics": listish(f.get("topics")), "paragraphs": paragraphs})
    print(f"plain hugo site written to {dst}", file=sys.stderr)
    sys.exit(0)
cited_by = {}
claims = sorted((src / "claims").glob("*.md"))
for c in claims:
    f, _ = front(c)
    m = re.search(r"source: (\S+)\n\s+paragraph: (p\d+)", c.read_text())
    if m:
        cited_by.setdefault(m.group(1), []).append({"title": f["statement"][:80], "url": f"/claims/{f['id']}/", "anchor": m.group(2)})
    write("claims", f["id"], {"title": f["statement"], "kind": f.get("kind"), "topics": listish(f.get("topics")),
                              "citations": [{"url": f"/sources/{m.group(1)}/#{m.group(2)}", "anchor": m.group(2)}] if m else []})
for c in sorted((src / "commentary").glob("*.md")):
    f, body = front(c)
    for s, p, _ in CITE.findall(body):
        cited_by.setdefault(s, []).append({"title": f["title"], "url": f"/commentary/{f['id']}/", "anchor": p or "p1"})
    body = CITE.sub(lambda m: f'[“{m.group(3)}”](/sources/{m.group(1)}/#{m.group(2) or "p1"})', body)
    write("commentary", f["id"], {"title": f["title"], "summary": f.get("summary", ""), "topics": listish(f.get("topics"))}, body)
for s in sorted((src / "sources").glob("*.md")):
    f, _ = front(s)
    paragraphs = [p.strip() for p in (src / "sources" / f["text"]).read_text().split("\n\n") if p.strip()]
    write("sources", f["id"], {"title": f["title"], "topics": listish(f.get("topics")), "paragraphs": paragraphs,
                               "sha256": f.get("sha256"), "cited_by": cited_by.get(f["id"], [])})
for p in sorted((src / "people").glob("*.md")):
    f, body = front(p)
    write("people", f["id"], {"title": f["name"], "kind": f.get("kind")}, body)
for t in sorted((src / "topics").glob("*.md")):
    f, body = front(t)
    write("topics", f["id"], {"title": f["title"], "summary": f.get("summary", ""), "topics": [f["id"]]}, body)
print(f"hugo site written to {dst}", file=sys.stderr)
