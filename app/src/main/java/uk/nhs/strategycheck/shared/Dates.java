package uk.nhs.strategycheck.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in the NHS write them: 25 November 2026. */
public final class Dates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public static String format(LocalDate date) {
        return LONG.format(date);
    }

    /** Times are shown as clocks in England show them. */
    public static final java.time.ZoneId ENGLAND = java.time.ZoneId.of("Europe/London");

    /** "14:32". */
    public static String time(java.time.Instant instant) {
        return TIME.format(instant.atZone(ENGLAND));
    }

    /** The day in England: "25 November 2026". */
    public static String date(java.time.Instant instant) {
        return LONG.format(instant.atZone(ENGLAND));
    }

    /** "20 February 2026 at 14:03". */
    public static String dateTime(java.time.Instant instant) {
        var local = instant.atZone(ENGLAND);
        return LONG.format(local) + " at " + TIME.format(local);
    }
}
