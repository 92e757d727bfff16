package uk.hearth.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksEmailAddressesAndPhoneNumbers() {
        String masked = Redaction.mask("550 Invalid Addresses: ann.jones@example.org; SMS to +44 7700 900123 failed");
        assertThat(masked).doesNotContain("ann.jones", "7700 900").contains("a***@example.org", "***23");
    }

    @Test
    void leavesOrdinaryTextAndNullAlone() {
        assertThat(Redaction.mask("Connection refused: localhost, 2525")).isEqualTo("Connection refused: localhost, 2525");
        assertThat(Redaction.mask(null)).isNull();
    }
}
