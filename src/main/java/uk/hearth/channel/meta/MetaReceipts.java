package uk.hearth.channel.meta;

import uk.hearth.channel.spi.InboundEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.hearth.infrastructure.persistence.JdbcOutbox;

/**
 * Delivery and read receipts for our messages: the case then shows the acknowledgement as delivered or read. A
 * receipt never moves a message back (a late "delivered" after "read" changes nothing). Messenger's read receipts
 * carry only a watermark: everything sent to that resident on that channel up to then was read.
 */
final class MetaReceipts {
    private static final List<String> ORDER = List.of("sent", "delivered", "read");

    private final JdbcClient jdbc;
    private final JdbcOutbox outbox;

    MetaReceipts(JdbcClient jdbc, JdbcOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** @return how many of our messages it moved on */
    int apply(InboundEvent.Receipt receipt) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String mid : receipt.providerIds()) {
            jdbc.sql("select delivery_state from outbound_message where provider_id = ? and status = 'SENT'")
                    .param(mid).query((rs, n) -> rs.getString(1)).list()
                    .forEach(state -> states.put(mid, state));
        }
        if (receipt.upTo() != null) {
            jdbc.sql("""
                    select provider_id, delivery_state from outbound_message
                    where channel = ? and recipient = ? and status = 'SENT' and provider_id is not null and sent_at <= ?""")
                    .params(receipt.channel().value(), receipt.recipient(), MetaAttachmentStore.ts(receipt.upTo()))
                    .query((rs, n) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2)))).list()
                    .forEach(e -> states.putIfAbsent(e.getKey(), e.getValue()));
        }
        List<String> moved = new ArrayList<>();
        states.forEach((mid, state) -> {
            if (ORDER.indexOf(receipt.state()) > ORDER.indexOf(state)) {
                outbox.recordDelivery(mid, receipt.state(), null);
                moved.add(mid);
            }
        });
        return moved.size();
    }
}
