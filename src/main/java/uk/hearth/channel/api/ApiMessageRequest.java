package uk.hearth.channel.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST /api/v1/messages}. */
record ApiMessageRequest(
        @NotBlank @Size(max = 200) String externalId,
        @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a lower-case channel name such as api or phone")
        String channel,
        @NotBlank @Size(max = 20000) String text,
        @Size(max = 500) String subject,
        @NotNull @Valid Sender sender,
        @Valid OnBehalfOf onBehalfOf,
        @Pattern(regexp = "email|phone|letter|sms|whatsapp", message = "must be one of email, phone, letter, sms, whatsapp")
        String preferredContact,
        @Pattern(regexp = "en|cy", message = "must be en or cy") String language,
        Instant receivedAt) {

    record Sender(@Size(max = 200) String name,
                  @Email @Size(max = 320) String email,
                  @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone) {
    }

    record OnBehalfOf(@NotBlank @Size(max = 200) String name,
                      @Size(max = 500) String address,
                      @Size(max = 100) String relationship,
                      @Size(max = 60) String tenancyReference) {
    }
}
