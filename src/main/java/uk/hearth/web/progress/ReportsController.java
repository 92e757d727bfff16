package uk.hearth.web.progress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.infrastructure.persistence.ComplianceReport;

/** {@code GET /api/v1/reports/code-compliance?from=2026-04-01&to=2027-03-31}: the self-assessment's figures. */
@RestController
class ReportsController {
    private final ComplianceReport report;

    ReportsController(ComplianceReport report) {
        this.report = report;
    }

    @GetMapping("/api/v1/reports/code-compliance")
    Map<String, Object> codeCompliance(@RequestParam String from, @RequestParam String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        return report.between(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2026-04-01");
        }
    }
}
