package uk.nhs.strategycheck.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as spreadsheets open it: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends. */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quoted(values.get(i) == null ? "" : values.get(i).toString()));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
