package org.evidencearchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One term of the index with its postings in each text field.
 *
 * @param term the analyzed term
 * @param fields field name to postings sorted by document id
 */
record TermEntry(String term, SortedMap<String, List<Posting>> fields) {

  /**
   * One document containing the term in one field.
   *
   * @param doc the export document id
   * @param score Lucene's BM25 score of the term in this field of this document
   * @param positions the term positions, for phrase queries
   */
  record Posting(int doc, double score, int[] positions) {
    /** Encodes as the flat JSON array {@code [doc, score, pos1, pos2, ...]}. */
    List<Object> toJson() {
      List<Object> out = new ArrayList<>(2 + positions.length);
      out.add(doc);
      out.add(score);
      for (int p : positions) {
        out.add(p);
      }
      return out;
    }
  }

  /** Returns the shard weight: one unit per posting and per position. */
  int weight() {
    int w = 0;
    for (List<Posting> postings : fields.values()) {
      for (Posting p : postings) {
        w += 1 + p.positions().length;
      }
    }
    return w;
  }

  /** Encodes as the JSON value stored under the term in a shard. */
  Map<String, Object> toJson() {
    Map<String, Object> out = new java.util.TreeMap<>();
    for (Map.Entry<String, List<Posting>> e : fields.entrySet()) {
      out.put(e.getKey(), e.getValue().stream().map(Posting::toJson).toList());
    }
    return out;
  }
}
