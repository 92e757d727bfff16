package uk.hearth.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.Outbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/** The core's ports in memory, for tests of the use cases without Spring or a database. */
final class MemoryPorts {
    private MemoryPorts() {
    }

    static final class MemoryInbox implements Inbox {
        final Map<Long, StoredInbound> rows = new HashMap<>();
        final Map<Long, Long> processedCase = new HashMap<>();

        long store(InboundMessage message) {
            return accept(message).id();
        }

        @Override
        public Receipt accept(InboundMessage message) {
            long id = rows.size() + 1;
            rows.put(id, new StoredInbound(id, message, StoredInbound.Status.RECEIVED, 0, null, null));
            return new Receipt(id, false);
        }

        @Override
        public Optional<StoredInbound> lock(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public void markProcessed(long id, Long caseId, Processed.Outcome outcome) {
            StoredInbound row = rows.get(id);
            rows.put(id, new StoredInbound(id, row.message(), StoredInbound.Status.PROCESSED, row.attempts(), caseId,
                    outcome));
            processedCase.put(id, caseId);
        }

        @Override
        public void recordFailure(long id, String error, Instant nextAttempt) {
        }

        @Override
        public List<Long> due(Instant now, int limit) {
            return List.of();
        }
    }

    static final class MemoryCases implements Cases {
        final List<NewCase> added = new ArrayList<>();
        final List<CaseFile> files = new ArrayList<>();
        final List<String> eventTypes = new ArrayList<>();
        final Map<Long, List<String>> events = new HashMap<>();
        final Map<Long, String> attention = new HashMap<>();
        final MemoryInbox inbox;
        final MemoryOutbox outbox;
        private long sequence;

        MemoryCases(MemoryInbox inbox, MemoryOutbox outbox) {
            this.inbox = inbox;
            this.outbox = outbox;
        }

        @Override
        public CaseReference nextReference(int year) {
            return CaseReference.of("HRT", year, ++sequence);
        }

        @Override
        public long add(NewCase c) {
            added.add(c);
            long id = added.size();
            files.add(new CaseFile(id, c.reference(), c.caseClass(), c.stage(), c.status(), c.channel(),
                    c.preferredContact(), c.language(), c.contact(), c.tenant(), c.flags(), c.consentState(),
                    c.receivedAt(), c.deadlines(), null, c.relatedCaseId()));
            if (c.staffAttention() != null) {
                attention.put(id, c.staffAttention());
            }
            return id;
        }

        CaseFile file(long id) {
            return files.get((int) id - 1);
        }

        void update(long id, java.util.function.UnaryOperator<CaseFile> change) {
            files.set((int) id - 1, change.apply(file(id)));
        }

        /** Staff recorded the stage 1 response. */
        void respondedAt(long id, Instant at) {
            update(id, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(), f.consentState(),
                    f.receivedAt(), f.deadlines(), at, f.relatedCaseId()));
        }

        @Override
        public Optional<CaseSummary> summary(long caseId) {
            CaseFile c = file(caseId);
            int queued = outbox.queuedFor.indexOf(caseId);
            int manual = outbox.manualFor.indexOf(caseId);
            OutboundReply ack = queued >= 0 ? outbox.queued.get(queued) : manual >= 0 ? outbox.manual.get(manual) : null;
            return Optional.of(new CaseSummary(caseId, c.reference(), c.caseClass(), c.status(), c.channel().value(),
                    c.deadlines().acknowledgeBy(), c.deadlines().respondBy(),
                    ack == null ? null : ack.channel().value(), queued < 0 && manual >= 0, c.flags().hazard()));
        }

        @Override
        public Optional<CaseFile> find(long caseId) {
            return caseId >= 1 && caseId <= files.size() ? Optional.of(file(caseId)) : Optional.empty();
        }

        @Override
        public Optional<CaseFile> find(CaseReference reference) {
            return files.stream().filter(f -> f.reference().equals(reference)).findFirst();
        }

