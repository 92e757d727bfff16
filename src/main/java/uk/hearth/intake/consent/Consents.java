package uk.hearth.intake.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.hearth.message.Sender;

/** The consent registry. */
public interface Consents {

    /** @return the new record's id (the {@code id} given is ignored) */
    long add(ConsentRecord consent);

    Optional<ConsentRecord> find(long id);

    void withdraw(long id, String reason, Instant at);

    /** Every consent naming this person (by email or phone) as representative, newest first. */
    List<ConsentRecord> forRepresentative(Sender representative);
}
