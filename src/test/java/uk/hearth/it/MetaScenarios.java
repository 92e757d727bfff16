package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.channel.meta.MetaFixtures;
import uk.hearth.channel.spi.ChannelRouteKit;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.intake.Inbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;

/**
 * Messenger and Instagram end to end over real HTTP: Meta's signed webhook in, the case as the case API shows it,
 * and the acknowledgement arriving at a local stand-in for the Graph Send API (WireMock on a free port, through
 * {@code hearth.meta.graph-base-url}). Run once per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:it/common.properties", properties = {
        "hearth.meta.app-secret=" + MetaScenarios.APP_SECRET,
        "hearth.meta.instagram-app-secret=" + MetaScenarios.INSTAGRAM_SECRET,
        "hearth.meta.verify-token=" + MetaScenarios.VERIFY_TOKEN,
        "hearth.meta.page-access-token=" + MetaScenarios.PAGE_TOKEN,
        "hearth.meta.instagram-access-token=" + MetaScenarios.INSTAGRAM_TOKEN,
        "hearth.meta.token-check-interval=300",
        "hearth.meta.attachments.hosts=localhost",
        "hearth.outbox.retry.max-attempts=4"})
@Import(DatabaseOutage.class)
@DirtiesContext
abstract class MetaScenarios {
    static final String APP_SECRET = "test-app-secret";
    static final String INSTAGRAM_SECRET = "test-instagram-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final String PAGE_TOKEN = "test-page-token";
    static final String INSTAGRAM_TOKEN = "test-instagram-token";
    static final String SEND = "/v23.0/me/messages";
    static final ObjectMapper JSON = MetaFixtures.JSON;

    /** Graph API stand-in, shared by the H2 and PostgreSQL runs; it stops with the JVM. */
    static final WireMockServer graph = new WireMockServer(options().dynamicPort());

    static {
        graph.start();
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("hearth.meta.graph-base-url", graph::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Acknowledgements acknowledgements;
    @Autowired
    PolicyProfile profile;
    @Autowired
    Inbox inbox;

    /** The end-to-end half of the channel test kit, on this suite's running service. */
    ChannelRouteKit route() {
        return new ChannelRouteKit(port, jdbc, inbox);
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    Browser browser;

    @BeforeEach
    void stubs() {
        browser = new Browser(port);
        graph.resetAll();
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(10)
                .willReturn(okJson("{\"recipient_id\":\"x\",\"message_id\":\"m_default\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/me")).atPriority(10).willReturn(okJson("{\"id\":\"1\"}")));
    }

    // --- handshake ----------------------------------------------------------------------------------

    @Test
    void theHandshakeAnswersTheChallengeOnlyToOurVerifyToken() throws Exception {
        HttpResponse<String> good = getPath("/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1158201444");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).isEqualTo("1158201444");
        assertThat(good.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(good.headers().map().keySet()).noneMatch(h -> h.startsWith("hub."));

        assertThat(getPath("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode())
                .isEqualTo(403);
        assertThat(getPath("/webhooks/meta?hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1").statusCode()).isEqualTo(403);
        assertThat(getPath("/webhooks/meta").statusCode()).isEqualTo(403);
    }

    // --- signatures ---------------------------------------------------------------------------------

    @Test
    void unsignedOrWronglySignedPostsAreRefusedAndNothingIsStored() throws Exception {
        String mid = "m_" + uuid();
        byte[] body = bytes(messengerPost(psid(), mid, "Someone is trying to forge this", Instant.now()));

        assertThat(postRaw(body, null).statusCode()).isEqualTo(401);
        assertThat(postRaw(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(403);
        assertThat(postRaw(body, sign(body, "not-the-secret")).statusCode()).isEqualTo(403);
        assertThat(postRaw(body, "sha1=0d814d436b45c33ef664a317ff4b8dc2d3d8fe2a").statusCode()).isEqualTo(403);
        assertThat(postRaw(bytes(messengerPost(psid(), mid, "Another body", Instant.now())), sign(body, APP_SECRET))
                .statusCode()).isEqualTo(403);
        // A page event signed with the Instagram-Login app's secret is not the Instagram app's to send.
        assertThat(postRaw(body, sign(body, INSTAGRAM_SECRET)).statusCode()).isEqualTo(403);

        assertThat(storedCount(mid)).isZero();
        assertThat(postRaw(body, sign(body, APP_SECRET)).statusCode()).isEqualTo(200);
        assertThat(storedCount(mid)).isEqualTo(1);
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesIncludingUnescapedWelshAndEmoji() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        String text = "Mae'r to yn gollwng ers wythnos a does neb wedi dod i'w drwsio – mae dŵr ym mhob man 🏠";
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":" + System.currentTimeMillis()
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":"
                + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(postRaw(body, sign(body, APP_SECRET)).statusCode()).isEqualTo(200);

        JsonNode found = caseOf("messenger", mid);
        assertThat(found.path("messages").get(0).path("text").asText()).isEqualTo(text);
        assertThat(found.path("language").asText()).isEqualTo("cy");
        LoggedRequest sent = awaitSendTo(psid).get(0);
        assertThat(JSON.readTree(sent.getBodyAsString()).at("/message/text").asText())
                .contains("Eich cyfeirnod yw " + found.path("reference").asText());
    }

    // --- messages become cases and are acknowledged -------------------------------------------------

    @Test
    void aMessengerMessageOpensACaseAndTheAcknowledgementReachesTheGraphApi() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_ack_" + psid + "\"}")));

        HttpResponse<String> response = postSigned(messengerPost(psid, mid, "The repairs team promised to come on "
                + "Monday and never turned up. This is the third time. I want to make a complaint.", Instant.now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("EVENT_RECEIVED");
        InboundMessage stored = route().stored("messenger", mid);
        assertThat(stored.sender().handle()).isEqualTo(psid);
        assertThat(stored.text()).contains("never turned up");
        assertThat(route().reference("messenger", mid)).isEqualTo(caseOf("messenger", mid).path("reference").asText());
        JsonNode found = caseOf("messenger", mid);
        String reference = found.path("reference").asText();
        assertThat(found.path("class").asText()).isEqualTo("complaint");
        assertThat(found.path("channel").asText()).isEqualTo("messenger");
        assertThat(found.path("contact").path("handle").asText()).isEqualTo(psid);

        LoggedRequest sent = awaitSendTo(psid).get(0);
        JsonNode request = JSON.readTree(sent.getBodyAsString());
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        assertThat(sent.queryParameter("appsecret_proof").firstValue()).matches("[0-9a-f]{64}");
        assertThat(sent.getHeader("hearthRecipient")).isNull();
        assertThat(request.path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(request.at("/recipient/id").asText()).isEqualTo(psid);
        String text = request.at("/message/text").asText();
        assertThat(text).contains("Your reference is " + reference, "a complaint about our service",
                "You will hear from us by", "never turned up", "http");
        assertThat(text.length()).isLessThanOrEqualTo(2000);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                caseJson(reference).path("messages").findValuesAsText("deliveryState")).contains("processed", "sent"));
        assertThat(route().awaitSent(reference).providerId()).isEqualTo("m_ack_" + psid);

        // Meta's receipts make no case, but the case shows the acknowledgement delivered, then read.
        postSigned(MetaFixtures.envelope("page", "1", JSON.readTree("{\"sender\":{\"id\":\"" + psid
                + "\"},\"recipient\":{\"id\":\"1\"},\"delivery\":{\"mids\":[\"m_ack_" + psid + "\"],\"watermark\":"
                + System.currentTimeMillis() + "}}")));
        assertThat(caseJson(reference).path("messages").findValuesAsText("deliveryState")).contains("delivered");
        postSigned(MetaFixtures.envelope("page", "1", JSON.readTree("{\"sender\":{\"id\":\"" + psid
                + "\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":" + System.currentTimeMillis()
                + ",\"read\":{\"watermark\":" + (System.currentTimeMillis() + 1000) + "}}")));
        assertThat(caseJson(reference).path("messages").findValuesAsText("deliveryState")).contains("read");
        assertThat(jdbc.sql("select count(*) from case_file where contact_handle = ?").param(psid)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedPostMakesOneCaseAndOneAcknowledgement() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        ObjectNode post = messengerPost(psid, mid, "Please can someone fix the broken fence panel at the back",
                Instant.now());

        assertThat(postSigned(post).statusCode()).isEqualTo(200);
        assertThat(postSigned(post).statusCode()).isEqualTo(200);

        assertThat(storedCount(mid)).isEqualTo(1);
        awaitSendTo(psid);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> sendsTo(psid).size() == 1);
        assertThat(jdbc.sql("select count(*) from case_file where contact_handle = ?").param(psid)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void severalEntriesAndMessagesInOnePostAndFollowUpsJoinTheOpenCase() throws Exception {
        String ann = psid();
        String bob = psid();
        String first = "m_" + uuid();
        String photo = "m_" + uuid();
        String other = "m_" + uuid();
        String mould = "/cdn/" + uuid() + "/mould.jpg";
        graph.stubFor(get(urlEqualTo(mould)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(new byte[] {(byte) 0xFF, (byte) 0xD8, 1})));
        long now = System.currentTimeMillis();
        ObjectNode post = MetaFixtures.envelope("page", "1",
                item(ann, first, "Black mould is coming back in the bedroom again", now),
                imageItem(ann, photo, graph.baseUrl() + mould, now + 1000),
                JSON.readTree("{\"sender\":{\"id\":\"" + ann + "\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":" + now
                        + ",\"read\":{\"watermark\":" + now + "}}"));
        post.withArray("entry").add(MetaFixtures.envelope("page", "2",
                item(bob, other, "When is the bin collection day for our block?", now)).path("entry").get(0));

        assertThat(postSigned(post).statusCode()).isEqualTo(200);

        JsonNode annCase = caseOf("messenger", first);
        assertThat(caseOf("messenger", photo).path("reference").asText()).isEqualTo(annCase.path("reference").asText());
        assertThat(caseOf("messenger", other).path("reference").asText()).isNotEqualTo(annCase.path("reference").asText());
        JsonNode files = caseJson(annCase.path("reference").asText()).path("messages").findValue("attachments");
        for (JsonNode message : caseJson(annCase.path("reference").asText()).path("messages")) {
            if (!message.path("attachments").isEmpty()) {
                files = message.path("attachments");
            }
        }
        assertThat(files.get(0).path("url").asText()).isEqualTo(graph.baseUrl() + mould);
        assertThat(files.get(0).path("name").asText()).isEqualTo("mould.jpg");
        assertThat(caseJson(annCase.path("reference").asText()).path("events").findValuesAsText("type"))
                .contains("follow_up");

        // A later post from Ann, while her case is open, joins it too; the read receipt made nothing.
        String later = "m_" + uuid();
        postSigned(messengerPost(ann, later, "Is anyone coming about this?", Instant.now()));
        assertThat(caseOf("messenger", later).path("reference").asText()).isEqualTo(annCase.path("reference").asText());
        awaitSendTo(bob);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> sendsTo(ann).size() == 1);
    }

    @Test
    void anInstagramStoryReplyIsACaseItsStoryIsKeptAndTheReplyUsesTheInstagramToken() throws Exception {
        String igsid = psid();
        String mid = "ig_" + uuid();
        String story = "/cdn/" + uuid() + "/story.png";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
        graph.stubFor(get(urlEqualTo(story)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(png)));
        ObjectNode post = MetaFixtures.post("chatwoot-instagram/instagram_story_reply_event.json").deepCopy();
        ObjectNode item = (ObjectNode) post.at("/entry/0/messaging/0");
        item.withObject("/sender").put("id", igsid);
        item.put("timestamp", System.currentTimeMillis());
        ObjectNode message = item.withObject("/message");
        message.put("mid", mid).put("text", "The lift in our block in your story has been broken for two weeks");
        message.withObject("/reply_to").withObject("/story").put("url", graph.baseUrl() + story);

        assertThat(postSignedWith(post, INSTAGRAM_SECRET).statusCode()).isEqualTo(200);

        JsonNode found = caseOf("instagram", mid);
        assertThat(found.path("channel").asText()).isEqualTo("instagram");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select a.size_bytes from inbound_attachment a join inbound_message i on i.id = a.inbound_id
                where i.external_id = ?""").param(mid).query(Long.class).single() == png.length);
        assertThat(jdbc.sql("""
                select a.content from inbound_attachment a join inbound_message i on i.id = a.inbound_id
                where i.external_id = ?""").param(mid).query(byte[].class).single()).isEqualTo(png);
        JsonNode file = caseJson(found.path("reference").asText()).path("messages").get(0).path("attachments").get(0);
        assertThat(file.path("contentType").asText()).isEqualTo("image/png");
        assertThat(file.path("name").asText()).isEqualTo("story.png");

        LoggedRequest sent = awaitSendTo(igsid).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + INSTAGRAM_TOKEN);
        String text = JSON.readTree(sent.getBodyAsString()).at("/message/text").asText();
        assertThat(text).contains(found.path("reference").asText());
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    }

    @Test
    void filesOffMetasHostsOrGoneAreRecordedWithAReason() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        String gone = "/cdn/" + uuid() + "/gone.jpg";
        graph.stubFor(get(urlEqualTo(gone)).willReturn(aResponse().withStatus(404)));
        ObjectNode item = item(psid, mid, "Photos of the damp", System.currentTimeMillis());
        item.withObject("/message").putArray("attachments")
                .add(attachment("image", "https://www.example.com/1.jpg"))
                .add(attachment("image", graph.baseUrl() + gone));

        postSigned(MetaFixtures.envelope("page", "1", item));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from inbound_attachment a join inbound_message i on i.id = a.inbound_id
                where i.external_id = ? and a.note is not null""").param(mid).query(Long.class).single() == 2);
        List<String> notes = jdbc.sql("""
                select a.note from inbound_attachment a join inbound_message i on i.id = a.inbound_id
                where i.external_id = ? order by a.position""").param(mid).query(String.class).list();
        assertThat(notes.get(0)).contains("not on a Meta host");
        assertThat(notes.get(1)).contains("404");
    }

    // --- what makes no case -------------------------------------------------------------------------

    @Test
    void echoesReceiptsReactionsAndButtonsMakeNoCase() throws Exception {
        String psid = psid();
        List<String> fixtures = List.of("message_echo__payload.json", "read__payload.json", "delivery__payload.json",
                "message_reaction__payload.json", "postback__payload.json");
        for (String fixture : fixtures) {
            ObjectNode item = (ObjectNode) MetaFixtures.json("facebook-messenger-gem/" + fixture).deepCopy();
            item.withObject("/sender").put("id", psid);
            if (item.has("message")) {
                item.withObject("/message").put("mid", "m_" + uuid());
            }
            assertThat(postSigned(MetaFixtures.envelope("page", "1", item)).statusCode()).as(fixture).isEqualTo(200);
        }
        ObjectNode echo = MetaFixtures.post("chatwoot-instagram/instagram_story_mention_event_with_echo.json").deepCopy();
        ((ObjectNode) echo.at("/entry/0/messaging/0/sender")).put("id", psid);
        assertThat(postSigned(echo).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from inbound_message where sender_handle = ?").param(psid)
                .query(Long.class).single()).isZero();
        assertThat(browser.get("/actuator/prometheus").body())
                .contains("hearth_messenger_events_total{kind=\"reaction\",outcome=\"ignored\"}")
                .contains("hearth_messenger_events_total{kind=\"read\",outcome=\"receipt\"}");
    }

    @Test
    void anUnsentMessageIsNotedOnItsCase() throws Exception {
        String igsid = psid();
        String mid = "ig_" + uuid();
        ObjectNode created = MetaFixtures.post("chatwoot-instagram/instagram_message_create_event.json").deepCopy();
        ObjectNode item = (ObjectNode) created.at("/entry/0/messaging/0");
        item.withObject("/sender").put("id", igsid);
        item.put("timestamp", System.currentTimeMillis());
        item.withObject("/message").put("mid", mid).put("text", "My neighbour's dog barks all night, every night");
        postSigned(created);
        ObjectNode unsent = MetaFixtures.post("chatwoot-instagram/instagram_message_unsend_event.json").deepCopy();
        ObjectNode deletion = (ObjectNode) unsent.at("/entry/0/messaging/0");
        deletion.withObject("/sender").put("id", igsid);
        deletion.withObject("/message").put("mid", mid);

        assertThat(postSigned(unsent).statusCode()).isEqualTo(200);

        JsonNode found = caseJson(caseOf("instagram", mid).path("reference").asText());
        assertThat(found.path("events").findValuesAsText("type")).contains("withdrawn");
        assertThat(found.path("messages").findValuesAsText("kind")).contains("withdrawn");
        assertThat(jdbc.sql("select outcome from inbound_message where external_id = ?").param(mid + "#deleted")
                .query(String.class).single()).isEqualTo("NOTED");
    }

    // --- Meta's rules for replies ---------------------------------------------------------------------

    @Test
    void outsideTheTwentyFourHourWindowNothingIsSentAndStaffAreAskedToReachTheResident() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();

        postSigned(messengerPost(psid, mid, "The gutter above my front door is hanging off",
                Instant.now().minus(Duration.ofHours(25))));

        String reference = caseOf("messenger", mid).path("reference").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                caseJson(reference).path("events").findValuesAsText("type"))
                .contains("acknowledgement_refused", "acknowledgement_due"));
        JsonNode found = caseJson(reference);
        assertThat(found.path("events").findValuesAsText("detail")).anyMatch(d -> d.contains("24-hour"));
        assertThat(found.path("messages").findValuesAsText("deliveryState")).contains("manual_due");
        assertThat(sendsTo(psid)).isEmpty();
    }

    @Test
    void theGraphApiFailingThenRecoveringIsRetriedUntilSent() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        String scenario = "flaky-" + psid;
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":2,\"is_transient\":true}}"))
                .willSetStateTo("rate-limited"));
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).inScenario(scenario).whenScenarioStateIs("rate-limited")
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"code\":613,\"message\":\"slow\"}}"))
                .willSetStateTo("recovered"));
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).inScenario(scenario).whenScenarioStateIs("recovered")
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_third_time\"}")));

        postSigned(messengerPost(psid, mid, "Can you tell me when the communal windows are next cleaned?",
                Instant.now()));

        String reference = caseOf("messenger", mid).path("reference").asText();
        await().atMost(Duration.ofSeconds(40)).until(() -> "SENT".equals(outbound(reference).get("status")));
        Map<String, Object> row = outbound(reference);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(row.get("provider_id")).isEqualTo("m_third_time");
        assertThat(sendsTo(psid)).hasSize(3);
    }

    @Test
    void aRevokedTokenTakesTheChannelDownAndRepliesWaitUntilTheTokenWorksAgain() throws Exception {
        String psid = psid();
        String mid = "m_" + uuid();
        String revoked = "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated\","
                + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460}}";
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(aResponse().withStatus(400).withBody(revoked)));
        graph.stubFor(get(urlPathEqualTo("/v23.0/me")).atPriority(1).inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(400).withBody(revoked)));
        graph.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).inScenario("token").whenScenarioStateIs("fixed")
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
                .willReturn(okJson("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_after_fix\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/me")).atPriority(1).inScenario("token").whenScenarioStateIs("fixed")
                .willReturn(okJson("{\"id\":\"1\"}")));

        postSigned(messengerPost(psid, mid, "Thank you to the caretaker for clearing the bin store", Instant.now()));

        String reference = caseOf("messenger", mid).path("reference").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> health("messenger").equals("DOWN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> graph.findAll(getRequestedFor(urlPathEqualTo("/v23.0/me")))
                .size() >= 2);
        // While the token is rejected nothing more is sent with it, and the reply uses none of its attempts.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> sendsTo(psid).size() == 1);
        Map<String, Object> waiting = outbound(reference);
        assertThat(waiting.get("status")).isEqualTo("PENDING");
        assertThat(((Number) waiting.get("attempts")).intValue()).isZero();

        graph.setScenarioState("token", "fixed");

        await().atMost(Duration.ofSeconds(30)).until(() -> health("messenger").equals("UP"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outbound(reference).get("status")));
        assertThat(outbound(reference).get("provider_id")).isEqualTo("m_after_fix");
    }

    // --- the HTTP contract --------------------------------------------------------------------------

    @Test
    void whenTheDatabaseIsDownTheWebhookAnswers503AndStoresNothing() throws Exception {
        String mid = "m_" + uuid();
        DatabaseOutage.Switch database = (DatabaseOutage.Switch) dataSource;
        HttpResponse<String> response;
        database.goDown();
        try {
            response = postSigned(messengerPost(psid(), mid, "My boiler is broken", Instant.now()));
        } finally {
            database.comeBack();
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(storedCount(mid)).isZero();
    }

    @Test
    void theShortAcknowledgementsFitMessengerAndInstagramEvenAtTheirLongest() {
        PolicyProfile wordy = new PolicyProfile(profile.id(), profile.name(),
                "Bespoke Supportive Tenancies Housing Association (North West and Wales) Ltd",
                new PolicyProfile.Contact("0300 123 4567", "complaints@example-landlord.org.uk",
                        "https://www.example-landlord.org.uk/complaints-and-feedback/how-we-handle-complaints"),
                profile.stage1(), profile.stage2(), profile.otherResponseWorkingDays(), profile.hazardMakeSafeHours(),
                profile.ombudsman(), profile.escalationWindow(), profile.impliedConsentRoles(), profile.accepting());
        String understanding = ("The repair to the kitchen ceiling was cancelled twice and nobody told me why, "
                + "there is water coming through the light fitting and the ").repeat(3).substring(0, 280) + "…";
        Deadlines due = new Deadlines(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 23), LocalDate.of(2026, 9, 30),
                Instant.parse("2026-09-17T16:45:00Z"));
        for (String channel : List.of("messenger", "instagram")) {
            for (String language : List.of("en", "cy")) {
                for (CaseClass caseClass : CaseClass.values()) {
                    AcknowledgementFacts facts = new AcknowledgementFacts(CaseReference.of("HRT", 2026, 123456),
                            caseClass, caseClass == CaseClass.ESCALATION ? 2 : 1, CaseStatus.AWAITING_CONSENT,
                            ChannelId.of(channel), language, "Bartholomew Featherstonehaugh-Cholmondeley",
                            understanding, due, true, true, true, wordy, null, false, java.util.Set.of("gas", "structural"), true);
                    String body = acknowledgements.write(facts).body().strip();
                    String what = channel + " " + language + " " + caseClass;
                    assertThat(body).as(what).contains("HRT-2026-123456", "example-landlord.org.uk/complaints")
                            .doesNotContain("{{");
                    assertThat(body).as(what).contains(language.equals("cy") ? "Medi 2026" : "September 2026");
                    if (channel.equals("messenger")) {
                        assertThat(body.codePointCount(0, body.length())).as(what).isLessThanOrEqualTo(2000);
                    } else {
                        assertThat(body.getBytes(StandardCharsets.UTF_8).length).as(what).isLessThanOrEqualTo(1000);
                    }
                }
            }
        }
    }

    @Test
    void healthShowsBothChannelsUpWhenConfigured() throws Exception {
        assertThat(health("messenger")).isEqualTo("UP");
        assertThat(health("instagram")).isEqualTo("UP");
    }

    // --- helpers ------------------------------------------------------------------------------------

    static String uuid() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    static String psid() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
    }

    static ObjectNode item(String psid, String mid, String text, long timestamp) {
        ObjectNode item = JSON.createObjectNode();
        item.putObject("sender").put("id", psid);
        item.putObject("recipient").put("id", "1");
        item.put("timestamp", timestamp);
        item.putObject("message").put("mid", mid).put("text", text);
        return item;
    }

    static ObjectNode imageItem(String psid, String mid, String url, long timestamp) {
        ObjectNode item = item(psid, mid, "", timestamp);
        ((ObjectNode) item.get("message")).remove("text");
        item.withObject("/message").putArray("attachments").add(attachment("image", url));
        return item;
    }

    static ObjectNode attachment(String type, String url) {
        ObjectNode attachment = JSON.createObjectNode().put("type", type);
        attachment.putObject("payload").put("url", url);
        return attachment;
    }

    static ObjectNode messengerPost(String psid, String mid, String text, Instant sentAt) {
        return MetaFixtures.envelope("page", "1", item(psid, mid, text, sentAt.toEpochMilli()));
    }

    static byte[] bytes(JsonNode json) throws IOException {
        return JSON.writeValueAsBytes(json);
    }

    static String sign(byte[] body, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    HttpResponse<String> postSigned(JsonNode post) throws Exception {
        return postSignedWith(post, APP_SECRET);
    }

    HttpResponse<String> postSignedWith(JsonNode post, String secret) throws Exception {
        byte[] body = bytes(post);
        return postRaw(body, sign(body, secret));
    }

    HttpResponse<String> postRaw(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    /**
     * Sends once more when the pooled connection turns out to have been closed by the server before the request
     * went out ("received no bytes"): the server never saw it, so this is the client's transport, not the test.
     */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    HttpResponse<String> getPath(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    long storedCount(String externalId) {
        return jdbc.sql("select count(*) from inbound_message where external_id = ?").param(externalId)
                .query(Long.class).single();
    }

    /** The case the message with this Meta id belongs to, as the case API shows it. */
    JsonNode caseOf(String channel, String mid) throws Exception {
        String reference = jdbc.sql("""
                select c.reference from inbound_message i join case_file c on c.id = i.case_id
                where i.channel = ? and i.external_id = ?""").params(channel, mid).query(String.class).single();
        return caseJson(reference);
    }

    JsonNode caseJson(String reference) throws Exception {
        HttpResponse<String> response = browser.get("/api/v1/cases/" + reference, IntakeScenarios.CRM_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    Map<String, Object> outbound(String reference) {
        return jdbc.sql("""
                select o.status, o.attempts, o.provider_id, o.last_error from outbound_message o
                join case_file c on c.id = o.case_id where c.reference = ? order by o.id fetch first 1 rows only""")
                .param(reference).query().singleRow();
    }

    String health(String component) throws Exception {
        return JSON.readTree(getPath("/actuator/health/" + component).body()).path("status").asText();
    }

    static List<LoggedRequest> sendsTo(String recipient) {
        return graph.findAll(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(recipient))));
    }

    static List<LoggedRequest> awaitSendTo(String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !sendsTo(recipient).isEmpty());
        return sendsTo(recipient);
    }
}