        @Override
        public Optional<Long> holdingMessage(Collection<String> messageIds) {
            for (StoredInbound row : inbox.rows.values()) {
                if (row.caseId() != null && messageIds.contains(row.message().messageId())) {
                    return Optional.of(row.caseId());
                }
            }
            return outbox.byProviderId.entrySet().stream().filter(e -> messageIds.contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public Optional<CaseFile> latestOpen(ChannelId channel, Sender contact, Instant since) {
            return inbox.rows.values().stream()
                    .filter(r -> r.caseId() != null && r.message().channel().equals(channel)
                            && !r.message().receivedAt().isBefore(since) && file(r.caseId()).isWith(contact)
                            && file(r.caseId()).isOpen())
                    .map(r -> file(r.caseId())).reduce((a, b) -> b);
        }

        @Override
        public void escalate(long caseId, Deadlines d) {
            update(caseId, f -> new CaseFile(f.id(), f.reference(), CaseClass.ESCALATION, 2, f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(), f.consentState(),
                    f.receivedAt(), d, f.stage1RespondedAt(), f.relatedCaseId()));
        }

        @Override
        public void markHazard(long caseId, Instant makeSafeBy) {
            update(caseId, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(),
                    new NewCase.Flags(true, f.flags().vulnerability(), f.flags().representative(),
                            f.flags().representativeRole(), f.flags().needsClarification()),
                    f.consentState(), f.receivedAt(), f.deadlines(), f.stage1RespondedAt(), f.relatedCaseId()));
        }

        @Override
        public void flagForStaff(long caseId, String why) {
            attention.merge(caseId, why, (a, b) -> a + "; " + b);
        }

        @Override
        public void recordEvent(long caseId, String type, String detail, Instant at) {
            eventTypes.add(type);
            events.computeIfAbsent(caseId, k -> new ArrayList<>()).add(type + ": " + detail);
        }

        void close(long id) {
            update(id, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), CaseStatus.CLOSED,
                    f.channel(), f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(),
                    f.consentState(), f.receivedAt(), f.deadlines(), f.stage1RespondedAt(), f.relatedCaseId()));
        }
    }

    static final class MemoryOutbox implements Outbox {
        final List<OutboundReply> queued = new ArrayList<>();
        final List<Long> queuedFor = new ArrayList<>();
        final List<OutboundReply> manual = new ArrayList<>();
        final List<Long> manualFor = new ArrayList<>();
        final Map<String, Long> byProviderId = new HashMap<>();
        final Set<String> undeliverable = new HashSet<>();

        @Override
        public long enqueue(long caseId, String kind, OutboundReply reply) {
            queued.add(reply);
            queuedFor.add(caseId);
            return queued.size();
        }

        @Override
        public long recordManual(long caseId, String kind, OutboundReply reply) {
            manual.add(reply);
            manualFor.add(caseId);
            return manual.size();
        }

        /** The channel sent the last queued reply and the provider called it {@code providerId}. */
        void sent(String providerId) {
            byProviderId.put(providerId, queuedFor.get(queuedFor.size() - 1));
        }

        @Override
        public Optional<Long> markUndeliverable(Collection<String> providerIds, String why) {
            for (String id : providerIds) {
                if (byProviderId.containsKey(id)) {
                    undeliverable.add(id);
                    return Optional.of(byProviderId.get(id));
                }
            }
            return Optional.empty();
        }
    }

    static final class MemoryOptOuts implements OptOuts {
        final Set<String> optedOut = new HashSet<>();

        @Override
        public boolean isOptedOut(ChannelId channel, String address) {
            return optedOut.contains(channel + ":" + address);
        }

        @Override
        public void optOut(ChannelId channel, String address, String reason) {
            optedOut.add(channel + ":" + address);
        }

        @Override
        public void optIn(ChannelId channel, String address) {
            optedOut.remove(channel + ":" + address);
        }
    }
}
