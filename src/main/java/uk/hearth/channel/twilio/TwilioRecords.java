package uk.hearth.channel.twilio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the Twilio channel reads from the shared tables: the WhatsApp window, and our messages by their SIDs. */
@Repository
class TwilioRecords {
    private final JdbcClient jdbc;

    TwilioRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the resident last wrote to us on WhatsApp: Meta's 24-hour customer-service window runs from then. */
    Optional<Instant> lastWhatsAppFrom(String phone) {
        return jdbc.sql("""
                        select max(received_at) from inbound_message
                        where channel = 'whatsapp' and sender_phone = ?""")
                .param(phone).query(OffsetDateTime.class).list().stream()
                .filter(Objects::nonNull).findFirst().map(OffsetDateTime::toInstant);
    }

    /** The case an outbound message belongs to, for template variables and the audit trail. */
    record Outgoing(long caseId, String reference) {
    }

    Optional<Outgoing> outgoing(long outboundId) {
        return jdbc.sql("""
                        select o.case_id, c.reference from outbound_message o join case_file c on c.id = o.case_id
                        where o.id = ?""")
                .param(outboundId)
                .query((rs, n) -> new Outgoing(rs.getLong("case_id"), rs.getString("reference")))
                .optional();
    }

    /** One of our messages as Twilio knows it (its SID), with what Twilio last told us about its delivery. */
    record Sent(long id, long caseId, String channel, String deliveryState) {
    }

    Optional<Sent> sent(String messageSid) {
        return jdbc.sql("select id, case_id, channel, delivery_state from outbound_message where provider_id = ?")
                .param(messageSid)
                .query((rs, n) -> new Sent(rs.getLong("id"), rs.getLong("case_id"), rs.getString("channel"),
                        rs.getString("delivery_state")))
                .list().stream().findFirst();
    }
}
