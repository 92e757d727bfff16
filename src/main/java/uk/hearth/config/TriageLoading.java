package uk.hearth.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import uk.hearth.intake.triage.Triage;

/**
 * Starts reading the triage configuration ({@code config/triage}: every phrase list, the rules and the models, about
 * two seconds) on a thread of its own as soon as the application context is made, so that it overlaps the rest of
 * start-up (the web server, the database migrations, the routes) instead of following it. The {@link Triage} bean
 * waits for it; a broken configuration still stops start-up, with its own message.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so every start - the service, and each test context - does it.
 */
public final class TriageLoading implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "triageLoading";

    /** The triage being read. */
    static final class Pending {
        private final CompletableFuture<Triage> triage = new CompletableFuture<>();

        Pending(Supplier<Triage> load) {
            Thread thread = new Thread(() -> {
                try {
                    triage.complete(load.get());
                } catch (RuntimeException | Error e) {
                    triage.completeExceptionally(e);
                }
            }, "triage-load");
            thread.setDaemon(true);
            thread.start();
        }

        /** The triage once read; what stopped it, as it was thrown, if it could not be. */
        Triage get() {
            try {
                return triage.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getBeanFactory().containsSingleton(BEAN)) {
            context.getBeanFactory().registerSingleton(BEAN, new Pending(Triage::standard));
        }
    }
}
