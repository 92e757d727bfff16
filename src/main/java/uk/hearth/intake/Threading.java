package uk.hearth.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.Cases;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;

/**
 * Finds the case a message belongs to, in this order: it answers a message of a case (thread headers); it
 * quotes the reference of an open case with the same contact; or, on a conversational channel, the same
 * contact wrote there within the channel's conversation window while the case was open. A reference quoted by
 * someone else never joins their mail to that case: it is left for staff to check.
 */
final class Threading {
    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Z]{2,5}-\\d{4}-\\d{6,})\\b");

    private final Cases cases;
    private final Map<ChannelId, Duration> conversationWindows;

    Threading(Cases cases, Map<ChannelId, Duration> conversationWindows) {
        this.cases = cases;
        this.conversationWindows = Map.copyOf(conversationWindows);
    }

    /**
     * @param joined    the case the message continues, if any
     * @param how       how it was matched, for the audit trail
     * @param related   a case the message refers to without joining it (closed, or another contact's)
     * @param attention why staff should look, when a quoted reference belongs to someone else
     */
    record Match(Optional<CaseFile> joined, String how, CaseFile related, String attention) {
        static Match none() {
            return new Match(Optional.empty(), null, null, null);
        }
    }

    Match find(InboundMessage message) {
        if (!message.inReplyTo().isEmpty()) {
            Optional<CaseFile> threaded = cases.holdingMessage(message.inReplyTo()).flatMap(cases::find);
            if (threaded.isPresent()) {
                return new Match(threaded, "in the thread of " + threaded.get().reference(), null, null);
            }
        }
        CaseFile related = null;
        String attention = null;
        for (CaseReference reference : quotedReferences(message)) {
            Optional<CaseFile> quoted = cases.find(reference);
            if (quoted.isEmpty()) {
                continue;
            }
            CaseFile c = quoted.get();
            if (!c.isWith(message.sender())) {
                attention = "quotes reference " + reference + ", which belongs to a case with another contact:"
                        + " check who is writing before linking them";
            } else if (c.isOpen()) {
                return new Match(quoted, "quotes reference " + reference, null, null);
            } else if (related == null) {
                related = c;
            }
        }
        if (related == null && attention == null) {
            Duration window = conversationWindows.get(message.channel());
            if (window != null && !message.sender().isAnonymous()) {
                Instant since = message.receivedAt().minus(window);
                Optional<CaseFile> open = cases.latestOpen(message.channel(), message.sender(), since);
                if (open.isPresent()) {
                    return new Match(open, "the same contact wrote on " + message.channel() + " within "
                            + window.toHours() + " hours", null, null);
                }
            }
        }
        return new Match(Optional.empty(), null, related, attention);
    }

    static List<CaseReference> quotedReferences(InboundMessage message) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : new String[] {message.subject(), message.text()}) {
            if (text == null || text.indexOf('-') < 0) {
                continue;
            }
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        List<CaseReference> references = new ArrayList<>();
        found.forEach(value -> references.add(new CaseReference(value)));
        return references;
    }
}
