package uk.hearth.channel.web;

import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
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

/** The resident's "Tell us" form: plain HTML that works without JavaScript, in English and Welsh. */
@Controller
class ResidentFormController {
    private final IntakeService intake;
    private final Clock clock;

    ResidentFormController(IntakeService intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("form", new ContactForm());
        return "resident/form";
    }

    @PostMapping("/forms/resident")
    String submit(@ModelAttribute("form") ContactForm form, BindingResult errors, Model model, Locale locale,
                  jakarta.servlet.http.HttpServletResponse response) {
        form.validate(errors, false);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "resident/form";
        }
        IntakeService.Received received = intake.receive(
                form.toMessage(ChannelId.WEB, "", FormOutcome.language(locale), clock.instant()));
        model.addAttribute("outcome", FormOutcome.of(received));
        return "resident/sent";
    }
}
