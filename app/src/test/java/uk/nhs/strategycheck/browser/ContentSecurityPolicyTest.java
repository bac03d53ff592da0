package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy in the real browser (issue 10, finding 8): Vaadin's pages, charts,
 * grids, dialogs and uploads work under it with nothing refused, and it refuses a script from
 * another site. The tests run Vaadin in development mode; infra/run.sh runs production mode.
 */
class ContentSecurityPolicyTest extends BrowserTest {

    @Test
    void everyKindOfPageWorksUnderThePolicyWithNothingRefused() {
        var refused = refusalsOn(page);
        var login = page.navigate(url("login"));
        assertThat(login.headers().get("content-security-policy")).contains("default-src 'self'");

        signInAs("ics.leader@demo.example");
        open("ics/heatmap");
        assertThat(page.locator("vaadin-grid").first()).containsText("King's College Hospital NHS Foundation Trust");
        open("ics/trusts/RJZ?cycle=2025/26");
        assertThat(page.locator(".bar-chart svg")).isVisible();
        open("reports");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

        var admin = pageInNewContext();
        var refusedForAdmin = refusalsOn(admin);
        signInAs(admin, "region.admin@demo.example");
        admin.navigate(url("admin/users"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite a user")).click();
        assertThat(admin.locator("vaadin-dialog-overlay")).containsText("Invite a user");
        admin.navigate(url("admin/organisations/import"));
        assertThat(admin.locator("vaadin-upload")).isVisible();

        assertThat(refused).isEmpty();
        assertThat(refusedForAdmin).isEmpty();
    }

    @Test
    void aScriptFromAnotherSiteIsRefused() {
        open("login");

        // Refused, the browser reports a violation; not refused, the script fails to load (there is
        // no such site) and, a second later, the promise says so rather than waiting for ever.
        var violation = page.evaluate("""
                () => new Promise(resolve => {
                  document.addEventListener('securitypolicyviolation',
                      event => resolve(event.effectiveDirective + ' ' + event.blockedURI));
                  const script = document.createElement('script');
                  script.src = 'https://scripts.example/steal.js';
                  script.onerror = () => setTimeout(() => resolve('not refused'), 1000);
                  document.head.append(script);
                })""");

        assertThat((String) violation).isEqualTo("script-src-elem https://scripts.example/steal.js");
    }

    /** What the browser refuses on the page under the policy, as it reports it on the console. */
    private static List<String> refusalsOn(Page page) {
        var refusals = new CopyOnWriteArrayList<String>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refusals.add(message.text());
            }
        });
        return refusals;
    }
}
