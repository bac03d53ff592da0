package uk.nhs.strategycheck;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test ICSs, trusts, assessments and users, written as the owner, whose ODS codes start with a
 * prefix of the test's own (user e-mails end in its domain); remove() takes them all away again,
 * partitions included, so the next test can use the same codes.
 */
public final class OrganisationFixture {

    private final JdbcTemplate owner;
    private final String prefix;
    private final String domain;

    public OrganisationFixture(JdbcTemplate owner, String prefix, String domain) {
        this.owner = owner;
        this.prefix = prefix;
        this.domain = domain;
    }

    public long ics(String code, String region) {
        return owner.queryForObject("""
                insert into ics (region_id, ods_code, name, short_name, opened_on)
                select id, ?, 'NHS Test ' || ? || ' Integrated Care Board', 'Test ' || ?, date '2022-07-01'
                  from region where ods_code = ? returning id""", Long.class, code, code, code, region);
    }

    public long trust(String code, long icsId, String type) {
        return owner.queryForObject("""
                insert into trust (ics_id, ods_code, name, ods_name, trust_type, organisation_form)
                values (?, ?, 'Test ' || ? || ' NHS Trust', 'TEST', ?, 'NHS trust') returning id""",
                Long.class, icsId, code, code, type);
    }

    public long assessment(long trustId, String cycle, String region, String status) {
        return owner.queryForObject("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id, status)
                select t.ics_id, t.id, c.id, c.framework_id, ? from trust t, assessment_cycle c
                 where t.id = ? and c.name = ? and c.region_id = (select id from region where ods_code = ?)
                returning id""", Long.class, status, trustId, cycle, region);
    }

    /** An approved assessment with every statement scored (scores vary with base). */
    public long approved(long trustId, String cycle, String region, int base) {
        long id = assessment(trustId, cycle, region, "APPROVED");
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence)
                select t.ics_id, t.id, ?, s.id, 1 + (s.position + c.position + ?) % 5, 'Test evidence'
                  from trust t, statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id
                 where t.id = ? and f.version = 1""", id, base, trustId);
        return id;
    }

    /** A user (name + the fixture's domain, the demo password) with one role at the ICS or trust. */
    public String user(String name, String role, long icsId, Long trustId) {
        var email = name + domain;
        owner.update("""
                insert into app_user (email, display_name, password_hash, home_region_id)
                select ?, ?, ?, region_id from ics where id = ?""", email, name, TestDatabase.DEMO_PASSWORD_HASH, icsId);
        owner.update("""
                insert into role_assignment (user_id, role, region_id, ics_id, trust_id)
                select u.id, ?, i.region_id, i.id, ? from app_user u, ics i where u.email = ? and i.id = ?""",
                role, trustId, email, icsId);
        return email;
    }

    public void remove() {
        String like = "'" + prefix + "%'";
        String trusts = "(select id from trust where ods_code like " + like + ")";
        String icss = "(select id from ics where ods_code like " + like + ")";
        owner.update("update assessment set status = 'DRAFT' where trust_id in " + trusts);
        owner.update("delete from assessment where trust_id in " + trusts);
        owner.update("delete from audit_event where trust_id in " + trusts + " or ics_id in " + icss
                + " or user_id in (select id from app_user where email like '%" + domain + "')");
        owner.update("delete from app_user where email like '%" + domain + "'");
        owner.update("delete from role_assignment where trust_id in " + trusts + " or ics_id in " + icss);
        owner.update("delete from ics_link where predecessor_id in " + icss + " or successor_id in " + icss);
        owner.update("delete from trust_link where predecessor_id in " + trusts + " or successor_id in " + trusts);
        owner.update("delete from organisation_change where id in (select change_id from organisation_change_step "
                + "where ods_code like " + like + " or to_ics_code like " + like + ")");
        owner.update("delete from trust where ods_code like " + like);
        owner.update("delete from ics where ods_code like " + like);
        // The test ICSs' partitions go too, so the next test can create an ICS with the same code.
        owner.execute("""
                do $$
                declare
                  partition text;
                begin
                  for partition in select relname from pg_class
                                    where relkind = 'r' and relname ~ '^(assessment|answer|improvement_action|strategy_document)_%s'
                                    order by relname ~ '^assessment_', relname loop
                    execute format('alter table %%I detach partition %%I',
                                   substring(partition from '^(.*)_%s[a-z0-9]*$'), partition);
                    execute format('drop table %%I', partition);
                  end loop;
                end $$""".formatted(prefix.toLowerCase(), prefix.toLowerCase()));
    }
}
