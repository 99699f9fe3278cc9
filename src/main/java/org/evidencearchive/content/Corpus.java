package org.evidencearchive.content;

import java.util.List;

/** Everything parsed from a content folder, in a stable order (by id). */
public record Corpus(List<Source> sources, List<Commentary> commentary, List<Claim> claims, List<Topic> topics,
                     List<Person> people) {}
