package uk.hearth.infrastructure.ack;

import com.samskivert.mustache.Template;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.config.HearthProperties;
import uk.hearth.message.ChannelId;

/**
 * Acknowledgements from Mustache text templates under {@code <templates-dir>/acknowledgement/}, named
 * {@code <channel>_<language>.txt} with {@code default_<language>.txt} as the fallback, so a landlord
 * changes wording without a release (an edit is picked up within a minute). A first line
 * {@code Subject: ...} becomes the subject. {@code <templates-dir>/<policy>/acknowledgement/} overrides any template
 * or any part ({@code parts/*.txt}, included with {@code {{> parts/name}}}) for the landlord whose policy is in use.
 */
@Component
class TemplateAcknowledgements implements Acknowledgements {
    private static final Duration RECHECK = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Locale WELSH = Locale.forLanguageTag("cy-GB");
    private static final String DATE = "EEEE d MMMM yyyy";

    private final TextTemplates templates;
    private final ZoneId zone;
    private final String publicBaseUrl;
    /** Made once, not for every acknowledgement: English and Welsh dates, and times in the landlord's zone. */
    private final Map<Locale, DateTimeFormatter> dates;
    private final Map<Locale, DateTimeFormatter> dateTimes;

    TemplateAcknowledgements(HearthProperties properties, Clock clock) {
        this.templates = new TextTemplates(List.of(
                properties.templatesDir().resolve(properties.policy()).resolve("acknowledgement"),
                properties.templatesDir().resolve("acknowledgement")), RECHECK, clock);
        this.zone = properties.calendar().zone();
        this.publicBaseUrl = properties.publicBaseUrl();
        this.dates = Map.of(Locale.UK, DateTimeFormatter.ofPattern(DATE, Locale.UK),
                WELSH, DateTimeFormatter.ofPattern(DATE, WELSH));
        this.dateTimes = Map.of(Locale.UK, DateTimeFormatter.ofPattern(DATE + ", HH:mm", Locale.UK).withZone(zone),
                WELSH, DateTimeFormatter.ofPattern(DATE + ", HH:mm", WELSH).withZone(zone));
        if (templates.find("default_en.txt").isEmpty()) {
            throw new IllegalStateException("acknowledgement templates not found: expected "
                    + templates.directory().resolve("default_en.txt").toAbsolutePath() + " (setting hearth.templates-dir)");
        }
        // Every template and the parts it includes are read now, so a missing part fails the start, not a resident.
        templates.names().forEach(templates::find);
    }

    @Override
    public Written write(AcknowledgementFacts facts) {
        String own = facts.channel().value() + "_" + facts.language() + ".txt";
        String fallback = "default_" + facts.language() + ".txt";
        Map<String, Object> variables = variables(facts);
        Template whole = templates.find(fallback)
                .or(() -> templates.find("default_en.txt"))
                .orElseThrow(() -> new IllegalStateException("no acknowledgement template for " + fallback));
        Optional<Template> ownForm = templates.find(own);
        if (ownForm.isEmpty() || facts.channel().equals(ChannelId.EMAIL)) {
            // An email carries the whole text, in the channel's own wording when it has one.
            return Subjects.split(ownForm.orElse(whole).execute(variables));
        }
        // A channel with a form of its own (SMS, messaging) gets the short text, linking to the whole of it.
        String token = token();
        variables.put("fullTextUrl", publicBaseUrl + "/a/" + token);
        Written full = Subjects.split(whole.execute(variables));
        Written brief = Subjects.split(ownForm.get().execute(variables));
        return new Written(brief.subject(), brief.body(), new Acknowledgements.Full(token, full.subject(), full.body()));
    }

    /** 96 random bits in 16 URL-safe characters (short enough for an SMS): the only key to the page. */
    private static String token() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Locale locale(AcknowledgementFacts facts) {
        return "cy".equals(facts.language()) ? WELSH : Locale.UK;
    }

