package uk.nhs.strategycheck.reports.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import uk.nhs.strategycheck.reports.ReportService;
import uk.nhs.strategycheck.shared.ui.MainLayout;

/** Board-ready PDFs: the national and ICS board packs and trust reports, as the active role may have them. */
@Menu(title = "Reports", order = 50)
@Route(value = "reports", layout = MainLayout.class)
@PageTitle("Reports - Digital Strategy Check")
@RolesAllowed({"NATIONAL_ADMIN", "ICS_LEADER", "TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class ReportsView extends Main {

    public ReportsView(ReportService reports, @Qualifier("reportExecutor") Executor background) {
        add(new H1("Reports"));
        var choices = reports.choices();
        if (choices.isEmpty()) {
            add(new Paragraph("There are no assessment cycles to report on yet."));
            return;
        }
        var national = choices.stream().filter(c -> c.kind() == ReportService.Report.NATIONAL_PACK).toList();
        var packs = choices.stream().filter(c -> c.kind() == ReportService.Report.BOARD_PACK).toList();
        var trusts = choices.stream().filter(c -> c.kind() == ReportService.Report.TRUST_REPORT).toList();
        add(new Paragraph("PDFs ready for a board: A4, marked OFFICIAL, with every figure taken from the approved "
                + "assessments in the service. Preparing one usually takes under a second."));
        if (!national.isEmpty()) {
            add(new ReportPanel(reports, background, ReportService.Report.NATIONAL_PACK, "National board pack",
                    "Every trust in England in one cycle: submission rates, the regions and integrated care systems "
                            + "side by side, the heatmap of every trust grouped by ICS, a chart per characteristic of the "
                            + "ICS medians against the national median, the trusts with no approved assessment, and the "
                            + "methodology. Each ICS's board pack has its trusts' profiles.", national));
        }
        if (!packs.isEmpty()) {
            add(new ReportPanel(reports, background, ReportService.Report.BOARD_PACK, "ICS board pack",
                    "Submission rate, strengths and risks, the heatmap of member trusts, a chart per characteristic, "
                            + "a profile of every trust with an approved assessment, one page listing the others, and the "
                            + "methodology. Every median says how many trusts it is over; medians of fewer than 3 trusts "
                            + "are withheld, as the pack may leave the ICS.", packs));
        }
        if (!trusts.isEmpty()) {
            add(new ReportPanel(reports, background, ReportService.Report.TRUST_REPORT, "Trust report",
                    "Scores per characteristic against ICS, national and peer medians (medians of fewer than 3 trusts "
                            + "withheld), the change since last cycle, the evidence and the improvement actions.", trusts));
        }
    }
}
