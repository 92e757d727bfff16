package uk.hearth.channel.twilio;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import uk.hearth.message.ChannelId;

/**
 * Counters for the Twilio channel, tagged with the channel (sms, whatsapp): {@code hearth.twilio.inbound} by result
 * (accepted, duplicate, notice), {@code hearth.twilio.outbound} by kind (text, template),
 * {@code hearth.twilio.failures} by kind (signature, bad_request, database, not_configured, refused, unavailable,
 * transient, undelivered), {@code hearth.twilio.delivery} by the state Twilio reported, and
 * {@code hearth.twilio.sms.segments}, the segments each SMS took.
 */
@Component
class TwilioMetrics {
    private final MeterRegistry meters;

    TwilioMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void inbound(ChannelId channel, String result) {
        meters.counter("hearth.twilio.inbound", "channel", channel.value(), "result", result).increment();
    }

    void sent(ChannelId channel, String kind) {
        meters.counter("hearth.twilio.outbound", "channel", channel.value(), "kind", kind).increment();
    }

    void failure(ChannelId channel, String kind) {
        meters.counter("hearth.twilio.failures", "channel", channel == null ? "unknown" : channel.value(), "kind", kind)
                .increment();
    }

    /** How many segments each SMS took: more than two means a template or a name pushed it over. */
    void smsSegments(int segments) {
        DistributionSummary.builder("hearth.twilio.sms.segments").register(meters).record(segments);
    }

    void delivery(String channel, String state) {
        meters.counter("hearth.twilio.delivery", "channel", channel, "state", state).increment();
    }
}
