package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the body text of Tika's XHTML page by page: a PDF page arrives as
 * {@code <div class="page">}; every other format is one page. Block elements end a line, so
 * paragraphs, headings and list items stay apart. Stops the parse once the text passes its limit.
 */
final class PageCollector extends DefaultHandler {

    /** Thrown when a document has more text than any strategy would. */
    static final class TooMuchText extends SAXException {
        TooMuchText() {
            super("text limit reached");
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "tr", "blockquote", "pre", "dt", "dd", "title", "table", "ul", "ol");

    private final int characterLimit;
    private final List<String> pages = new ArrayList<>();
    private StringBuilder page = new StringBuilder();
    private boolean inBody;
    private boolean pagesMarked;
    private int characters;

    PageCollector(int characterLimit) {
        this.characterLimit = characterLimit;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("body")) {
            inBody = true;
        } else if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            if (pagesMarked || !page.toString().isBlank()) {
                endPage();
            }
            pagesMarked = true;
        } else if (name.equals("br")) {
            page.append('\n');
        } else if (name.equals("td") || name.equals("th")) {
            page.append('\t');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("body")) {
            inBody = false;
        } else if (BLOCKS.contains(name)) {
            page.append('\n');
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (!inBody) {
            return;
        }
        characters += length;
        if (characters > characterLimit) {
            throw new TooMuchText();
        }
        page.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void endPage() {
        pages.add(page.toString());
        page = new StringBuilder();
    }

    /** The pages collected; at least one. */
    List<String> pages() {
        List<String> all = new ArrayList<>(pages);
        if (all.isEmpty() || pagesMarked || !page.toString().isBlank()) {
            all.add(page.toString());
        }
        return all;
    }
}
