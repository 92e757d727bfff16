package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One warning as staff read it. It names the case by reference and says which deadline; nothing about the
 * resident, because a webhook often lands in a shared chat channel.
 */
record StaffAlert(long id, String channel, int attempts, long caseId, String reference, String caseClass, int stage,
                  DeadlineKind kind, Instant dueAt, WarningLevel level) {
    String due(ZoneId zone) {
        return kind.shown(dueAt, zone);
    }

    String subject(ZoneId zone) {
        return reference + ": " + kind.label() + (level == WarningLevel.LAPSED ? " deadline passed (was due "
                : " due soon (by ") + due(zone) + ")";
    }

    String text(ZoneId zone, String caseUrl) {
        String what = "Case " + reference + " (" + caseClass.replace('_', ' ') + ", stage " + stage + "): ";
        String when = level == WarningLevel.LAPSED
                ? "the " + kind.label() + " deadline has passed. It was due " + due(zone) + " and is not done yet."
                : "the " + kind.label() + " is due by " + due(zone) + " and is not done yet.";
        return what + when + "\n\nThe case: " + caseUrl + "\n";
    }

    /** The webhook's JSON body; {@code text} makes it readable in chat tools that take incoming webhooks. */
    Map<String, Object> json(ZoneId zone, String caseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "sla." + level.wireName());
        json.put("reference", reference);
        json.put("caseClass", caseClass);
        json.put("stage", stage);
        json.put("deadline", kind.wireName());
        json.put("dueAt", dueAt.toString());
        json.put("level", level.wireName());
        json.put("url", caseUrl);
        json.put("text", subject(zone));
        return json;
    }
}
