package uk.hearth.complaint;

/** Writes acknowledgement text from the landlord's templates for a channel and language. */
public interface Acknowledgements {

    /** @return subject (may be null for channels without one) and body */
    Written write(AcknowledgementFacts facts);

    /**
     * @param full the whole acknowledgement behind a short one (SMS, messaging), which {@code body} links to; null
     *             when {@code body} is already the whole of it
     */
    record Written(String subject, String body, Full full) {
        public Written(String subject, String body) {
            this(subject, body, null);
        }
    }

    /** The whole acknowledgement, published under an unguessable {@code token}. */
    record Full(String token, String subject, String body) {
    }
}
