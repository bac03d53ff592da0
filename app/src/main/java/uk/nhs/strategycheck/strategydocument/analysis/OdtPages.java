package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An OpenDocument text split at its page breaks: a paragraph whose style breaks the page before
 * or after it, and the soft page breaks LibreOffice records where it laid out a new page. Tika
 * reads ODT as one flow of text, so the pages come from content.xml, read here as a stream with
 * no DTDs or external entities. Called only after Tika has read the same file within its limits.
 */
final class OdtPages {

    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String FORMAT = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static final Set<String> PARAGRAPHS = Set.of("p", "h");

    private OdtPages() {
    }

    static List<String> read(byte[] content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("content.xml")) {
                    return pages(zip);
                }
            }
        }
        throw new IOException("An OpenDocument text without content.xml");
    }

    private static List<String> pages(InputStream xml) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> breakBefore = new HashSet<>();
        Set<String> breakAfter = new HashSet<>();
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        String style = null;
        Deque<String> paragraphStyles = new ArrayDeque<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    String name = reader.getLocalName();
                    String namespace = reader.getNamespaceURI();
                    if (STYLE.equals(namespace) && name.equals("style")) {
                        style = reader.getAttributeValue(STYLE, "name");
                    } else if (STYLE.equals(namespace) && name.equals("paragraph-properties") && style != null) {
                        if ("page".equals(reader.getAttributeValue(FORMAT, "break-before"))) {
                            breakBefore.add(style);
                        }
                        if ("page".equals(reader.getAttributeValue(FORMAT, "break-after"))) {
                            breakAfter.add(style);
                        }
                    } else if (TEXT.equals(namespace) && PARAGRAPHS.contains(name)) {
                        String paragraphStyle = reader.getAttributeValue(TEXT, "style-name");
                        paragraphStyles.push(paragraphStyle == null ? "" : paragraphStyle);
                        if (breakBefore.contains(paragraphStyle) && !page.toString().isBlank()) {
                            page = newPage(pages, page);
                        }
                    } else if (TEXT.equals(namespace) && name.equals("soft-page-break")) {
                        page = newPage(pages, page);
                    } else if (TEXT.equals(namespace) && name.equals("s")) {
                        page.append(' ');
                    } else if (TEXT.equals(namespace) && name.equals("tab")) {
                        page.append('\t');
                    } else if (TEXT.equals(namespace) && name.equals("line-break")) {
                        page.append('\n');
                    }
                } else if (event == XMLStreamReader.CHARACTERS) {
                    page.append(reader.getText());
                } else if (event == XMLStreamReader.END_ELEMENT && TEXT.equals(reader.getNamespaceURI())
                        && PARAGRAPHS.contains(reader.getLocalName())) {
                    page.append('\n');
                    if (breakAfter.contains(paragraphStyles.pop())) {
                        page = newPage(pages, page);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable content.xml", e);
        }
        pages.add(page.toString());
        return pages;
    }

    private static StringBuilder newPage(List<String> pages, StringBuilder page) {
        pages.add(page.toString());
        return new StringBuilder();
    }
}
