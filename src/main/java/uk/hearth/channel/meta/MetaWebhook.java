package uk.hearth.channel.meta;

import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.ProviderRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.infrastructure.intake.IntakeService;

/**
 * {@code /webhooks/meta}, called by the {@code meta-inbound} route. GET is Meta's subscription handshake. POST is
 * verified over the raw bytes before anything is parsed, then every message in it is committed to the inbox; only
 * then does Meta get its 200 (it retries anything else). 503 when the database cannot take a message: items
 * committed before the failure come back as duplicates on Meta's retry and are not stored twice.
 */
public final class MetaWebhook {
    private static final Logger log = LoggerFactory.getLogger(MetaWebhook.class);
    /** Jackson 2, as Camel uses: this runs in a Camel route, not in Spring MVC. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetaSignatureVerifier verifier;
    private final byte[] verifyToken;
    private final MetaWebhookMapper mapper;
    private final IntakeService intake;
    private final MetaAttachments attachments;
    private final MetaReceipts receipts;
    private final MeterRegistry meters;
    private final Clock clock;

    MetaWebhook(MetaProperties properties, MetaWebhookMapper mapper, IntakeService intake,
                MetaAttachments attachments, MetaReceipts receipts, MeterRegistry meters, Clock clock) {
        this.verifier = new MetaSignatureVerifier(properties.appSecret(), properties.instagramAppSecret());
        this.verifyToken = MetaProperties.present(properties.verifyToken())
                ? properties.verifyToken().strip().getBytes(StandardCharsets.UTF_8) : null;
        this.mapper = mapper;
        this.intake = intake;
        this.attachments = attachments;
        this.receipts = receipts;
        this.meters = meters;
        this.clock = clock;
        if (verifier.configured().isEmpty()) {
            log.warn("Meta webhook not configured (no HEARTH_META_APP_SECRET): every post to /webhooks/meta is refused");
        }
    }

    /** {@code hub.mode=subscribe} with our verify token: answer {@code hub.challenge}; anything else: 403. */
    public void handshake(Exchange exchange) {
        Message in = exchange.getIn();
        String mode = in.getHeader("hub.mode", String.class);
        String token = in.getHeader("hub.verify_token", String.class);
        String challenge = in.getHeader("hub.challenge", String.class);
        boolean tokenMatches = verifyToken != null && token != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && tokenMatches && challenge != null) {
            log.info("Meta webhook subscription confirmed");
            respond(exchange, 200, challenge);
        } else {
            meters.counter("hearth.meta.webhook.refused", "reason", "handshake").increment();
            log.warn("Meta webhook handshake refused (mode {}, verify token {})", mode, verifyToken == null
                    ? "not configured" : token == null ? "missing" : tokenMatches ? "right" : "wrong");
            respond(exchange, 403, "Forbidden");
        }
    }

    public void receive(Exchange exchange) {
        ProviderRequest request = ProviderRequest.from(exchange, MetaSignatureVerifier.HEADER);
        byte[] body = request.body();
        if (!verifier.verify(request)) {
            MetaSignatureVerifier.Result why = verifier.verify(body, request.header(MetaSignatureVerifier.HEADER));
            // A valid signature refused all the same: the Instagram app's secret on a post that is not about Instagram.
            refuse(exchange, why.valid() ? MetaSignatureVerifier.Result.INVALID : why);
            return;
        }
        JsonNode post;
        try {
            post = JSON.readTree(body);
        } catch (IOException e) {
            meters.counter("hearth.meta.webhook.refused", "reason", "unreadable").increment();
            respond(exchange, 400, "Not a JSON webhook event");
            return;
        }
        store(exchange, mapper.map(post, clock.instant()));
    }

    private void store(Exchange exchange, List<InboundEvent> events) {
        List<Long> withFiles = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        try {
            for (InboundEvent event : events) {
                if (event instanceof InboundEvent.Message m) {
                    IntakeService.Received received = intake.receive(m.message());
                    String outcome = received.duplicate() ? "duplicate" : "stored";
                    count(m.message().channel().value(), outcome, "message", tally);
                    if (!received.duplicate() && !m.message().attachments().isEmpty()) {
                        withFiles.add(received.inboundId());
                    }
                } else if (event instanceof InboundEvent.Receipt receipt) {
                    receipts.apply(receipt);
                    count(receipt.channel().value(), "receipt", receipt.state(), tally);
                } else if (event instanceof InboundEvent.Ignored ignored) {
                    count(ignored.channel() == null ? "meta" : ignored.channel().value(), "ignored", ignored.kind(), tally);
                    log.debug("Meta event ignored: {} ({})", ignored.kind(), ignored.reason());
                }
            }
        } catch (DataAccessException | TransactionException e) {
            log.error("Database unavailable; answered Meta 503 so it retries the post: {}", Redaction.mask(e.toString()));
            respond(exchange, 503, "Cannot store messages just now; retry later");
            exchange.getMessage().setHeader("Retry-After", "30");
            return;
        } catch (RuntimeException e) {
            // Handled here so that nothing logs the post itself (page-scoped ids, what residents wrote).
            log.error("Meta webhook post failed; answered 500 so Meta retries it: {}", Redaction.mask(e.toString()));
            respond(exchange, 500, "Could not take the post; retry later");
            return;
        }
        log.debug("Meta webhook post: {}", tally);
        respond(exchange, 200, "EVENT_RECEIVED");
        attachments.fetchSoon(withFiles);
    }

    private void count(String channel, String outcome, String kind, Map<String, Integer> tally) {
        meters.counter("hearth." + channel + ".events", "outcome", outcome, "kind", kind).increment();
        tally.merge(channel + " " + kind + " " + outcome, 1, Integer::sum);
    }

    private void refuse(Exchange exchange, MetaSignatureVerifier.Result signature) {
        meters.counter("hearth.meta.webhook.refused", "reason", signature.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        log.warn("Meta webhook post refused: signature {}", signature);
        boolean unauthenticated = signature == MetaSignatureVerifier.Result.MISSING;
        respond(exchange, unauthenticated ? 401 : 403, unauthenticated ? "Missing X-Hub-Signature-256" : "Forbidden");
    }

    /** Only what we mean to send goes back: no request header or query parameter is echoed. */
    private static void respond(Exchange exchange, int status, String text) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        out.setBody(text);
    }
}
