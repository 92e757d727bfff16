package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import uk.hearth.HearthApplication;

/**
 * Two nodes of Hearth on one PostgreSQL schema, the way two servers behind a load balancer share a database:
 * both join the Quartz cluster, every firing of the SLA watchdog runs on exactly one of them, and a lapsed
 * deadline is warned about once — one email, one webhook call, one event — however many times the job runs;
 * and when one node stops, the other carries on alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerClusterIT {
    private static final String SCHEDULER = "hearth";
    private static final String STAFF = "duty-officer@cluster.example";
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = System.getenv().getOrDefault("HEARTH_TEST_PG_SCHEMA", "hearth_it") + "_cluster";
    private static final String PG_USER = System.getenv().getOrDefault("HEARTH_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("HEARTH_TEST_PG_PASSWORD", "");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(SchedulerClusterIT.class);

    private static GreenMail greenMail;
    private static WireMockServer webhook;
    private static JdbcClient database;
    private static final List<Node> nodes = new ArrayList<>();

    /** One running application and the watchdog firings it ran, by their scheduled time. */
    record Node(String name, ConfigurableApplicationContext context, Set<Date> watchdogFirings) {
        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }
    }

    @BeforeAll
    static void startTwoNodes() {
        greenMail = new GreenMail(new ServerSetup(HearthIT.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        webhook = new WireMockServer(options().dynamicPort());
        webhook.start();
        webhook.stubFor(post(urlEqualTo("/hooks/cluster")).willReturn(aResponse().withStatus(200)));
        SimpleDriverDataSource admin = new SimpleDriverDataSource(new org.postgresql.Driver(), PG_URL, PG_USER,
                PG_PASSWORD);
        JdbcClient.create(admin).sql("drop schema if exists " + SCHEMA + " cascade").update();
        JdbcClient.create(admin).sql("create schema " + SCHEMA).update();
        database = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
                PG_URL + "?currentSchema=" + SCHEMA, PG_USER, PG_PASSWORD));
        nodes.add(start("node-a"));
        nodes.add(start("node-b"));
    }

    private static Node start(String name) {
        String[] args = {
                "--server.port=0",
                "--spring.datasource.url=" + PG_URL + "?currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + PG_USER,
                "--spring.datasource.password=" + PG_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.flyway.schemas=" + SCHEMA,
                "--hearth.scheduler.watchdog.cron=0/2 * * * * ?",
                "--hearth.scheduler.alerts.email=" + STAFF,
                "--hearth.scheduler.alerts.webhook-url=" + webhook.baseUrl() + "/hooks/cluster",
                "--hearth.channels.email.smtp.host=127.0.0.1",
                "--hearth.channels.email.smtp.port=" + greenMail.getSmtp().getPort(),
                "--hearth.channels.email.from=Cluster Homes <complaints@cluster.example>",
                "--hearth.outbox.poll-interval=300",
                "--hearth.intake.recovery-interval=600000",
                "--hearth.security.api-keys[0].name=crm",
                "--hearth.security.api-keys[0].key=" + HearthIT.CRM_KEY};
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HearthApplication.class).run(args);
        Set<Date> firings = ConcurrentHashMap.newKeySet();
        recordWatchdogFirings(context.getBean(CamelContext.class), firings);
        return new Node(name, context, firings);
    }

    /** Notes the scheduled fire time of every watchdog run this node completes. */
    private static void recordWatchdogFirings(CamelContext camel, Set<Date> firings) {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent completed
                        && "sla-watchdog".equals(completed.getExchange().getFromRouteId())) {
                    firings.add(completed.getExchange().getMessage().getHeader("scheduledFireTime", Date.class));
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(notifier);
        ServiceHelper.startService(notifier);
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(node -> node.context().close());
        if (webhook != null) {
            webhook.stop();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    @Order(1)
    void eachFiringRunsOnOneNodeAndALapsedDeadlineIsWarnedAboutOnce() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> database.sql(
                "select count(*) from qrtz_scheduler_state where sched_name = ?").param(SCHEDULER)
                .query(Long.class).single() == 2);

        String reference = lapsedCaseThroughNode(nodes.get(0));

        await().atMost(Duration.ofSeconds(90)).until(() -> staffMails(reference) == 1 && webhookCalls(reference) == 1);
        int firingsSoFar = allFirings().size();
        await().atMost(Duration.ofSeconds(120)).until(() -> allFirings().size() >= firingsSoFar + 8);

        assertThat(staffMails(reference)).isEqualTo(1);
        assertThat(webhookCalls(reference)).isEqualTo(1);
        assertThat(database.sql("""
                select count(*) from case_event e join case_file c on c.id = e.case_id
                where c.reference = ? and e.type = 'sla_lapsed'""").param(reference).query(Long.class).single())
                .isEqualTo(1);
        List<Date> firings = new ArrayList<>();
        nodes.forEach(node -> firings.addAll(node.watchdogFirings()));
        assertThat(firings).as("each scheduled firing ran on one node only: %s", byNode()).doesNotHaveDuplicates();
        assertThat(Set.copyOf(firings)).hasSizeGreaterThanOrEqualTo(firingsSoFar + 8);
        log.info("Watchdog firings run by each node: {}", byNode());
        for (Node node : nodes) {
            JsonNode health = JSON.readTree(new Browser(node.port()).get("/actuator/health").body());
            assertThat(health.path("components").path("scheduler").path("status").asText()).as(node.name())
                    .isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void whenOneNodeStopsTheOtherRunsEveryFiring() {
        Node leaving = nodes.get(0);
        Node staying = nodes.get(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> allFirings().size() >= 2);

        leaving.context().close();
        int stayingSoFar = staying.watchdogFirings().size();
        int leavingSoFar = leaving.watchdogFirings().size();

        await().atMost(Duration.ofSeconds(90)).until(() -> staying.watchdogFirings().size() >= stayingSoFar + 4);
        assertThat(leaving.watchdogFirings()).hasSize(leavingSoFar);
        // The node that stayed notices the other stopped checking in and takes it out of the cluster.
        await().atMost(Duration.ofSeconds(90)).until(() -> database.sql(
                "select count(*) from qrtz_scheduler_state where sched_name = ?").param(SCHEDULER)
                .query(Long.class).single() == 1);
    }

    private static String lapsedCaseThroughNode(Node node) throws Exception {
        String externalId = HearthIT.unique("cluster");
        HttpResponse<String> accepted = new Browser(node.port()).postJson("/api/v1/messages", HearthIT.CRM_KEY,
                HearthIT.apiBody(externalId, "I want to complain: nobody has come to fix the broken window."));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String reference = JSON.readTree(accepted.body()).path("reference").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> greenMail.getReceivedMessagesForDomain(externalId + "@example.org").length == 1);
        database.sql("update case_file set respond_by = ? where reference = ?")
                .params(LocalDate.now(ZoneId.of("Europe/London")).minusDays(2), reference).update();
        return reference;
    }

    private static Set<Date> allFirings() {
        Set<Date> all = ConcurrentHashMap.newKeySet();
        nodes.forEach(node -> all.addAll(node.watchdogFirings()));
        return all;
    }

    private static Map<String, Integer> byNode() {
        Map<String, Integer> counts = new TreeMap<>();
        nodes.forEach(node -> counts.put(node.name(), node.watchdogFirings().size()));
        return counts;
    }

    private static long staffMails(String reference) {
        return Arrays.stream(greenMail.getReceivedMessagesForDomain(STAFF)).filter(mail -> {
            try {
                return mail.getSubject().contains(reference);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).count();
    }

    private static int webhookCalls(String reference) {
        return webhook.findAll(postRequestedFor(urlEqualTo("/hooks/cluster")).withRequestBody(containing(reference)))
                .size();
    }
}
