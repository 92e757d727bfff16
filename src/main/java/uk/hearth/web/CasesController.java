package uk.hearth.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.infrastructure.persistence.CaseQueries;

/** Cases for staff (session) and integrators (API key). */
@RestController
class CasesController {
    private static final int MAX_LIMIT = 500;

    private final CaseQueries queries;

    CasesController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/cases/{reference}")
    ResponseEntity<?> one(@PathVariable String reference) {
        return queries.byReference(reference.strip().toUpperCase())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("status", 404, "detail", "No case with reference " + reference)));
    }

    @GetMapping("/api/v1/cases")
    Map<String, List<CaseQueries.CaseView>> list(@RequestParam(name = "class", required = false) String caseClass,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String since,
                                                 @RequestParam(defaultValue = "100") int limit) {
        CaseQueries.Filter filter = new CaseQueries.Filter(
                caseClass == null ? null : CaseClass.fromWireName(caseClass).wireName(),
                status == null ? null : statusOf(status),
                since == null ? null : instantOf(since),
                Math.max(1, Math.min(limit, MAX_LIMIT)));
        return Map.of("cases", queries.list(filter));
    }

    private static String statusOf(String value) {
        try {
            return CaseStatus.fromWireName(value).wireName();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + value + "'; expected open, awaiting_consent or closed");
        }
    }

    /** Accepts an ISO instant ({@code 2026-11-20T18:30:00Z}) or a date ({@code 2026-11-20}, midnight UTC). */
    private static Instant instantOf(String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay().toInstant(
                    java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be a date (2026-11-20) or an instant (2026-11-20T18:30:00Z)");
        }
    }
}
