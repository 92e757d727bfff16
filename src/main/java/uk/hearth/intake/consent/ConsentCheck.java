package uk.hearth.intake.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.ConsentState;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OnBehalfOf;

/**
 * Decides, rule by rule, whether a representative may be told about the tenant's case (Bury 8; Berneslai 6):
 * the tenant wrote themselves; consent on file for this tenant and representative, still valid and covering this
 * matter; a role the policy treats as implying consent; otherwise the tenant's permission is awaited.
 */
public final class ConsentCheck {

    /** What the rules look at. */
    public record Situation(InboundMessage message, boolean representative, String role, CaseReference reference,
                            Instant at) {
    }

    private record Rule(String id, Function<Situation, Optional<ConsentDecision>> decide) {
    }

    private final Consents consents;
    private final Tenancies tenancies;
    private final List<String> impliedRoles;
    private final List<Rule> rules;

    public ConsentCheck(Consents consents, Tenancies tenancies, List<String> impliedRoles) {
        this.consents = consents;
        this.tenancies = tenancies;
        this.impliedRoles = List.copyOf(impliedRoles);
        this.rules = List.of(
                new Rule("tenant-writes", this::tenantWritesThemselves),
                new Rule("consent-on-file", this::consentOnFile),
                new Rule("implied-by-role", this::impliedByRole),
                new Rule("ask-the-tenant", this::askTheTenant));
    }

    public ConsentDecision decide(Situation situation) {
        for (Rule rule : rules) {
            Optional<ConsentDecision> decided = rule.decide().apply(situation);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        throw new IllegalStateException("the last consent rule always decides");
    }

    /** The tenancy a representative writes about, as far as the message tells. */
    public Optional<Tenancy> tenantOf(InboundMessage message) {
        OnBehalfOf tenant = message.onBehalfOf();
        if (tenant == null) {
            return Optional.empty();
        }
        if (tenant.tenancyReference() != null && !tenant.tenancyReference().isBlank()) {
            Optional<Tenancy> byReference = tenancies.find(tenant.tenancyReference().strip());
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return Tenancy.postcodeIn(tenant.address()).flatMap(postcode -> tenancies.byNameAndPostcode(tenant.name(), postcode));
    }

    private Optional<ConsentDecision> tenantWritesThemselves(Situation s) {
        if (s.representative()) {
            return Optional.empty();
        }
        return Optional.of(new ConsentDecision(ConsentState.NOT_REQUIRED, Optional.empty(),
                tenancies.byContact(s.message().sender()), "tenant-writes", "the tenant wrote themselves"));
    }

    private Optional<ConsentDecision> consentOnFile(Situation s) {
        Optional<Tenancy> tenant = tenantOf(s.message());
        OnBehalfOf named = s.message().onBehalfOf();
        String tenancyReference = tenant.map(Tenancy::reference)
                .orElse(named == null ? null : named.tenancyReference());
        String name = tenant.map(Tenancy::name).orElse(named == null ? null : named.name());
        String address = tenant.map(Tenancy::address).orElse(named == null ? null : named.address());
        if (name == null && tenancyReference == null) {
            return Optional.empty();
        }
        return consents.forRepresentative(s.message().sender()).stream()
                .filter(c -> c.validAt(s.at()) && c.covers(s.reference()) && c.concerns(tenancyReference, name, address))
                .findFirst()
                .map(c -> new ConsentDecision(ConsentState.GIVEN, Optional.of(c), tenant, "consent-on-file",
                        "consent on file: " + c.describe()));
    }

    private Optional<ConsentDecision> impliedByRole(Situation s) {
        if (s.role() == null || !impliedRoles.contains(s.role())) {
            return Optional.empty();
        }
        return Optional.of(new ConsentDecision(ConsentState.IMPLIED, Optional.empty(), tenantOf(s.message()),
                "implied-by-role", "the policy implies the tenant's consent for a representative acting as "
                + s.role().replace('_', ' ')));
    }

    private Optional<ConsentDecision> askTheTenant(Situation s) {
        Optional<Tenancy> tenant = tenantOf(s.message());
        return Optional.of(new ConsentDecision(ConsentState.PENDING, Optional.empty(), tenant, "ask-the-tenant",
                tenant.isPresent()
                        ? "no consent on file: the tenant (tenancy " + tenant.get().reference() + ") is asked directly"
                        : "no consent on file and the tenant is not in the register: the representative is told how"
                        + " the tenant can give permission"));
    }
}
