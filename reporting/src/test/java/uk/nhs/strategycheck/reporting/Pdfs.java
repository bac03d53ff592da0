package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDAbstractPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** PDF checks shared by the report tests. */
final class Pdfs {

    private Pdfs() {
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the PDF in target/sample-pdfs, for a person to look at after the build. */
    static void keepSample(String name, byte[] pdf) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "sample-pdfs");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test class's rendered PDF: kept as a sample to look at, and loaded to read back. */
    static PDDocument rendered(String sampleName, byte[] pdf) {
        keepSample(sampleName, pdf);
        return load(pdf);
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    /** Text of one page, 1-based. */
    static String page(PDDocument doc, int page) {
        try {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace removed: text that wrapped inside a table cell still matches. */
    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Each needle appears, and after the one before it. */
    static void assertInOrder(String text, String... needles) {
        int from = 0;
        for (String n : needles) {
            int at = text.indexOf(n, from);
            assertThat(at).as("\"%s\" after position %d", n, from).isGreaterThanOrEqualTo(0);
            from = at + n.length();
        }
    }

    /** Every font used anywhere (page resources, form XObjects, tiling patterns) is embedded. */
    static List<String> fontsNotEmbedded(PDDocument doc) throws IOException {
        List<String> missing = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (PDPage page : doc.getPages()) {
            walk(page.getResources(), missing, seen);
        }
        return missing;
    }

    /** The base names of the fonts on every page ("AAAAAA+LiberationSans-Bold"). */
    static List<String> fontNames(PDDocument doc) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (font != null) {
                    names.add(font.getName());
                }
            }
        }
        return names;
    }

    static int countFonts(PDDocument doc) throws IOException {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            for (COSName ignored : page.getResources().getFontNames()) {
                n++;
            }
        }
        return n;
    }

    private static void walk(PDResources res, List<String> missing, Map<Object, Boolean> seen) throws IOException {
        if (res == null || seen.put(res.getCOSObject(), true) != null) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            if (font != null && !font.isEmbedded()) {
                missing.add(font.getName());
            }
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                walk(form.getResources(), missing, seen);
            }
        }
        for (COSName name : res.getPatternNames()) {
            PDAbstractPattern p = res.getPattern(name);
            if (p instanceof PDTilingPattern tiling) {
                walk(tiling.getResources(), missing, seen);
            }
        }
    }

    /**
     * Pairs of glyphs on the page (1-based) drawn over each other: text of one element printed on
     * top of another's. Glyphs of the same word may touch, so only a large shared area counts.
     */
    static List<String> overlappingGlyphs(PDDocument doc, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (!text.getUnicode().isBlank()) {
                    glyphs.add(text);
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            Rectangle2D a = box(glyphs.get(i));
            for (int j = i + 1; j < glyphs.size(); j++) {
                Rectangle2D b = box(glyphs.get(j));
                Rectangle2D shared = a.createIntersection(b);
                if (!shared.isEmpty() && area(shared) > 0.5 * Math.min(area(a), area(b))) {
                    overlaps.add(glyphs.get(i).getUnicode() + " over " + glyphs.get(j).getUnicode() + " at " + a);
                }
            }
        }
        return overlaps;
    }

    private static Rectangle2D box(TextPosition t) {
        return new Rectangle2D.Float(t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(), t.getWidthDirAdj(), t.getHeightDir());
    }

    private static double area(Rectangle2D r) {
        return r.getWidth() * r.getHeight();
    }

    /** Pages (1-based) that render to nothing but white. */
    static List<Integer> blankPages(PDDocument doc) throws IOException {
        PDFRenderer renderer = new PDFRenderer(doc);
        List<Integer> blank = new ArrayList<>();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            BufferedImage img = renderer.renderImageWithDPI(i, 36);
            if (!hasInk(img)) {
                blank.add(i + 1);
            }
        }
        return blank;
    }

    static boolean hasInk(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the page, rendered, has a pixel close to the colour: RAG fills really are coloured. */
    static boolean hasColour(PDDocument doc, int page, int rgb) throws IOException {
        BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page - 1, 50);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 8 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 8
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 8) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Structure elements of a standard type (e.g. "Figure", "H1"), in document order. Custom
     * types count through the role map, as a screen reader reads them (Jasper writes Image -> Figure).
     */
    static List<PDStructureElement> structure(PDDocument doc, String type) {
        List<PDStructureElement> out = new ArrayList<>();
        var root = doc.getDocumentCatalog().getStructureTreeRoot();
        assertThat(root).as("structure tree").isNotNull();
        collect(root, type, root.getRoleMap(), out);
        return out;
    }

    private static void collect(PDStructureNode node, String type, Map<String, Object> roles, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                Object role = roles.getOrDefault(e.getStructureType(), e.getStructureType());
                if (type.equals(String.valueOf(role))) {
                    out.add(e);
                }
                collect(e, type, roles, out);
            }
        }
    }
}
