package org.evidencearchive.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;

/**
 * {@code /data/archive.json}: the whole archive as data — every source (with checksum and what is unknown),
 * commentary, claim (with citations), topic and person, with ids and absolute URLs. Its JSON Schema is
 * {@code docs/schema/archive.schema.json} (packed in the tool's jar), published at {@code /data/archive.schema.json}.
 */
public final class ArchiveExport {
    private ArchiveExport() {}

    /** Returns archive.json as bytes. */
    public static byte[] json(Archive archive, String baseUrl, String siteTitle, Licensing licensing) {
        return json(archive, baseUrl, siteTitle, licensing, org.evidencearchive.graph.Identifiers.NONE);
    }

    /**
     * Returns archive.json with each source, commentary and claim's persistent identifier (its resolver URL) as
     * {@code identifier}, when it has one.
     */
    public static byte[] json(Archive archive, String baseUrl, String siteTitle, Licensing licensing, org.evidencearchive.graph.Identifiers ids) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", baseUrl + "/data/archive.schema.json");
        root.put("title", siteTitle);
        root.put("baseUrl", baseUrl);
        root.putAll(licensing.fields());
        List<Object> sources = new ArrayList<>();
        for (Source s : archive.sources()) {
            Map<String, Object> m = item(s.id(), baseUrl + Urls.of(s), s.title());
            identifier(m, ids.of(s));
            m.put("headline", s.headline());
            m.put("authors", s.authors());
            m.put("outlet", s.outlet());
            m.put("published", s.published() == null ? null : s.published().value());
            if (s.dateInferred() != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("earliest", s.dateInferred().earliest() == null ? null : s.dateInferred().earliest().value());
                d.put("latest", s.dateInferred().latest() == null ? null : s.dateInferred().latest().value());
                d.put("basis", s.dateInferred().basis());
                m.put("dateInferred", d);
            } else {
                m.put("dateInferred", null);
            }
            m.put("originalUrl", s.url());
            m.put("text", baseUrl + Urls.of(s) + "text.txt");
            m.put("sha256", s.sha256());
            m.put("paragraphs", s.text().paragraphs().stream().map(p -> p.anchor()).toList());
            m.put("topics", ids(s.topics()));
            sources.add(m);
        }
        root.put("sources", sources);
        List<Object> commentary = new ArrayList<>();
        for (Commentary c : archive.commentary()) {
            Map<String, Object> m = item(c.id(), baseUrl + Urls.of(c), c.title());
            identifier(m, ids.of(c));
            m.put("summary", c.summary());
            m.put("about", ids(c.about()));
            m.put("topics", ids(c.topics()));
            m.put("citations", citations(archive.rich(c.body()).citations().stream().filter(java.util.Objects::nonNull).toList()));
            commentary.add(m);
        }
        root.put("commentary", commentary);
        List<Object> claims = new ArrayList<>();
        for (Claim c : archive.claims()) {
            Map<String, Object> m = item(c.id(), baseUrl + Urls.of(c), c.statement());
            identifier(m, ids.of(c));
            m.put("kind", c.claimKind().word());
            m.put("date", c.date() == null ? null : c.date().value());
            m.put("topics", ids(c.topics()));
            m.put("by", ids(c.by()));
            m.put("citations", citations(archive.citations(c)));
            m.put("relations", c.relations().stream().map(r -> Json.ordered("type", r.type().word(), "claim", r.claim().id())).toList());
            claims.add(m);
        }
        root.put("claims", claims);
        List<Object> topics = new ArrayList<>();
        for (Topic t : archive.topics()) {
            Map<String, Object> m = item(t.id(), baseUrl + Urls.of(t), t.title());
            m.put("summary", t.summary());
            m.put("related", ids(t.related()));
            topics.add(m);
        }
        root.put("topics", topics);
        List<Object> people = new ArrayList<>();
        for (Person p : archive.people()) {
            Map<String, Object> m = item(p.id(), baseUrl + Urls.of(p), p.name());
            m.put("kind", p.personKind().word());
            m.put("roles", p.roles().stream().map(Person.Role::role).toList());
            people.add(m);
        }
        root.put("people", people);
        return Json.bytes(root);
    }

    private static Map<String, Object> item(String id, String url, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url);
        m.put("title", title);
        return m;
    }

    private static void identifier(Map<String, Object> m, org.evidencearchive.graph.Identifiers.Pid pid) {
        if (pid != null) m.put("identifier", pid.url());
    }

    private static List<String> ids(List<Ref> refs) {
        return refs.stream().map(Ref::id).toList();
    }

    private static List<Object> citations(List<ResolvedCitation> list) {
        List<Object> out = new ArrayList<>();
        for (ResolvedCitation rc : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", rc.sourceId());
            m.put("paragraph", rc.anchor());
            m.put("quote", rc.exact());
            out.add(m);
        }
        return out;
    }
}
