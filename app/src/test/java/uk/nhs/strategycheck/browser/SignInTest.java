package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each demo user signs in and sees their own organisation, and nothing of any other. */
class SignInTest extends BrowserTest {

    /** These tests are about signing in, and switch roles and sign out: never a shared session. */
    @Override
    protected boolean reusesSessions() {
        return false;
    }


    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            editor@demo.example         | trust    | Guy's and St Thomas' NHS Foundation Trust | Trust editor, Guy's and St Thomas' NHS Foundation Trust (RJ1)
            approver@demo.example       | trust    | Guy's and St Thomas' NHS Foundation Trust | Trust approver, Guy's and St Thomas' NHS Foundation Trust (RJ1)
            viewer@demo.example         | trust    | Guy's and St Thomas' NHS Foundation Trust | Trust viewer, Guy's and St Thomas' NHS Foundation Trust (RJ1)
            ics.leader@demo.example     | ics      | South East London ICS                     | ICS leader, South East London ICS (QKK)
            region.admin@demo.example   | region   | London region                             | Region admin, London region
            national.admin@demo.example | national | NHS England                               | National admin, All of England
            """)
    void eachDemoUserSeesTheHomeOfTheirRole(String email, String route, String heading, String scope) {
        signInAs(email);

        assertThat(page).hasURL(url(route));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(heading);
        assertThat(page.locator(".active-scope")).hasText(scope);
        assertNoAccessibilityViolations();
    }

    @Test
    void aTrustUserSeesTheirTrustItsIcsAndTheOpenCycle() {
        signInAs("editor@demo.example");

        var main = page.getByRole(AriaRole.MAIN);
        assertThat(main).containsText("RJ1");
        assertThat(main).containsText("Acute");
        assertThat(main).containsText("South East London (QKK)");
        assertThat(main).containsText("London");
        assertThat(main).containsText("2026/27");
        assertThat(main).containsText("31 March 2027");
        assertThat(main).not().containsText("King's College Hospital");
    }

    @Test
    void anIcsLeaderSeesTheirMemberTrustsOnly() {
        signInAs("ics.leader@demo.example");

        var main = page.getByRole(AriaRole.MAIN);
        for (var member : List.of("Guy's and St Thomas' NHS Foundation Trust", "King's College Hospital NHS Foundation Trust",
                "Lewisham and Greenwich NHS Trust", "The Online NHS Trust", "London Ambulance Service NHS Trust",
                "South London and Maudsley NHS Foundation Trust")) {
            assertThat(main).containsText(member);
        }
        assertThat(main).containsText("6 member trusts");
        assertThat(main).not().containsText("Croydon Health Services NHS Trust");
        // Oxleas moved to Kent and Medway on 1 April 2026.
        assertThat(main).not().containsText("Oxleas");
    }

    @Test
    void aRegionAdminSeesTheRegionsIcssWithTrustCounts() {
        signInAs("region.admin@demo.example");

        var main = page.getByRole(AriaRole.MAIN);
        assertThat(main).containsText("The 2026/27 cycle");
        for (var ics : List.of("North East London", "North West and North Central London",
                "South East London", "South West London")) {
            assertThat(main).containsText(ics);
        }
        assertThat(main).not().containsText("Kent and Medway");
    }

    @Test
    void aNationalAdminSeesEveryRegion() {
        signInAs("national.admin@demo.example");

        var main = page.getByRole(AriaRole.MAIN);
        assertThat(main).containsText("Regions with an open cycle");
        assertThat(main).containsText("7 of 7");
        for (var region : List.of("North East and Yorkshire", "North West", "Midlands", "East of England", "London",
                "South East", "South West")) {
            assertThat(main).containsText(region);
        }
    }

    @Test
    void aTrustEditorWhoTypesAnAdminViewsAddressIsRefused() {
        signInAs("editor@demo.example");

        open("region");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You do not have access to this page");
        assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("integrated care systems");
        assertNoAccessibilityViolations();
    }

    @Test
    void theNavigationOffersOnlyWhatTheRoleMayUse() {
        signInAs("editor@demo.example");

        var navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(navigation).containsText("Your trust");
        assertThat(navigation).not().containsText("Your region");
        assertThat(navigation).not().containsText("All regions");
        assertThat(navigation).not().containsText("Member trusts");
    }

    @Test
    void aUserWithSeveralRolesSwitchesTheActiveScope() {
        signInAs("multi.viewer@demo.example");
        var heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
        assertThat(heading).hasText("King's College Hospital NHS Foundation Trust");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions()
                .setName("Trust viewer, South London and Maudsley NHS Foundation Trust (RV5)")).check();
        assertThat(heading).hasText("King's College Hospital NHS Foundation Trust");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch role")).click();

        assertThat(heading).hasText("South London and Maudsley NHS Foundation Trust");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("RV5");
        assertThat(page.getByRole(AriaRole.MAIN)).not().containsText("RJZ");
    }

    @Test
    void aWrongPasswordIsExplainedAndNothingIsShown() {
        open("login");
        page.locator("input[name='username']").fill("editor@demo.example");
        page.locator("input[name='password']").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByText("Incorrect email address or password")).isVisible();
        assertThat(page).hasURL(url("login?error"));
    }

    @Test
    void theLoginPageHasNoAccessibilityViolations() {
        open("login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sign in");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("Digital Strategy Check");
        assertNoAccessibilityViolations();
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        signInAs("viewer@demo.example");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page.locator("input[name='username']")).isVisible();
        open("trust");
        assertThat(page.locator("input[name='username']")).isVisible();
    }
}
