package org.evidencearchive.content;

import java.util.List;
import java.util.Set;

/**
 * Everything parsed from a content folder, in a stable order (by id).
 *
 * @param unparsed "kind:id" of items whose file has errors: references to them are not reported again
 * @param loose    what can still be checked of the files that made no item (their front matter had errors)
 * @param measures the measure vocabulary ({@code measures.yaml}) that figures name by id
 */
public record Corpus(List<Source> sources, List<Commentary> commentary, List<Claim> claims, List<Topic> topics,
                     List<Person> people, Set<String> unparsed, List<Loose> loose, Measures measures) {
    /** A corpus without loose files or a measure vocabulary. */
    public Corpus(List<Source> sources, List<Commentary> commentary, List<Claim> claims, List<Topic> topics,
                  List<Person> people, Set<String> unparsed) {
        this(sources, commentary, claims, topics, people, unparsed, List.of(), Measures.NONE);
    }

    /**
     * A file whose front matter made no item: its body, and the citations of its front matter that were read,
     * so that their quotes are checked with its other problems.
     */
    public record Loose(Body body, List<CitationRef> citations) {}
}
