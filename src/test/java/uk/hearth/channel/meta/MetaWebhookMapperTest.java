package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.hearth.channel.spi.ChannelTestKit;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Attachment;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/**
 * Every fixture payload, signed as Meta signs it and fed through the channel's verifier and mapper with the channel
 * test kit, becomes the right canonical message, a receipt for one of our messages (no case), or is ignored for a
 * stated reason.
 */
class MetaWebhookMapperTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String SECRET = "meta-app-secret";
    final ChannelTestKit<JsonNode> kit = ChannelTestKit.of(new MetaSignatureVerifier(SECRET, null),
            request -> MetaFixtures.JSON.readTree(request.body()), new MetaWebhookMapper()).at(NOW);

    /** The post as Meta sends it to the webhook: signed with the app secret. */
    List<InboundEvent> receive(JsonNode post) {
        String body = post.toString();
        ChannelTestKit.Received received = kit.receive(ChannelTestKit.post("https://hearth.example/webhooks/meta",
                Map.of(MetaSignatureVerifier.HEADER, MetaSignatureVerifier.sign(body.getBytes(StandardCharsets.UTF_8),
                        SECRET)), body));
        assertThat(received.refused()).isFalse();
        assertThat(received.unreadable()).isNull();
        return received.events();
    }

    static final String GEM = "facebook-messenger-gem/";
    static final String IG = "chatwoot-instagram/";
    static final String MID = "mid.1457764197618:41d102a3e1ae206a38";

    /** What each fixture must become. A fixture missing here fails {@link #everyFixtureHasAnExpectation}. */
    static final Map<String, Consumer<InboundEvent>> EXPECTED = Map.ofEntries(
            Map.entry(GEM + "account_linking__payload.json", ignored("account_linking")),
            Map.entry(GEM + "delivery__payload.json", receipt("delivered", "3", 1458668856253L,
                    "mid.1457764197618:41d102a3e1ae206a38", "mid.1458668856218:ed81099e15d3f4f233")),
            Map.entry(GEM + "message__audio_payload.json", message("messenger", "mid.1457764197618:41d102a3e1ae206a48",
                    "8", "", 1457764197324L, m -> assertFiles(m, "4.ogg|audio|https://www.example.com/4.ogg"))),
            Map.entry(GEM + "message__file_payload.json", message("messenger", "mid.1457764197618:41d102a3e1ae206a39",
                    "5", "", 1457764127624L, m -> assertFiles(m, "3.pdf|file|https://www.example.com/3.pdf"))),
            Map.entry(GEM + "message__location_payload.json", message("messenger", MID, "6", "", 1457764297624L,
                    m -> {
                        Attachment location = m.attachments().get(0);
                        assertThat(location.contentType()).isEqualTo("location");
                        assertThat(location.url()).isNull();
                        assertThat(location.note()).isEqualTo("a shared location: 39.920_770, 40.920_770");
                    })),
            Map.entry(GEM + "message__payload.json", message("messenger", MID, "3", "Hello, bot!", 1457764197627L,
                    m -> {
                        assertFiles(m, "1.jpg|image|https://www.example.com/1.jpg");
                        assertThat(m.details()).containsEntry(MetaMessageMapper.RECIPIENT, "3");
                        assertThat(m.raw()).contains("Hello, bot!");
                    })),
            Map.entry(GEM + "message__video_payload.json", message("messenger", MID, "5", "", 1457764197624L,
                    m -> assertFiles(m, "2.mp4|video|https://www.example.com/2.mp4"))),
            Map.entry(GEM + "message_echo__audio_payload.json", ignored("echo")),
            Map.entry(GEM + "message_echo__file_payload.json", ignored("echo")),
            Map.entry(GEM + "message_echo__location_payload.json", ignored("echo")),
            Map.entry(GEM + "message_echo__payload.json", ignored("echo")),
            Map.entry(GEM + "message_echo__video_payload.json", ignored("echo")),
            Map.entry(GEM + "message_reaction__payload.json", ignored("reaction")),
            Map.entry(GEM + "message_request__payload.json", ignored("message_request")),
            Map.entry(GEM + "optin__payload.json", ignored("optin")),
            Map.entry(GEM + "pass_thread_control__payload.json", ignored("pass_thread_control")),
            Map.entry(GEM + "payment__payload.json", ignored("payment")),
            Map.entry(GEM + "postback__payload.json", ignored("postback")),
            Map.entry(GEM + "postback__payload_L74.json", ignored("postback")),
            Map.entry(GEM + "read__payload.json", receipt("read", "3", 1458668856253L)),
            Map.entry(GEM + "referral__payload.json", ignored("referral")),
            Map.entry(GEM + "server__payload_envelope.json", message("messenger", MID, "2", "Hello, bot!",
                    1457764197627L, m -> assertThat(m.attachments()).isEmpty())),
            Map.entry(GEM + "server__payload_without_messaging.json", ignored("entry")),
            Map.entry(IG + "instagram_message_attachment_event.json", message("instagram", "message-id-1",
                    "Sender-id-1", "", Instant.parse("2021-09-08T06:34:04Z").toEpochMilli(),
                    m -> assertFiles(m, "test.jpeg|share|https://www.example.com/test.jpeg"))),
            Map.entry(IG + "instagram_message_create_event.json", message("instagram", "message-id-1", "Sender-id-1",
                    "This is the first message from the customer", Instant.parse("2021-09-08T06:34:04Z").toEpochMilli(),
                    m -> assertThat(m.details()).doesNotContainKey(MetaMessageMapper.STANDBY))),
            Map.entry(IG + "instagram_message_standby_event.json", message("instagram", "message-id-1", "Sender-id-1",
                    "This is the first standby message from the customer, after 24 hours.",
                    Instant.parse("2021-09-08T06:34:04Z").toEpochMilli(),
                    m -> assertThat(m.details()).containsKey(MetaMessageMapper.STANDBY))),
            Map.entry(IG + "instagram_message_unsend_event.json", e -> {
                InboundMessage m = ((InboundEvent.Message) e).message();
                assertThat(m.externalId()).isEqualTo("message-id-to-delete#deleted");
                assertThat(m.notice().kind()).isEqualTo(Notice.Kind.WITHDRAWN);
                assertThat(m.inReplyTo()).containsExactly("message-id-to-delete");
                assertThat(m.actionable()).isFalse();
                assertThat(m.sender().handle()).isEqualTo("Sender-id-1");
            }),
            Map.entry(IG + "instagram_story_mention_event.json", message("instagram", "message-id-1", "Sender-id-1", "",
                    Instant.parse("2021-09-08T06:34:04Z").toEpochMilli(), m -> {
                        assertFiles(m, "test.jpeg|story_mention|https://www.example.com/test.jpeg");
                        assertThat(m.details()).containsEntry(MetaMessageMapper.STORY, "mentioned us in their story");
                    })),
            Map.entry(IG + "instagram_story_mention_event_with_echo.json", ignored("echo")),
            Map.entry(IG + "instagram_story_reply_event.json", message("instagram", "message-id-1", "Sender-id-1",
                    "This is the story reply", Instant.parse("2021-09-08T06:34:04Z").toEpochMilli(), m -> {
                        assertFiles(m, "sample.png|story|https://chatwoot-assets.local/sample.png");
                        assertThat(m.details()).containsEntry(MetaMessageMapper.STORY, "a reply to our story");
                    })),
            Map.entry(IG + "instagram_test_text_event.json", message("instagram", "random_mid", "12334", "random_text",
                    Instant.parse("2018-05-27T22:23:44Z").toEpochMilli(), m -> { })),
            Map.entry(IG + "messaging_seen_event.json", receipt("read", "Sender-id-1", null, "message-id-1")));

    static List<String> fixtures() {
        return MetaFixtures.payloads();
    }

    @Test
    void everyFixtureHasAnExpectation() {
        assertThat(fixtures()).hasSize(32).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void eachFixtureBecomesTheRightMessageOrIsIgnoredForAReason(String fixture) {
        List<InboundEvent> events = receive(MetaFixtures.post(fixture));

        assertThat(events).hasSize(1);
        EXPECTED.get(fixture).accept(events.get(0));
    }

    @Test
    void aPostSignedWithAnotherSecretIsRefusedBeforeItIsRead() {
        String body = MetaFixtures.post(GEM + "message__payload.json").toString();

        assertThat(kit.receive(ChannelTestKit.post("https://hearth.example/webhooks/meta", Map.of(
                MetaSignatureVerifier.HEADER, MetaSignatureVerifier.sign(body.getBytes(StandardCharsets.UTF_8),
                        "another-secret")), body)).refused()).isTrue();
        assertThat(kit.receive(ChannelTestKit.post("https://hearth.example/webhooks/meta", Map.of(), body)).refused())
                .isTrue();
    }

    @Test
    void aReplyIsTheSendApiRequestFittedToTheChannel() throws Exception {
        MetaChannel instagram = MetaChannel.instagram(MetaChannelTest.properties("page-token", null, "app-secret", null));
        String longText = "word ".repeat(300);

        ProviderRequest request = ChannelTestKit.reply(instagram, new OutboundReply(MetaChannel.INSTAGRAM, "ig-77", null,
                longText));

        JsonNode body = MetaFixtures.JSON.readTree(request.body());
        assertThat(request.url()).endsWith("/me/messages");
        assertThat(body.path("recipient").path("id").asText()).isEqualTo("ig-77");
        assertThat(body.path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asText()).endsWith("…")
                .satisfies(text -> assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000));
        assertThatThrownBy(() -> ChannelTestKit.reply(instagram, new OutboundReply(MetaChannel.INSTAGRAM, " ", null,
                "Hello"))).isInstanceOf(DeliveryRefused.class);
    }

    @Test
    void severalEntriesAndItemsInOnePostAreTakenInOrder() {
        ObjectNode post = MetaFixtures.envelope("page", "1", MetaFixtures.json(GEM + "message__file_payload.json"),
                MetaFixtures.json(GEM + "read__payload.json"), MetaFixtures.json(GEM + "message__audio_payload.json"));
        post.withArray("entry").add(MetaFixtures.post(GEM + "server__payload_envelope.json").path("entry").get(0));

        List<InboundEvent> events = receive(post);

        assertThat(events).hasSize(4);
        assertThat(((InboundEvent.Message) events.get(0)).message().externalId()).endsWith("a39");
        assertThat(events.get(1)).isInstanceOf(InboundEvent.Receipt.class);
        assertThat(((InboundEvent.Message) events.get(2)).message().externalId()).endsWith("a48");
        assertThat(((InboundEvent.Message) events.get(3)).message().text()).isEqualTo("Hello, bot!");
    }

    @Test
    void anObjectThatIsNeitherAPageNorInstagramIsIgnoredWhole() {
        ObjectNode post = MetaFixtures.post(GEM + "server__payload_envelope.json").deepCopy();
        post.put("object", "whatsapp_business_account");

        assertThat(receive(post)).singleElement().isInstanceOfSatisfying(InboundEvent.Ignored.class,
                i -> assertThat(i.reason()).contains("neither"));
    }

    @Test
    void aReplyToAMessageAndAnEditThreadOnTheMessageTheyAnswer() throws Exception {
        ObjectNode reply = (ObjectNode) MetaFixtures.JSON.readTree("""
                {"sender": {"id": "77"}, "recipient": {"id": "1"}, "timestamp": 1764064800000,
                 "message": {"mid": "m_2", "text": "Still no one has come", "reply_to": {"mid": "m_1"}}}""");
        ObjectNode edit = (ObjectNode) MetaFixtures.JSON.readTree("""
                {"sender": {"id": "77"}, "recipient": {"id": "1"}, "timestamp": 1764064900000,
                 "message_edit": {"mid": "m_2", "text": "Still no one has come to fix it", "num_edit": 1}}""");

        List<InboundEvent> events = receive(MetaFixtures.envelope("page", "1", reply, edit));

        InboundMessage answered = ((InboundEvent.Message) events.get(0)).message();
        InboundMessage edited = ((InboundEvent.Message) events.get(1)).message();
        assertThat(answered.inReplyTo()).containsExactly("m_1");
        assertThat(edited.externalId()).isEqualTo("m_2#edit-1");
        assertThat(edited.inReplyTo()).containsExactly("m_2");
        assertThat(edited.text()).isEqualTo("Still no one has come to fix it");
        assertThat(edited.actionable()).isTrue();
    }

    @Test
    void welshIsRecognisedSoTheReplyIsInWelsh() throws Exception {
        ObjectNode item = (ObjectNode) MetaFixtures.JSON.readTree("""
                {"sender": {"id": "78"}, "recipient": {"id": "1"}, "timestamp": 1764064800000,
                 "message": {"mid": "m_cy", "text": "Mae'r to yn gollwng ers wythnos a does neb wedi dod."}}""");

        InboundMessage m = ((InboundEvent.Message) receive(MetaFixtures.envelope("page", "1", item)).get(0)).message();

        assertThat(m.language()).isEqualTo("cy");
    }

    // --- expectations ---------------------------------------------------------------------------------

    static Consumer<InboundEvent> ignored(String kind) {
        return e -> assertThat(e).isInstanceOfSatisfying(InboundEvent.Ignored.class, i -> {
            assertThat(i.kind()).isEqualTo(kind);
            assertThat(i.reason()).isNotBlank();
        });
    }

    static Consumer<InboundEvent> receipt(String state, String resident, Long watermark, String... mids) {
        return e -> assertThat(e).isInstanceOfSatisfying(InboundEvent.Receipt.class, r -> {
            assertThat(r.state()).isEqualTo(state);
            assertThat(r.recipient()).isEqualTo(resident);
            assertThat(r.providerIds()).containsExactly(mids);
            assertThat(r.upTo()).isEqualTo(watermark == null ? null : Instant.ofEpochMilli(watermark));
        });
    }

    static Consumer<InboundEvent> message(String channel, String mid, String sender, String text, long sentAtMillis,
                                       Consumer<InboundMessage> more) {
        return e -> assertThat(e).isInstanceOfSatisfying(InboundEvent.Message.class, found -> {
            InboundMessage m = found.message();
            assertThat(m.channel().value()).isEqualTo(channel);
            assertThat(m.externalId()).isEqualTo(mid);
            assertThat(m.messageId()).isEqualTo(mid);
            assertThat(m.sender().handle()).isEqualTo(sender);
            assertThat(m.sender().email()).isNull();
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochMilli(sentAtMillis));
            assertThat(m.actionable()).isTrue();
            assertThat(m.language()).isEqualTo("en");
            more.accept(m);
        });
    }

    static void assertFiles(InboundMessage m, String... nameTypeUrl) {
        assertThat(m.attachments()).extracting(a -> a.name() + "|" + a.contentType() + "|" + a.url())
                .containsExactly(nameTypeUrl);
        assertThat(m.attachments()).allSatisfy(a -> assertThat(a.content()).isNull());
    }
}
