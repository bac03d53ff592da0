package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The national board pack, rendered once from 205 made-up trusts in England's 42 ICSs, read back with PDFBox. */
class NationalPackPdfTest {

    private static final NationalPackData DATA = Fixtures.nationalPack();
    private static PDDocument doc;
    private static String text;
    private static int pages;

    @BeforeAll
    static void render() throws IOException {
        byte[] pdf = new JasperReportRenderer().nationalPack(DATA);
        Pdfs.keepSample("national-pack.pdf", pdf);
        doc = Pdfs.load(pdf);
        text = Pdfs.text(doc);
        pages = doc.getNumberOfPages();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void renders() {
        assertThat(pages).isPositive();
    }
}
