package uk.hearth.channel.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The whole acknowledgement behind a short one: an SMS or a message carries {@code /a/<token>}, and the resident
 * reads here everything the Code asks an acknowledgement to say. The token is the only key (128 random bits); an
 * unknown one answers 404 and says nothing about whether any case exists.
 */
@Controller
class AcknowledgementPageController {
    private final JdbcClient jdbc;

    AcknowledgementPageController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/a/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Map<String, Object>> found = token.matches("[A-Za-z0-9_-]{16,64}")
                ? jdbc.sql("select subject, body, language from acknowledgement_text where token = ?")
                        .param(token).query().listOfRows().stream().findFirst()
                : Optional.empty();
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "resident/acknowledgement-missing";
        }
        model.addAttribute("subject", found.get().get("subject"));
        model.addAttribute("body", found.get().get("body"));
        model.addAttribute("language", found.get().get("language"));
        return "resident/acknowledgement";
    }
}
