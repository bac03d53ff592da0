package uk.nhs.strategycheck.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.data.category.CategoryDataset;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * Styles the bar charts for print: flat bars with outlines, a fixed 0 to 5 scale, value
 * labels at the bar ends, and the series in {@link ChartPalette}'s shades, which stay apart in
 * greyscale, so a reader of a black-and-white copy can still tell them apart.
 * Long trust names wrap onto up to three lines instead of being cut short.
 * Jasper creates one instance per chart, so it keeps no state.
 */
public class BarChartStyle implements JRChartCustomizer {

    private static final Color OUTLINE = Color.decode(ChartPalette.OUTLINE);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.decode(ChartPalette.GRID));
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        // Scale along the bottom, where a reader looks after reading down the bars.
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setDomainAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.setOutlineVisible(false);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        boolean stacked = r instanceof StackedBarRenderer;

        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(OUTLINE);
        r.setDefaultOutlineStroke(new BasicStroke(0.5f));
        CategoryDataset data = plot.getDataset();
        for (int i = 0; data != null && i < data.getRowCount(); i++) {
            int series = ChartPalette.SERIES_NAMES.indexOf(String.valueOf(data.getRowKey(i)));
            if (series >= 0) {
                r.setSeriesPaint(i, Color.decode(ChartPalette.SERIES.get(series)));
                r.setSeriesOutlinePaint(i, OUTLINE);
            }
        }
        if (!stacked) {
            r.setItemMargin(0.02);
        }
        r.setMaximumBarWidth(stacked ? 0.07 : 0.05);

        CategoryAxis categories = plot.getDomainAxis();
        Font tick = categories.getTickLabelFont();
        categories.setMaximumCategoryLabelLines(3);
        categories.setCategoryLabelPositions(CategoryLabelPositions.replaceLeftPosition(CategoryLabelPositions.STANDARD,
                new CategoryLabelPosition(RectangleAnchor.RIGHT, TextBlockAnchor.CENTER_RIGHT,
                        CategoryLabelWidthType.RANGE, stacked ? 0.42f : 0.22f)));
        categories.setCategoryMargin(stacked ? 0.15 : 0.12);

        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        // Room past 5 for the "5.0 Green" label, but ticks only on the scale's whole points.
        values.setRange(0, stacked ? 5.99 : 5.6);
        values.setTickUnit(new NumberTickUnit(1));

        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(tick.deriveFont(Font.PLAIN, stacked ? 7f : 6.5f));
        r.setDefaultItemLabelPaint(OUTLINE);
        boolean horizontal = plot.getOrientation() == org.jfree.chart.plot.PlotOrientation.HORIZONTAL;
        ItemLabelPosition end = horizontal ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
        r.setDefaultPositiveItemLabelPosition(end);
        r.setPositiveItemLabelPositionFallback(end);
        r.setItemLabelAnchorOffset(3);
    }
}
