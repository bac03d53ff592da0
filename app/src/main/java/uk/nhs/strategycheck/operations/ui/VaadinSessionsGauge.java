package uk.nhs.strategycheck.operations.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many Vaadin sessions are open (dsc.vaadin.sessions): each holds its users' pages in this
 * instance's memory, until they sign out or their session times out (30 minutes).
 */
@Component
class VaadinSessionsGauge implements VaadinServiceInitListener {

    private final AtomicInteger open = new AtomicInteger();

    VaadinSessionsGauge(MeterRegistry meters) {
        Gauge.builder("dsc.vaadin.sessions", open, AtomicInteger::get)
                .description("Vaadin sessions open in this instance")
                .register(meters);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> open.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> open.decrementAndGet());
    }
}
