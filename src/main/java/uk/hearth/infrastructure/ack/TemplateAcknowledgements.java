package uk.hearth.infrastructure.ack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.config.HearthProperties;

/**
 * Acknowledgements from text templates under {@code <templates-dir>/acknowledgement/}, named
 * {@code <channel>_<language>.txt} with {@code default_<language>.txt} as the fallback, so a landlord
 * changes wording without a release (templates are re-read within a minute of an edit). A first line
 * {@code Subject: ...} becomes the subject.
 */
@Component
class TemplateAcknowledgements implements Acknowledgements {
    private static final String SUBJECT = "Subject:";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Path directory;
    private final ZoneId zone;
    private final String publicBaseUrl;

    TemplateAcknowledgements(HearthProperties properties) {
        this.directory = properties.templatesDir().resolve("acknowledgement");
        this.zone = properties.calendar().zone();
        this.publicBaseUrl = properties.publicBaseUrl();
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(directory.toAbsolutePath() + "/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheTTLMs(60_000L);
        engine.setTemplateResolver(resolver);
        if (!Files.isRegularFile(directory.resolve("default_en.txt"))) {
            throw new IllegalStateException("acknowledgement templates not found: expected "
                    + directory.resolve("default_en.txt").toAbsolutePath() + " (setting hearth.templates-dir)");
        }
    }

    @Override
    public Written write(AcknowledgementFacts facts) {
        String rendered = engine.process(templateFor(facts), new Context(locale(facts), variables(facts)));
        // Optional blocks leave blank lines behind; keep at most one between paragraphs.
        String text = rendered.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        if (text.startsWith(SUBJECT)) {
            int end = text.indexOf('\n');
            String subject = text.substring(SUBJECT.length(), end < 0 ? text.length() : end).strip();
            return new Written(subject, end < 0 ? "" : text.substring(end + 1).strip() + "\n");
        }
        return new Written(null, text + "\n");
    }

    private String templateFor(AcknowledgementFacts facts) {
        String own = facts.channel().value() + "_" + facts.language() + ".txt";
        if (Files.isRegularFile(directory.resolve(own))) {
            return own;
        }
        String fallback = "default_" + facts.language() + ".txt";
        return Files.isRegularFile(directory.resolve(fallback)) ? fallback : "default_en.txt";
    }

    private static Locale locale(AcknowledgementFacts facts) {
        return "cy".equals(facts.language()) ? Locale.forLanguageTag("cy-GB") : Locale.UK;
    }

    private Map<String, Object> variables(AcknowledgementFacts facts) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale(facts));
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale(facts))
                .withZone(zone);
        Map<String, Object> v = new HashMap<>();
        v.put("reference", facts.reference().value());
        v.put("caseClass", facts.caseClass().wireName());
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
        v.put("complaint", facts.caseClass().isComplaint());
        v.put("landlord", facts.profile().landlordName());
        v.put("contact", facts.profile().landlordContact());
        v.put("ombudsman", facts.profile().ombudsman());
        v.put("formUrl", publicBaseUrl + "/");
        return v;
    }
}
