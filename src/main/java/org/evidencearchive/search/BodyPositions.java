package org.evidencearchive.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The positions each body value takes as the index analyses it (the sum of its tokens' position increments and of
 * the increment after its last token), recorded on the thread that analyses it. A document's
 * chunks need where each passage starts in the body's position space: recording it while Lucene analyses the
 * document for the index spares analysing every long document a second time.
 */
final class BodyPositions {

    /** One thread's counts since it last took them. */
    private static final class Log {
        int[] counts = new int[16];
        int size;

        void add(int count) {
            if (size == counts.length) counts = Arrays.copyOf(counts, size * 2);
            counts[size++] = count;
        }
    }

    private final ThreadLocal<Log> logs = ThreadLocal.withInitial(Log::new);

    /** Wraps the end of a body field's analysis chain, for the calling thread (the one that will run it). */
    TokenStream count(TokenStream in) {
        return new Counter(in, logs.get());
    }

    /** Returns the counts of the body values the calling thread analysed since it last asked, in order, and forgets them. */
    int[] take() {
        Log log = logs.get();
        int[] out = Arrays.copyOf(log.counts, log.size);
        log.size = 0;
        return out;
    }

    /** Passes the tokens through, adding up their position increments; logs the sum at the end of the value. */
    private static final class Counter extends TokenFilter {
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final Log log;
        private int positions;

        Counter(TokenStream input, Log log) {
            super(input);
            this.log = log;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            positions += inc.getPositionIncrement();
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            log.add(positions + inc.getPositionIncrement());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            positions = 0;
        }
    }
}
