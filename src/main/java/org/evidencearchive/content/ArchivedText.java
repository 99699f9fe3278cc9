package org.evidencearchive.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An archived text as captured, split into preamble blocks (headline, byline) and numbered paragraphs. */
public record ArchivedText(String raw, List<String> preamble, List<Paragraph> paragraphs) {

    /** Splits a text into blocks at blank lines; the first {@code preambleBlocks} blocks are preamble. */
    public static ArchivedText split(String raw, int preambleBlocks) {
        List<String> preamble = new ArrayList<>();
        List<Paragraph> paragraphs = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int blockStart = -1;
        int blockLine = 0;
        int blockEnd = -1;
        int blocks = 0;
        while (pos <= raw.length()) {
            int nl = raw.indexOf('\n', pos);
            int end = nl < 0 ? raw.length() : nl;
            boolean blank = raw.substring(pos, end).isBlank();
            if (!blank) {
                if (blockStart < 0) {
                    blockStart = pos;
                    blockLine = line;
                }
                blockEnd = end;
            }
            if ((blank || nl < 0) && blockStart >= 0) {
                String block = stripTrailing(raw.substring(blockStart, blockEnd));
                if (blocks < preambleBlocks) {
                    preamble.add(block);
                } else {
                    paragraphs.add(new Paragraph("p" + (paragraphs.size() + 1), block, blockLine, blockStart));
                }
                blocks++;
                blockStart = -1;
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        return new ArchivedText(raw, List.copyOf(preamble), List.copyOf(paragraphs));
    }

    private static String stripTrailing(String block) {
        return block.replace("\r\n", "\n").stripTrailing();
    }

    /** Returns the same text with the given anchors (fixed when archived, e.g. p4a for a paragraph inserted later). */
    public ArchivedText withAnchors(List<String> anchors) {
        List<Paragraph> renamed = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            renamed.add(new Paragraph(anchors.get(i), p.text(), p.line(), p.offset()));
        }
        return new ArchivedText(raw, preamble, List.copyOf(renamed));
    }

    /** Returns the paragraph with the given anchor. */
    public Optional<Paragraph> paragraph(String anchor) {
        return paragraphs.stream().filter(p -> p.anchor().equals(anchor)).findFirst();
    }
}
