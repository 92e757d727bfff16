package uk.hearth.channel.meta;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearth.meta.*}: Facebook Messenger and Instagram private messages. Secrets come from the environment;
 * with none set the channels are "not configured": the webhook refuses everything and replies wait.
 *
 * @param graphBaseUrl          Graph API host (a test stub or an egress proxy may stand in for it)
 * @param instagramGraphBaseUrl Graph API host for Instagram replies; blank means {@code graphBaseUrl}.
 *                              Instagram-Login apps send through {@code https://graph.instagram.com}
 * @param appSecret             signs Meta's webhook posts (X-Hub-Signature-256) and our appsecret_proof
 * @param instagramAppSecret    an Instagram-Login app's own secret, when it has one
 * @param verifyToken           what Meta must present in the subscription handshake
 * @param pageAccessToken       sends Messenger replies (and Instagram ones when no Instagram token is set)
 * @param instagramAccessToken  sends Instagram replies for an Instagram-Login app
 * @param messagingWindow       Meta's standard messaging window: automated messages only this long after the
 *                              resident's last message
 */
@ConfigurationProperties("hearth.meta")
record MetaProperties(@DefaultValue("https://graph.facebook.com") String graphBaseUrl,
                      String instagramGraphBaseUrl,
                      @DefaultValue("v23.0") String apiVersion,
                      String appSecret,
                      String instagramAppSecret,
                      String verifyToken,
                      String pageAccessToken,
                      String instagramAccessToken,
                      @DefaultValue("24h") Duration messagingWindow,
                      @DefaultValue Attachments attachments) {

    /**
     * Meta's attachment links expire (story media within a day), so files are copied into the inbox soon after
     * the message is stored.
     *
     * @param hosts        only files on these hosts (and their subdomains) are fetched: a shared link can point
     *                     anywhere, including inside our own network
     * @param giveUpAfter  after this long an attachment not yet fetched is marked as not kept
     */
    record Attachments(@DefaultValue("true") boolean keep,
                       @DefaultValue("26214400") long maxBytes,
                       @DefaultValue("20s") Duration fetchTimeout,
                       @DefaultValue({"fbcdn.net", "fbsbx.com", "cdninstagram.com", "facebook.com", "instagram.com"})
                       List<String> hosts,
                       @DefaultValue("3d") Duration giveUpAfter) {
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
