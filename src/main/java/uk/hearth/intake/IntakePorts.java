package uk.hearth.intake;

import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.Wording;
import uk.hearth.intake.consent.Consents;
import uk.hearth.intake.consent.Tenancies;

/** The adapters the intake use cases work through, wired once. */
public record IntakePorts(Inbox inbox, Cases cases, Outbox outbox, Acknowledgements acknowledgements, Wording wording,
                          ReplyChannels replyChannels, OptOuts optOuts, Consents consents, Tenancies tenancies) {
}
