package org.evidencearchive.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Source;

/**
 * Checks the citations of files that made no item (a YAML error, a bad required field): their quotes are
 * resolved against the sources as a linked item's are, so that every problem of a file is reported at once.
 * Nothing of these files is linked or published.
 */
public final class LooseCitations {
    private LooseCitations() {}

    /** Reports each malformed citation, unknown source and quote that is not in its source, of every loose file. */
    public static void check(Corpus corpus, Diagnostics d) {
        if (corpus.loose().isEmpty()) return;
        Map<String, Source> sources = corpus.sources().stream().collect(Collectors.toMap(Source::id, Function.identity(), (a, b) -> a));
        for (Corpus.Loose file : corpus.loose()) {
            InlineCitations.Extracted x = InlineCitations.extract(file.body());
            for (var m : x.malformed()) {
                d.error(m.origin().file(), m.origin().line(), m.origin().column(), "malformed citation: " + m.text(),
                        "write [@source-id \"exact quote\"] or [@source-id#p4 \"exact quote\"]");
            }
            List<CitationRef> refs = new ArrayList<>(file.citations());
            refs.addAll(x.citations());
            for (CitationRef ref : refs) {
                Source s = sources.get(ref.sourceId());
                if (s != null) {
                    QuoteMatcher.resolve(ref, s, d);
                } else if (!corpus.unparsed().contains("source:" + ref.sourceId())) {
                    d.error(ref.origin().file(), ref.origin().line(), ref.origin().column(), "unknown source '" + ref.sourceId() + "'",
                            Suggestions.didYouMean(ref.sourceId(), sources.keySet(), "source ids"));
                }
            }
        }
    }
}
