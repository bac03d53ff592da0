package uk.nhs.strategycheck.shared;

import java.util.concurrent.Executor;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Workers for CPU- and memory-heavy work taken off the UI thread (PDFs, reading documents): a
 * fixed number of threads and a bounded queue, so that a burst of requests waits its turn rather
 * than starving the rest of the service. A task logs with the request id, user and scope of the
 * request that handed it over (the MDC travels with it).
 */
public final class BoundedExecutor {

    private BoundedExecutor() {
    }

    public static Executor of(String threadNamePrefix, int threads, int queueCapacity) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(threadNamePrefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queueCapacity);
        executor.setTaskDecorator(task -> {
            var handedOver = MDC.getCopyOfContextMap();
            return () -> {
                if (handedOver != null) {
                    MDC.setContextMap(handedOver);
                }
                try {
                    task.run();
                } finally {
                    MDC.clear();
                }
            };
        });
        executor.initialize();
        return executor;
    }
}
