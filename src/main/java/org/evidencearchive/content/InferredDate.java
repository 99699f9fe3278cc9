package org.evidencearchive.content;

/** A publication date range inferred from a text, never a fact: it always carries its basis. */
public record InferredDate(PartialDate earliest, PartialDate latest, String basis) {
    /** Returns the range in words, e.g. "between April 2018 and July 2019", "2017 or later". */
    public String display() {
        if (earliest != null && latest != null) {
            if (earliest.equals(latest)) return earliest.display();
            if (earliest.value().length() == 4 && earliest.year() == latest.year()) {
                return earliest.display() + ", no later than " + latest.display();
            }
            return "between " + earliest.display() + " and " + latest.display();
        }
        return earliest != null ? earliest.display() + " or later" : "no later than " + latest.display();
    }

    /**
     * Returns the year a catalogue files the text under, for metadata that requires a year (Google Scholar's
     * {@code citation_date}): the range's only year when it lies within one year, otherwise its earliest year,
     * or its latest year when only an upper bound is known. An approximation of the range, never a date read
     * from the text: pages send it only as a year, and the range and its basis stay on the page.
     */
    public int filingYear() {
        return earliest != null ? earliest.year() : latest.year();
    }
}
