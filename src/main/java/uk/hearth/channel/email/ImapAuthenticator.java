package uk.hearth.channel.email;

import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;

/**
 * The mailbox login the IMAP consumer asks for at every connection: the password, or with OAuth2 a current
 * access token in its place (Jakarta Mail then authenticates with SASL XOAUTH2).
 */
final class ImapAuthenticator extends MailAuthenticator {
    private final String username;
    private final String password;
    private final OAuth2Tokens tokens;

    ImapAuthenticator(String username, String password, OAuth2Tokens tokens) {
        this.username = username;
        this.password = password;
        this.tokens = tokens;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(username, tokens != null ? tokens.current() : password);
    }
}
