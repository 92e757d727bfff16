package uk.hearth.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.hearth.channel.spi.ChannelTestKit;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/** Twilio's inbound parameters, from chatwoot's test cases (fixtures/twilio) and Twilio's documented fields. */
class TwilioInboundMapperTest {
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final String TOKEN = "twilio-auth-token";
    static final String URL = "https://hearth.example/webhooks/twilio";
    /** The channel as the webhook route runs it: the signature checked, the form read, the message mapped. */
    final ChannelTestKit<TwilioInboundMapper.Post> kit = ChannelTestKit.of(new TwilioSignatureVerifier(TOKEN),
            request -> new TwilioInboundMapper.Post(TwilioForm.parse(request.bodyText()), request.bodyText(), List.of()),
            new TwilioInboundMapper(Map.of(
                    TwilioInboundMapper.SMS, TwilioKeywords.of(null, null),
                    TwilioInboundMapper.WHATSAPP, TwilioKeywords.of(null, null)))).at(NOW);

    static Map<String, JsonNode> chatwoot() throws Exception {
        try (InputStream in = TwilioInboundMapperTest.class.getResourceAsStream(
                "/fixtures/twilio/chatwoot-incoming-message-params.json")) {
            Map<String, JsonNode> cases = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).path("cases").forEach(c -> cases.put(c.path("test").asText(), c));
            return cases;
        }
    }

    static Map<String, String> params(JsonNode params) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return fields;
    }

    static TwilioForm form(JsonNode params) {
        return new TwilioForm(params(params).entrySet().stream()
                .map(e -> new TwilioForm.Field(e.getKey(), e.getValue())).toList());
    }

    /** The parameters posted by Twilio, signed with the account's token. */
    InboundMessage receive(Map<String, String> params) {
        return kit.receive(ChannelTestKit.post(URL, Map.of("Content-Type", "application/x-www-form-urlencoded",
                TwilioSignatureVerifier.HEADER, TwilioTestSigner.signSingle(TOKEN, URL, params)),
                TwilioTestSigner.formBody(params))).message();
    }

    InboundMessage map(String chatwootCase) throws Exception {
        return receive(params(chatwoot().get(chatwootCase).path("params")));
    }

    @Test
    void aTextIsAnSmsKeyedOnItsSidWithNullBytesRemoved() throws Exception {
        InboundMessage m = map("removes null bytes");

        assertThat(m.channel()).isEqualTo(TwilioInboundMapper.SMS);
        assertThat(m.externalId()).isEqualTo("SMxx");
        assertThat(m.text()).isEqualTo("remove null bytes");
        assertThat(m.actionable()).isTrue();
        assertThat(m.raw()).contains("SmsSid=SMxx", "Body=remove");
    }

    @Test
    void aMessageWithoutABodyHasEmptyText() throws Exception {
        assertThat(map("wont throw error when the body is empty").text()).isEmpty();
    }

    @Test
    void mediaAreListedFromTheirNumberedParameters() throws Exception {
        TwilioForm form = form(chatwoot().get("creates a new message with multiple media attachments").path("params"));

        List<TwilioInboundMapper.MediaRef> media = TwilioInboundMapper.media(form);

        assertThat(media).hasSize(2);
        assertThat(media.get(0).contentType()).isEqualTo("image/png");
        assertThat(media.get(0).url()).isEqualTo("https://chatwoot-assets.local/sample.png");
        assertThat(TwilioMedia.isTwilioHost(media.get(0).url())).isFalse();
    }

    @Test
    void aSharedLocationBecomesTheText() throws Exception {
        InboundMessage m = map("creates a message with location attachment");

        assertThat(m.text()).isEqualTo("Shared a location: 12.160894393921, 75.265205383301");
        assertThat(m.details()).containsEntry("location", "12.160894393921, 75.265205383301");
    }

    @Test
    void theProfileNameIsTheSendersNameAndABlankOneIsNone() throws Exception {
        assertThat(map("uses ProfileName as contact name").sender().name()).isEqualTo("John Doe");
        assertThat(map("falls back to formatted phone number when ProfileName is blank").sender().name()).isNull();
    }

    @Test
    void aWhatsAppSenderKeepsItsNumberInE164AndItsWaIdAndProfile() throws Exception {
        InboundMessage m = map("Brazilian number new format (9 included)");

        assertThat(m.channel()).isEqualTo(TwilioInboundMapper.WHATSAPP);
        assertThat(m.sender().phone()).isEqualTo("+5541988887777");
        assertThat(m.sender().handle()).isNull();
        assertThat(m.sender().name()).isEqualTo("João Silva");
        assertThat(m.details()).containsEntry("profile-name", "João Silva");
    }

    @Test
    void aWhatsAppUserWithoutANumberIsKnownByTheirUserId() throws Exception {
        InboundMessage m = map("WhatsApp BSUID only: creates a contact and conversation without a phone number");

        assertThat(m.sender().phone()).isNull();
        assertThat(m.sender().handle()).isEqualTo("IN.2081978709342942");
    }

    @Test
    void twilioFieldsForAWhatsAppReplyThreadTheMessage() {
        Map<String, String> params = TwilioWebhookClient.whatsApp("SM1", "+447700900123", "Ann", "Thanks");
        params.put("OriginalRepliedMessageSid", "SMours");

        InboundMessage m = receive(params);

        assertThat(m.inReplyTo()).containsExactly("SMours");
        assertThat(m.details()).containsEntry("wa-id", "447700900123").containsEntry("to", "whatsapp:+441619999001");
        assertThat(m.sender().phone()).isEqualTo("+447700900123");
    }

    @Test
    void aWholeMessageStopOrStartIsANoticeAndASentenceWithStopIsNot() {
        TwilioKeywords words = TwilioKeywords.of(null, null);

        assertThat(words.notice(" stop ", null).kind()).isEqualTo(Notice.Kind.OPT_OUT);
        assertThat(words.notice("Unsubscribe.", null).kind()).isEqualTo(Notice.Kind.OPT_OUT);
        assertThat(words.notice("START", null).kind()).isEqualTo(Notice.Kind.OPT_IN);
        assertThat(words.notice("please stop the noise from next door", null)).isNull();
        assertThat(words.notice("HELP", null)).isNull();
        // Twilio's Advanced Opt-Out has already classified the text: its word wins.
        assertThat(words.notice("arret", "STOP").kind()).isEqualTo(Notice.Kind.OPT_OUT);
        assertThat(TwilioKeywords.of(List.of("STOPIO"), List.of()).notice("stop", null)).isNull();
        // However many stops follow the word; and a long text Twilio names a STOP keeps its words in the notice.
        assertThat(words.notice("STOP!!!!!!!!!!!!!!!!!!", null).kind()).isEqualTo(Notice.Kind.OPT_OUT);
        assertThat(words.notice("stop texting me about the survey please", "STOP").detail())
                .contains("STOP TEXTING ME ABOUT THE SURVEY PLEASE");
    }

    @Test
    void formsKeepRepeatedNamesAndDecodeUtf8() {
        TwilioForm form = TwilioForm.parse("Body=Mae%27r+gwres+w%C5%B5an&Digits=1&Digits=2&Empty=");

        assertThat(form.get("Body")).isEqualTo("Mae'r gwres wŵan");
        assertThat(form.byName()).containsEntry("Digits", List.of("1", "2")).containsEntry("Empty", List.of(""));
    }
}
