package org.evidencearchive.content;

import java.util.List;
import java.util.Set;

/**
 * Everything parsed from a content folder, in a stable order (by id).
 *
 * @param unparsed "kind:id" of items whose file has errors: references to them are not reported again
 * @param measures the measure vocabulary ({@code measures.yaml}) that figures name by id
 */
public record Corpus(List<Source> sources, List<Commentary> commentary, List<Claim> claims, List<Topic> topics,
                     List<Person> people, Set<String> unparsed, Measures measures) {
    /** A corpus without a measure vocabulary. */
    public Corpus(List<Source> sources, List<Commentary> commentary, List<Claim> claims, List<Topic> topics,
                  List<Person> people, Set<String> unparsed) {
        this(sources, commentary, claims, topics, people, unparsed, Measures.NONE);
    }
}
