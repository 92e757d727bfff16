package uk.hearth.channel.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/**
 * Feeds a channel's fixtures through its {@link RequestVerifier} and {@link InboundMapper} the way its route does,
 * and its replies through its {@link ReplyMapper}, so that every channel's test reads the same way:
 *
 * <pre>{@code
 * ChannelTestKit<ProviderRequest> kit = ChannelTestKit.of(channel, channel);
 * InboundMessage m = kit.receive(ChannelTestKit.post(url, Map.of("X-Sig", signature), body)).message();
 * assertThat(kit.receive(ChannelTestKit.post(url, Map.of(), body)).refused()).isTrue();
 * ProviderRequest sent = ChannelTestKit.reply(channel, new OutboundReply(channelId, "u-77", "Subject", "Text"));
 * }</pre>
 *
 * @param <P> the payload the channel's mapper reads (the request itself, parsed JSON, a form, a mail)
 */
public final class ChannelTestKit<P> {
    /** When the fixtures arrive, unless a test says otherwise: a message without a time of its own gets this one. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-18T10:00:00Z");
    /** The outbox id a reply is sent under in these tests. */
    public static final String REPLY_ID = "7";

    /** How the channel's route reads a verified request into the mapper's payload. */
    @FunctionalInterface
    public interface Reader<P> {
        P read(ProviderRequest request) throws Exception;
    }

    private final RequestVerifier verifier;
    private final Reader<P> reader;
    private final InboundMapper<P> mapper;
    private final Instant receivedAt;

    private ChannelTestKit(RequestVerifier verifier, Reader<P> reader, InboundMapper<P> mapper, Instant receivedAt) {
        this.verifier = verifier;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.receivedAt = receivedAt;
    }

    /** A channel whose mapper reads the request itself (a signed JSON webhook). */
    public static ChannelTestKit<ProviderRequest> of(RequestVerifier verifier, InboundMapper<ProviderRequest> mapper) {
        return new ChannelTestKit<>(verifier, request -> request, mapper, RECEIVED_AT);
    }

    /** @param verifier null for a channel that has none (a polled mailbox) */
    public static <P> ChannelTestKit<P> of(RequestVerifier verifier, Reader<P> reader, InboundMapper<P> mapper) {
        return new ChannelTestKit<>(verifier, reader, mapper, RECEIVED_AT);
    }

    /** The same channel, receiving at another time. */
    public ChannelTestKit<P> at(Instant when) {
        return new ChannelTestKit<>(verifier, reader, mapper, when);
    }

    /** A request as the route receives it: verified first, then read and mapped. */
    public Received receive(ProviderRequest request) {
        if (verifier != null && !verifier.verify(request)) {
            return new Received(true, null, List.of());
        }
        P payload;
        try {
            payload = reader.read(request);
        } catch (Exception unreadable) {
            return new Received(false, String.valueOf(unreadable.getMessage()), List.of());
        }
        return map(payload);
    }

    /** A payload the route has already read and verified (a parsed mail, a form): mapped only. */
    public Received map(P payload) {
        try {
            return new Received(false, null, mapper.map(payload, receivedAt));
        } catch (IllegalArgumentException unreadable) {
            return new Received(false, unreadable.getMessage(), List.of());
        }
    }

    /** The reply as the channel would hand it to its provider. */
    public static <R> R reply(ReplyMapper<R> mapper, OutboundReply reply) {
        return mapper.map(reply, REPLY_ID);
    }

    public static ProviderRequest post(String url, Map<String, String> headers, String body) {
        return ProviderRequest.of(url, headers, body);
    }

    /** A test resource's text, such as {@code fixtures/twilio/...}. */
    public static String fixture(String path) {
        String resource = path.startsWith("/") ? path : "/" + path;
        try (InputStream in = ChannelTestKit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What came of a request.
     *
     * @param refused    the verifier refused it (answered 401/403, nothing read)
     * @param unreadable why it could not be read (answered 400), or null
     * @param events     what the mapper made of it
     */
    public record Received(boolean refused, String unreadable, List<InboundEvent> events) {

        /** The one message the request carried; fails, listing what there was, when it carried anything else. */
        public InboundMessage message() {
            List<InboundMessage> messages = messages();
            if (refused || unreadable != null || messages.size() != 1 || events.size() != 1) {
                throw new AssertionError("expected exactly one message, but the request was "
                        + (refused ? "refused" : unreadable != null ? "unreadable: " + unreadable : "mapped to " + events));
            }
            return messages.get(0);
        }

        public List<InboundMessage> messages() {
            return all(InboundEvent.Message.class).stream().map(InboundEvent.Message::message).toList();
        }

        public <E extends InboundEvent> List<E> all(Class<E> kind) {
            return events.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }
}
