package uk.hearth.web.consent;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.infrastructure.PhoneNumbers;
import uk.hearth.infrastructure.persistence.JdbcConsents;
import uk.hearth.intake.ConsentAnswers;
import uk.hearth.intake.consent.ConsentRecord;

/**
 * The consent registry for staff: record a tenant's consent (or a recognised representative's authority), see a
 * tenancy's consents, withdraw one. Recording releases the cases it covers; withdrawing stops disclosure at once.
 */
@RestController
class ConsentsController {
    /** Bury 8.3: who may act where the tenant cannot consent. */
    private static final Set<String> RECOGNISED = Set.of("solicitor", "advocate", "support_worker", "family");

    private final ConsentAnswers answers;
    private final JdbcConsents consents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentsController(ConsentAnswers answers, JdbcConsents consents, TransactionTemplate transactions, Clock clock) {
        this.answers = answers;
        this.consents = consents;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/api/v1/consents")
    ResponseEntity<Map<String, Object>> record(@Valid @RequestBody ConsentRequest r, Principal staff) {
        ConsentRecord.Form form = ConsentRecord.Form.valueOf(r.form().toUpperCase(Locale.ROOT));
        String role = r.representative().role();
        if (form == ConsentRecord.Form.AUTHORITY && (r.authorityBasis() == null || r.authorityBasis().isBlank())) {
            throw new IllegalArgumentException("authority needs authorityBasis: what gives the representative authority"
                    + " (a lasting power of attorney, an appointed advocate, ...)");
        }
        if (form == ConsentRecord.Form.AUTHORITY && !RECOGNISED.contains(role)) {
            throw new IllegalArgumentException("authority can be recorded only for a recognised representative: "
                    + String.join(", ", RECOGNISED.stream().sorted().toList()));
        }
        String phone = r.representative().phone() == null ? null : PhoneNumbers.e164(r.representative().phone())
                .orElseThrow(() -> new IllegalArgumentException("representative.phone is not a phone number"));
        String email = blank(r.representative().email()) ? null : r.representative().email().strip();
        if (phone == null && email == null) {
            throw new IllegalArgumentException("the representative needs an email or a phone number, so their messages"
                    + " can be matched to this consent");
        }
        Instant now = clock.instant();
        ConsentRecord consent = new ConsentRecord(0, blank(r.tenant().tenancyReference()) ? null
                : r.tenant().tenancyReference().strip(), r.tenant().name().strip(), r.tenant().address(),
                new ConsentRecord.Representative(r.representative().name().strip(), email, phone, role), form,
                r.evidenceReference(), r.authorityBasis(), staff.getName(), r.scope(),
                r.validFrom() == null ? now : r.validFrom(), r.expiresAt(), null);
        if (consent.expiresAt() != null && !consent.expiresAt().isAfter(consent.validFrom())) {
            throw new IllegalArgumentException("expiresAt must be after validFrom");
        }
        long id = transactions.execute(status -> answers.record(consent));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(consents.find(id).orElseThrow()));
    }

    @PostMapping("/api/v1/consents/{id}/withdraw")
    Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) ConsentRequest.Withdrawal body) {
        List<Long> cases = transactions.execute(status -> answers.withdraw(id, body == null ? null : body.reason()));
        Map<String, Object> view = view(consents.find(id).orElseThrow());
        view.put("casesStopped", cases.size());
        return view;
    }

    @GetMapping("/api/v1/consents")
    Map<String, Object> forTenancy(@RequestParam String tenancyReference) {
        return Map.of("consents", consents.forTenancy(tenancyReference).stream().map(this::view).toList());
    }

    private Map<String, Object> view(ConsentRecord c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("state", c.withdrawnAt() != null ? "withdrawn" : c.validAt(clock.instant()) ? "active"
                : c.validFrom().isAfter(clock.instant()) ? "not_yet_valid" : "expired");
        v.put("tenant", Map.of("tenancyReference", c.tenancyReference() == null ? "" : c.tenancyReference(),
                "name", c.tenantName()));
        v.put("representative", c.representative());
        v.put("form", c.form().wireName());
        v.put("evidenceReference", c.evidenceReference());
        v.put("authorityBasis", c.authorityBasis());
        v.put("recordedBy", c.recordedBy());
        v.put("scope", c.scope());
        v.put("validFrom", c.validFrom());
        v.put("expiresAt", c.expiresAt());
        v.put("withdrawnAt", c.withdrawnAt());
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
