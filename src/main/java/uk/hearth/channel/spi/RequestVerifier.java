package uk.hearth.channel.spi;

/**
 * Tells a provider's genuine requests from forged ones (a signature over the body, a shared token). It runs before
 * anything in the request is read or stored; a request it refuses is answered 401 or 403 and leaves no trace but a
 * metric and a log line without its content. A channel whose provider cannot sign (a mailbox Hearth polls) has none.
 */
@FunctionalInterface
public interface RequestVerifier {

    boolean verify(ProviderRequest request);
}
