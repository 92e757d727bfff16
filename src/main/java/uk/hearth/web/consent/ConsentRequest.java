package uk.hearth.web.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST /api/v1/consents}. */
record ConsentRequest(
        @NotNull @Valid Tenant tenant,
        @NotNull @Valid Representative representative,
        @NotBlank @Pattern(regexp = "written|recorded|verbal|authority",
                message = "must be written, recorded, verbal or authority") String form,
        @Size(max = 200) String evidenceReference,
        @Size(max = 500) String authorityBasis,
        @Pattern(regexp = "all|[A-Za-z]{2,5}-\\d{4}-\\d{6,}", message = "must be all or a case reference") String scope,
        Instant validFrom,
        Instant expiresAt) {

    record Tenant(@Size(max = 60) String tenancyReference, @NotBlank @Size(max = 200) String name,
                  @Size(max = 500) String address) {
    }

    record Representative(@NotBlank @Size(max = 200) String name, @Email @Size(max = 320) String email,
                          @Size(max = 40) String phone,
                          @NotBlank @Pattern(regexp = "family|friend|support_worker|advocate|solicitor|councillor|mp|other",
                                  message = "must be family, friend, support_worker, advocate, solicitor, councillor,"
                                          + " mp or other") String role) {
    }

    record Withdrawal(@Size(max = 500) String reason) {
    }
}
