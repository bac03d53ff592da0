package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;

/**
 * A Word document's text split at its explicit page breaks (a page-break run or "page break
 * before" on a paragraph). Tika reads DOCX as one flow of text, so the pages come from POI, which
 * Tika brings. Called only after Tika has read the same file within its limits.
 */
final class DocxPages {

    private static final String WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final QName BREAK_TYPE = new QName(WORD_NAMESPACE, "type");

    private DocxPages() {
    }

    static List<String> read(byte[] content) throws IOException {
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    if (paragraph.isPageBreak() && !page.toString().isBlank()) {
                        pages.add(page.toString());
                        page = new StringBuilder();
                    }
                    for (XWPFRun run : paragraph.getRuns()) {
                        page = appendRun(run, page, pages);
                    }
                    page.append('\n');
                } else if (element instanceof XWPFTable table) {
                    page.append(table.getText()).append('\n');
                }
            }
        }
        pages.add(page.toString());
        return pages;
    }

    /** Appends a run's text, starting a new page at each page break inside it; returns the current page. */
    private static StringBuilder appendRun(XWPFRun run, StringBuilder page, List<String> pages) {
        StringBuilder current = page;
        try (XmlCursor cursor = run.getCTR().newCursor()) {
            for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                switch (cursor.getName().getLocalPart()) {
                    case "t" -> current.append(cursor.getTextValue());
                    case "tab" -> current.append('\t');
                    case "br" -> {
                        if ("page".equals(cursor.getAttributeText(BREAK_TYPE))) {
                            pages.add(current.toString());
                            current = new StringBuilder();
                        } else {
                            current.append('\n');
                        }
                    }
                    default -> { }
                }
            }
        }
        return current;
    }
}
