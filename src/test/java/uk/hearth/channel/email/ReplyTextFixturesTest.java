package uk.hearth.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures quote and signature stripping against the third-party reply fixtures with an expected text, compared
 * as ASSERTIONS.md says: talon's expectations are quote-stripping only and whitespace-insensitive; the others are
 * the visible reply, trimmed. Prints the share that match and lists the rest.
 */
class ReplyTextFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/email-reply");
    static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String input, String expected, boolean talon) {
    }

    @Test
    void atLeastNinetyPercentOfTheRepliesComeOutAsTheirAuthorsWroteThem() throws Exception {
        List<Case> cases = cases();
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            String actual = c.talon() ? ReplyText.withoutQuotes(c.input()) : ReplyText.visible(c.input());
            boolean match = c.talon() ? squash(actual).equals(squash(c.expected()))
                    : actual.strip().equals(c.expected().strip());
            if (!match) {
                misses.add(c.name() + "\n   expected: " + c.expected().strip().replace("\n", "\\n")
                        + "\n   actual:   " + abbreviate(actual.strip().replace("\n", "\\n")));
            }
        }
        int matched = cases.size() - misses.size();
        System.out.printf("email-reply fixtures: %d of %d match (%.1f %%)%n", matched, cases.size(),
                100.0 * matched / cases.size());
        misses.forEach(m -> System.out.println(" - " + m));
        assertThat(cases).hasSizeGreaterThan(50);
        assertThat(100.0 * matched / cases.size()).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void pathologicalAndLongInputsAreFast() throws Exception {
        for (String name : List.of("github-erp__email_long_quote.txt", "github-erp__pathological.txt")) {
            String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
            long started = System.nanoTime();
            ReplyText.visible(text);
            // Generous for a busy machine: the upstream guard is 1 s; a regex blow-up takes minutes.
            assertThat((System.nanoTime() - started) / 1_000_000).as(name).isLessThan(10_000);
        }
    }

    @Test
    void theFragmentAssertionsThatNameTheFirstFragmentHold() throws Exception {
        assertThat(visible("github-erp__email_1_3.txt")).startsWith("Oh thanks.\n\nHaving");
        assertThat(visible("github-erp__email_1_4.txt")).startsWith("Awesome").doesNotContain("Loader");
        assertThat(visible("github-erp__email_1_6.txt")).startsWith("I get").doesNotContain("Was this");
        assertThat(visible("github-erp__email_1_7.txt")).contains(":+1:").doesNotContain("Steps 0-2");
        assertThat(visible("github-erp__email_one_is_not_on.txt")).contains("One outstanding question")
                .doesNotContain("On Oct 1, 2012");
        assertThat(visible("willdurand__email_zimbra_free_fr.txt")).contains("Michael Scott")
                .doesNotContain("Toby Flenderson");
        assertThat(visible("willdurand__email_zimbra_free_en.txt")).contains("Michael Scott")
                .doesNotContain("Toby Flenderson");
        assertThat(visible("willdurand__email_19.txt")).startsWith("On Thursday").doesNotContain("On Dec 16");
        assertThat(visible("zapier__email_partial_quote_header.txt")).contains("On your remote host you can run:",
                "telnet 127.0.0.1 52698", "This should connect to TextMate");
        assertThat(visible("github-erp__email_1_2.txt")).startsWith("Hi,").contains("You can list");
    }

    private static String visible(String name) throws IOException {
        return ReplyText.visible(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8));
    }

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.txt")).sorted().toList()) {
                String base = expected.getFileName().toString().replace(".expected.txt", "");
                cases.add(new Case(base, input(base), Files.readString(expected, StandardCharsets.UTF_8),
                        base.startsWith("talon__")));
            }
        }
        for (String template : List.of("willdurand__email_with_date_headers")) {
            JsonNode spec = JSON.readTree(DIR.resolve(template + ".cases.json").toFile());
            String text = Files.readString(DIR.resolve(spec.path("template").asText()), StandardCharsets.UTF_8);
            String placeholder = spec.path("placeholder").asText();
            int i = 0;
            for (JsonNode c : spec.path("cases")) {
                String header = c.path("quote_header").asText();
                cases.add(new Case(template + "#" + (i++), text.replace(placeholder, header),
                        spec.path("expected_visible_text").asText(), false));
            }
        }
        return cases;
    }

    private static String input(String base) throws Exception {
        Path txt = DIR.resolve(base + ".txt");
        if (Files.exists(txt)) {
            return Files.readString(txt, StandardCharsets.UTF_8);
        }
        Path html = DIR.resolve(base + ".html");
        if (Files.exists(html)) {
            return HtmlText.withoutQuotes(Files.readString(html, StandardCharsets.UTF_8));
        }
        byte[] eml = Files.readAllBytes(DIR.resolve(base + ".eml"));
        return new MimeReader(10_000_000).read(eml, Instant.EPOCH).text();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
