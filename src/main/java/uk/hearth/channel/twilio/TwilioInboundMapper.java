package uk.hearth.channel.twilio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.InboundMapper;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.Sender;

/**
 * A message Twilio posted (SMS or WhatsApp; a sender starting {@code whatsapp:} is WhatsApp) as a canonical message.
 * The resident's number, in E.164, is the contact: threading and earlier cases match on it across both channels.
 */
final class TwilioInboundMapper implements InboundMapper<TwilioInboundMapper.Post> {
    static final ChannelId SMS = ChannelId.of("sms");
    static final ChannelId WHATSAPP = ChannelId.of("whatsapp");
    static final String WHATSAPP_PREFIX = "whatsapp:";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_MEDIA = 10;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** A picture or file Twilio holds for the message. */
    record MediaRef(int index, String url, String contentType) {
    }

    private final Map<ChannelId, TwilioKeywords> keywords;

    TwilioInboundMapper(Map<ChannelId, TwilioKeywords> keywords) {
        this.keywords = Map.copyOf(keywords);
    }

    static ChannelId channelOf(TwilioForm form) {
        String from = form.get("From");
        return from != null && from.startsWith(WHATSAPP_PREFIX) ? WHATSAPP : SMS;
    }

    /** The id Twilio keeps for the message across its retries; null when the post names none. */
    static String messageSid(TwilioForm form) {
        return form.first("MessageSid", "SmsMessageSid", "SmsSid");
    }

    /** Twilio sends at most ten media with a message, as MediaUrl0..9 with MediaContentType0..9. */
    static List<MediaRef> media(TwilioForm form) {
        List<MediaRef> media = new ArrayList<>();
        for (int i = 0; i < MAX_MEDIA; i++) {
            String url = form.first("MediaUrl" + i);
            if (url != null) {
                media.add(new MediaRef(i, url, form.first("MediaContentType" + i)));
            }
        }
        return media;
    }

    /**
     * A message as Twilio posted it.
     *
     * @param raw         the form body as posted, kept with the message
     * @param attachments the message's media as kept or linked (see {@link TwilioMedia})
     */
    record Post(TwilioForm form, String raw, List<Attachment> attachments) {
        Post {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** @throws IllegalArgumentException when the post carries no MessageSid (or SmsSid): nothing to key it on */
    @Override
    public List<InboundEvent> map(Post post, Instant receivedAt) {
        if (messageSid(post.form()) == null) {
            throw new IllegalArgumentException("No MessageSid");
        }
        return InboundEvent.message(message(post.form(), post.raw(), receivedAt, post.attachments()));
    }

    private InboundMessage message(TwilioForm form, String raw, Instant receivedAt, List<Attachment> attachments) {
        ChannelId channel = channelOf(form);
        String from = strip(form.get("From"));
        String address = from == null ? null : from.startsWith(WHATSAPP_PREFIX)
                ? from.substring(WHATSAPP_PREFIX.length()) : from;
        String phone = e164(address);
        String body = form.get("Body") == null ? "" : form.get("Body").replace("\u0000", "");
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "profile-name", form.first("ProfileName"));
        put(details, "wa-id", form.first("WaId"));
        put(details, "to", form.first("To"));
        put(details, "messaging-service", form.first("MessagingServiceSid"));
        String location = location(form);
        put(details, "location", location);
        String text = body.isBlank() && location != null ? "Shared a location: " + location : body;
        String replied = form.first("OriginalRepliedMessageSid");
        Notice notice = keywords.getOrDefault(channel, TwilioKeywords.DEFAULT)
                .notice(body, form.first("OptOutType"));
        return InboundMessage.builder(channel, messageSid(form), text, receivedAt)
                .sender(new Sender(form.first("ProfileName"), null, phone, phone == null ? address : null))
                .attachments(attachments)
                .inReplyTo(replied == null ? List.of() : List.of(replied))
                .details(details)
                .notice(notice)
                .raw(raw)
                .build();
    }

    /**
     * The number in E.164, or null for a sender that is not a phone number (a WhatsApp business-scoped user id such
     * as {@code IN.2081978709342942}, kept as the sender's handle instead).
     */
    static String e164(String address) {
        if (address == null || !address.startsWith("+")) {
            return null;
        }
        if (E164.matcher(address).matches()) {
            return address; // what Twilio sends: no need to parse it again
        }
        try {
            var number = PHONES.parse(address, "GB");
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : address;
        } catch (NumberParseException e) {
            return address;
        }
    }

    private static String location(TwilioForm form) {
        String latitude = form.first("Latitude");
        String longitude = form.first("Longitude");
        if (latitude == null || longitude == null) {
            return null;
        }
        String label = form.first("Label", "Address");
        return latitude + ", " + longitude + (label == null ? "" : " (" + label + ")");
    }

    private static void put(Map<String, String> details, String label, String value) {
        if (value != null) {
            details.put(label, value);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
