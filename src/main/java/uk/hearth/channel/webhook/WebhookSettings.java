package uk.hearth.channel.webhook;

import java.util.Map;

/**
 * {@code hearth.channels.<name>.webhook}: a channel an integrator configures without Java. A provider posts JSON
 * to {@code /webhooks/<name>} signed with an HMAC of the body; JSON paths say where the message's parts are;
 * replies are posted back as JSON built from a template.
 */
record WebhookSettings(boolean enabled, Signature signature, Map<String, String> fields, Reply reply) {

    /**
     * @param header    the request header holding the signature
     * @param algorithm a JCA MAC name: HmacSHA256 (default), HmacSHA1, HmacSHA512
     * @param prefix    text before the signature value, e.g. {@code sha256=}
     * @param encoding  hex (default) or base64
     */
    record Signature(String header, String secret, String algorithm, String prefix, String encoding) {
    }

    /**
     * @param url        where replies are posted
     * @param headers    extra request headers (an API token)
     * @param body       a Mustache template of the JSON body; values are JSON-escaped
     * @param providerId a JSON path in the provider's answer to its id for the reply, optional
     */
    record Reply(String url, Map<String, String> headers, String body, String providerId) {
    }
}
