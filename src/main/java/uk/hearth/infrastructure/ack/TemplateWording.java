package uk.hearth.infrastructure.ack;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.Wording;
import uk.hearth.config.HearthProperties;
import uk.hearth.message.ChannelId;

/**
 * Other messages from Mustache templates under {@code <templates-dir>/<kind>/}, named like acknowledgements
 * ({@code <channel>_<language>.txt}, then {@code default_<language>.txt}, then {@code default_en.txt}); the landlord's
 * name, contact details and the form's address are always available to them. {@code <templates-dir>/<policy>/<kind>/}
 * overrides any of them, or any part they include, for the landlord whose policy is in use.
 */
@Component
class TemplateWording implements Wording {
    private final HearthProperties properties;
    private final PolicyProfile profile;
    private final Clock clock;
    private final Map<String, TextTemplates> kinds = new ConcurrentHashMap<>();

    TemplateWording(HearthProperties properties, PolicyProfile profile, Clock clock) {
        this.properties = properties;
        this.profile = profile;
        this.clock = clock;
    }

    @Override
    public Acknowledgements.Written write(String kind, ChannelId channel, String language, Map<String, Object> values) {
        TextTemplates templates = kinds.computeIfAbsent(kind, k -> new TextTemplates(List.of(
                properties.templatesDir().resolve(profile.id()).resolve(k), properties.templatesDir().resolve(k)),
                Duration.ofMinutes(1), clock));
        Map<String, Object> all = new HashMap<>(values);
        all.put("landlord", profile.landlordName());
        all.put("contact", Map.of("phone", nz(profile.landlordContact().phone()),
                "email", nz(profile.landlordContact().email()), "website", nz(profile.landlordContact().website())));
        all.put("formUrl", properties.publicBaseUrl() + "/");
        String name = channel.value() + "_" + language + ".txt";
        String fallback = "default_" + language + ".txt";
        String rendered = templates.find(name)
                .or(() -> templates.find(fallback))
                .or(() -> templates.find("default_en.txt"))
                .orElseThrow(() -> new IllegalStateException("no " + kind + " template in "
                        + templates.directory().toAbsolutePath()))
                .execute(all);
        return Subjects.split(rendered);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
