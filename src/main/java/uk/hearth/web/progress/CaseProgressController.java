package uk.hearth.web.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.infrastructure.persistence.CaseQueries;
import uk.hearth.intake.ProgressingCase;

/** Staff progress a complaint: each call answers with the case as it now stands. */
@RestController
class CaseProgressController {
    private final ProgressingCase progressing;
    private final CaseQueries queries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseProgressController(ProgressingCase progressing, CaseQueries queries, TransactionTemplate transactions,
                           Clock clock) {
        this.progressing = progressing;
        this.queries = queries;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Acknowledged(Instant sentAt, @NotBlank @Pattern(regexp = "letter|phone|in_person|email|sms",
            message = "must be letter, phone, in_person, email or sms") String by) {
    }

    record Response(@Min(1) @Max(2) int stage, Instant sentAt,
                    @NotBlank @Pattern(regexp = "upheld|partly_upheld|not_upheld|resolved|withdrawn",
                            message = "must be upheld, partly_upheld, not_upheld, resolved or withdrawn") String outcome) {
    }

    record Extension(@Min(1) @Max(20) int workingDays, @NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code refuse}: null to escalate, or one of the policy's grounds for refusing stage 2. */
    record Escalation(@Size(max = 60) String refuse) {
    }

    record Closing(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/cases/{reference}/acknowledgement")
    Object acknowledged(@PathVariable String reference, @Valid @RequestBody Acknowledged body, Principal staff) {
        return change(reference, () -> progressing.acknowledged(reference,
                body.sentAt() == null ? clock.instant() : body.sentAt(), body.by(), staff.getName()));
    }

    @PostMapping("/api/v1/cases/{reference}/response")
    Object respond(@PathVariable String reference, @Valid @RequestBody Response body, Principal staff) {
        return change(reference, () -> progressing.respond(reference, body.stage(),
                body.sentAt() == null ? clock.instant() : body.sentAt(), body.outcome(), staff.getName()));
    }

    @PostMapping("/api/v1/cases/{reference}/extension")
    Object extend(@PathVariable String reference, @Valid @RequestBody Extension body, Principal staff) {
        return change(reference, () -> progressing.extend(reference, body.workingDays(), body.reason(),
                staff.getName()));
    }

    @PostMapping("/api/v1/cases/{reference}/escalation")
    Object escalate(@PathVariable String reference, @Valid @RequestBody(required = false) Escalation body,
                    Principal staff) {
        String refuse = body == null || body.refuse() == null || body.refuse().isBlank() ? null : body.refuse().strip();
        return change(reference, () -> progressing.escalate(reference, refuse, staff.getName()));
    }

    @PostMapping("/api/v1/cases/{reference}/close")
    Object close(@PathVariable String reference, @Valid @RequestBody Closing body, Principal staff) {
        return change(reference, () -> progressing.close(reference, body.reason(), staff.getName()));
    }

    private Object change(String reference, Runnable change) {
        transactions.executeWithoutResult(status -> change.run());
        return queries.byReference(reference.strip().toUpperCase(java.util.Locale.ROOT))
                .<Object>map(v -> v).orElse(Map.of());
    }
}
