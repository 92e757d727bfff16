package uk.hearth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.message.ChannelId;

/**
 * What every contact form does on submit: check the fields and show the form again with errors
 * beside them (400), or hand the message to the intake and show the confirmation.
 */
@Component
public class ContactFormSubmission {
    private final IntakeService intake;
    private final Clock clock;

    ContactFormSubmission(IntakeService intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /** The form as a channel sees it: which channel, who handed it over, whether staff fields apply. */
    public record Channel(ChannelId id, boolean staff, String formView, String confirmationView) {
    }

    public String submit(Channel channel, String source, ContactForm form, BindingResult errors, Model model,
                         Locale locale, HttpServletResponse response) {
        form.validate(errors, channel.staff());
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return channel.formView();
        }
        IntakeService.Received received = intake.receive(
                form.toMessage(channel.id(), source, FormOutcome.language(locale), clock.instant()));
        model.addAttribute("outcome", FormOutcome.of(received));
        return channel.confirmationView();
    }
}
