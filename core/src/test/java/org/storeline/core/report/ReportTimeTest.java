package org.storeline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** A report's bounds: a day read in each outlet's zone, or an exact instant; what cannot be read names its field. */
class ReportTimeTest {
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aDayStartsAndEndsAtLocalMidnightInEachOutletsZone() {
        ReportTime day = ReportTime.parse("from", "2026-12-05");

        assertThat(day).isEqualTo(new ReportTime.Day(LocalDate.of(2026, 12, 5)));
        assertThat(day.startIn(BRUSSELS)).isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
        assertThat(day.endIn(BRUSSELS)).isEqualTo(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(day.startIn(NEW_YORK)).isEqualTo(Instant.parse("2026-12-05T05:00:00Z"));
        assertThat(day.endIn(NEW_YORK)).isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
    }

    @Test
    void aDayOnWhichTheClocksChangeIsTwentyThreeOrTwentyFiveHoursLong() {
        ReportTime spring = ReportTime.parse("from", "2026-03-29");
        ReportTime autumn = ReportTime.parse("from", "2026-10-25");

        assertThat(spring.endIn(BRUSSELS).getEpochSecond()
                        - spring.startIn(BRUSSELS).getEpochSecond())
                .isEqualTo(23 * 3600);
        assertThat(autumn.endIn(BRUSSELS).getEpochSecond()
                        - autumn.startIn(BRUSSELS).getEpochSecond())
                .isEqualTo(25 * 3600);
    }

    @Test
    void aTimeWithItsOffsetIsTheSameInstantEverywhere() {
        ReportTime time = ReportTime.parse("to", "2026-12-05T09:30:00+01:00");

        assertThat(time).isEqualTo(new ReportTime.Exact(Instant.parse("2026-12-05T08:30:00Z")));
        assertThat(time.startIn(NEW_YORK)).isEqualTo(time.endIn(BRUSSELS));
        assertThat(ReportTime.parse("to", "2026-12-05T08:30Z")).isEqualTo(time);
        assertThat(ReportTime.parse("to", " 2026-12-05T08:30:00.000-00:00 ")).isEqualTo(time);
    }

    @Test
    void aPlusDecodedToASpaceInTheQueryStringIsReadAsAPlus() {
        assertThat(ReportTime.parse("from", "2026-12-05T09:30:00 01:00"))
                .isEqualTo(ReportTime.parse("from", "2026-12-05T09:30:00+01:00"));
    }

    @Test
    void refusesWhatIsNeitherADayNorATimeWithItsOffsetNamingTheParameter() {
        for (String bad : List.of(
                "yesterday",
                "2026-12-05T09:30:00",
                "2026-13-01",
                "2026-02-30",
                "05/12/2026",
                "20261205",
                "+12026-12-05",
                "2026-12-05T25:00:00Z",
                "2026-12-05T09:30:00+0100",
                "1",
                "x".repeat(5000))) {
            assertThatThrownBy(() -> ReportTime.parse("from", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(StorelineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                        assertThat(e.getMessage()).startsWith("from '").hasSizeLessThan(300);
                    });
        }
    }

    @Test
    void refusesYearsNoShopHasDataIn() {
        assertThatThrownBy(() -> ReportTime.parse("to", "0999-12-31"))
                .hasMessageContaining("to '0999-12-31' lies outside the years 1000 to 9999");
        assertThat(ReportTime.parse("from", "1000-01-01")).isInstanceOf(ReportTime.Day.class);
        assertThat(ReportTime.parse("to", "9999-12-31").endIn(BRUSSELS))
                .isEqualTo(Instant.parse("9999-12-31T23:00:00Z"));
    }

    @Test
    void aRangeStartingAfterItsEndIsRefusedWhenBothEndsAreOfOneKind() {
        Optional<ReportTime> day5 = Optional.of(ReportTime.parse("from", "2026-12-05"));
        Optional<ReportTime> day4 = Optional.of(ReportTime.parse("to", "2026-12-04"));
        Optional<ReportTime> noon = Optional.of(ReportTime.parse("from", "2026-12-05T12:00:00Z"));
        Optional<ReportTime> morning = Optional.of(ReportTime.parse("to", "2026-12-05T08:00:00Z"));

        assertThatThrownBy(() -> new ReportFilter(Optional.empty(), day5, day4))
                .hasMessageContaining("from (2026-12-05) lies after to (2026-12-04)");
        assertThatThrownBy(() -> new ReportFilter(Optional.empty(), noon, morning))
                .isInstanceOf(StorelineException.class);
        assertThat(new ReportFilter(Optional.empty(), day5, day5).from()).isEqualTo(day5);
        assertThat(new ReportFilter(Optional.empty(), noon, noon).to()).isEqualTo(noon);
    }
}
