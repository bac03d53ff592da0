package uk.nhs.strategycheck.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as spreadsheets open it: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) is written with a leading apostrophe, so a name like =HYPERLINK(...) stays text;
 * numbers are written as they are.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            var value = values.get(i);
            text.append(quoted(value == null ? "" : value instanceof Number ? value.toString() : inert(value.toString())));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String inert(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return formula && !value.matches("-?[0-9]+(\\.[0-9]+)?") ? "'" + value : value;
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
