package org.evidencearchive.search;

/**
 * One term of the index: its postings over all text fields, in impact order.
 *
 * @param term the analyzed term
 * @param docs document ids, ordered by impact descending, then id ascending
 * @param impacts per posting: round(scale × Σ over fields of field weight × Lucene's BM25 score)
 * @param chunks per posting: the document chunk where the term occurs most in the body (0 if not in the body)
 */
record TermEntry(String term, int[] docs, int[] impacts, byte[] chunks) {

  /** Returns the number of documents holding the term. */
  int df() {
    return docs.length;
  }

  /** Returns the packed posting value of posting i: impact × 8 + chunk. */
  int packed(int i) {
    return impacts[i] * 8 + chunks[i];
  }
}
