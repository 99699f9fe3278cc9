package org.evidencearchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generator writes claims whose statements give no number (StatementNumbersCheck: none their passages do not). */
class GeneratorTest {
    @Test
    void aStatementLosesItsNumbersInDigitsAndInWords() {
        assertEquals("Aimed body grew.", Generator.withoutNumbers("Aimed 1100 body seven grew, 2,017."));
        assertEquals("Body grew.", Generator.withoutNumbers("Two body grew."));
        assertEquals("Reported.", Generator.withoutNumbers("1100 seven."));
    }
}
