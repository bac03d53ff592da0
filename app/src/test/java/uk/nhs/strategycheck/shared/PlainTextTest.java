package uk.nhs.strategycheck.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which characters every input refuses, and how the refusal says where (issue 10, finding 10). */
class PlainTextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0009", "000A", "000D", "001B", "001F", "007F", "0085", "009F", "202A",
        "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void aLineRefusesControlAndDirectionCharacters(String codePoint) {
        var text = "Guy's" + Character.toString(Integer.parseInt(codePoint, 16)) + " NHS";

        assertThat(PlainText.problemInLine("The name", text)).hasValue("The name has a hidden character at position 6 "
                + "that cannot be used (a control character or one that changes the direction of text). Remove it.");
    }

    @Test
    void textOfSeveralLinesMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
        assertThat(PlainText.problemInText("The note", "First line\r\nSecond line\twith a tab\n")).isEmpty();
        assertThat(PlainText.problemInText("The note", "First line\n\u0000")).get().asString()
                .startsWith("The note has a hidden character at position 12 ");
    }

    @Test
    void positionsCountCharactersAsPeopleSeeThemAndOrdinaryTextPasses() {
        assertThat(PlainText.problemInLine("The name", "\uD83C\uDFE5 \u200FSt Mary\u2019s \u00E9\u0000"))
                .get().asString().contains("at position 15 ");
        assertThat(PlainText.problemInLine("The name", "Ysbyty Gwynedd, \u00C5se & \u05E9\u05DC\u05D5\u05DD <b>"))
                .isEmpty();
        assertThat(PlainText.problemInLine("The name", null)).isEmpty();
    }
}
