package uk.nhs.strategycheck.shared.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in the NHS write them: 25 November 2026. */
public final class Dates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String format(LocalDate date) {
        return LONG.format(date);
    }
}
