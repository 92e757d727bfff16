package uk.hearth.channel.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import uk.hearth.message.ChannelId;
import uk.hearth.web.ContactForm;
import uk.hearth.web.ContactFormSubmission;

/** The resident's "Tell us" form: plain HTML that works without JavaScript, in English and Welsh. */
@Controller
class ResidentFormController {
    private static final ContactFormSubmission.Channel WEB_FORM =
            new ContactFormSubmission.Channel(ChannelId.WEB, false, "resident/form", "resident/sent");

    private final ContactFormSubmission submission;

    ResidentFormController(ContactFormSubmission submission) {
        this.submission = submission;
    }

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("form", new ContactForm());
        return WEB_FORM.formView();
    }

    @PostMapping("/forms/resident")
    String submit(@ModelAttribute("form") ContactForm form, BindingResult errors, Model model, Locale locale,
                  HttpServletResponse response) {
        return submission.submit(WEB_FORM, "", form, errors, model, locale, response);
    }
}
