package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentRejected.Reason;

/**
 * Reads a file's text with Apache Tika, page by page, within limits of time, output and nesting,
 * and turns every way that can fail into a {@link DocumentRejected} a person can act on.
 * The type is detected from the content alone; the file name is never consulted.
 */
final class TextExtractor {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final Set<String> ACCEPTED = Set.of(PDF, DOCX, ODT, "text/html", "application/xhtml+xml",
            "text/plain");
    private static final String ACCEPTED_IN_WORDS =
            "Upload the strategy as a PDF, a Word document (.docx), an OpenDocument text (.odt), a web page (HTML) "
                    + "or a plain text file.";
    /** Fewer letters than this per page on average, and a PDF is taken to be scanned images. */
    private static final int LETTERS_PER_PAGE_OF_TEXT = 40;

    /** Threads of their own, so a parse that ignores interruption is abandoned, not waited for. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "strategy-text-extraction");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Word and OpenDocument files may unpack to the compression ratio limit times their size, but
     * always to the first figure and never beyond the second (a 100-page document is a few MB).
     */
    private static final long LEAST_UNPACKED_LIMIT = 10L * 1024 * 1024;
    private static final long MOST_UNPACKED_LIMIT = 64L * 1024 * 1024;

    private final AutoDetectParser parser;
    private final Duration timeLimit;
    private final int characterLimit;
    private final long compressionRatioLimit;

    TextExtractor(Duration timeLimit, int characterLimit, long compressionRatioLimit) {
        this.timeLimit = timeLimit;
        this.characterLimit = characterLimit;
        this.compressionRatioLimit = compressionRatioLimit;
        this.parser = new AutoDetectParser();
        AutoDetectParserConfig limits = new AutoDetectParserConfig();
        // Compression ratio is judged once the output passes the threshold (characters out per byte in).
        limits.setOutputThreshold(1_000_000);
        limits.setMaximumCompressionRatio(compressionRatioLimit);
        limits.setMaximumDepth(100);
        limits.setMaximumPackageEntryDepth(10);
        parser.setAutoDetectParserConfig(limits);
    }

    ExtractedText extract(byte[] content, AnalysisProgress progress) throws DocumentRejected {
        String mediaType = detect(content);
        if (!ACCEPTED.contains(mediaType)) {
            throw unsupported(mediaType);
        }
        progress.reached(0.1, "Reading the " + kindInWords(mediaType));
        long started = System.nanoTime();
        Future<List<String>> pages = WORKERS.submit(() -> parse(content, mediaType));
        try {
            List<String> text = pages.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            // A result that came in just as the limit passed is over it too: the limit holds however the race falls.
            if (System.nanoTime() - started > timeLimit.toNanos()) {
                throw new TimeoutException();
            }
            if (mediaType.equals(PDF) && letters(text) < LETTERS_PER_PAGE_OF_TEXT * text.size()) {
                throw new DocumentRejected(Reason.NO_TEXT_LAYER, "This PDF seems to be scanned pages: it has "
                        + "pictures of text but no text we can read. Upload the original document (for example the "
                        + "Word file, or a PDF saved from it) rather than a scan.");
            }
            return new ExtractedText(mediaType, text);
        } catch (TimeoutException e) {
            pages.cancel(true);
            throw new DocumentRejected(Reason.TOO_SLOW, "Reading this file took too long, so we stopped. Try saving "
                    + "it again as a simpler PDF or Word document (without large images) and upload that.", e);
        } catch (ExecutionException e) {
            throw rejection(e.getCause());
        } catch (InterruptedException e) {
            pages.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentRejected(Reason.TOO_SLOW, "Reading this file was stopped before it finished. "
                    + "Please upload it again.", e);
        }
    }

