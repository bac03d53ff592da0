package uk.nhs.strategycheck.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.reports.ReportWarmUp;

/**
 * What people wait for, through the running production service: a cold start to readiness UP (the
 * jar as built against the jar unpacked with a class data sharing archive, infra/cds.sh), and
 * "Prepare" to finished download of the board pack of the largest ICS (Cheshire and Merseyside,
 * through its load-test leader), of a trust report and of England's national pack (every trust, through
 * the demo national admin): the first after each start; warm, made afresh (the kept PDFs turned off,
 * as after any change to a report's figures); and warm with unchanged data (the kept PDF); and, as a
 * person uses it, Prepare clicked a moment after the page opens (the first pack after a start, and the
 * pack after each change to its figures), the pack having been prepared ahead meanwhile. Prints
 * p50 and p95, and the ratio to the reporting module alone filling and exporting a pack of the
 * same size in this JVM. The service runs against DSC_DB_NAME, migrated already (replicas do not
 * migrate); the load-test accounts are made in it first (infra/load/accounts.sql).
 */
@Tag("benchmark")
class StartAndReportBenchmark {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final int STARTS = Integer.getInteger("benchmark.starts", 3);
    private static final int JAR_STARTS = Integer.getInteger("benchmark.jar-starts", STARTS);
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 3);
    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 15);
    private static final int PORT = Integer.getInteger("benchmark.port", 8390);
    private static final int MANAGEMENT_PORT = PORT + 1;
    private static final String LEADER = "load.leader.031@load.example";
    /** The leader of the made-up 100-trust ICS (infra/load/hundred-trust-ics.sql). */
    private static final String HUNDRED_LEADER = "load.leader.hundred@load.example";
    private static final String PASSWORD = "Demo-2026-strategy";
    private static final String NATIONAL_ADMIN = "national.admin@demo.example";
    private static final String DATABASE = System.getenv().getOrDefault("DSC_DB_NAME", "dsc");
    private static final String HOST = System.getenv().getOrDefault("DSC_DB_HOST", "127.0.0.1");
    private static final String OWNER = System.getenv().getOrDefault("DSC_DB_OWNER", "dsc_owner");
    private static final long POLL_MS = 10;
    /** Packs downloaded on the unmeasured start that warms this JVM's client. */
    private static final int CLIENT_WARM_UP = 20;
    /**
     * How long a person looks at the reports page before clicking "Prepare": the report they came
     * for is prepared ahead meanwhile (ReportService.prepareAhead).
     */
    private static final long READING_MS = Long.getLong("benchmark.reading-ms", 1000);
    private static final String BOARD_PACK = "Prepare ICS board pack";
    /**
     * JVM options for the service under test: by default as the launchers start it (JIT compiler C1
     * only: README, "JIT compiler C1 only"); "-Dbenchmark.service-options=" (blank) compares with C1 and C2.
     */
    private static final List<String> SERVICE_OPTIONS = Arrays.stream(
            System.getProperty("benchmark.service-options", "-XX:TieredStopAtLevel=1").split(" "))
            .filter(option -> !option.isBlank()).toList();

    @Test
    void coldStartAndClickToDownload() throws Exception {
        psql("-v", "accounts=50", "-f", ROOT.resolve("infra/load/accounts.sql").toString());
        Path jar;
        try (Stream<Path> jars = Files.list(ROOT.resolve("app/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no production jar: ./mvnw -Pproduction -pl app -am package"));
        }
        Path unpacked = ROOT.resolve("app/target/cds-benchmark");
        var archive = unpacked.resolve("app.jsa");
        if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            run(new ProcessBuilder("bash", ROOT.resolve("infra/cds.sh").toString(), jar.toString(), unpacked.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        }

        var cds = new ArrayList<>(SERVICE_OPTIONS);
        cds.addAll(List.of("-XX:SharedArchiveFile=" + unpacked.resolve("app.jsa"), "-jar", unpacked.resolve("app.jar").toString()));
        // This JVM's own client (HTTP, the page's changes, the tree) is warmed on a start that is not
        // measured, so that the first pack measured after a start times the service, not the benchmark.
        try (var service = Service.start(cds, Map.of())) {
            var client = signedIn();
            for (int run = 0; run < CLIENT_WARM_UP; run++) {
                boardPack(client);
            }
        }

        var rows = new ArrayList<String>();
        var jarStart = new ArrayList<Double>();
        var jarCpu = new ArrayList<Double>();
        var jarFirst = new ArrayList<Double>();
        for (int i = 0; i < JAR_STARTS; i++) {
            var plain = new ArrayList<>(SERVICE_OPTIONS);
            plain.addAll(List.of("-jar", jar.toString()));
            try (var service = Service.start(plain, Map.of())) {
                jarStart.add(service.readyMillis);
                jarCpu.add(service.cpuSeconds());
                jarFirst.add(boardPack(signedIn()));
            }
        }
        var cdsStart = new ArrayList<Double>();
        var cdsCpu = new ArrayList<Double>();
        var cdsFirst = new ArrayList<Double>();
        var cdsFirstDownload = new ArrayList<Double>();
        var warmPackDownload = new ArrayList<Double>();
        var keptPack = new ArrayList<Double>();
        var keptTrust = new ArrayList<Double>();
        var keptNational = new ArrayList<Double>();
        var warmPack = new ArrayList<Double>();
        var warmTrust = new ArrayList<Double>();
        var warmNational = new ArrayList<Double>();
        var readFirst = new ArrayList<Double>();
        var readChanged = new ArrayList<Double>();
        for (int i = 0; i < STARTS; i++) {
            try (var service = Service.start(cds, Map.of())) {
                cdsStart.add(service.readyMillis);
                cdsCpu.add(service.cpuSeconds());
                cdsFirst.add(prepare(signedIn(), BOARD_PACK, cdsFirstDownload));
                if (i == STARTS - 1) {
                    // The same reports again and again: after the first, each is the PDF kept for unchanged data.
                    warmLoop(keptPack, keptTrust, keptNational, new ArrayList<>());
                    afterEachChange(readChanged);
                }
            }
            // As a person clicks: a moment after the page opens.
            try (var service = Service.start(cds, Map.of())) {
                var client = signedIn();
                sleep(READING_MS);
                readFirst.add(boardPack(client));
            }
        }
        // Every report made afresh, as after any change to its figures: nothing kept.
        try (var service = Service.start(cds, Map.of("DSC_REPORTS_CACHE_MEGABYTES", "0"))) {
            warmLoop(warmPack, warmTrust, warmNational, warmPackDownload);
        }
        // An ICS of 100 trusts, made up in a copy of the database, its packs made afresh.
        var hundredFirst = new ArrayList<Double>();
        var hundredWarm = new ArrayList<Double>();
        String copy = DATABASE + "_hundred";
        superuser("-c", "drop database if exists " + copy, "-c",
                "create database " + copy + " template " + DATABASE + " owner " + OWNER);
        try {
            run(psqlOn(copy, "-f", ROOT.resolve("infra/load/hundred-trust-ics.sql").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
            try (var service = Service.start(cds, Map.of("DSC_DB_NAME", copy, "DSC_REPORTS_CACHE_MEGABYTES", "0"))) {
                var client = signedIn(HUNDRED_LEADER);
                hundredFirst.add(boardPack(client));
                for (int run = 0; run < WARM_UP + ITERATIONS; run++) {
                    double pack = boardPack(client);
                    if (run >= WARM_UP) {
                        hundredWarm.add(pack);
                    }
                }
            }
        } finally {
            superuser("-c", "drop database if exists " + copy);
        }
        var renderer = new JasperReportRenderer();
        var innerPack = new ArrayList<Double>();
        var innerTrust = new ArrayList<Double>();
        var innerNational = new ArrayList<Double>();
        var innerHundred = new ArrayList<Double>();
        for (int run = 0; run < WARM_UP + ITERATIONS; run++) {
            double pack = time(() -> renderer.boardPack(ReportWarmUp.boardPackData(ReportWarmUp.LARGEST_ICS_TRUSTS)));
            double trust = time(() -> renderer.trustReport(ReportWarmUp.trustReportData()));
            double national = time(() -> renderer.nationalPack(ReportWarmUp.nationalPackData(ReportWarmUp.ENGLAND_TRUSTS)));
            double hundred = time(() -> renderer.boardPack(ReportWarmUp.boardPackData(100)));
            if (run >= WARM_UP) {
                innerHundred.add(hundred);
                innerPack.add(pack);
                innerTrust.add(trust);
                innerNational.add(national);
            }
        }

        rows.add(row("cold start to ready, jar (ms)", jarStart, null));
        rows.add(row("cold start CPU-seconds, jar", jarCpu, null));
        rows.add(row("cold start to ready, unpacked + CDS (ms)", cdsStart, null));
        rows.add(row("cold start CPU-seconds, unpacked + CDS", cdsCpu, null));
        rows.add(row("board pack QYG, first after start, jar (ms)", jarFirst, innerPack));
        rows.add(row("board pack QYG, first after start, CDS (ms)", cdsFirst, innerPack));
        rows.add(row("  of which the download, first after start (ms)", cdsFirstDownload, null));
        rows.add(row("board pack QYG, first after start, read first (ms)", readFirst, innerPack));
        rows.add(row("board pack QYG, warm, made afresh (ms)", warmPack, innerPack));
        rows.add(row("  of which the download (ms)", warmPackDownload, null));
        rows.add(row("trust report, warm, made afresh (ms)", warmTrust, innerTrust));
        rows.add(row("national board pack, warm, made afresh (ms)", warmNational, innerNational));
        rows.add(row("board pack of 100 trusts, first after start (ms)", hundredFirst, innerHundred));
        rows.add(row("board pack of 100 trusts, warm, made afresh (ms)", hundredWarm, innerHundred));
        rows.add(row("board pack QYG, unchanged data, kept PDF (ms)", keptPack, innerPack));
        rows.add(row("board pack QYG, after each change, read first (ms)", readChanged, innerPack));
        rows.add(row("trust report, unchanged data, kept PDF (ms)", keptTrust, innerTrust));
        rows.add(row("national board pack, unchanged data, kept PDF (ms)", keptNational, innerNational));
        rows.add(row("reporting module alone: board pack 16 trusts (ms)", innerPack, null));
        rows.add(row("reporting module alone: trust report (ms)", innerTrust, null));
        rows.add(row("reporting module alone: national pack (ms)", innerNational, null));
        rows.add(row("reporting module alone: board pack 100 trusts (ms)", innerHundred, null));
        System.out.printf("%n%-52s %5s %9s %9s %10s %10s%n", "measure", "n", "p50", "p95", "p50/inner", "p95/inner");
        rows.forEach(System.out::println);
        System.out.printf("first board pack after a start / warm made afresh p50: %.2f%n",
                percentile(cdsFirst, 50) / percentile(warmPack, 50));
        System.out.printf("first board pack after a start / after each change, both read first, p50: %.2f%n",
                percentile(readFirst, 50) / percentile(readChanged, 50));
        System.out.printf("(\"read first\": Prepare clicked %d ms after the page opened)%n", READING_MS);
        System.out.printf("first board pack after each start, at once / read first (ms): %s / %s%n", each(cdsFirst), each(readFirst));
    }

    /** Board pack, trust report and national pack in turn, the first runs left out. */
    private static void warmLoop(List<Double> packs, List<Double> trusts, List<Double> nationals,
                                 List<Double> packDownloads) throws IOException, InterruptedException {
        var client = signedIn();
        var england = signedInNationalAdmin();
        for (int run = 0; run < WARM_UP + ITERATIONS; run++) {
            var download = new ArrayList<Double>();
            double pack = prepare(client, BOARD_PACK, download);
            double trust = trustReport(client);
            double national = prepare(england, "Prepare National board pack");
            if (run >= WARM_UP) {
                packs.add(pack);
                packDownloads.addAll(download);
                trusts.add(trust);
                nationals.add(national);
            }
        }
    }

    /**
     * The board pack after each change to its figures (a member trust renamed, so no PDF is kept for
     * it), Prepare clicked a moment after the page opens. The name is put back at the end.
     */
    private static void afterEachChange(List<Double> packs) throws IOException, InterruptedException {
        var odsCode = psqlValue("-c", "select t.ods_code from trust t join ics i on i.id = t.ics_id"
                + " where i.ods_code = 'QYG' and t.closed_on is null order by t.ods_code limit 1");
        var name = psqlValue("-c", "select name from trust where ods_code = '" + odsCode + "'");
        var client = signedIn();
        try {
            for (int run = 0; run < WARM_UP + ITERATIONS; run++) {
                rename(odsCode, name + " (" + run + ")");
                client.open("reports");
                sleep(READING_MS);
                double pack = boardPack(client);
                if (run >= WARM_UP) {
                    packs.add(pack);
                }
            }
        } finally {
            rename(odsCode, name);
        }
    }

    private static void rename(String odsCode, String name) throws IOException, InterruptedException {
        psql("-v", "ON_ERROR_STOP=1", "-c", "update trust set name = '" + name.replace("'", "''") + "' where ods_code = '"
                + odsCode + "'");
    }

    private static VaadinClient signedIn() {
        return signedIn(LEADER);
    }

    private static VaadinClient signedIn(String leader) {
        var client = new VaadinClient("http://localhost:" + PORT);
        client.signIn(leader, PASSWORD);
        client.open("reports");
        return client;
    }

    /** England's national admin (demo data), past the security code, on the reports page. */
    private static VaadinClient signedInNationalAdmin() throws IOException, InterruptedException {
        var client = new VaadinClient("http://localhost:" + PORT);
        client.signIn(NATIONAL_ADMIN, PASSWORD);
        client.open("second-factor");
        var code = client.tree().findAll(NodeTree.tag("vaadin-text-field"));
        var secret = psqlValue("-c", "update app_user set totp_last_step = null where email = '" + NATIONAL_ADMIN
                + "' returning totp_secret");
        client.setValue(code.get(0), "value", TestDatabase.secondFactorCodeFor(secret), "change", null);
        client.click(client.tree().findAll(node -> "vaadin-button".equals(node.tag)
                && client.tree().text(node).startsWith("Continue")).get(0));
        client.open("reports");
        return client;
    }

    private static double boardPack(VaadinClient client) {
        return prepare(client, BOARD_PACK);
    }

    private static double trustReport(VaadinClient client) {
        return prepare(client, "Prepare Trust report");
    }

    /** From the click on Prepare to the PDF downloaded, asking for the page's changes every 10 ms. */
    private static double prepare(VaadinClient client, String button) {
        return prepare(client, button, new ArrayList<>());
    }

    /** The same, adding to downloads the part from the link appearing to the PDF downloaded (audited). */
    private static double prepare(VaadinClient client, String button, List<Double> downloads) {
        var prepare = client.tree().findAll(node -> "vaadin-button".equals(node.tag)
                && client.tree().text(node).startsWith(button));
        if (prepare.size() != 1) {
            throw new IllegalStateException("no single button " + button);
        }
        var before = links(client);
        long started = System.nanoTime();
        client.click(prepare.get(0));
        long giveUpAt = System.currentTimeMillis() + 60_000;
        String link;
        while ((link = links(client).stream().filter(href -> !before.contains(href)).findFirst().orElse(null)) == null) {
            if (System.currentTimeMillis() > giveUpAt) {
                throw new IllegalStateException(button + ": no PDF within a minute");
            }
            sleep(POLL_MS);
            client.poll();
        }
        long linked = System.nanoTime();
        if (client.download(link) < 1000) {
            throw new IllegalStateException(button + ": the PDF was too small to be one");
        }
        long downloaded = System.nanoTime();
        downloads.add((downloaded - linked) / 1e6);
        return (downloaded - started) / 1e6;
    }

    /** The download links on the page; a prepared PDF's is one not there before the click. */
    private static List<String> links(VaadinClient client) {
        return client.tree().findAll(NodeTree.withClass("report-download")).stream()
                .map(link -> link.attributes.get("href")).filter(href -> href != null && !href.isEmpty()).toList();
    }

    private static String row(String name, List<Double> values, List<Double> inner) {
        double p50 = percentile(values, 50);
        double p95 = percentile(values, 95);
        return inner == null
                ? String.format("%-52s %5d %9.1f %9.1f", name, values.size(), p50, p95)
                : String.format("%-52s %5d %9.1f %9.1f %10.2f %10.2f", name, values.size(), p50, p95,
                        p50 / percentile(inner, 50), p95 / percentile(inner, 95));
    }

    private static String each(List<Double> values) {
        return values.stream().map(value -> String.format("%.0f", value)).collect(Collectors.joining(", "));
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double time(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void psql(String... args) throws IOException, InterruptedException {
        run(psqlCommand(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
    }

    /** The first line psql prints. */
    private static String psqlValue(String... args) throws IOException, InterruptedException {
        var process = psqlCommand(args).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes()).strip().split("\n")[0];
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql exited with " + process.exitValue() + ": " + out);
        }
        return out;
    }

    private static ProcessBuilder psqlCommand(String... args) {
        return psqlOn(DATABASE, args);
    }

    private static ProcessBuilder psqlOn(String database, String... args) {
        return psqlAs(OWNER, System.getenv().getOrDefault("DSC_DB_OWNER_PASSWORD", "dsc_owner"), database, args);
    }

    /** As the superuser infra/db-setup.sh uses: copying a database needs more than the owner may. */
    private static void superuser(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("-v", "ON_ERROR_STOP=1"));
        command.addAll(Arrays.asList(args));
        run(psqlAs(System.getenv().getOrDefault("DSC_DB_SUPERUSER", "postgres"),
                System.getenv().getOrDefault("DSC_DB_SUPERUSER_PASSWORD", ""), "postgres", command.toArray(String[]::new))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
    }

    private static ProcessBuilder psqlAs(String user, String password, String database, String... args) {
        var command = new ArrayList<>(List.of("psql", "-h", HOST, "-U", user, "-d", database, "-qAt"));
        command.addAll(Arrays.asList(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("PGPASSWORD", password);
        return builder;
    }

    private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(builder.command() + " exited with " + exit);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The production service in a process of its own, as a replica runs it (no migration). */
    private static final class Service implements AutoCloseable {
        private final Process process;
        private final double readyMillis;

        private Service(Process process, double readyMillis) {
            this.process = process;
            this.readyMillis = readyMillis;
        }

        static Service start(List<String> javaArgs, Map<String, String> settings) throws IOException, InterruptedException {
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaArgs);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ROOT.resolve("app/target/start-benchmark.log").toFile());
            var env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "prod");
            env.put("DSC_SECURE_COOKIES", "false");
            env.put("DSC_MIGRATE_ON_START", "false");
            env.put("DSC_DB_NAME", DATABASE);
            env.put("DSC_BASE_URL", "http://localhost:" + PORT);
            env.put("PORT", String.valueOf(PORT));
            env.put("DSC_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
            env.putAll(settings);
            long started = System.nanoTime();
            var process = builder.start();
            var http = HttpClient.newHttpClient();
            var readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service stopped: see app/target/start-benchmark.log");
                }
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Service(process, (System.nanoTime() - started) / 1e6);
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                sleep(50);
            }
        }

        /** CPU-seconds the process has used (user and system), from /proc. */
        double cpuSeconds() throws IOException {
            var fields = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))
                    .replaceFirst("^.*\\) ", "").split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
