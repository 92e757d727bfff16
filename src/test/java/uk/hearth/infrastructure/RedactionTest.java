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
    void masksAddressesInsideLongExceptionText() {
        String trace = "org.springframework.mail.MailSendException: Failed messages: "
                + "jakarta.mail.SendFailedException: Invalid Addresses; nested exception is: "
                + "org.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <bob-smith.1990@mail.example.org>"
                + " rejected; +447700900456 and 0161 496 0000 unreachable";
        String masked = Redaction.mask(trace);
        assertThat(masked).contains("org.springframework.mail.MailSendException", "<b***@mail.example.org>",
                "***56", "***00").doesNotContain("bob-smith", "7700900", "496 0");
    }

    @Test
    void leavesOrdinaryTextAndNullAlone() {
        assertThat(Redaction.mask("Connection refused: localhost, 2525")).isEqualTo("Connection refused: localhost, 2525");
        assertThat(Redaction.mask(null)).isNull();
    }
}
