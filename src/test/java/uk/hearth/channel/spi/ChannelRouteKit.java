package uk.hearth.channel.spi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.StoredInbound;
import uk.hearth.message.InboundMessage;

/**
 * The end-to-end half of the channel test kit: posts a fixture to a channel's route in the running service, and
 * reads back what the core made of it — the canonical message as the inbox keeps it, the case it opened or joined,
 * and the replies the outbox sent back through the channel. What the provider received is for the test's stand-in
 * for the provider (WireMock) to say.
 *
 * <pre>{@code
 * ChannelRouteKit route = new ChannelRouteKit(port, jdbc, inbox);
 * assertThat(route.post("/webhooks/telegram", Map.of(HEADER, SECRET), update).statusCode()).isEqualTo(200);
 * InboundMessage stored = route.stored("telegram", "telegram:77:1");
 * String reference = route.reference("telegram", "telegram:77:1");
 * ChannelRouteKit.Reply ack = route.awaitSent(reference);
 * }</pre>
 */
public final class ChannelRouteKit {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int port;
    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ChannelRouteKit(int port, JdbcClient jdbc, Inbox inbox) {
        this.port = port;
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    /** A reply the outbox handed to the channel, as it recorded it. */
    public record Reply(String channel, String recipient, String subject, String body, String status,
                        String providerId, String deliveryState) {
    }

    /** Posts {@code body} to the route at {@code path}; a {@code Content-Type} header defaults to JSON. */
    public HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the service did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The canonical message as the inbox keeps it; fails when the route stored nothing under this id. */
    public InboundMessage stored(String channel, String externalId) {
        return find(channel, externalId).map(StoredInbound::message).orElseThrow(() -> new AssertionError(
                "nothing stored on " + channel + " as " + externalId));
    }

    /** Whether anything was stored on the channel under the id (a refused post must leave nothing). */
    public boolean isStored(String channel, String externalId) {
        return find(channel, externalId).isPresent();
    }

    /** The case the message opened or joined, once processed (processing may follow the answer). */
    public String reference(String channel, String externalId) {
        await().atMost(WAIT).until(() -> find(channel, externalId).map(StoredInbound::caseId).isPresent());
        long caseId = find(channel, externalId).orElseThrow().caseId();
        return jdbc.sql("select reference from case_file where id = ?").param(caseId).query(String.class).single();
    }

    /** The replies sent on the case so far, oldest first. */
    public List<Reply> replies(String reference) {
        return jdbc.sql("""
                select o.channel, o.recipient, o.subject, o.body, o.status, o.provider_id, o.delivery_state
                from outbound_message o join case_file c on c.id = o.case_id where c.reference = ? order by o.id""")
                .param(reference)
                .query((rs, n) -> new Reply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** The first reply on the case, once the channel has sent it. */
    public Reply awaitSent(String reference) {
        await().atMost(WAIT).until(() -> replies(reference).stream().anyMatch(r -> "SENT".equals(r.status())));
        return replies(reference).stream().filter(r -> "SENT".equals(r.status())).findFirst().orElseThrow();
    }

    private Optional<StoredInbound> find(String channel, String externalId) {
        return jdbc.sql("select id from inbound_message where channel = ? and external_id = ?")
                .params(channel, externalId).query(Long.class).optional().flatMap(inbox::lock);
    }
}
