package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.reference.CitationStyles;
import org.evidencearchive.reference.Exports;
import org.evidencearchive.graph.RichText;
import org.evidencearchive.graph.Urls;

/** The models of the item pages: a source, a commentary, a claim, a topic, a person or organisation. */
final class ItemPages extends PageModels {
    private final VersionViews versions;

    ItemPages(PageContext ctx, VersionViews versions) {
        super(ctx);
        this.versions = versions;
    }

    Map<String, Object> source(Source s) {
        String url = Urls.of(s);
        Map<String, List<Item>> citedBy = archive.citedBy(s);
        List<ResolvedCitation> cites = archive.citationsOf(s);
        List<View.Paragraph> paragraphs = new ArrayList<>();
        List<Person> mentioned = archive.peopleMentionedIn(s);
        CitationStyles.Pinpoints pinpoints = CitationStyles.oscolaPinpoints(Exports.cslItem(ctx.reference(s)), ctx.site.language());
        for (var p : s.text().paragraphs()) {
            List<ResolvedCitation> inP = cites.stream()
                    .filter(c -> c.start() >= p.offset() && c.end() <= p.offset() + p.text().length()).toList();
            var mentions = Highlighter.mentions(p, mentioned, Urls::of);
            paragraphs.add(new View.Paragraph(p.anchor(), p.number(), Highlighter.paragraphHtml(p, inP, mentions),
                    citedBy.getOrDefault(p.anchor(), List.of()).stream().map(this::link).toList(),
                    new View.Pinpoint(pinpoints.at(p.number(), p.anchor()))));
        }
        String description = s.title() + " — archived verbatim"
                + (s.outlet() != null ? " from " + s.outlet() : "") + ".";
        GitVersion version = ctx.version(s);
        Map<String, Object> m = base(s.title(), url, description, "source", ctx.crumbs("Sources", "/sources/"),
                ctx.metadata.source(s, url, description, version.day()), version, s);
        RichText note = archive.rich(s.note());
        Citations cited = ctx.citations();
        m.put("source", new View.Source(s.id(), s.title(), s.headline(), s.authors(), s.outlet(),
                s.published() == null ? null : s.published().display(),
                s.dateInferred() == null ? null : s.dateInferred().display(),
                s.dateInferred() == null ? null : s.dateInferred().basis(), s.url(), s.sha256(), s.provenance(),
                ctx.html(note, cited), s.text().preamble(), paragraphs,
                archive.topicsOf(s.topics()).stream().map(this::link).toList(),
                archive.commentaryAbout(s).stream().map(this::link).toList(),
                archive.claimsCiting(s).stream().map(this::link).toList(),
                url + "text.txt", s.text().raw().split("\\s+").length));
        m.put("versions", versions.of(s));
        return m;
    }

    Map<String, Object> commentary(Commentary c) {
        Citations cited = ctx.citations();
        String body = ctx.html(archive.rich(c.body()), cited);
        List<View.Link> about = c.about().stream().map(r -> archive.source(r.id())).flatMap(java.util.Optional::stream)
                .map(this::link).toList();
        GitVersion version = ctx.version(c);
        Map<String, Object> m = base(c.title(), Urls.of(c), c.summary(), "commentary", ctx.crumbs("Commentary", "/commentary/"),
                ctx.metadata.commentary(c, Urls.of(c), about, version.day()), version, c);
        m.put("commentary", new View.Commentary(c.id(), c.title(), c.summary(), body, about,
                archive.topicsOf(c.topics()).stream().map(this::link).toList(), cited.list));
        return m;
    }

    Map<String, Object> claim(Claim c) {
        Citations passages = ctx.citations();
        archive.citations(c).forEach(passages::add);
        GitVersion version = ctx.version(c);
        Map<String, Object> m = base(c.statement(), Urls.of(c), c.statement(), "claim", ctx.crumbs("Claims", "/claims/"),
                ctx.metadata.claim(c, Urls.of(c), passages.list, version.day()), version, c);
        Citations cited = ctx.citations();
        cited.next = passages.list.size() + 1;
        String note = ctx.html(archive.rich(c.body()), cited);
        String figure = c.figure() == null ? null : org.evidencearchive.evidence.FigureText.describe(c, archive);
        m.put("claim", new View.Claim(c.id(), c.statement(), c.claimKind().word(), c.date() == null ? null : c.date().display(),
                archive.topicsOf(c.topics()).stream().map(this::link).toList(),
                archive.peopleOf(c.by()).stream().map(this::link).toList(), figure, passages.list,
                archive.related(c).stream().map(r -> new View.Relation(r.label(), link(r.claim()))).toList(),
                note, cited.list));
        return m;
    }

    Map<String, Object> topic(Topic t) {
        GitVersion version = ctx.version(t);
        Map<String, Object> m = base(t.title(), Urls.of(t), t.summary(), "topic", ctx.crumbs("Topics", "/topics/"),
                ctx.metadata.page(t.title(), Urls.of(t), t.summary(), version.day()), version, t);
        m.put("topic", new TopicBrief(ctx).of(t));
        return m;
    }

    Map<String, Object> person(Person p) {
        String description = p.name() + " in the archive: roles as the sources state them, positions and sources.";
        GitVersion version = ctx.version(p);
        Map<String, Object> m = base(p.name(), Urls.of(p), description, "person", ctx.crumbs("People and organisations", "/people/"),
                ctx.metadata.page(p.name(), Urls.of(p), description, version.day()), version, p);
        Citations roles = ctx.citations();
        List<View.Role> roleViews = new ArrayList<>();
        var rc = archive.roleCitations(p);
        for (var role : p.roles()) {
            var match = rc.stream().filter(c -> c.ref() == role.citation()).findFirst();
            match.ifPresent(c -> roleViews.add(new View.Role(role.role(), roles.add(c))));
        }
        Citations cited = ctx.citations();
        cited.next = roles.list.size() + 1;
        String note = ctx.html(archive.rich(p.body()), cited);
        m.put("person", new View.Person(p.id(), p.name(), p.personKind().word(), roleViews,
                archive.claimsBy(p).stream().map(this::link).toList(),
                archive.sourcesMentioning(p).stream().map(this::link).toList(), note, cited.list, ClaimIndex.actorUrl(p)));
        return m;
    }
}
