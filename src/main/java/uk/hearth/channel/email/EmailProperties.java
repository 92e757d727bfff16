package uk.hearth.channel.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearth.channels.email.*}. IMAP intake runs only when {@code imap.host} is set; SMTP carries the replies.
 *
 * @param attachmentMaxSize files larger than this are listed on the case with their size but not kept
 * @param autoReplyCap      at most {@code max} automatic replies to one address within {@code per}
 * @param duplicateWindow   how far back the same text from the same sender counts as a suspected duplicate
 */
@ConfigurationProperties("hearth.channels.email")
record EmailProperties(@DefaultValue("Hearth <complaints@localhost>") String from,
                       @DefaultValue Imap imap,
                       @DefaultValue("10MB") DataSize attachmentMaxSize,
                       @DefaultValue AutoReplyCap autoReplyCap,
                       @DefaultValue("24h") Duration duplicateWindow) {

    /**
     * @param processedFolder where a mail goes once its inbox row is committed; blank: it is only marked seen
     * @param failedFolder    where a mail goes that cannot be read after {@code parseAttempts} polls
     */
    record Imap(String host,
                @DefaultValue("993") int port,
                @DefaultValue("imaps") String protocol,
                @DefaultValue("INBOX") String folder,
                @DefaultValue("Hearth/Processed") String processedFolder,
                @DefaultValue("Hearth/Failed") String failedFolder,
                String username,
                String password,
                @DefaultValue OAuth2 oauth2,
                @DefaultValue("3") int parseAttempts) {

        boolean enabled() {
            return host != null && !host.isBlank();
        }

        /** The inbox's own name for the source of its messages: one mailbox, one stream of external ids. */
        String source() {
            return (username == null ? "" : username) + "@" + host + "/" + folder;
        }
    }

    /** Client-credentials flow for XOAUTH2 (Microsoft 365, Google); on when {@code tokenUri} is set. */
    record OAuth2(String tokenUri, String clientId, String clientSecret, String scope,
                  @DefaultValue("2m") Duration refreshBefore) {

        boolean enabled() {
            return tokenUri != null && !tokenUri.isBlank();
        }
    }

    record AutoReplyCap(@DefaultValue("5") int max, @DefaultValue("24h") Duration per) {
    }
}
