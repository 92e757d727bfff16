package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private static final Instant SEVEN_YEARS_AGO = Instant.parse("2019-11-30T03:00:00Z");
    private static final Instant FIVE_YEARS_AGO = Instant.parse("2021-11-30T03:00:00Z");
    private static final String[] PERSONAL = {"Dee", "Edna", "dee@example.org", "07700", "+44", "Park Road", "daughter",
            "T-100", "mould", "files.example"};

    private final H2Schema db = new H2Schema();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetentionPurge purge = new RetentionPurge(db.jdbc, db.transactions,
            new SchedulerProperties.Retention(Period.ofYears(6), 100), Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneId.of("Europe/London"), meters);

    private String everything(long caseId) {
        StringBuilder all = new StringBuilder();
        for (String sql : List.of("select * from case_file where id = ?", "select * from case_reason where case_id = ?",
                "select * from inbound_message where case_id = ?", "select * from outbound_message where case_id = ?",
                "select * from case_event where case_id = ?",
                "select a.* from inbound_attachment a join inbound_message i on i.id = a.inbound_id where i.case_id = ?")) {
            for (Map<String, Object> row : db.jdbc.sql(sql).param(caseId).query().listOfRows()) {
                row.values().forEach(value -> all.append(value instanceof byte[] bytes ? "bytes" + bytes.length : value)
                        .append('|'));
            }
        }
        return all.toString();
    }

    @Test
    void aClosedCasePastTheRetentionPeriodKeepsItsFiguresAndLosesItsPersonalData() {
        long caseId = db.caseWithMessages("HRT-2019-000001", "closed", SEVEN_YEARS_AGO);
        assertThat(everything(caseId)).contains(PERSONAL);

        assertThat(purge.run()).isEqualTo(new RetentionPurge.Run(1, 0));

        assertThat(everything(caseId)).doesNotContain(PERSONAL).doesNotContain("bytes3");
        Map<String, Object> kept = db.jdbc.sql("select * from case_file where id = ?").param(caseId).query()
                .singleRow();
        assertThat(kept).containsEntry("reference", "HRT-2019-000001").containsEntry("case_class", "complaint")
                .containsEntry("status", "closed").containsEntry("vulnerability", true)
                .containsEntry("representative_role", "family");
        assertThat(kept.get("acknowledge_by")).isNotNull();
        assertThat(db.jdbc.sql("select type from case_event where case_id = ? order by id").param(caseId)
                .query(String.class).list()).containsExactly("received", RetentionPurge.EVENT);
        assertThat(db.jdbc.sql("select body from inbound_message where case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo(RetentionPurge.REMOVED);
        assertThat(meters.counter("hearth.retention.purged", "what", "case").count()).isEqualTo(1);
    }

    @Test
    void openOrRecentCasesAreLeftAloneAndAPurgedCaseIsNotPurgedAgain() {
        long open = db.caseWithMessages("HRT-2019-000002", "open", SEVEN_YEARS_AGO);
        long recent = db.caseWithMessages("HRT-2021-000003", "closed", FIVE_YEARS_AGO);
        db.caseWithMessages("HRT-2019-000004", "closed", SEVEN_YEARS_AGO);

        assertThat(purge.run().cases()).isEqualTo(1);
        assertThat(purge.run().cases()).isZero();

        assertThat(everything(open)).contains(PERSONAL);
        assertThat(everything(recent)).contains(PERSONAL);
    }

    @Test
    void oldMessagesThatNeverBecameACaseAreDeleted() {
        db.inbound("stray-old", null, SEVEN_YEARS_AGO);
        db.inbound("stray-recent", null, FIVE_YEARS_AGO);

        assertThat(purge.run().strayMessages()).isEqualTo(1);

        assertThat(db.jdbc.sql("select external_id from inbound_message").query(String.class).list())
                .containsExactly("stray-recent");
    }

    @Test
    void thePeriodReadsAsStaffWouldSayIt() {
        assertThat(RetentionPurge.describe(Period.ofYears(6))).isEqualTo("6 years");
        assertThat(RetentionPurge.describe(Period.of(1, 6, 0))).isEqualTo("1 year 6 months");
        assertThat(RetentionPurge.describe(Period.ofDays(30))).isEqualTo("30 days");
    }
}
