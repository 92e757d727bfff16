package uk.hearth.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import org.junit.jupiter.api.Test;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;

class TwilioErrorsTest {

    static ApiException api(int status, Integer code, String message) {
        return new ApiException(message, code, null, status, null, null, null, null);
    }

    @Test
    void anOptedOutNumberIsRefusedForGoodAndMarked() {
        RuntimeException outcome = TwilioErrors.classify(api(400, 21610, "Attempt to send to unsubscribed recipient"));

        assertThat(outcome).isInstanceOf(DeliveryRefused.class);
        assertThat(((DeliveryRefused) outcome).recipientOptedOut()).isTrue();
    }

    @Test
    void aNumberThatCannotTakeTheMessageIsRefusedWithoutAnOptOut() {
        RuntimeException outcome = TwilioErrors.classify(api(400, 21211, "Invalid 'To' Phone Number: +44***23"));

        assertThat(outcome).isInstanceOf(DeliveryRefused.class).hasMessageContaining("not a valid phone number");
        assertThat(((DeliveryRefused) outcome).recipientOptedOut()).isFalse();
    }

    @Test
    void ourOwnCredentialsOrSenderWrongMakeTheChannelUnavailable() {
        assertThat(TwilioErrors.classify(api(401, 20003, "Authenticate"))).isInstanceOf(ChannelUnavailable.class);
        assertThat(TwilioErrors.classify(api(404, 20404, "Not found"))).isInstanceOf(ChannelUnavailable.class);
        assertThat(TwilioErrors.classify(api(400, 21606, "The From phone number is not a valid, SMS-capable"
                + " inbound phone number"))).isInstanceOf(ChannelUnavailable.class);
    }

    @Test
    void busyOrFailingTwilioAndNoConnectionAreRetried() {
        assertThat(TwilioErrors.classify(api(500, 20500, "Internal Server Error")))
                .isInstanceOf(TwilioErrors.TwilioTemporarilyFailed.class);
        assertThat(TwilioErrors.classify(api(503, null, "Server Error, no content")))
                .isInstanceOf(TwilioErrors.TwilioTemporarilyFailed.class);
        assertThat(TwilioErrors.classify(api(429, 20429, "Too Many Requests")))
                .isInstanceOf(TwilioErrors.TwilioTemporarilyFailed.class);
        assertThat(TwilioErrors.classify(new ApiConnectionException("Connection refused")))
                .isInstanceOf(TwilioErrors.TwilioTemporarilyFailed.class);
    }

    @Test
    void laterDeliveryFailuresThatMeanTheNumberCannotBeReachedOnThisChannel() {
        assertThat(TwilioErrors.unreachable(21610)).isTrue();
        assertThat(TwilioErrors.unreachable(30006)).isTrue();
        assertThat(TwilioErrors.unreachable(63016)).isTrue();
        // A phone that is off for now: not a reason to give up on the channel.
        assertThat(TwilioErrors.unreachable(30003)).isFalse();
        assertThat(TwilioErrors.unreachable(null)).isFalse();
    }
}
