package uk.nhs.strategycheck.strategydocument.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
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
 * It also writes the files a user must be refused, under {@code bad/}: an encrypted and a scanned
 * PDF, an empty file, a program and an archive named as PDFs, a decompression bomb named as DOCX
 * and a damaged PDF.
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
        writeDocuments(sources, target);
        writeDocuments(sources.resolve("bad"), target.resolve("bad"));
        writeBadDocuments(target.resolve("bad"));
    }

    private static void writeDocuments(Path sources, Path target) throws IOException {
        try (Stream<Path> files = Files.list(sources)) {
            for (Path source : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = source.getFileName().toString().replaceFirst("\\.txt$", "");
                List<List<String>> pages = pages(Files.readString(source, StandardCharsets.UTF_8));
                byte[] document = name.endsWith(".pdf") ? pdf(pages) : docx(pages);
                Files.write(target.resolve(name), document);
            }
        }
    }

    private static void writeBadDocuments(Path bad) throws IOException {
        List<List<String>> text = List.of(List.of("# Digital strategy", "A strategy that nobody can open."));
        Files.write(bad.resolve("encrypted.pdf"), encrypted(pdf(text)));
        Files.write(bad.resolve("scanned.pdf"), scanned());
        Files.write(bad.resolve("empty.pdf"), new byte[0]);
        try (var program = Files.newInputStream(Path.of("/bin/true"))) {
            Files.write(bad.resolve("program.pdf"), program.readNBytes(4096));
        }
        Files.write(bad.resolve("archive.pdf"), zip("strategy.txt", "A digital strategy, zipped.".getBytes(UTF_8)));
        Files.write(bad.resolve("bomb.docx"), bomb());
        byte[] damaged = new byte[3000];
        new java.util.Random(11).nextBytes(damaged);
        byte[] header = "%PDF-1.7\n".getBytes(UTF_8);
        System.arraycopy(header, 0, damaged, 0, header.length);
        Files.write(bad.resolve("damaged.pdf"), damaged);
    }

    private static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "reader-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A page that is a picture of text, as a scanner makes it: no text layer. */
    private static byte[] scanned() throws IOException {
        BufferedImage picture = new BufferedImage(600, 300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 600, 300);
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        graphics.drawString("Digital Strategy 2025-2028", 40, 80);
        graphics.drawString("Our five priorities", 40, 140);
        graphics.dispose();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, picture), MARGIN, 400, 480, 240);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A Word document whose few hundred kilobytes unpack to 200 MB of text. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
                    + "application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>").getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                    + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").getBytes(UTF_8));
            byte[] strategy = "strategy ".repeat(1 << 16).getBytes(UTF_8);
            for (long written = 0; written < 200L * 1024 * 1024; written += strategy.length) {
                zip.write(strategy);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
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
