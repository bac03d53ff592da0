package uk.nhs.strategycheck.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import uk.nhs.strategycheck.operations.Http;

/**
 * What the service under load reports about itself on its management port(s): heap in use,
 * open Vaadin sessions and CPU time, from /actuator/prometheus. Heap is read after a full
 * collection (jcmd GC.run) when the process ids are known, so that it measures what sessions
 * keep rather than garbage not yet collected. Several management addresses (the instances of a
 * cluster) are added together.
 */
final class ServiceGauge {

    /** One reading, added over every instance. */
    record Reading(double heapBytes, double sessions, double cpuSeconds) {
    }

    private final List<String> managementUrls;
    private final List<String> pids;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServiceGauge(List<String> managementUrls, List<String> pids) {
        this.managementUrls = managementUrls;
        this.pids = pids;
    }

    /** Reads the figures, after a full collection in every instance whose pid is known. */
    Reading read() {
        pids.forEach(ServiceGauge::collectGarbage);
        double heap = 0;
        double sessions = 0;
        double cpu = 0;
        for (var url : managementUrls) {
            var metrics = scrape(url);
            heap += Http.metric(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
            sessions += Http.metric(metrics, "dsc_vaadin_sessions");
            cpu += Http.metric(metrics, "process_cpu_time_ns_total") / 1e9;
        }
        return new Reading(heap, sessions, cpu);
    }

    boolean available() {
        try {
            managementUrls.forEach(this::scrape);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String scrape(String url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the metrics at " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void collectGarbage(String pid) {
        try {
            var jcmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/jcmd", pid, "GC.run"));
            var process = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
        } catch (IOException e) {
            throw new IllegalStateException("jcmd could not reach process " + pid + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
