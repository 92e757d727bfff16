package uk.hearth.channel.api;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.infrastructure.PhoneNumbers;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

/**
 * The generic JSON channel for integrators. The message is stored before we answer; the answer is
 * {@code 202} with the case reference, the same one for a retried {@code externalId} from the same key.
 */
@RestController
class ApiMessagesController {
    private final IntakeService intake;
    private final Clock clock;

    ApiMessagesController(IntakeService intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@Valid @RequestBody ApiMessageRequest request, Principal client) {
        IntakeService.Received received = intake.receive(toMessage(request, client.getName()));
        Map<String, Object> body = new LinkedHashMap<>();
        received.processed().ifPresentOrElse(p -> {
            body.put("reference", p.reference().value());
            body.put("class", p.caseClass().wireName());
            body.put("status", p.status().wireName());
            body.put("outcome", p.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }, () -> {
            // Stored but not yet processed: the recovery job will finish it; the resident is acknowledged then.
            body.put("reference", null);
            body.put("class", null);
            body.put("status", "received");
        });
        body.put("duplicate", received.duplicate());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    private InboundMessage toMessage(ApiMessageRequest r, String keyName) {
        ApiMessageRequest.OnBehalfOf tenant = r.onBehalfOf();
        String madeVia = r.channel() == null || "api".equals(r.channel()) ? null : r.channel();
        Instant received = r.receivedAt() == null ? clock.instant() : r.receivedAt();
        return InboundMessage.builder(ChannelId.API, r.externalId().strip(), r.text(), received)
                .source(keyName)
                .sender(new Sender(blankToNull(r.sender().name()), blankToNull(r.sender().email()),
                        PhoneNumbers.e164(r.sender().phone()).orElse(blankToNull(r.sender().phone()))))
                .onBehalfOf(tenant == null ? null : new OnBehalfOf(tenant.name(), tenant.address(), tenant.relationship(),
                        blankToNull(tenant.tenancyReference())))
                .preferredContact(r.preferredContact() == null ? null : ChannelId.of(r.preferredContact()))
                .subject(r.subject())
                .language(r.language())
                .madeVia(madeVia)
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
