package uk.hearth.web.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.hearth.infrastructure.persistence.JdbcTenancies;

/**
 * Staff or an integration import the tenancy register as CSV or JSON. Every row is checked first; if any is
 * rejected nothing is imported and the answer lists each rejected row and why ({@code 422}).
 */
@RestController
class TenanciesController {
    private final JdbcTenancies tenancies;

    TenanciesController(JdbcTenancies tenancies) {
        this.tenancies = tenancies;
    }

    @PostMapping(path = "/api/v1/tenancies", consumes = "text/csv")
    ResponseEntity<Map<String, Object>> importCsv(@RequestBody String csv,
                                                  @RequestParam(defaultValue = "false") boolean dryRun) {
        return apply(TenancyImport.fromCsv(csv), dryRun);
    }

    @PostMapping(path = "/api/v1/tenancies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> importJson(@RequestBody Rows body,
                                                   @RequestParam(defaultValue = "false") boolean dryRun) {
        if (body == null || body.tenancies() == null) {
            throw new IllegalArgumentException("expected {\"tenancies\": [{\"reference\": ..., \"name\": ..., "
                    + "\"address\": ...}, ...]}");
        }
        return apply(TenancyImport.check(body.tenancies()), dryRun);
    }

    /** {@code {"tenancies": [{"reference": "T-1", "name": "...", "address": "...", "preferred_contact": "sms"}]}} */
    record Rows(List<Map<String, String>> tenancies) {
    }

    private ResponseEntity<Map<String, Object>> apply(TenancyImport.Result result, boolean dryRun) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rows", result.accepted().size() + result.rejected().size());
        report.put("rejected", result.rejected());
        if (!result.clean()) {
            report.put("imported", 0);
            report.put("detail", result.rejected().size() + " row(s) rejected: nothing was imported");
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(report);
        }
        if (!dryRun) {
            tenancies.importAll(result.accepted());
        }
        report.put("imported", dryRun ? 0 : result.accepted().size());
        report.put("detail", dryRun ? "every row is valid; nothing imported (dry run)"
                : result.accepted().size() + " tenancies imported");
        return ResponseEntity.ok(report);
    }
}
