package uk.hearth.infrastructure.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.Processed;
import uk.hearth.intake.StoredInbound;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;

class GroupCommitTest {
    /** An inbox that holds its first single commit until released, and refuses the message whose text is "refused". */
    static final class HeldInbox implements Inbox {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> commits = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong ids = new AtomicLong();
        volatile RuntimeException batchFailure;

        @Override
        public Receipt accept(InboundMessage message) {
            if (message.text().equals("hold")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (message.text().equals("refused")) {
                throw new DataIntegrityViolationException("value too long");
            }
            commits.add("one:" + message.text());
            return new Receipt(ids.incrementAndGet(), false);
        }

        @Override
        public List<Receipt> acceptAll(List<InboundMessage> messages) {
            if (batchFailure != null) {
                throw batchFailure;
            }
            if (messages.stream().anyMatch(m -> m.text().equals("refused"))) {
                throw new DataIntegrityViolationException("value too long");
            }
            commits.add("batch:" + messages.size());
            return messages.stream().map(m -> new Receipt(ids.incrementAndGet(), false)).toList();
        }

        @Override
        public Optional<StoredInbound> lock(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markProcessed(long id, Long caseId, Processed.Outcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordFailure(long id, String error, Instant nextAttempt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InboundMessage> openingMessage(long caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> due(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    final HeldInbox inbox = new HeldInbox();
    final GroupCommit commits = new GroupCommit(inbox, 1, 64, Duration.ofSeconds(20));

    @AfterEach
    void close() throws InterruptedException {
        inbox.release.countDown();
        commits.close();
    }

    static InboundMessage message(String text) {
        return InboundMessage.builder(ChannelId.of("sms"), "SM" + System.nanoTime(), text, Instant.now()).build();
    }

    CompletableFuture<Inbox.Receipt> post(String text) {
        return CompletableFuture.supplyAsync(() -> commits.accept(message(text)));
    }

    /** Starts a commit that holds the writer, then queues {@code texts} behind it. */
    List<CompletableFuture<Inbox.Receipt>> queuedBehindAHeldCommit(String... texts) {
        CompletableFuture<Inbox.Receipt> held = post("hold");
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 0 && !held.isDone());
        List<CompletableFuture<Inbox.Receipt>> queued = new ArrayList<>(List.of(held));
        for (String text : texts) {
            // One at a time: each post runs on a thread of its own, so posted together they could queue in any order.
            int before = commits.waiting();
            queued.add(post(text));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == before + 1);
        }
        inbox.release.countDown();
        return queued;
    }

    @Test
    void aPostOnItsOwnIsCommittedAtOnce() {
        assertThat(commits.accept(message("alone")).id()).isEqualTo(1);
        assertThat(inbox.commits).containsExactly("one:alone");
    }

    @Test
    void postsQueuedBehindACommitShareTheNextOne() throws Exception {
        List<CompletableFuture<Inbox.Receipt>> posts = queuedBehindAHeldCommit("a", "b", "c", "d", "e");

        List<Long> ids = new ArrayList<>();
        for (CompletableFuture<Inbox.Receipt> post : posts) {
            ids.add(post.get(10, TimeUnit.SECONDS).id());
        }
        assertThat(inbox.commits).containsExactly("one:hold", "batch:5");
        assertThat(ids).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void aMessageTheDatabaseRefusesFailsOnlyItsOwnPost() throws Exception {
        List<CompletableFuture<Inbox.Receipt>> posts = queuedBehindAHeldCommit("a", "refused", "c");

        assertThat(posts.get(1).get(10, TimeUnit.SECONDS).duplicate()).isFalse();
        assertThatThrownBy(() -> posts.get(2).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(posts.get(3).get(10, TimeUnit.SECONDS).duplicate()).isFalse();
        assertThat(inbox.commits).containsExactly("one:hold", "one:a", "one:c");
    }

    @Test
    void anUnreachableDatabaseFailsEveryPostInTheBatchWithoutTryingEachAgain() {
        inbox.batchFailure = new CannotGetJdbcConnectionException("database down");

        List<CompletableFuture<Inbox.Receipt>> posts = queuedBehindAHeldCommit("a", "b");

        for (CompletableFuture<Inbox.Receipt> post : posts.subList(1, 3)) {
            assertThatThrownBy(() -> post.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(inbox.commits).containsExactly("one:hold");
    }

    @Test
    void closingCommitsWhatIsQueuedAndLaterPostsCommitOnTheirOwn() throws Exception {
        List<CompletableFuture<Inbox.Receipt>> posts = queuedBehindAHeldCommit("a", "b");
        commits.close();

        for (CompletableFuture<Inbox.Receipt> post : posts) {
            assertThat(post.get(10, TimeUnit.SECONDS).id()).isPositive();
        }
        assertThat(inbox.commits).containsExactly("one:hold", "batch:2");
        assertThat(commits.accept(message("after")).id()).isPositive();
        assertThat(inbox.commits).endsWith("one:after");
    }
}
