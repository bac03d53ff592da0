package uk.nhs.strategycheck.shared;

import java.util.concurrent.Executor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Workers for CPU- and memory-heavy work taken off the UI thread (PDFs, reading documents): a
 * fixed number of threads and a bounded queue, so that a burst of requests waits its turn rather
 * than starving the rest of the service.
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
        executor.initialize();
        return executor;
    }
}