    private String detect(byte[] content) throws DocumentRejected {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return parser.getDetector().detect(stream, new Metadata()).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejected(Reason.UNREADABLE, "We could not tell what kind of file this is. "
                    + ACCEPTED_IN_WORDS, e);
        }
    }

    private List<String> parse(byte[] content, String mediaType) throws Exception {
        if (mediaType.equals(DOCX) || mediaType.equals(ODT)) {
            checkUnpackedSize(content);
        }
        PageCollector collector = new PageCollector(characterLimit);
        try (InputStream stream = TikaInputStream.get(content)) {
            parser.parse(stream, collector, new Metadata(), parseContext());
        }
        return switch (mediaType) {
            case DOCX -> DocxPages.read(content);
            case ODT -> OdtPages.read(content);
            default -> collector.pages();
        };
    }

    /**
     * Unpacks a Word or OpenDocument file without keeping anything, to refuse a decompression bomb
     * before a parser builds it in memory: POI reads a whole document part at once, so Tika's own
     * check of characters out per byte in comes only after the memory is spent.
     */
    private void checkUnpackedSize(byte[] content) throws IOException {
        long limit = Math.min(MOST_UNPACKED_LIMIT, Math.max(LEAST_UNPACKED_LIMIT, compressionRatioLimit * content.length));
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > limit) {
                        throw new UnpacksTooFar();
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException();
                    }
                }
            }
        } catch (ZipException unusualButPossiblyValid) {
            // Entries java.util.zip cannot stream; POI reads them, and Tika's limits still apply.
        }
    }

    /** A file that unpacks to far more than its size warrants. */
    static final class UnpacksTooFar extends IOException {
        UnpacksTooFar() {
            super("unpacks too far");
        }
    }

    private static ParseContext parseContext() {
        ParseContext context = new ParseContext();
        // A strategy's words are in the document itself: attachments and images inside it are not read.
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbeddedDocuments());
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    private static int letters(List<String> pages) {
        return pages.stream().mapToInt(page -> (int) page.chars().filter(Character::isLetter).count()).sum();
    }

    private static DocumentRejected rejection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof EncryptedDocumentException || name.equals("InvalidPasswordException")) {
                return new DocumentRejected(Reason.ENCRYPTED, "This document is protected with a password. Save a "
                        + "copy without a password and upload that.", failure);
            }
            if (cause instanceof PageCollector.TooMuchText || cause instanceof UnpacksTooFar
                    || cause instanceof TikaMemoryLimitException
                    || cause instanceof WriteLimitReachedException || cause instanceof OutOfMemoryError
                    || name.equals("SecureSAXException") || message.contains("zip bomb")) {
                return new DocumentRejected(Reason.TOO_COMPLEX, "This file holds, or unpacks to, far more than a "
                        + "strategy document would, so we did not read it. Save the strategy again as an ordinary PDF or "
                        + "Word document and upload that.", failure);
            }
        }
        return new DocumentRejected(Reason.UNREADABLE, "This file looks damaged: we could not read it. Open it on "
                + "your computer to check it, save it again, and upload the new copy.", failure);
    }

    private static DocumentRejected unsupported(String mediaType) {
        if (mediaType.equals("application/x-tika-ooxml-protected")) {
            return new DocumentRejected(Reason.ENCRYPTED, "This Word document is protected with a password. Save a "
                    + "copy without a password and upload that.");
        }
        return new DocumentRejected(Reason.UNSUPPORTED_TYPE, "This file is " + kindInWords(mediaType)
                + ", not a document we can read, whatever its name says. " + ACCEPTED_IN_WORDS);
    }

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(PDF, "PDF"), Map.entry(DOCX, "Word document"), Map.entry(ODT, "OpenDocument text"),
            Map.entry("text/html", "web page"), Map.entry("application/xhtml+xml", "web page"),
            Map.entry("text/plain", "text file"),
            Map.entry("application/msword", "an older Word document (.doc)"),
            Map.entry("application/rtf", "a rich text file (.rtf)"),
            Map.entry("application/octet-stream", "a file of a kind we do not recognise"));

    /** The kind of a file in words a person knows: "a program", "a compressed archive (zip)". */
    static String kindInWords(String mediaType) {
        String known = KINDS.get(mediaType);
        if (known != null) {
            return known;
        }
        MediaType type = MediaType.parse(mediaType);
        String subtype = type == null ? "" : type.getSubtype();
        if (mediaType.startsWith("image/")) {
            return "an image (" + subtype.replace("x-", "").toUpperCase(Locale.ROOT) + ")";
        }
        if (mediaType.startsWith("audio/") || mediaType.startsWith("video/")) {
            return "a sound or video recording";
        }
        if (subtype.matches("(x-)?(executable|elf|sharedlib|coredump|object|msdownload|dosexec|mach-o.*|sh|bat)")) {
            return "a program (an executable file)";
        }
        if (subtype.matches(".*(zip|rar|7z|tar|gzip|bzip|xz|compress|archive).*")) {
            return "a compressed archive (" + subtype.replace("x-", "").replace("-compressed", "") + ")";
        }
        if (subtype.matches(".*(spreadsheet|sheet|excel|csv).*")) {
            return "a spreadsheet";
        }
        if (subtype.matches(".*(presentation|powerpoint).*")) {
            return "a presentation";
        }
        return "a file of type " + mediaType;
    }

    /** Embedded files are neither parsed nor followed. */
    private static final class SkipEmbeddedDocuments implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // Never called: shouldParseEmbedded says no.
        }
    }
}
