package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.evidencearchive.content.PartialDate;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    private static TimeAxis.Span years(String from, String to) {
        return TimeAxis.Span.of(from == null ? null : new PartialDate(from), to == null ? null : new PartialDate(to));
    }

    @Test
    void partialDatesCoverTheirWholePeriod() {
        assertEquals(2016.0, TimeAxis.start(new PartialDate("2016")));
        assertEquals(2017.0, TimeAxis.end(new PartialDate("2016")));
        assertEquals(2018 + 90 / 365.0, TimeAxis.start(new PartialDate("2018-04")), 1e-9);
        assertEquals(2019 + 212 / 365.0, TimeAxis.end(new PartialDate("2019-07")), 1e-9);
        assertEquals(2020 + 60 / 366.0, TimeAxis.end(new PartialDate("2020-02-29")), 1e-9);
    }

    @Test
    void aYearHasOneWidthOnEitherSideOfABreakAndOpenEndsGetAYearOfRoom() {
        TimeAxis axis = TimeAxis.of(List.of(years("1971", "1971"), years("2016", "2016"), years("2018", "2018"),
                years("2017", null), years(null, "2019")));
        // 1971 alone, a break over the empty years, then 2016 to 2018 and a year for the open end: 2016-2020.
        assertEquals(2, axis.segments().size());
        assertEquals(1971, axis.segments().get(0).from());
        assertEquals(2016, axis.segments().get(1).from());
        assertEquals(2020, axis.segments().get(1).to());
        double year = axis.perYear();
        assertEquals((100 - TimeAxis.BREAK_WIDTH) / 5, year, 1e-9);
        assertEquals(year, axis.x(1972) - axis.x(1971), 1e-9);
        assertEquals(2 * year, axis.x(2018) - axis.x(2016), 1e-9);
        assertEquals(100, axis.x(2020), 1e-9);
        // An open end runs to the edge of its segment; an open start to the start of the segment of its end.
        assertEquals(100, axis.extent(years("2017", null))[1], 1e-9);
        assertEquals(axis.x(2016), axis.extent(years(null, "2019"))[0], 1e-9);
        assertTrue(axis.trackSvg(years("2017", null), true).contains("class=\"tl-bar tl-inferred\""));
        assertTrue(axis.axisSvg().contains(">≈</text>"), "the break is marked");
    }

    @Test
    void nothingToPlaceMeansNoAxis() {
        assertNull(TimeAxis.of(List.of()));
        assertNull(TimeAxis.of(List.of(new TimeAxis.Span(null, null))));
    }
}
