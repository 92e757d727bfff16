package uk.hearth.channel.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.message.ChannelId;
import uk.hearth.web.ContactForm;
import uk.hearth.web.FormOutcome;

/**
 * A housing officer records a complaint made in person, by phone or by letter. It goes through the
 * same pipeline as every channel; the source is the officer's username, kept on the audit trail.
 */
@Controller
class StaffContactController {
    private final IntakeService intake;
    private final Clock clock;

    StaffContactController(IntakeService intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @GetMapping("/staff/forward")
    String form(Model model) {
        model.addAttribute("form", new ContactForm());
        return "staff/forward";
    }

    @PostMapping(path = "/api/v1/staff/contacts", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String record(@ModelAttribute("form") ContactForm form, BindingResult errors, Model model, Locale locale,
                  Principal staff, HttpServletResponse response) {
        form.validate(errors, true);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "staff/forward";
        }
        IntakeService.Received received = intake.receive(
                form.toMessage(ChannelId.STAFF, staff.getName(), FormOutcome.language(locale), clock.instant()));
        model.addAttribute("outcome", FormOutcome.of(received));
        return "staff/recorded";
    }
}
