package uk.hearth.channel.email;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.intake.IntakeService;

/**
 * The email channel's beans, named as routes/email.camel.yaml refers to them. The IMAP route itself loads only
 * when {@code hearth.channels.email.imap.host} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    @Bean
    EmailMetrics emailMetrics(MeterRegistry registry) {
        return new EmailMetrics(registry);
    }

    @Bean
    EmailStore emailStore(JdbcClient jdbc) {
        return new EmailStore(jdbc);
    }

    @Bean
    EmailIntake emailIntake(IntakeService intake, EmailStore store, Cases cases, EmailMetrics metrics,
                            EmailProperties properties, Clock clock, ImapMoves emailImapMoves) {
        return new EmailIntake(intake, store, cases, metrics, properties, clock, emailImapMoves);
    }

    /** Poll strategy and post-process action of the IMAP consumer: moves stored mails with IMAP MOVE, then health. */
    @Bean
    ImapMoves emailImapMoves(MailboxStatus emailMailboxStatus) {
        return new ImapMoves(emailMailboxStatus);
    }

    @Bean
    EmailReplies emailReplies(EmailStore store, EmailProperties properties, Clock clock) {
        return new EmailReplies(store, properties, clock);
    }

    /** Follows the IMAP consumer's polls (through emailImapMoves); the source of the health component. */
    @Bean
    MailboxStatus emailMailboxStatus(Clock clock, EmailMetrics metrics, EmailProperties properties,
                                     ImapAuthenticator emailImapAuthenticator, Properties emailImapProperties) {
        return new MailboxStatus(clock, metrics, () -> probe(properties.imap(), emailImapAuthenticator,
                emailImapProperties));
    }

    /** Logs in and looks at the folder as the consumer does; null when that works. */
    static String probe(EmailProperties.Imap imap, ImapAuthenticator authenticator, Properties mailProperties) {
        try {
            jakarta.mail.PasswordAuthentication login = authenticator.getPasswordAuthentication();
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(mailProperties).getStore(imap.protocol());
            store.connect(imap.host(), imap.port(), login.getUserName(), login.getPassword());
            try {
                return store.getFolder(imap.folder()).exists() ? null : "folder " + imap.folder() + " does not exist";
            } finally {
                store.close();
            }
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return e.toString();
        }
    }

    @Bean
    EmailHealthIndicator emailHealthIndicator(MailboxStatus status, EmailProperties properties) {
        return new EmailHealthIndicator(status, properties.imap());
    }

    @Bean
    ImapAuthenticator emailImapAuthenticator(EmailProperties properties, Clock clock) {
        EmailProperties.Imap imap = properties.imap();
        OAuth2Tokens tokens = imap.oauth2().enabled() ? new OAuth2Tokens(imap.oauth2(), clock) : null;
        return new ImapAuthenticator(imap.username(), imap.password(), tokens);
    }

    /** Jakarta Mail settings for the IMAP session: XOAUTH2 when OAuth2 is configured, and timeouts. */
    @Bean
    Properties emailImapProperties(EmailProperties properties) {
        EmailProperties.Imap imap = properties.imap();
        Properties p = new Properties();
        String prefix = "mail." + imap.protocol() + ".";
        if (imap.oauth2().enabled()) {
            p.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
        }
        p.setProperty(prefix + "connectiontimeout", "15000");
        p.setProperty(prefix + "timeout", "60000");
        p.setProperty("mail.mime.address.strict", "false");
        return p;
    }
}
