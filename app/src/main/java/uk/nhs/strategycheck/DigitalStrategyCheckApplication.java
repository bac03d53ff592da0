package uk.nhs.strategycheck;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@Meta(name = "description", content = "Self-assess and benchmark NHS digital strategies")
public class DigitalStrategyCheckApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(DigitalStrategyCheckApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Digital Strategy Check");
        // NHS look: loaded as a plain stylesheet, so no frontend build is needed.
        settings.addLink("stylesheet", "styles/nhs.css");
    }
}
