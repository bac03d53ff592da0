package uk.nhs.strategycheck.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import org.jfree.chart.text.TextUtils;

/**
 * Fills the board pack, national pack and trust report templates and exports tagged, font-embedded PDF.
 * The templates are compiled at build time (jasperreports-plugin) and loaded once per
 * class; a {@link JasperReport} is immutable, so one renderer may serve many threads.
 */
public class JasperReportRenderer implements ReportRenderer {

    private static final String TEMPLATES = "/uk/nhs/strategycheck/reporting/templates/";

    /** Loaded on first use of the class, so a missing or incompatible template fails at start-up, not per request. */
    private static final class Templates {
        static final JasperReport BOARD_PACK = load("board-pack.jasper");
        static final JasperReport TRUST_REPORT = load("trust-report.jasper");
        static final JasperReport NATIONAL_PACK = load("national-pack.jasper");
    }

    static {
        // JFreeChart draws text on its side (a profile chart's score axis label) as glyph outlines by
        // default: shapes that no one can select, search or have read aloud, and the costliest part of
        // drawing a chart into the PDF. Drawn as text, the board pack is a fifth smaller and quicker to export.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();

    public JasperReportRenderer() {
        // Touch the templates now: a broken build shows when the application starts.
        if (Templates.BOARD_PACK == null || Templates.TRUST_REPORT == null || Templates.NATIONAL_PACK == null) {
            throw new IllegalStateException("Report templates are missing");
        }
    }

    @Override
    public byte[] trustReport(TrustReportData data) {
        return render(Templates.TRUST_REPORT, TrustReportModel.build(data));
    }

    @Override
    public byte[] boardPack(BoardPackData data) {
        return render(Templates.BOARD_PACK, BoardPackModel.build(data));
    }

    @Override
    public byte[] nationalPack(NationalPackData data) {
        return render(Templates.NATIONAL_PACK, NationalPackModel.build(data));
    }

    private byte[] render(JasperReport template, Rows.Model model) {
        try {
            Map<String, Object> params = new HashMap<>(model.params());
            params.put(JRParameter.REPORT_LOCALE, java.util.Locale.UK);
            JasperPrint print = JasperFillManager.getInstance(context)
                    .fill(template, params, new JRMapCollectionDataSource(model.rows()));
            return export(print, model.title());
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + model.title(), e);
        }
    }

    private byte[] export(JasperPrint print, String title) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));

        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        // Charts drawn as real text, not shapes: their labels stay selectable and searchable.
        report.setForceSvgShapes(false);
        // Headings carry bookmark levels: the PDF gets an outline to navigate by.
        report.setBookmarksEnabled(true);
        exporter.setConfiguration(report);

        SimplePdfExporterConfiguration pdf = new SimplePdfExporterConfiguration();
        pdf.setCompressed(true);
        pdf.setTagged(true);
        pdf.setTagLanguage("en-GB");
        pdf.setMetadataTitle(title);
        pdf.setDisplayMetadataTitle(true);
        pdf.setMetadataAuthor("Digital Strategy Check");
        pdf.setMetadataCreator("Digital Strategy Check");
        exporter.setConfiguration(pdf);
        exporter.exportReport();
        return out.toByteArray();
    }

    private static JasperReport load(String name) {
        try (InputStream in = JasperReportRenderer.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("Compiled report template not on the classpath: " + TEMPLATES + name);
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("Could not load report template " + name, e);
        }
    }
}
