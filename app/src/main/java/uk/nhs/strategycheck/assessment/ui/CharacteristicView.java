package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.AssessmentPage;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.assessment.Framework;
import uk.nhs.strategycheck.assessment.ImprovementAction;
import uk.nhs.strategycheck.assessment.Rating;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/**
 * One characteristic: its good sign and the bad sign it guards against, its four
 * statements to score, the live score and RAG, and its improvement actions.
 */
@Route(value = "assessment/:code", layout = MainLayout.class)
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class CharacteristicView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AssessmentService assessments;
    private final Map<Long, Integer> scores = new HashMap<>();
    private final Span overall = new Span();
    private final RagBadge score = new RagBadge(Optional.empty());
    private String title = "Self-assessment - Digital Strategy Check";
    /** The statement a link asked for (?statement=s2), whose score gets focus once the page is shown. */
    private Optional<String> statementAskedFor = Optional.empty();

    private AssessmentPage page;
    private Framework.Characteristic characteristic;

    public CharacteristicView(AssessmentService assessments) {
        this.assessments = assessments;
        FocusInSight.keep(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var code = event.getRouteParameters().get("code").orElse("");
        var loaded = assessments.open();
        if (loaded.isEmpty()) {
            event.forwardTo(AssessmentView.class);
            return;
        }
        page = loaded.get();
        characteristic = page.framework().characteristics().stream()
                .filter(c -> c.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No characteristic " + code));
        title = characteristic.name() + " - Self-assessment - Digital Strategy Check";
        page.answers().forEach((statementId, answer) -> scores.put(statementId, answer.score()));
        statementAskedFor = event.getLocation().getQueryParameters().getSingleParameter("statement");
        render();
    }

    /** A link to a statement on its characteristic's page; following it puts focus on the statement's score. */
    public static RouterLink linkTo(String text, Framework.Characteristic characteristic, Framework.Statement statement) {
        var link = new RouterLink(text, CharacteristicView.class,
                new RouteParameters("code", characteristic.code().toLowerCase()));
        link.setQueryParameters(QueryParameters.of("statement", statement.code().toLowerCase()));
        return link;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render() {
        removeAll();
        var back = new RouterLink("Back to the overview", AssessmentView.class);
        back.addClassName("back-link");
        add(back);
        add(new H1(characteristic.position() + ". " + characteristic.name()));
        add(new Paragraph(page.trustName() + ", self-assessment " + page.cycle().name()
                + ". Status: " + page.status().label() + "."));

        var good = new Div(new Span("Good sign: "), new Span(characteristic.goodSign()));
        good.addClassName("good-sign");
        var bad = new Div(new Span("Bad sign to avoid, " + characteristic.badSignLabel() + ": "),
                new Span(characteristic.badSign()));
        bad.addClassName("bad-sign");
        add(good, bad);

        var summary = new Div(new Span("Score: "), score, overall);
        summary.addClassName("live-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.getElement().setAttribute("role", "status");
        add(summary);
        page.lastScore(characteristic).ifPresent(last -> {
            var lastTime = new Paragraph("Last time (" + page.lastCycleName().orElse("") + "): "
                    + last.toPlainString() + ". Change: "
                    + RagBadge.change(page.score(characteristic), Optional.of(last)) + ".");
            lastTime.addClassName("last-time");
            add(lastTime);
        });
        if (page.can().readOnlyReason() != null) {
            add(AssessmentView.callout(page.can().readOnlyReason()));
        }

        var editors = new java.util.ArrayList<StatementEditor>();
        var signals = new Div();
        add(signals);
        for (var statement : characteristic.statements()) {
            editors.add(new StatementEditor(statement, page.framework(), page.answers().get(statement.id()),
                    page.lastScores().get(statement.id()), page.can().editAnswers(),
                    (statementId, draft, version) -> assessments.saveAnswer(page.assessmentId(), statementId, draft, version),
                    newScore -> {
                        scores.put(statement.id(), newScore);
                        showSummary();
                    }));
        }
        signals.add(new DocumentSignals(characteristic.name(), page.strategyDocument().isPresent(),
                page.documentSignals(characteristic), page.can().editAnswers() ? editors : java.util.List.of()));
        editors.forEach(this::add);
        showSummary();
        statementAskedFor.flatMap(code -> editors.stream()
                        .filter(e -> e.statement().code().equalsIgnoreCase(code)).findFirst())
                .ifPresentOrElse(StatementEditor::focusScore, () -> FocusInSight.startAt(this));

        add(new H2("Improvement actions for this characteristic"), actions());
        add(pager());
        var check = new RouterLink("Check your answers", CheckYourAnswersView.class);
        check.addClassName("check-answers-link");
        add(new Paragraph(check));
    }

    private void showSummary() {
        score.show(Rating.of(characteristic.statements().stream().map(s -> scores.get(s.id())).toList()));
        long all = scores.values().stream().filter(s -> s != null).count();
        overall.setText(". Overall: " + all + " of " + page.framework().statementCount() + " statements answered.");
    }

    private Component actions() {
        var box = new Div();
        var list = page.actionsFor(characteristic);
        if (list.isEmpty()) {
            box.add(new Paragraph("No actions for this characteristic yet."));
        } else {
            var grid = new Grid<ImprovementAction>();
            grid.setAriaLabel("Improvement actions for " + characteristic.name());
            var columns = ResponsiveGrid.on(grid);
            columns.addColumn("Action", ImprovementAction::title).setFlexGrow(3);
            columns.addColumn("Owner", ImprovementAction::ownerName).setFlexGrow(2);
            columns.addColumn("Due", a -> Dates.format(a.dueOn()));
            columns.addColumn("Status", a -> a.status().label());
            if (page.can().editActions()) {
                columns.addComponentColumn("Change", a -> {
                    var change = new Button("Change", click -> dialog(a).open());
                    change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    change.setAriaLabel("Change action: " + a.title());
                    return change;
                });
            }
            grid.setItems(list);
            grid.setAllRowsVisible(true);
            box.add(grid);
        }
        if (page.can().editActions()) {
            box.add(new Button("Add an action", click -> dialog(null).open()));
        }
        return box;
    }

    private ActionDialog dialog(ImprovementAction existing) {
        return new ActionDialog(characteristic.id(), characteristic.name(), existing,
                (draft, action) -> action == null
                        ? assessments.addAction(page.assessmentId(), draft)
                        : assessments.updateAction(page.assessmentId(), action.id(), draft, action.version()),
                saved -> reload());
    }

    private void reload() {
        page = assessments.open().orElseThrow();
        render();
    }

    private Component pager() {
        var nav = new Nav();
        nav.getElement().setAttribute("aria-label", "Characteristics");
        nav.addClassName("pager");
        var all = page.framework().characteristics();
        int index = all.indexOf(characteristic);
        if (index > 0) {
            nav.add(link("Previous: ", all.get(index - 1)));
        }
        if (index < all.size() - 1) {
            nav.add(link("Next: ", all.get(index + 1)));
        }
        return nav;
    }

    private static RouterLink link(String prefix, Framework.Characteristic target) {
        return new RouterLink(prefix + target.name(), CharacteristicView.class,
                new RouteParameters("code", target.code().toLowerCase()));
    }
}
