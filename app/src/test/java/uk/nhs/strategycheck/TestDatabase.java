package uk.nhs.strategycheck;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/** Plain connections to the test database as the owner role and as the application role. */
@Component
public class TestDatabase {

    private final Environment environment;

    // Tokens outlive a Spring context only as long as the database does: each test run rebuilds it.
    private static final java.util.Map<Long, String> SCOPE_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static TestDatabase instance;

    TestDatabase(Environment environment) {
        this.environment = environment;
        // One test JVM runs several contexts, and the replica's (ReplicaTest) has a database of its
        // own elsewhere: the static helpers below serve the one the other contexts share.
        if (instance == null || !environment.getRequiredProperty("spring.datasource.url").endsWith("/" + TestReplica.DATABASE)) {
            instance = this;
        }
    }

    public Connection asApplication() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
    }

    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.liquibase.user"),
                environment.getRequiredProperty("spring.liquibase.password"));
    }

    /** The bcrypt hash of the demo password, Demo-2026-strategy. */
    public static final String DEMO_PASSWORD_HASH =
            "{bcrypt}$2a$10$kQ3YG3tWoZEtvhBSsUOW8eQ7mrSz6RzAfyDtxlrTbVESMesUDkfvW";

    /** Creates (once) a user holding a trust role, with the demo password. */
    public void trustUser(String email, String name, String role, String trustOdsCode) throws SQLException {
        var owner = owner();
        owner.update("""
                insert into app_user (email, display_name, password_hash, home_region_id)
                select ?, ?, ?, i.region_id from trust t join ics i on i.id = t.ics_id where t.ods_code = ?
                on conflict (email) do nothing""", email, name, DEMO_PASSWORD_HASH, trustOdsCode);
        owner.update("""
                insert into role_assignment (user_id, role, region_id, ics_id, trust_id)
                select u.id, ?, i.region_id, i.id, t.id
                  from app_user u, trust t join ics i on i.id = t.ics_id
                 where u.email = ? and t.ods_code = ?
                on conflict do nothing""", role, email, trustOdsCode);
    }

    /** Removes the trust's assessments, so a test starts from nothing. */
    public void removeAssessments(String trustOdsCode) throws SQLException {
        var owner = owner();
        // Answers of approved assessments are frozen; reopen them so they can go.
        owner.update("update assessment set status = 'DRAFT' where trust_id = (select id from trust where ods_code = ?)",
                trustOdsCode);
        owner.update("delete from assessment where trust_id = (select id from trust where ods_code = ?)", trustOdsCode);
    }

    /**
     * Enters the scope of a user's role assignment ({user id, assignment id}) for the rest of the
     * connection's current transaction, as the application does; returns the scope level, or
     * null when the assignment is not the user's.
     */
    public static String enterScope(Connection app, long[] userAndAssignment) throws SQLException {
        try (var enter = app.prepareStatement("select tenancy.enter_scope(?, ?)")) {
            enter.setString(1, scopeToken(userAndAssignment[0]));
            enter.setLong(2, userAndAssignment[1]);
            try (var level = enter.executeQuery()) {
                level.next();
                return level.getString(1);
            }
        }
    }

    /**
     * A scope token for the user, issued by the database as sign-in would (the owner may ask for
     * one without the password; the application role may not). One per user for the test run.
     */
    public static String scopeToken(long userId) throws SQLException {
        var token = SCOPE_TOKENS.get(userId);
        if (token == null) {
            try (var owner = instance.asOwner(); var issue = owner.prepareStatement("select tenancy.issue_scope_token(?)")) {
                issue.setLong(1, userId);
                try (var issued = issue.executeQuery()) {
                    issued.next();
                    token = issued.getString(1);
                }
            }
            SCOPE_TOKENS.put(userId, token);
        }
        return token;
    }

    /**
     * The code an admin's authenticator app shows now, from the secret the database holds (read
     * as the owner). Forgets the last code used, so a test may sign in again within 30 seconds.
     */
    public String secondFactorCode(String email) {
        var owner = owner();
        owner.update("update app_user set totp_last_step = null where email = ?", email);
        return secondFactorCodeFor(owner.queryForObject("select totp_secret from app_user where email = ?", String.class, email));
    }

    /** The code an authenticator app shows now for the secret (computed by the TOTP library). */
    public static String secondFactorCodeFor(String secret) {
        try {
            return new dev.samstevens.totp.code.DefaultCodeGenerator()
                    .generate(secret, Math.floorDiv(java.time.Instant.now().getEpochSecond(), 30));
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a count query returns. */
    public static long count(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The single text a query returns. */
    public static String text(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The owner bypasses row level security: it sees what is really there. */
    public JdbcTemplate owner() {
        // A connection per statement, closed after it: tests never hold owner connections open.
        return new JdbcTemplate(new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.liquibase.user"),
                environment.getRequiredProperty("spring.liquibase.password")));
    }

    /**
     * A corpus strategy document, as the analyser reads it, stored as the current document of the
     * trust's assessment in the cycle, uploaded by the given user; written as the owner. Returns
     * what the analyser found.
     */
    public uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis storeStrategyDocument(String trustOdsCode,
            String cycleName, String uploaderEmail, String corpusFile) throws Exception {
        byte[] content = uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures.bytes(
                uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures.document(corpusFile));
        var analysis = new uk.nhs.strategycheck.strategydocument.analysis.StrategyAnalyser().analyse(corpusFile, content,
                uk.nhs.strategycheck.strategydocument.analysis.AnalysisProgress.NONE);
        owner().update("""
                insert into strategy_document (ics_id, trust_id, assessment_id, file_name, media_type, size_bytes, sha256,
                                               content, analysis, uploaded_by, uploaded_by_name)
                select a.ics_id, a.trust_id, a.id, ?, ?, ?, sha256(?), ?, ?::jsonb, u.id, u.display_name
                  from assessment a, app_user u
                 where a.trust_id = (select id from trust where ods_code = ?) and a.cycle_name = ? and u.email = ?""",
                corpusFile, analysis.mediaType(), content.length, content, content,
                uk.nhs.strategycheck.strategydocument.analysis.AnalysisJson.write(analysis), trustOdsCode, cycleName,
                uploaderEmail);
        return analysis;
    }
}
