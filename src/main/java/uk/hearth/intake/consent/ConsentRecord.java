package uk.hearth.intake.consent;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import uk.hearth.complaint.CaseReference;

/**
 * A tenant's permission for a representative to act for them (Bury 8: written, recorded or verbal, logged,
 * valid until withdrawn), or staff's record of a representative's authority where the tenant cannot consent
 * (Bury 8.3).
 *
 * @param scope {@link #ALL_MATTERS}, or the reference of the one case it covers
 */
public record ConsentRecord(long id, String tenancyReference, String tenantName, String tenantAddress,
                            Representative representative, Form form, String evidenceReference,
                            String authorityBasis, String recordedBy, String scope, Instant validFrom,
                            Instant expiresAt, Instant withdrawnAt) {
    public static final String ALL_MATTERS = "all";

    public enum Form {
        WRITTEN, RECORDED, VERBAL,
        /** Staff recorded a recognised representative's authority (power of attorney, appointed advocate). */
        AUTHORITY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param role one of family, friend, support_worker, advocate, solicitor, councillor, mp, other */
    public record Representative(String name, String email, String phone, String role) {
    }

    public ConsentRecord {
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(validFrom, "validFrom");
        scope = scope == null || scope.isBlank() ? ALL_MATTERS : scope.strip();
    }

    public boolean validAt(Instant at) {
        return !validFrom.isAfter(at) && (expiresAt == null || expiresAt.isAfter(at))
                && (withdrawnAt == null || withdrawnAt.isAfter(at));
    }

    public boolean covers(CaseReference reference) {
        return ALL_MATTERS.equals(scope) || (reference != null && scope.equalsIgnoreCase(reference.value()));
    }

    /** The tenant this consent is about: the same tenancy, or the same name at the same postcode. */
    public boolean concerns(String otherTenancyReference, String otherName, String otherAddress) {
        if (tenancyReference != null && otherTenancyReference != null) {
            return tenancyReference.equalsIgnoreCase(otherTenancyReference);
        }
        String postcode = Tenancy.postcodeIn(tenantAddress).orElse(null);
        String otherPostcode = Tenancy.postcodeIn(otherAddress).orElse(null);
        return !Tenancy.normalisedName(tenantName).isEmpty()
                && Tenancy.normalisedName(tenantName).equals(Tenancy.normalisedName(otherName))
                && (postcode == null || otherPostcode == null || postcode.equals(otherPostcode));
    }

    public String describe() {
        return form.wireName() + " consent recorded by " + recordedBy + " from " + validFrom
                + (evidenceReference == null ? "" : " (evidence " + evidenceReference + ")")
                + (authorityBasis == null ? "" : " on the authority of " + authorityBasis);
    }
}
