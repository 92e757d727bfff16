package uk.hearth.channel.email;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component "mail": whether the SMTP server that carries acknowledgements answers with its
 * 220 greeting. It does not send anything; while it is down, acknowledgements wait in the outbox.
 */
@Component("mail")
class SmtpHealthIndicator implements HealthIndicator {
    private static final int TIMEOUT_MS = 2000;

    private final String host;
    private final int port;

    SmtpHealthIndicator(@Value("${hearth.channels.email.smtp.host}") String host,
                        @Value("${hearth.channels.email.smtp.port}") int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Health health() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII).print("QUIT\r\n");
            if (greeting != null && greeting.startsWith("220")) {
                return Health.up().withDetail("smtp", host + ":" + port).build();
            }
            return Health.down().withDetail("smtp", host + ":" + port)
                    .withDetail("greeting", String.valueOf(greeting)).build();
        } catch (Exception e) {
            return Health.down().withDetail("smtp", host + ":" + port).withDetail("error", e.toString()).build();
        }
    }
}
