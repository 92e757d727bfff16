package uk.hearth.config;

import java.security.Principal;

/** An integrator authenticated by API key; {@code name} is the key's configured name. */
public record ApiClient(String name) implements Principal {
    @Override
    public String getName() {
        return name;
    }
}
