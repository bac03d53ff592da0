package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes the PDF and Word documents of the evaluation corpus from their text in
 * {@code app/src/test/corpus} ({@code NAME.pdf.txt}, {@code NAME.docx.txt}). In the text a line
 * {@code ---page---} starts a new page, a line starting {@code # } is a heading and a blank line
 * ends a paragraph. PDF pages get a "Page n of N" footer, as real ones do. The documents are
 * committed, so the build never needs this; run it after changing a text:
 * {@code java ... StrategyCorpusWriter app/src/test/corpus app/src/test/resources/strategies}.
 */
final class StrategyCorpusWriter {

    static final String PAGE_BREAK = "---page---";
    private static final float MARGIN = 60;
    private static final float SIZE = 11;
    private static final float HEADING_SIZE = 15;
    private static final float LEADING = 15;

    private StrategyCorpusWriter() {
    }

    public static void main(String... args) throws IOException {
        Path sources = Path.of(args[0]);
        Path target = Path.of(args[1]);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path source : files.sorted().toList()) {
                String name = source.getFileName().toString().replaceFirst("\\.txt$", "");
                List<List<String>> pages = pages(Files.readString(source, StandardCharsets.UTF_8));
                byte[] document = name.endsWith(".pdf") ? pdf(pages) : docx(pages);
                Files.write(target.resolve(name), document);
            }
        }
    }

    /** Pages of paragraphs. */
    static List<List<String>> pages(String text) {
        List<List<String>> pages = new ArrayList<>();
        for (String page : text.split("(?m)^" + PAGE_BREAK + "\\s*$")) {
            List<String> paragraphs = new ArrayList<>();
            for (String paragraph : page.strip().split("\\n\\s*\\n")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(paragraph.strip().replaceAll("\\s*\\n\\s*", " "));
                }
            }
            pages.add(paragraphs);
        }
        return pages;
    }

    static byte[] pdf(List<List<String>> pages) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int index = 0; index < pages.size(); index++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                float width = page.getMediaBox().getWidth() - 2 * MARGIN;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    for (String paragraph : pages.get(index)) {
                        boolean heading = paragraph.startsWith("# ");
                        PDType1Font font = heading ? bold : regular;
                        float size = heading ? HEADING_SIZE : SIZE;
                        for (String line : wrap(heading ? paragraph.substring(2) : paragraph, font, size, width)) {
                            y -= heading ? HEADING_SIZE + 4 : LEADING;
                            write(content, font, size, MARGIN, y, line);
                        }
                        y -= LEADING;
                    }
                    String footer = "Page " + (index + 1) + " of " + pages.size();
                    write(content, regular, 9, MARGIN, MARGIN / 2, footer);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String line)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static byte[] docx(List<List<String>> pages) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int index = 0; index < pages.size(); index++) {
                if (index > 0) {
                    document.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
                for (String paragraph : pages.get(index)) {
                    XWPFParagraph written = document.createParagraph();
                    XWPFRun run = written.createRun();
                    boolean heading = paragraph.startsWith("# ");
                    run.setBold(heading);
                    run.setFontSize(heading ? 15 : 11);
                    run.setText(heading ? paragraph.substring(2) : paragraph);
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }
}
