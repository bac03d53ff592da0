package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A grid that stays readable on a phone: at a window narrower than {@link #NARROW_PX} each row
 * becomes one card (the first column as its title, the other visible columns as "Header: value"
 * pairs in a description list), so no word is clipped and no column sits off-screen. Wider, it is
 * the usual grid. Cell text wraps instead of being cut with an ellipsis.
 *
 * <p>Columns are added through this class so each one is known as a card line too, and shown
 * or hidden through {@link #setColumnVisible}, since the card mode hides the grid's own columns.
 */
public final class ResponsiveGrid<T> {

    public static final int NARROW_PX = 640;

    private final Grid<T> grid;
    private final Map<Grid.Column<T>, CardLine<T>> lines = new LinkedHashMap<>();
    private final Map<Grid.Column<T>, Boolean> wanted = new LinkedHashMap<>();
    private final Grid.Column<T> card;
    private boolean narrow;

    private record CardLine<T>(String header, SerializableFunction<T, Component> content) {
    }

    private ResponsiveGrid(Grid<T> grid) {
        this.grid = grid;
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("responsive-grid");
        card = grid.addComponentColumn(this::card).setKey("card");
        card.setVisible(false);
        grid.addAttachListener(attach -> watchWidth(attach.getUI()));
    }

    /** Makes this grid responsive; add its columns through the returned object. */
    public static <T> ResponsiveGrid<T> on(Grid<T> grid) {
        return new ResponsiveGrid<>(grid);
    }

    public Grid<T> grid() {
        return grid;
    }

    /** A column of text (the value's toString; empty for null). */
    public Grid.Column<T> addColumn(String header, ValueProvider<T, ?> value) {
        var column = grid.addColumn(value).setHeader(header);
        return register(column, header, row -> new Span(text(value.apply(row))));
    }

    /** A column of components, such as a RAG badge or a row's buttons. */
    public Grid.Column<T> addComponentColumn(String header, SerializableFunction<T, Component> component) {
        var column = grid.addComponentColumn(component::apply).setHeader(header);
        return register(column, header, component);
    }

    /** Shows or hides a column (and its card line). */
    public void setColumnVisible(Grid.Column<T> column, boolean visible) {
        wanted.put(column, visible);
        column.setVisible(visible && !narrow);
        if (narrow) {
            grid.getDataProvider().refreshAll();
        }
    }

    private Grid.Column<T> register(Grid.Column<T> column, String header, SerializableFunction<T, Component> content) {
        // Keep the card column last, and ordered after the columns it summarises.
        lines.put(column, new CardLine<>(header, content));
        wanted.put(column, true);
        column.setVisible(!narrow);
        return column;
    }

    private void watchWidth(UI ui) {
        ui.getPage().retrieveExtendedClientDetails(details -> show(details.getWindowInnerWidth() < NARROW_PX));
        Registration resize = ui.getPage().addBrowserWindowResizeListener(event -> show(event.getWidth() < NARROW_PX));
        grid.addDetachListener(detach -> {
            resize.remove();
            detach.unregisterListener();
        });
    }

    private void show(boolean narrowWindow) {
        // Says which layout it is in, once the window's width is known (the tests wait for it).
        grid.getElement().setAttribute("data-layout", narrowWindow ? "cards" : "columns");
        if (narrowWindow == narrow) {
            return;
        }
        narrow = narrowWindow;
        lines.keySet().forEach(column -> column.setVisible(!narrow && wanted.getOrDefault(column, true)));
        card.setVisible(narrow);
        card.setHeader(narrow ? headerOfCards() : "");
        if (narrow) {
            grid.getDataProvider().refreshAll();
        }
    }

    private String headerOfCards() {
        return lines.values().stream().findFirst().map(CardLine::header).orElse("");
    }

    private Component card(T row) {
        var card = new Div();
        card.addClassName("grid-card");
        var list = new DescriptionList();
        boolean first = true;
        for (var entry : lines.entrySet()) {
            if (!wanted.getOrDefault(entry.getKey(), true)) {
                continue;
            }
            var line = entry.getValue();
            if (first) {
                var title = new Div(line.content().apply(row));
                title.addClassName("grid-card-title");
                card.add(title);
                first = false;
            } else {
                list.add(new DescriptionList.Term(line.header()), new DescriptionList.Description(line.content().apply(row)));
            }
        }
        card.add(list);
        return card;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
