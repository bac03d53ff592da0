package uk.nhs.strategycheck.reporting;

import java.util.List;

/**
 * The one chart palette, for the PDFs and the web charts alike: NHS blue for the trust, then
 * the ICS, national and peer medians in shades that stay apart in greyscale (grey levels about
 * 76, 181, 255 and 31), every bar outlined so a white one still shows.
 */
public final class ChartPalette {

    /** In series order: trust score, ICS median, national median, peer median. */
    public static final List<String> SERIES = List.of("#005EB8", "#AEB7BD", "#FFFFFF", "#231F20");
    public static final List<String> SERIES_NAMES = List.of("Trust score", "ICS median", "National median", "Peer median");
    public static final String OUTLINE = "#212B32";
    public static final String GRID = "#AEB7BD";
    public static final String TEXT = "#212B32";

    private ChartPalette() {
    }
}
