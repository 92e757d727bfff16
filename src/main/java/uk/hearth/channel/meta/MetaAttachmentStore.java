package uk.hearth.channel.meta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox's attachment rows for Meta messages whose file is still only a link. A row is settled once it has
 * its bytes or a note saying why it has none; updates only touch unsettled rows, so two nodes fetching the same
 * file at once do no harm.
 */
final class MetaAttachmentStore {
    private static final String PENDING = """
            select a.id, a.url, i.channel from inbound_attachment a join inbound_message i on i.id = a.inbound_id
            where i.channel in ('messenger', 'instagram') and a.content is null and a.note is null and a.url is not null
            """;

    private final JdbcClient jdbc;

    MetaAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(long id, String url, String channel) {
    }

    List<Pending> of(long inboundId) {
        return jdbc.sql(PENDING + " and a.inbound_id = ? order by a.position").param(inboundId)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("url"), rs.getString("channel"))).list();
    }

    /** Rows stored between {@code oldest} and {@code settled}: older ones are given up, newer ones are in hand. */
    List<Pending> due(Instant oldest, Instant settled, int limit) {
        return jdbc.sql(PENDING + " and i.stored_at > ? and i.stored_at < ? order by a.id fetch first "
                        + limit + " rows only")
                .params(ts(oldest), ts(settled))
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("url"), rs.getString("channel"))).list();
    }

    void keep(long id, byte[] content, String contentType) {
        jdbc.sql("""
                update inbound_attachment set content = ?, size_bytes = ?, content_type = coalesce(?, content_type)
                where id = ? and content is null""")
                .params(content, content.length, truncate(contentType, 200), id).update();
    }

    void note(long id, String note) {
        jdbc.sql("update inbound_attachment set note = ? where id = ? and content is null and note is null")
                .params(truncate(note, 500), id).update();
    }

    /** Links never fetched in time (the node was down, Meta kept failing) are marked as such. */
    int giveUp(Instant oldest, String note) {
        return jdbc.sql("""
                update inbound_attachment set note = ? where content is null and note is null and url is not null
                and inbound_id in (select id from inbound_message where channel in ('messenger', 'instagram')
                                   and stored_at <= ?)""")
                .params(truncate(note, 500), ts(oldest)).update();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
