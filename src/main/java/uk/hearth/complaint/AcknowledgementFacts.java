package uk.hearth.complaint;

import uk.hearth.message.ChannelId;

/** What an acknowledgement must tell the resident (Code section 4; Berneslai 7; Bury 12.1). */
public record AcknowledgementFacts(CaseReference reference, CaseClass caseClass, int stage, CaseStatus status,
                                   ChannelId channel, String language, String recipientName,
                                   String understanding, Deadlines deadlines, boolean hazard,
                                   boolean writtenForSomeoneElse, boolean needsClarification,
                                   PolicyProfile profile, NewCase.Admission admission, boolean mayBeTooOld,
                                   java.util.Set<String> hazardKinds, boolean surveyRemark) {

    public AcknowledgementFacts {
        admission = admission == null ? NewCase.Admission.ACCEPTED : admission;
        hazardKinds = hazardKinds == null ? java.util.Set.of() : java.util.Set.copyOf(hazardKinds);
    }
}
