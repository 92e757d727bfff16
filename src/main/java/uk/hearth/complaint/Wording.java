package uk.hearth.complaint;

import java.util.Map;
import uk.hearth.message.ChannelId;

/**
 * Messages other than acknowledgements (asking a tenant for consent, telling a representative we cannot
 * discuss a case), written from the landlord's templates for a channel and language.
 */
public interface Wording {

    /**
     * @param kind   the template family, e.g. {@code consent-request}
     * @param values what the template may use
     */
    Acknowledgements.Written write(String kind, ChannelId channel, String language, Map<String, Object> values);
}
