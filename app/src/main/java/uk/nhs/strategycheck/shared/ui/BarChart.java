package uk.nhs.strategycheck.shared.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import uk.nhs.strategycheck.reporting.ChartPalette;

/**
 * A grouped bar chart drawn by ECharts (from its webjar, no frontend build), in the same palette
 * as the PDF charts ({@link ChartPalette}: series in order trust, ICS, national, peer), every
 * bar outlined and patterned so the series stay apart in greyscale; the chart is an image with
 * alternative text, and every chart on a page sits beside a table with the same figures.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class BarChart extends Div {

    /** One series of bars: a name and a value per category (empty where there is none). */
    public record Series(String name, List<Optional<BigDecimal>> values) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String option;

    public BarChart(String alternativeText, List<String> categories, List<Series> series) {
        addClassName("bar-chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", alternativeText);
        setWidthFull();
        setHeight("360px");
        option = option(alternativeText, categories, series);
    }

    private static String option(String alternativeText, List<String> categories, List<Series> series) {
        ObjectNode root = JSON.createObjectNode();
        var aria = root.putObject("aria").put("enabled", true);
        aria.putObject("label").put("description", alternativeText);
        aria.putObject("decal").put("show", true);
        root.put("animation", false);
        root.putArray("color").addAll(ChartPalette.SERIES.stream().map(JSON.getNodeFactory()::textNode).toList());
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 40).put("right", 16).put("bottom", 72).put("top", 40);
        var xAxis = root.putObject("xAxis");
        xAxis.put("type", "category");
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", 30).put("color", ChartPalette.TEXT);
        categories.forEach(xAxis.putArray("data")::add);
        var yAxis = root.putObject("yAxis");
        yAxis.put("type", "value").put("min", 0).put("max", 5).put("interval", 1);
        yAxis.putObject("axisLabel").put("color", ChartPalette.TEXT);
        yAxis.putObject("splitLine").putObject("lineStyle").put("color", ChartPalette.GRID);
        ArrayNode seriesNode = root.putArray("series");
        for (var s : series) {
            var node = seriesNode.addObject();
            node.put("name", s.name()).put("type", "bar");
            node.putObject("itemStyle").put("borderColor", ChartPalette.OUTLINE).put("borderWidth", 1);
            var data = node.putArray("data");
            s.values().forEach(value -> {
                if (value.isPresent()) {
                    data.add(value.get());
                } else {
                    data.addNull();
                }
            });
        }
        return root.toString();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("""
                const chart = echarts.init(this, null, {renderer: 'svg'});
                chart.setOption(JSON.parse($0));
                new ResizeObserver(() => chart.resize()).observe(this);
                """, option);
    }
}
