package uk.nhs.strategycheck.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesUtf8WithAByteOrderMarkQuotingOnlyWhereNeeded() {
        var bytes = new Csv()
                .row(List.of("ODS code", "Trust"))
                .row(Arrays.asList("RJ1", "Guy's and St Thomas', \"GSTT\"", null, 3.5))
                .bytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFODS code,Trust\r\nRJ1,\"Guy's and St Thomas', \"\"GSTT\"\"\",,3.5\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStaysText() {
        var text = new String(new Csv()
                .row(Arrays.asList("=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+1", "@SUM(A1)", "-2+3", "\tx"))
                .row(Arrays.asList(new java.math.BigDecimal("-0.5"), "-0.5", "3.5", "a=b"))
                .bytes(), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","
                + "'+1+1,'@SUM(A1),'-2+3,'\tx\r\n-0.5,-0.5,3.5,a=b\r\n");
    }
}
