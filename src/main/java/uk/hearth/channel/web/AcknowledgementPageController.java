package uk.hearth.channel.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.hearth.infrastructure.persistence.CaseQueries;

/**
 * The whole acknowledgement behind a short one: an SMS or a message carries {@code /a/<token>}, and the resident
 * reads here everything the Code asks an acknowledgement to say. The token is the only key (96 random bits); an
 * unknown one answers 404 and says nothing about whether any case exists.
 */
@Controller
class AcknowledgementPageController {
    private final CaseQueries queries;

    AcknowledgementPageController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/a/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<CaseQueries.FullAcknowledgement> found = token.matches("[A-Za-z0-9_-]{16,64}")
                ? queries.fullAcknowledgement(token) : Optional.empty();
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "resident/acknowledgement-missing";
        }
        model.addAttribute("subject", found.get().subject());
        model.addAttribute("body", found.get().body());
        model.addAttribute("language", found.get().language());
        return "resident/acknowledgement";
    }
}
