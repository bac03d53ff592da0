package uk.nhs.strategycheck.admin;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.strategycheck.shared.PlainText;

/** Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
final class CsvReader {

    private CsvReader() {
    }

    /** An uploaded CSV file: its column names (lower case) and the lines after them. */
    record Upload(List<String> header, List<List<String>> lines) {

        /** The value in the named column of a line, stripped; empty if the line has none. */
        String value(List<String> values, String column) {
            int index = header.indexOf(column);
            return index < 0 || index >= values.size() ? "" : values.get(index).strip();
        }

        /** What is wrong with a line's values as one line of plain text each (PlainText), column by column. */
        List<String> hiddenCharacters(List<String> values) {
            var problems = new ArrayList<String>();
            for (int i = 0; i < values.size(); i++) {
                var column = i < header.size() ? "The " + header.get(i) + " column" : "Value " + (i + 1);
                PlainText.problemInLine(column, values.get(i)).ifPresent(problems::add);
            }
            return problems;
        }
    }

    /**
     * Reads an uploaded file (UTF-8, with or without a byte order mark) whose first line names its
     * columns, refusing in words an admin can act on a file too large, unreadable, empty or
     * without the required columns. Blank lines are left out.
     */
    static Upload upload(byte[] csv, int maxBytes, List<String> required, String expected) {
        if (csv.length > maxBytes) {
            throw new AdminProblem("The file is larger than " + maxBytes / 1_000_000 + " MB. Split it into smaller files.");
        }
        List<List<String>> lines;
        try {
            lines = read(new StringReader(new String(csv, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "")));
        } catch (IOException | IllegalArgumentException e) {
            throw new AdminProblem("The file could not be read as CSV: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new AdminProblem("The file is empty.");
        }
        var header = lines.get(0).stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        for (var needed : required) {
            if (!header.contains(needed)) {
                throw new AdminProblem("The first line must name the columns, including " + needed + ". Expected: "
                        + expected + ".");
            }
        }
        var rows = new ArrayList<List<String>>();
        for (var line : lines.subList(1, lines.size())) {
            rows.add(line.stream().allMatch(String::isBlank) ? null : line);
        }
        return new Upload(header, rows);
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
