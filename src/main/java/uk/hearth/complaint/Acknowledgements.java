package uk.hearth.complaint;

/** Writes acknowledgement text from the landlord's templates for a channel and language. */
public interface Acknowledgements {

    /** @return subject (may be null for channels without one) and body */
    Written write(AcknowledgementFacts facts);

    record Written(String subject, String body) {
    }
}
