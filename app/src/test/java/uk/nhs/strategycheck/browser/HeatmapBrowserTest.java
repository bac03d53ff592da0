package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/**
 * An ICS leader compares member trusts: heatmap (on the latest cycle most members have approved,
 * medians following the trust type, cards on a phone), sorting, a trust's profile, the CSV, a
 * reminder checked before it is sent; admins compare ICSs.
 */
class HeatmapBrowserTest extends BrowserTest {

    private static final String CYCLE = "2025/26";

    @Autowired
    TestDatabase database;
    @Autowired
    com.icegreen.greenmail.util.GreenMail mail;

    @Test
    void anIcsLeaderSortsTheHeatmapOpensAProfileAndDownloadsTheCsv() throws SQLException, IOException {
        signInAs("ics.leader@demo.example");
        open("ics/heatmap");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("South East London ICS: member trusts compared");
        // 2026/27 is under way with few approvals: the heatmap opens on 2025/26, which most members approved.
        assertThat(page.locator("vaadin-select.cycle-chooser")).containsText(CYCLE);
        var medians = page.locator(".heatmap-medians");
        assertThat(medians).containsText("ICS median (");
        assertThat(medians).containsText("National median (");
        assertThat(page.locator(".footprint-note")).containsText("As published: the integrated care systems as they were "
                + "when the 2025/26 cycle closed on 31 March 2026.");
        // A member when 2025/26 closed, since moved to Kent and Medway.
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Oxleas NHS Foundation Trust");
        assertNoAccessibilityViolations();

        var basics = scores("BASICS");
        var sorter = page.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("3. Basics"));
        sorter.click();
        sorter.click(); // descending: the strongest on fixing the basics first
        assertThat(sorter).hasAttribute("direction", "desc");
        var strongest = trustName(basics.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        page.waitForCondition(() -> rowsTopToBottom().get(0).equals(strongest));

        var download = page.waitForDownload(() -> page.getByText("Download all member trusts as CSV").click());
        var csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFODS code,Trust,Trust type,Cycle,ICS,Organisations,");
        var rows = Arrays.stream(csv.substring(1).split("\r\n")).skip(1)
                .filter(line -> !line.startsWith(",")).map(line -> line.split(",", -1)).toList();
        var members = database.owner().queryForList("""
                select t.ods_code from trust_membership m join trust t on t.id = m.trust_id join ics i on i.id = m.ics_id
                 where i.ods_code = 'QKK' and m.valid_from <= date '2026-03-31'
                   and (m.valid_to is null or m.valid_to > date '2026-03-31')""", String.class);
        assertThat(rows).extracting(row -> row[0]).containsExactlyInAnyOrderElementsOf(members);
        for (var row : rows) {
            var expected = basics.get(row[0]);
            assertThat(row[3]).isEqualTo(CYCLE);
            assertThat(row[5]).isEqualTo("As published");
            assertThat(row[8]).as("BASICS for " + row[0]).isEqualTo(expected == null ? "" : expected.toPlainString());
        }

        // The median rows follow the trust type chosen, and say what they are over.
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("All trust types")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("acute").setExact(true)).click();
        assertThat(medians).containsText("ICS median, acute trusts (");
        assertThat(medians).containsText("National median, acute trusts (");
        assertThat(medians).not().containsText("ICS median (");
        assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("London Ambulance Service NHS Trust");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("King's College Hospital NHS Foundation Trust"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("King's College Hospital NHS Foundation Trust");
        assertThat(page.locator(".bar-chart")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile("^Bar chart of King's College Hospital NHS Foundation Trust's score"));
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Peer median (acute trusts)");
        assertNoAccessibilityViolations();

        // On a phone each trust is a card listing all seven characteristics, and nothing scrolls sideways.
        page.setViewportSize(390, 844);
        open("ics/heatmap");
        var card = page.locator(".grid-card").first();
        assertThat(card).containsText("1. Leadership");
        assertThat(card).containsText("7. Culture");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
    }

