package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.channel.spi.ChannelRouteKit;
import uk.hearth.channel.twilio.TwilioWebhookClient;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.intake.Inbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/**
 * SMS and WhatsApp end to end over HTTP: signed posts to /webhooks/twilio, the case as the case API shows it, and
 * the replies as a stand-in for Twilio's API (WireMock, reached through hearth.twilio.api-base-url) receives them
 * from the Twilio SDK. Run once per database. The context is closed after the class, and the database is the
 * suite's own, so no other suite's outbox timers touch these rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:it/common.properties", properties = {
        "hearth.public-base-url=" + TwilioScenarios.PUBLIC_URL,
        "hearth.twilio.account-sid=" + TwilioScenarios.ACCOUNT,
        "hearth.twilio.auth-token=" + TwilioScenarios.TOKEN,
        "hearth.twilio.sms-from=+441619999000",
        "hearth.twilio.whatsapp.from=whatsapp:+441619999001",
        "hearth.twilio.whatsapp.content-sid=HXtemplate0000000000000000000000",
        "hearth.twilio.whatsapp.content-variables.1={{reference}}",
        "hearth.twilio.whatsapp.content-variables.2={{text}}",
        "hearth.twilio.media.max-bytes=1KB",
        // Enough attempts, close together, to see a Twilio outage through to the reply being sent.
        "hearth.outbox.retry.max-attempts=100",
        "hearth.outbox.retry.first-delay=100ms",
        "hearth.outbox.retry.max-delay=300ms",
        "management.endpoint.health.show-details=always"})
@Import(DatabaseOutage.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class TwilioScenarios {
    static final String PUBLIC_URL = "https://hearth.example";
    static final String ACCOUNT = "ACtest0000000000000000000000000000";
    static final String TOKEN = "test-auth-token";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension twilioApi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hearth.twilio.api-base-url", () -> "http://127.0.0.1:" + twilioApi.getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcOutbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Inbox inbox;

    TwilioWebhookClient twilio;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void twilioAcceptsMessages() {
        twilio = new TwilioWebhookClient(port, PUBLIC_URL, TOKEN);
        twilioApi.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10).willReturn(created()));
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- inbound --------------------------------------------------------------------------------

    @Test
    void aSignedTextOpensACaseAndIsAcknowledgedThroughTwilio() throws Exception {
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("SM");

        HttpResponse<String> answer = twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone,
                "The repairs team promised to come on Monday and never turned up. Third time. I want to complain."));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
        assertThat(answer.body()).contains("<Response/>");
        InboundMessage stored = route().stored("sms", sid);
        assertThat(stored.sender().phone()).isEqualTo(phone);
        assertThat(stored.text()).contains("never turned up");
        String reference = route().reference("sms", sid);
        assertThat(route().awaitSent(reference).providerId()).startsWith("SM");
        Map<String, String> sent = awaitSentTo(phone).get(0);
        assertThat(sent).containsEntry("From", "+441619999000")
                .containsEntry("StatusCallback", PUBLIC_URL + "/webhooks/twilio/status")
                .containsEntry("SmartEncoded", "true");
        assertThat(sent.get("Body")).contains(reference, "complaint (stage 1)", "We will reply by", PUBLIC_URL + "/");
        // The short text links to the whole acknowledgement, which anyone with the link (and only with it) can read.
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(PUBLIC_URL)
                + "/a/([A-Za-z0-9_-]{16,})").matcher(sent.get("Body"));
        assertThat(link.find()).as(sent.get("Body")).isTrue();
        HttpResponse<String> whole = page("/a/" + link.group(1));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).contains(reference, "stage 1", "Housing Ombudsman Service", "0300 111 3000");
        assertThat(page("/a/" + "A".repeat(16)).statusCode()).isEqualTo(404);
        assertThat(page("/a/" + "A".repeat(16)).body()).doesNotContain(reference);
        LoggedRequest request = twilioApi.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(r -> r.getBodyAsString().contains(encoded(phone))).findFirst().orElseThrow();
        // The SDK's request reached the stub through the route planner, still addressed to Twilio's host.
        assertThat(request.getHeader("Host")).isEqualTo("api.twilio.com");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));

        JsonNode found = awaitCase(reference, c -> c.path("messages").findValuesAsText("deliveryState").contains("sent"));
        assertThat(found.path("channel").asText()).isEqualTo("sms");
        assertThat(found.path("class").asText()).isEqualTo("complaint");
        assertThat(found.path("contact").path("phone").asText()).isEqualTo(phone);
        JsonNode inbound = found.path("messages").get(0);
        assertThat(inbound.path("direction").asText()).isEqualTo("inbound");
        assertThat(inbound.path("text").asText()).contains("never turned up");
        JsonNode outbound = found.path("messages").get(1);
        assertThat(outbound.path("channel").asText()).isEqualTo("sms");
        assertThat(outbound.path("recipient").asText()).isEqualTo(phone);
    }

    @Test
    void unsignedWronglySignedOrLocallySignedPostsAreRefusedAndNothingIsStored() {
        String sid = TwilioWebhookClient.newSid("SM");
        Map<String, String> params = TwilioWebhookClient.sms(sid, phone(), "My boiler is broken");

        HttpResponse<String> unsigned = twilio.post("/webhooks/twilio", params, null);
        HttpResponse<String> wrong = twilio.post("/webhooks/twilio", params, "bm90IGEgc2lnbmF0dXJl");
        // Signed for the address this server sees, not the public one Twilio is given: refused.
        HttpResponse<String> local = twilio.post("/webhooks/twilio", params,
                twilio.signatureFor("http://localhost:" + port + "/webhooks/twilio", params));
        Map<String, String> tampered = new java.util.LinkedHashMap<>(params);
        String signature = twilio.signatureFor(PUBLIC_URL + "/webhooks/twilio", params);
        tampered.put("Body", "Something else");
        HttpResponse<String> altered = twilio.post("/webhooks/twilio", tampered, signature);
        HttpResponse<String> unsignedStatus = twilio.post("/webhooks/twilio/status",
                Map.of("MessageSid", sid, "MessageStatus", "failed"), null);

        assertThat(List.of(unsigned, wrong, local, altered, unsignedStatus))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?").param(sid)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameMessagePostedThreeTimesMakesOneCaseAndOneAcknowledgement() throws Exception {
        String phone = phone();
        Map<String, String> params = TwilioWebhookClient.sms(TwilioWebhookClient.newSid("SM"), phone,
                "Can you tell me when the communal windows are next cleaned?");

        for (int i = 0; i < 3; i++) {
            assertThat(twilio.post("/webhooks/twilio", params).statusCode()).isEqualTo(200);
        }

        String reference = referenceOf(params.get("MessageSid"));
        awaitSentTo(phone);
        dispatcher.dispatchDue();
        assertThat(sentTo(phone)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?")
                .param(params.get("MessageSid")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_file where contact_phone = ?").param(phone)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(caseJson(reference).path("messages")).hasSize(2);
    }

    @Test
    void postsArrivingTogetherAreEachStoredOnceBeforeTheirAnswer() throws Exception {
        // 20 messages, each posted twice at the same moment: the posts share commits, and every 200 means stored.
        List<Map<String, String>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, String> params = TwilioWebhookClient.sms(TwilioWebhookClient.newSid("SM"), phone(),
                    "When is the next residents' meeting? (" + i + ")");
            posts.add(params);
            posts.add(params);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = posts.stream().map(params -> pool.submit(() -> {
                go.await();
                int status = twilio.post("/webhooks/twilio", params).statusCode();
                long stored = jdbc.sql("select count(*) from inbound_message where channel = 'sms' and external_id = ?")
                        .param(params.get("MessageSid")).query(Long.class).single();
                return status + "/" + stored;
            })).toList();
            go.countDown();
            for (java.util.concurrent.Future<String> answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("200/1");
            }
        } finally {
            pool.shutdownNow();
        }
        for (Map<String, String> params : posts) {
            assertThat(referenceOf(params.get("MessageSid"))).isNotBlank();
        }
    }

    @Test
    void aMessageStoredInABatchKeepsEveryFieldAsItWouldAlone() {
        // Quotes, backslashes, braces, commas and NULL-looking words are what an array-valued statement could mangle.
        Instant received = Instant.parse("2026-11-30T23:59:58.123456Z");
        Function<String, InboundMessage> message = sid -> InboundMessage.builder(ChannelId.of("sms"),
                        sid, "He said \"it's fine\" {not} \\ NULL, null; Mae'r gawod yn ŵ 😡\nline two", received)
                .source("round-trip").sender(new Sender("O'Brien, \"Jo\"", null, "+447700900777"))
                .onBehalfOf(new OnBehalfOf("Mrs {A} Khan", "4 \\ Ash Row", "daughter", "T-1"))
                .subject("NULL").language("cy").madeVia("phone").raw("Body=%7B%22x%22%7D&From=%2B44")
                .inReplyTo(List.of("<a@b>", "<c@d>")).details(Map.of("ProfileName", "Ann \"Nan\" Jones", "WaId", "447"))
                .notice(new Notice(Notice.Kind.AUTO_REPLY, "out, of \"office\""))
                .build();
        long alone = inbox.accept(message.apply(TwilioWebhookClient.newSid("SM"))).id();
        List<Inbox.Receipt> batch = inbox.acceptAll(List.of(message.apply(TwilioWebhookClient.newSid("SM")),
                message.apply(TwilioWebhookClient.newSid("SM"))));

        String columns = "channel, source, received_at, sender_name, sender_email, sender_phone,"
                + " sender_handle, on_behalf_name, on_behalf_address, on_behalf_relationship, on_behalf_tenancy,"
                + " preferred_contact, subject, body, language, made_via, raw, in_reply_to, details, notice,"
                + " notice_detail, status, attempts, next_attempt_at - stored_at as grace";
        String byId = "select " + columns + " from inbound_message where id = ?";
        Function<Long, Map<String, Object>> stored = id -> jdbc.sql(byId).param(id).query().singleRow();
        Map<String, Object> expected = stored.apply(alone);
        assertThat(expected.get("body").toString()).contains("\"it's fine\" {not} \\ NULL", "ŵ 😡\nline two");
        for (Inbox.Receipt receipt : batch) {
            assertThat(stored.apply(receipt.id())).isEqualTo(expected);
        }
    }

    @Test
    void theInboxStoresABatchInOneGoAndRefusesOneHoldingAMessageAlreadyStored() {
        java.time.Instant now = java.time.Instant.now();
        InboundMessage earlier = InboundMessage.builder(ChannelId.of("sms"), TwilioWebhookClient.newSid("SM"), "first",
                now).source("batch-test").build();
        long earlierId = inbox.accept(earlier).id();
        InboundMessage fresh = InboundMessage.builder(ChannelId.of("sms"), TwilioWebhookClient.newSid("SM"), "second",
                now).source("batch-test").build();
        InboundMessage withPhoto = InboundMessage.builder(ChannelId.of("sms"), TwilioWebhookClient.newSid("MM"),
                "photo", now).source("batch-test").attachments(List.of(new uk.hearth.message.Attachment("photo.jpg",
                "image/jpeg", 3, "https://api.twilio.com/photo", new byte[] {1, 2, 3}, null))).build();
        InboundMessage otherSource = InboundMessage.builder(ChannelId.of("sms"), earlier.externalId(),
                "same id elsewhere", now).source("another-account").build();

        assertThatThrownBy(() -> inbox.acceptAll(List.of(fresh, earlier, withPhoto)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(jdbc.sql("select count(*) from inbound_message where source = 'batch-test'").query(Long.class)
                .single()).as("nothing of the refused batch is stored").isEqualTo(1);

        List<Inbox.Receipt> receipts = inbox.acceptAll(List.of(fresh, withPhoto, fresh, otherSource));

        assertThat(receipts).extracting(Inbox.Receipt::duplicate).containsExactly(false, false, true, false);
        assertThat(receipts.get(2).id()).isEqualTo(receipts.get(0).id());
        assertThat(receipts.stream().map(Inbox.Receipt::id).distinct()).hasSize(3).doesNotContain(earlierId);
        assertThat(jdbc.sql("select body from inbound_message where id = ?").param(receipts.get(3).id())
                .query(String.class).single()).isEqualTo("same id elsewhere");
        assertThat(jdbc.sql("select name from inbound_attachment where inbound_id = ?").param(receipts.get(1).id())
                .query(String.class).list()).containsExactly("photo.jpg");
        assertThat(jdbc.sql("select count(*) from inbound_message where source = 'batch-test'").query(Long.class)
                .single()).isEqualTo(3);
        // The node that stored them processes them; the recovery job leaves them alone for the first retry delay.
        assertThat(jdbc.sql("select count(*) from inbound_message where source = 'batch-test'"
                + " and next_attempt_at >= stored_at + interval '20' second").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aWhatsAppMessageIsAnsweredFreeFormInsideTheWindowAndByTemplateOutsideIt() throws Exception {
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.whatsApp(sid, phone, "Ann Jones",
                "There is black mould in the bedroom and nobody has come about it for a month"));

        String reference = referenceOf(sid);
        Map<String, String> reply = awaitSentTo("whatsapp:" + phone).get(0);
        assertThat(reply).containsEntry("From", "whatsapp:+441619999001").doesNotContainKey("ContentSid");
        assertThat(reply.get("Body")).contains("Hello Ann Jones", reference);
        JsonNode found = caseJson(reference);
        assertThat(found.path("channel").asText()).isEqualTo("whatsapp");
        assertThat(found.path("contact").path("name").asText()).isEqualTo("Ann Jones");
        assertThat(found.path("contact").path("phone").asText()).isEqualTo(phone);

        // Within the conversation window a further message continues the case: no second case, no second reply.
        String more = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.whatsApp(more, phone, "Ann Jones", "It is spreading"));
        assertThat(referenceOf(more)).isEqualTo(reference);

        // A day and more later the window has closed: a notification goes as the approved template.
        jdbc.sql("update inbound_message set received_at = received_at - interval '2' day where sender_phone = ?"
                + " and channel = 'whatsapp'").param(phone).update();
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class)
                .single();
        outbox.enqueue(caseId, "update", new OutboundReply(ChannelId.of("whatsapp"), phone, null,
                "A surveyor will visit on Friday\nbetween 9 and 1."));

        Map<String, String> template = await().atMost(Duration.ofSeconds(30)).until(() -> sentTo("whatsapp:" + phone),
                sent -> sent.size() == 2).get(1);
        assertThat(template).containsEntry("ContentSid", "HXtemplate0000000000000000000000").doesNotContainKey("Body");
        JsonNode variables = JSON.readTree(template.get("ContentVariables"));
        assertThat(variables.path("1").asText()).isEqualTo(reference);
        assertThat(variables.path("2").asText()).isEqualTo("A surveyor will visit on Friday between 9 and 1.");
        awaitCase(reference, c -> c.path("events").findValuesAsText("type").contains("whatsapp_template"));
    }

    // --- outbound -------------------------------------------------------------------------------

    @Test
    void whenTwilioIsDownOrFailingTheAcknowledgementIsSentAfterItRecovers() throws Exception {
        String phone = phone();
        StubMapping down = twilioApi.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(containing(encoded(phone)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone,
                "The lift at Oak House has been broken for two weeks"));
        String reference = referenceOf(sid);
        awaitFailedAttempts(reference, 2);

        twilioApi.removeStub(down);
        StubMapping failing = twilioApi.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(containing(encoded(phone)))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Service unavailable\", \"status\": 503}")));
        int before = attempts(reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(reference) >= before + 2);
        assertThat(caseJson(reference).path("messages").get(1).path("deliveryState").asText()).isEqualTo("pending");

        twilioApi.removeStub(failing);
        // The message is marked sent, then the event recorded: wait for both, not for the first alone.
        JsonNode found = awaitCase(reference,
                c -> "sent".equals(c.path("messages").get(1).path("deliveryState").asText())
                        && c.path("events").findValuesAsText("type").contains("acknowledgement_sent"));
        assertThat(found.path("events").findValuesAsText("type")).contains("acknowledgement_sent");
        assertThat(sentTo(phone)).isNotEmpty();
    }

    @Test
    void aStatusCallbackMarksTheMessageFailedOnTheCase() throws Exception {
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone, "Please fix the gate at number 12"));
        String reference = referenceOf(sid);
        awaitCase(reference, c -> "sent".equals(c.path("messages").get(1).path("deliveryState").asText()));
        String ours = jdbc.sql("select o.provider_id from outbound_message o join case_file c on c.id = o.case_id"
                + " where c.reference = ?").param(reference).query(String.class).single();
        assertThat(ours).startsWith("SM");

        HttpResponse<String> undelivered = twilio.post("/webhooks/twilio/status", status(ours, "undelivered", "30003"));
        // A late "sent" must not move it back.
        twilio.post("/webhooks/twilio/status", status(ours, "sent", null));

        assertThat(undelivered.statusCode()).isEqualTo(200);
        JsonNode found = caseJson(reference);
        JsonNode message = found.path("messages").get(1);
        assertThat(message.path("deliveryState").asText()).isEqualTo("failed");
        assertThat(message.path("deliveryError").asText()).contains("30003", "unreachable");
        assertThat(found.path("events").findValuesAsText("type")).contains("acknowledgement_undelivered");
        assertThat(jdbc.sql("select delivery_state from outbound_message where provider_id = ?").param(ours)
                .query(String.class).single()).isEqualTo("undelivered");
    }

    @Test
    void aDeliveredAndReadMessageShowsItsLatestStateWhateverOrderTheCallbacksCameIn() throws Exception {
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.whatsApp(sid, phone, "Dai", "Diolch yn fawr i Dave"));
        String reference = referenceOf(sid);
        awaitCase(reference, c -> "sent".equals(c.path("messages").get(1).path("deliveryState").asText()));
        String ours = jdbc.sql("select o.provider_id from outbound_message o join case_file c on c.id = o.case_id"
                + " where c.reference = ?").param(reference).query(String.class).single();

        for (String state : List.of("read", "delivered", "sent", "queued")) {
            assertThat(twilio.post("/webhooks/twilio/status", status(ours, state, null)).statusCode()).isEqualTo(200);
        }

        assertThat(caseJson(reference).path("messages").get(1).path("deliveryState").asText()).isEqualTo("read");
    }

    @Test
    void aStopOptsTheNumberOutWithoutOpeningACaseAndAStartOptsItBackIn() throws Exception {
        String phone = phone();
        String stop = TwilioWebhookClient.newSid("SM");

        assertThat(twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(stop, phone, "Stop")).statusCode())
                .isEqualTo(200);

        awaitProcessed(stop);
        assertThat(jdbc.sql("select notice from inbound_message where external_id = ?").param(stop)
                .query(String.class).single()).isEqualTo("OPT_OUT");
        assertThat(jdbc.sql("select count(*) from case_file where contact_phone = ?").param(phone)
                .query(Long.class).single()).isZero();
        assertThat(optedOut(phone)).isTrue();

        // A complaint from the opted-out number opens a case, but no text goes to it: staff are to phone.
        String complaint = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(complaint, phone,
                "Nobody has fixed the leak and I am fed up, I want to complain"));
        JsonNode found = caseJson(referenceOf(complaint));
        assertThat(found.path("messages").get(1).path("channel").asText()).isEqualTo("phone");
        assertThat(found.path("messages").get(1).path("deliveryState").asText()).isEqualTo("manual_due");
        assertThat(sentTo(phone)).isEmpty();

        String start = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(start, phone, "START"));
        awaitProcessed(start);
        assertThat(optedOut(phone)).isFalse();
    }

    @Test
    void aNumberTwilioSaysHasOptedOutIsNotRetriedAndIsMarked() throws Exception {
        String phone = phone();
        twilioApi.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing(encoded(phone)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\","
                                + " \"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}")));
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone, "The bins have not been collected"));
        String reference = referenceOf(sid);

        JsonNode found = awaitCase(reference, c -> c.path("events").findValuesAsText("type")
                .contains("acknowledgement_refused"));

        assertThat(optedOut(phone)).isTrue();
        assertThat(twilioApi.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing(encoded(phone))))).hasSize(1);
        assertThat(found.path("messages").findValuesAsText("deliveryState")).contains("failed", "manual_due");
        assertThat(found.path("events").findValuesAsText("detail")).anyMatch(d -> d.contains("opted out"));
    }

    // --- media, threading, failures, operations -------------------------------------------------

    @Test
    void mediaOnTwilioAreKeptWithinTheLimitOthersAreLinked() throws Exception {
        String media = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM1/Media/";
        twilioApi.stubFor(get(urlEqualTo(media + "ME1")).withBasicAuth(ACCOUNT, TOKEN)
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(new byte[600])));
        twilioApi.stubFor(get(urlEqualTo(media + "ME2")).withBasicAuth(ACCOUNT, TOKEN)
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[4000])));
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("MM");
        Map<String, String> params = TwilioWebhookClient.sms(sid, phone, "Photos of the damp in the bathroom");
        params.put("NumMedia", "3");
        params.put("MediaUrl0", "https://api.twilio.com" + media + "ME1");
        params.put("MediaContentType0", "image/jpeg");
        params.put("MediaUrl1", "https://api.twilio.com" + media + "ME2");
        params.put("MediaContentType1", "image/png");
        params.put("MediaUrl2", "https://files.example.org/cat.jpg");
        params.put("MediaContentType2", "image/jpeg");

        assertThat(twilio.post("/webhooks/twilio", params).statusCode()).isEqualTo(200);

        JsonNode files = caseJson(referenceOf(sid)).path("messages").get(0).path("attachments");
        assertThat(files).hasSize(3);
        assertThat(files.get(0).path("size").asLong()).isEqualTo(600);
        assertThat(files.get(0).path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(files.get(0).path("note").isNull()).isTrue();
        assertThat(files.get(1).path("note").asText()).contains("larger than");
        assertThat(files.get(1).path("url").asText()).endsWith("ME2");
        assertThat(files.get(2).path("note").asText()).contains("not on a Twilio host");
        assertThat(jdbc.sql("select count(*) from inbound_attachment where content is not null and inbound_id ="
                + " (select id from inbound_message where external_id = ?)").param(sid).query(Long.class).single())
                .isEqualTo(1);
        twilioApi.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/cat.jpg")));
    }

    @Test
    void aTextQuotingItsReferenceIsAFollowUpAndTheCaseListsTheNumbersOtherCases() throws Exception {
        String phone = phone();
        String first = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(first, phone,
                "Please send someone to fix the broken fence panel at the back"));
        String reference = referenceOf(first);
        awaitSentTo(phone);

        String followUp = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(followUp, phone,
                "About " + reference + " the fence panel has now fallen onto the path"));
        String again = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(again, phone,
                "Also can you tell me when the rent statement will arrive?"));

        assertThat(referenceOf(followUp)).isEqualTo(reference);
        assertThat(jdbc.sql("select outcome from inbound_message where external_id = ?").param(followUp)
                .query(String.class).single()).isEqualTo("FOLLOW_UP");
        String other = referenceOf(again);
        assertThat(other).isNotEqualTo(reference);
        JsonNode later = caseJson(other);
        assertThat(later.path("contactCases").findValuesAsText("reference")).containsExactly(reference);
        assertThat(caseJson(reference).path("contactCases").findValuesAsText("reference")).containsExactly(other);
        assertThat(caseJson(reference).path("events").findValuesAsText("type")).contains("follow_up");
    }

    @Test
    void whenTheDatabaseIsDownTheWebhookAnswers503AndStoresNothing() {
        String sid = TwilioWebhookClient.newSid("SM");
        DatabaseOutage.Switch database = (DatabaseOutage.Switch) dataSource;
        HttpResponse<String> answer;
        database.goDown();
        try {
            answer = twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone(), "My boiler is broken"));
        } finally {
            database.comeBack();
        }

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?").param(sid)
                .query(Long.class).single()).isZero();
    }

    @Test
    void healthShowsTwilioConfiguredAndMetricsCountInboundOutboundAndFailures() throws Exception {
        String phone = phone();
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(sid, phone, "Is there parking for visitors?"));
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(TwilioWebhookClient.newSid("SM"), phone, "x"), "bad");
        awaitSentTo(phone);

        JsonNode health = JSON.readTree(fetch("/actuator/health/twilio").body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("configured").asBoolean()).isTrue();
        assertThat(health.path("details").path("sms").asText()).isEqualTo("configured");
        String metrics = fetch("/actuator/prometheus").body();
        assertThat(metrics).contains("hearth_twilio_inbound_total{channel=\"sms\",result=\"accepted\"}",
                "hearth_twilio_outbound_total{channel=\"sms\",kind=\"text\"}",
                "hearth_twilio_failures_total{channel=\"sms\",kind=\"signature\"}",
                "hearth_twilio_sms_segments_count");
    }

    // --- helpers --------------------------------------------------------------------------------

    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger(
            10000 + new java.util.Random().nextInt(80000));

    /** A number of its own for each use (Ofcom's drama range), so tests never see each other's messages. */
    static String phone() {
        return String.format("+4477009%05d", NUMBERS.getAndIncrement() % 100000);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\","
                        + " \"account_sid\": \"" + ACCOUNT + "\"}");
    }

    static String encoded(String address) {
        return "To=" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    static Map<String, String> status(String sid, String state, String errorCode) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", state);
        p.put("SmsStatus", state);
        p.put("AccountSid", ACCOUNT);
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }

    /** What the stand-in for Twilio was asked to send to {@code to}, oldest first. */
    List<Map<String, String>> sentTo(String to) {
        return twilioApi.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to))))
                .stream().map(r -> TwilioWebhookClient.form(r.getBodyAsString())).toList();
    }

    List<Map<String, String>> awaitSentTo(String to) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(to), sent -> !sent.isEmpty());
    }

    void awaitProcessed(String sid) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(jdbc.sql(
                "select status from inbound_message where external_id = ?").param(sid).query(String.class)
                .optional().orElse(null)));
    }

    /** The end-to-end half of the channel test kit, on this suite's running service. */
    ChannelRouteKit route() {
        return new ChannelRouteKit(port, jdbc, inbox);
    }

    /** The reference of the case the message went to, once it is processed. */
    String referenceOf(String sid) {
        awaitProcessed(sid);
        return jdbc.sql("select c.reference from inbound_message i join case_file c on c.id = i.case_id"
                + " where i.external_id = ?").param(sid).query(String.class).single();
    }

    int attempts(String reference) {
        return jdbc.sql("select o.attempts from outbound_message o join case_file c on c.id = o.case_id"
                + " where c.reference = ? and o.kind = 'acknowledgement'").param(reference).query(Integer.class)
                .single();
    }

    void awaitFailedAttempts(String reference, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(reference) >= atLeast);
    }

    boolean optedOut(String phone) {
        return jdbc.sql("select count(*) from contact_opt_out where channel = 'sms' and address = ?").param(phone)
                .query(Long.class).single() > 0;
    }

    HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Api-Key", "test-key-crm").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode caseJson(String reference) throws Exception {
        HttpResponse<String> response = fetch("/api/v1/cases/" + reference);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode awaitCase(String reference, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> caseJson(reference), condition);
    }
}