    private Map<String, Object> variables(AcknowledgementFacts facts) {
        DateTimeFormatter date = dates.get(locale(facts));
        DateTimeFormatter dateTime = dateTimes.get(locale(facts));
        CaseClass caseClass = facts.caseClass();
        Map<String, Object> v = new HashMap<>();
        v.put("reference", facts.reference().value());
        v.put("caseClass", caseClass.wireName());
        v.put("isComplaint", caseClass == CaseClass.COMPLAINT);
        v.put("isEscalation", caseClass == CaseClass.ESCALATION);
        v.put("isServiceRequest", caseClass == CaseClass.SERVICE_REQUEST);
        v.put("isCompliment", caseClass == CaseClass.COMPLIMENT);
        v.put("isEnquiry", caseClass == CaseClass.ENQUIRY);
        v.put("complaint", caseClass.isComplaint());
        v.put("stage", facts.stage());
        v.put("name", facts.recipientName());
        v.put("understanding", facts.understanding());
        v.put("acknowledgeBy", date.format(facts.deadlines().acknowledgeBy()));
        v.put("respondBy", facts.deadlines().respondBy() == null ? null : date.format(facts.deadlines().respondBy()));
        v.put("makeSafeBy", facts.deadlines().makeSafeBy() == null ? null
                : dateTime.format(facts.deadlines().makeSafeBy()));
        v.put("hazard", facts.hazard());
        v.put("awaitingConsent", facts.writtenForSomeoneElse());
        v.put("needsClarification", facts.needsClarification());
        v.put("landlord", facts.profile().landlordName());
        var contact = facts.profile().landlordContact();
        v.put("contact", Map.of("phone", nz(contact.phone()), "email", nz(contact.email()),
                "website", nz(contact.website())));
        var ombudsman = facts.profile().ombudsman();
        v.put("ombudsman", Map.of("name", nz(ombudsman.name()), "phone", nz(ombudsman.phone()),
                "website", nz(ombudsman.website()), "address", nz(ombudsman.address())));
        v.put("formUrl", publicBaseUrl + "/");
        v.put("concern", facts.admission().concernResolveBy() != null);
        v.put("concernResolveBy", facts.admission().concernResolveBy() == null ? null
                : date.format(facts.admission().concernResolveBy()));
        v.put("excluded", facts.admission().exclusion() != null);
        v.put("exclusion", facts.admission().exclusion());
        v.put("exclusionRule", facts.admission().exclusionRule() == null ? Map.of()
                : Map.of(facts.admission().exclusionRule(), true));
        v.put("concernWorkingDays", facts.profile().accepting().concernWorkingDays());
        v.put("mayBeTooOld", facts.mayBeTooOld());
        v.put("timeLimitMonths", facts.profile().accepting().timeLimitMonths());
        Map<String, Object> kinds = new HashMap<>();
        facts.hazardKinds().forEach(kind -> kinds.put(kind, true));
        v.put("hazardKind", kinds);
        v.put("investigateBy", facts.deadlines().investigateBy() == null ? null
                : date.format(facts.deadlines().investigateBy()));
        v.put("surveyRemark", facts.surveyRemark());
        v.put("waysToReach", waysToReach(facts.profile(), facts.language()));
        return v;
    }

    /** The ways the policy offers, as a resident reads them: "phone (0100 000 0000), email (...), letter or in person". */
    static String waysToReach(PolicyProfile profile, String language) {
        boolean welsh = "cy".equals(language);
        var contact = profile.landlordContact();
        List<String> ways = new ArrayList<>();
        for (String channel : profile.accepting().channels()) {
            String way = switch (channel) {
                case "phone" -> (welsh ? "ffôn" : "phone") + detail(contact.phone());
                case "email" -> (welsh ? "e-bost" : "email") + detail(contact.email());
                case "web" -> welsh ? "ein gwefan" : "our website";
                case "letter" -> welsh ? "llythyr" : "letter";
                case "in_person" -> welsh ? "wyneb yn wyneb" : "in person";
                case "sms" -> welsh ? "neges destun" : "text message";
                case "whatsapp" -> "WhatsApp";
                case "messenger" -> "Facebook Messenger";
                case "instagram" -> "Instagram";
                default -> channel.replace('_', ' ');
            };
            if (!ways.contains(way)) {
                ways.add(way);
            }
        }
        if (ways.size() < 2) {
            return String.join("", ways);
        }
        return String.join(", ", ways.subList(0, ways.size() - 1)) + (welsh ? " neu " : " or ") + ways.get(ways.size() - 1);
    }

    private static String detail(String value) {
        return value == null || value.isBlank() ? "" : " (" + value + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