    @Test
    void anIcsLeaderSeesWhoHasSubmittedAndARegionAdminComparesIcss() {
        signInAs("ics.leader@demo.example");
        // Another ICS's trust typed into the address: the refusal page, never a stack trace.
        open("ics/trusts/RAX");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You do not have access to this page");
        assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("Exception");

        // On a phone: the reminder button is on screen, and it sends nothing until the ICS leader confirms.
        page.setViewportSize(390, 844);
        open("ics/submissions");
        waitForGridLayouts();
        int submitted = database.owner().queryForObject("""
                select count(*) from assessment a join trust t on t.id = a.trust_id join ics i on i.id = t.ics_id
                 where i.ods_code = 'QKK' and a.cycle_name = '2026/27' and a.status in ('SUBMITTED', 'APPROVED')""", Integer.class);
        assertThat(page.getByRole(AriaRole.MAIN)).containsText(submitted + " of 6 member trusts "
                + (submitted == 1 ? "has" : "have") + " submitted their 2026/27 assessment");
        var remind = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Send reminder to Guy's and St Thomas' NHS Foundation Trust"));
        remind.scrollIntoViewIfNeeded();
        assertThat(remind).isInViewport();
        assertNoAccessibilityViolations();
        int mails = mail.getReceivedMessages().length;
        long reminders = remindersToGuys();

        remind.click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Send a reminder to Guy's and St Thomas' NHS Foundation Trust?");
        assertThat(dialog).containsText("An email will go to the 1 editor of Guy's and St Thomas' NHS Foundation Trust");
        assertThat(dialog).containsText(database.owner().queryForObject(
                "select display_name from app_user where email = 'editor@demo.example'", String.class));
        assertNoAccessibilityViolations();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true)).click();
        assertThat(dialog).isHidden();
        assertThat(mail.getReceivedMessages()).as("cancelled: no email").hasSize(mails);
        assertThat(remindersToGuys()).as("cancelled: nothing audited").isEqualTo(reminders);

        remind.click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send reminder").setExact(true)).click();
        assertThat(page.locator(".outcome")).containsText("Reminder sent to 1 editor of Guy's and St Thomas' NHS Foundation Trust.");
        assertThat(mail.waitForIncomingEmail(10_000, mails + 1)).isTrue();
        assertThat(Arrays.stream(mail.getReceivedMessages()).skip(mails).map(HeatmapBrowserTest::recipients))
                .containsExactly("[editor@demo.example]");
        assertThat(remindersToGuys()).isEqualTo(reminders + 1);

        var admin = pageInNewContext();
        signInAs(admin, "region.admin@demo.example");
        admin.navigate(url("compare"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("London region: integrated care systems compared");
        // It opens on 2025/26, which most trusts approved, with London's ICSs as they were when it closed.
        for (var ics : List.of("North Central London", "North East London", "North West London", "South East London",
                "South West London")) {
            assertThat(admin.getByRole(AriaRole.MAIN)).containsText(ics);
        }
        assertThat(admin.getByRole(AriaRole.MAIN)).not().containsText("Kent and Medway");
        assertNoAccessibilityViolations(admin);
    }

    private long remindersToGuys() {
        return database.owner().queryForObject("""
                select count(*) from audit_event e join trust t on t.id = e.trust_id
                 where e.action = 'REMINDER_SENT' and t.ods_code = 'RJ1'""", Long.class);
    }

    private static String recipients(jakarta.mail.internet.MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trust names in the heatmap, in the order they appear on screen. */
    private List<String> rowsTopToBottom() {
        page.waitForTimeout(300);
        var links = page.locator("vaadin-grid vaadin-grid-cell-content a");
        var positions = new HashMap<String, Double>();
        for (int i = 0; i < links.count(); i++) {
            // The phone layout's cards are rendered too, in a hidden column: only the links on show count.
            var box = links.nth(i).boundingBox();
            if (box != null) {
                positions.put(links.nth(i).innerText(), box.y);
            }
        }
        return positions.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
    }

    private Map<String, BigDecimal> scores(String characteristic) throws SQLException {
        var scores = new HashMap<String, BigDecimal>();
        database.owner().query("""
                select t.ods_code, round(avg(an.score), 1) as score
                  from assessment a join trust t on t.id = a.trust_id
                  join assessment_cycle c on c.id = a.cycle_id and c.name = ?
                  join trust_membership m on m.trust_id = t.id and m.valid_from <= c.closes_on
                   and (m.valid_to is null or m.valid_to > c.closes_on)
                  join ics i on i.id = m.ics_id
                  join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
                  join statement s on s.id = an.statement_id join characteristic ch on ch.id = s.characteristic_id
                 where i.ods_code = 'QKK' and a.status = 'APPROVED' and ch.code = ?
                 group by t.ods_code""", rs -> {
            scores.put(rs.getString(1), rs.getBigDecimal(2));
        }, CYCLE, characteristic);
        return scores;
    }

    private String trustName(String odsCode) throws SQLException {
        return database.owner().queryForObject("select name from trust where ods_code = ?", String.class, odsCode);
    }
}
