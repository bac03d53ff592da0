package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;

/** Chooses the assessment cycle a comparison is for. */
public class CycleChooser extends Select<String> {

    public CycleChooser(List<String> cycles, String chosen, Consumer<String> onChoose) {
        setLabel("Cycle");
        setItems(cycles);
        setValue(chosen);
        addClassName("cycle-chooser");
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                onChoose.accept(change.getValue());
            }
        });
    }
}
