package uk.nhs.strategycheck.admin;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> read(StringReader input) throws IOException {
        var lines = new ArrayList<List<String>>();
        var line = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = input.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    input.mark(1);
                    int next = input.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            input.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    input.mark(1);
                    if (input.read() != '\n') {
                        input.reset();
                    }
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        if (any && (!field.isEmpty() || !line.isEmpty())) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }
}
