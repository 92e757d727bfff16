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
import uk.hearth.complaint.Acknowledgements;
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
        public Optional<InboundMessage> openingMessage(long caseId) {
            return rows.values().stream().filter(r -> Long.valueOf(caseId).equals(r.caseId())
                    && r.outcome() == Processed.Outcome.OPENED).map(StoredInbound::message).findFirst();
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
        final Map<Long, List<Acknowledgements.Full>> fullAcknowledgements = new HashMap<>();
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
                    c.receivedAt(), c.deadlines(), null, c.relatedCaseId(), c.tenancyReference(), c.consentId()));
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
                    f.receivedAt(), f.deadlines(), at, f.relatedCaseId(), f.tenancyReference(), f.consentId()));
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
                    f.receivedAt(), d, f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(), f.consentId()));
        }

        @Override
        public void markHazard(long caseId, Instant makeSafeBy) {
            update(caseId, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(),
                    new NewCase.Flags(true, f.flags().vulnerability(), f.flags().representative(),
                            f.flags().representativeRole(), f.flags().needsClarification()),
                    f.consentState(), f.receivedAt(), f.deadlines(), f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(), f.consentId()));
        }

        @Override
        public void setConsent(long caseId, uk.hearth.complaint.ConsentState state, Long consentId, CaseStatus status) {
            update(caseId, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), status, f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(), state, f.receivedAt(),
                    f.deadlines(), f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(), consentId));
        }

        @Override
        public Optional<Long> awaitingConsentAskedOf(Sender tenant) {
            for (int i = outbox.queued.size() - 1; i >= 0; i--) {
                OutboundReply r = outbox.queued.get(i);
                long caseId = outbox.queuedFor.get(i);
                if (outbox.kinds.get(i).equals("consent_request") && r.recipient() != null
                        && (r.recipient().equals(tenant.email()) || r.recipient().equals(tenant.phone()))
                        && file(caseId).consentState() == uk.hearth.complaint.ConsentState.PENDING) {
                    return Optional.of(caseId);
                }
            }
            return Optional.empty();
        }

        @Override
        public List<CaseFile> awaitingConsentFor(Sender representative) {
            return files.stream().filter(f -> f.consentState() == uk.hearth.complaint.ConsentState.PENDING
                    && f.isOpen() && f.isWith(representative)).toList();
        }

        @Override
        public List<Long> relyingOnConsent(long consentId) {
            return files.stream().filter(f -> Long.valueOf(consentId).equals(f.consentId())
                    && f.consentState() == uk.hearth.complaint.ConsentState.GIVEN).map(CaseFile::id).toList();
        }

        final Map<Long, Integer> extended = new HashMap<>();

        @Override
        public void recordResponse(long caseId, int stage, Instant at, String outcome) {
            if (stage == 1) {
                respondedAt(caseId, at);
            }
        }

        @Override
        public void recordExtension(long caseId, int stage, int workingDays, String reason,
                                    java.time.LocalDate previous, java.time.LocalDate next, String recordedBy) {
            extended.merge(caseId, workingDays, Integer::sum);
            update(caseId, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(), f.consentState(),
                    f.receivedAt(), new Deadlines(f.deadlines().dayZero(), f.deadlines().acknowledgeBy(), next,
                    f.deadlines().makeSafeBy()), f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(),
                    f.consentId()));
        }

        @Override
        public int extendedWorkingDays(long caseId, int stage) {
            return extended.getOrDefault(caseId, 0);
        }

        @Override
        public void exclude(long caseId, String exclusion) {
            attention.merge(caseId, exclusion, (a, b) -> a + "; " + b);
        }

        @Override
        public void close(long caseId, String reason) {
            close(caseId);
        }

        @Override
        public List<Long> concernsUnresolvedBefore(java.time.LocalDate day) {
            return added.stream().filter(c -> c.admission().concernResolveBy() != null
                    && c.admission().concernResolveBy().isBefore(day)).map(c -> (long) added.indexOf(c) + 1)
                    .filter(id -> file(id).isOpen() && file(id).stage1RespondedAt() == null
                            && !promoted.contains(id)).toList();
        }

        final java.util.Set<Long> promoted = new java.util.HashSet<>();

        @Override
        public void promoteConcern(long caseId, Deadlines d) {
            promoted.add(caseId);
            update(caseId, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), f.status(), f.channel(),
                    f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(), f.consentState(),
                    f.receivedAt(), d, f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(), f.consentId()));
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

        @Override
        public void keepFullAcknowledgement(long caseId, String language, Acknowledgements.Full full, Instant at) {
            fullAcknowledgements.computeIfAbsent(caseId, k -> new ArrayList<>()).add(full);
        }

        void close(long id) {
            update(id, f -> new CaseFile(f.id(), f.reference(), f.caseClass(), f.stage(), CaseStatus.CLOSED,
                    f.channel(), f.preferredContact(), f.language(), f.contact(), f.tenant(), f.flags(),
                    f.consentState(), f.receivedAt(), f.deadlines(), f.stage1RespondedAt(), f.relatedCaseId(), f.tenancyReference(), f.consentId()));
        }
    }

    static final class MemoryOutbox implements Outbox {
        final List<OutboundReply> queued = new ArrayList<>();
        final List<Long> queuedFor = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        final List<OutboundReply> manual = new ArrayList<>();
        final List<Long> manualFor = new ArrayList<>();
        final Map<String, Long> byProviderId = new HashMap<>();
        final Set<String> undeliverable = new HashSet<>();

        @Override
        public long enqueue(long caseId, String kind, OutboundReply reply) {
            queued.add(reply);
            queuedFor.add(caseId);
            kinds.add(kind);
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
        public int markManualSent(long caseId, String kind, Instant sentAt) {
            return manualFor.contains(caseId) ? 1 : 0;
        }

        @Override
        public int cancelPending(long caseId, String recipient, String why) {
            cancelled.add(caseId + ":" + recipient);
            return 0;
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

    static final class MemoryTenancies implements uk.hearth.intake.consent.Tenancies {
        final List<uk.hearth.intake.consent.Tenancy> rows = new ArrayList<>();

        @Override
        public Optional<uk.hearth.intake.consent.Tenancy> find(String reference) {
            return rows.stream().filter(t -> t.reference().equalsIgnoreCase(reference)).findFirst();
        }

        @Override
        public Optional<uk.hearth.intake.consent.Tenancy> byContact(Sender contact) {
            return rows.stream().filter(t -> (t.email() != null && t.email().equalsIgnoreCase(contact.email()))
                    || (t.phone() != null && t.phone().equals(contact.phone()))).findFirst();
        }

        @Override
        public Optional<uk.hearth.intake.consent.Tenancy> byNameAndPostcode(String name, String postcode) {
            return rows.stream().filter(t -> uk.hearth.intake.consent.Tenancy.normalisedName(t.name())
                    .equals(uk.hearth.intake.consent.Tenancy.normalisedName(name)) && postcode.equals(t.postcode()))
                    .findFirst();
        }
    }

    static final class MemoryConsents implements uk.hearth.intake.consent.Consents {
        final List<uk.hearth.intake.consent.ConsentRecord> rows = new ArrayList<>();

        @Override
        public long add(uk.hearth.intake.consent.ConsentRecord c) {
            long id = rows.size() + 1;
            rows.add(new uk.hearth.intake.consent.ConsentRecord(id, c.tenancyReference(), c.tenantName(),
                    c.tenantAddress(), c.representative(), c.form(), c.evidenceReference(), c.authorityBasis(),
                    c.recordedBy(), c.scope(), c.validFrom(), c.expiresAt(), c.withdrawnAt()));
            return id;
        }

        @Override
        public Optional<uk.hearth.intake.consent.ConsentRecord> find(long id) {
            return id >= 1 && id <= rows.size() ? Optional.of(rows.get((int) id - 1)) : Optional.empty();
        }

        @Override
        public void withdraw(long id, String reason, Instant at) {
            var c = rows.get((int) id - 1);
            rows.set((int) id - 1, new uk.hearth.intake.consent.ConsentRecord(c.id(), c.tenancyReference(),
                    c.tenantName(), c.tenantAddress(), c.representative(), c.form(), c.evidenceReference(),
                    c.authorityBasis(), c.recordedBy(), c.scope(), c.validFrom(), c.expiresAt(), at));
        }

        @Override
        public List<uk.hearth.intake.consent.ConsentRecord> forRepresentative(Sender representative) {
            return rows.stream().filter(c -> (c.representative().email() != null
                    && c.representative().email().equalsIgnoreCase(representative.email()))
                    || (c.representative().phone() != null && c.representative().phone().equals(representative.phone())))
                    .toList();
        }
    }

    /** Ports for a test: memory adapters with the given reply channels and wording. */
    static IntakePorts ports(MemoryInbox inbox, MemoryCases cases, MemoryOutbox outbox,
                             uk.hearth.complaint.Acknowledgements acknowledgements, ReplyChannels channels,
                             MemoryOptOuts optOuts, MemoryConsents consents, MemoryTenancies tenancies) {
        uk.hearth.complaint.Wording wording = (kind, channel, language, values) ->
                new uk.hearth.complaint.Acknowledgements.Written(kind, kind + " " + new java.util.TreeMap<>(values));
        return new IntakePorts(inbox, cases, outbox, acknowledgements, wording, channels, optOuts, consents, tenancies);
    }
}
