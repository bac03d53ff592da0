package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The strategy documents the tests use: the evaluation corpus (each document with its
 * {@code .expected.json}) and the files a user must be refused, as paths to upload or as bytes.
 * The oversized file is made on first use, not committed.
 */
public final class StrategyFixtures {

    private StrategyFixtures() {
    }

    /** The folder of the corpus: {@code strategies/} on the test class path. */
    public static Path corpusFolder() {
        return resource("strategies");
    }

    /** Every corpus document that has expected results beside it. */
    public static List<Path> corpus() {
        try (Stream<Path> files = Files.list(corpusFolder())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".json"))
                    .filter(file -> Files.exists(expectedResults(file)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path expectedResults(Path document) {
        String name = document.getFileName().toString();
        return document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
    }

    /** A corpus document by file name, e.g. "riverside-digital-strategy.pdf". */
    public static Path document(String name) {
        return corpusFolder().resolve(name);
    }

    /**
     * A long strategy as a PDF: the corpus's long strategy repeated to the given number of pages,
     * each page filled to about 350 words, as dense as a real strategy's page of text.
     */
    public static byte[] longPdf(int pageCount) {
        try {
            List<List<String>> source = StrategyCorpusWriter.pages(Files.readString(
                    Path.of("src/test/corpus/riverside-digital-strategy.pdf.txt"), java.nio.charset.StandardCharsets.UTF_8));
            var paragraphs = source.stream().flatMap(List::stream).toList();
            List<List<String>> pages = new java.util.ArrayList<>();
            int next = 0;
            while (pages.size() < pageCount) {
                List<String> page = new java.util.ArrayList<>();
                int words = 0;
                while (words < WORDS_PER_PAGE) {
                    String paragraph = paragraphs.get(next++ % paragraphs.size());
                    page.add(paragraph);
                    words += paragraph.split("\\s+").length;
                }
                pages.add(page);
            }
            return StrategyCorpusWriter.pdf(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int WORDS_PER_PAGE = 350;

    /** A good strategy as a PDF of 17 pages. */
    public static Path goodPdf() {
        return document("riverside-digital-strategy.pdf");
    }

    /** A good strategy as a Word document. */
    public static Path goodDocx() {
        return document("westbrook-short-strategy.docx");
    }

    public static Path encrypted() {
        return bad("encrypted.pdf");
    }

    /** Pictures of pages with no text layer. */
    public static Path scanned() {
        return bad("scanned.pdf");
    }

    /** 0 bytes. */
    public static Path empty() {
        return bad("empty.pdf");
    }

    /** The first 4 KB of a Linux program, named .pdf. */
    public static Path program() {
        return bad("program.pdf");
    }

    /** A zip archive named .pdf. */
    public static Path archive() {
        return bad("archive.pdf");
    }

    /** A canteen menu and the notes of a catering meeting: a real PDF, but not a strategy. */
    public static Path notAStrategy() {
        return bad("not-a-strategy.pdf");
    }

    /** A DOCX of 400 KB whose document.xml unpacks to 200 MB. */
    public static Path bomb() {
        return bad("bomb.docx");
    }

    /** A PDF header followed by noise. */
    public static Path damaged() {
        return bad("damaged.pdf");
    }

    /** A file one byte over the limit, made in the temporary folder on first use. */
    public static synchronized Path oversized() {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "dsc-oversized-strategy.pdf");
        try {
            if (!Files.exists(file) || Files.size(file) != StrategyAnalyser.MAX_BYTES + 1) {
                byte[] content = new byte[StrategyAnalyser.MAX_BYTES + 1];
                byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(header, 0, content, 0, header.length);
                Files.write(file, content);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path bad(String name) {
        return corpusFolder().resolve("bad").resolve(name);
    }

    private static Path resource(String name) {
        URL url = StrategyFixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("Not on the test class path: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
