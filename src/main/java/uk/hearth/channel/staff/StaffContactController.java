package uk.hearth.channel.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import uk.hearth.message.ChannelId;
import uk.hearth.web.ContactForm;
import uk.hearth.web.ContactFormSubmission;

/**
 * A housing officer records a complaint made in person, by phone or by letter. It goes through the
 * same pipeline as every channel; the source is the officer's username, kept on the audit trail.
 */
@Controller
class StaffContactController {
    private static final ContactFormSubmission.Channel STAFF_FORM =
            new ContactFormSubmission.Channel(ChannelId.STAFF, true, "staff/forward", "staff/recorded");

    private final ContactFormSubmission submission;

    StaffContactController(ContactFormSubmission submission) {
        this.submission = submission;
    }

    @GetMapping("/staff/forward")
    String form(Model model) {
        model.addAttribute("form", new ContactForm());
        return STAFF_FORM.formView();
    }

    @PostMapping(path = "/api/v1/staff/contacts", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String record(@ModelAttribute("form") ContactForm form, BindingResult errors, Model model, Locale locale,
                  Principal staff, HttpServletResponse response) {
        return submission.submit(STAFF_FORM, staff.getName(), form, errors, model, locale, response);
    }
}
