package uk.hearth.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppTemplateTest {

    @Test
    void variablesAreRenderedOnOneLineAsContentVariablesJson() throws Exception {
        WhatsAppTemplate template = new WhatsAppTemplate("HX1", Map.of("1", "{{reference}}", "2", "{{text}}",
                "3", "{{landlord}} ({{formUrl}})", "4", "{{unknown}}"));

        JsonNode json = new ObjectMapper().readTree(template.variables("HRT-2026-000001",
                "Your repair is booked\n\nfor   Friday", "Test Homes", "https://hearth.example/"));

        assertThat(json.path("1").asText()).isEqualTo("HRT-2026-000001");
        assertThat(json.path("2").asText()).isEqualTo("Your repair is booked for Friday");
        assertThat(json.path("3").asText()).isEqualTo("Test Homes (https://hearth.example/)");
        assertThat(json.path("4").asText()).isEmpty();
    }

    @Test
    void aLongTextIsCutToWhatWhatsAppAccepts() {
        assertThat(WhatsAppTemplate.oneLine("x".repeat(5000))).hasSize(1000).endsWith("…");
    }
}
