package uk.hearth.intake.triage;

import java.util.Optional;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.TriageText.Span;

/**
 * Stage 2 without the words "stage 2": the sender refers to a complaint of theirs, has had a response to it
 * (more mentions of a response than of waiting for one), and rejects it or wants it looked at again. Chasing a
 * complaint that has not been answered is a complaint, not an escalation. Like a phrase rule's clause, it can name
 * lists that must not occur in the message ({@code not-in-message}): the shipped rule names the sender saying they
 * have not decided ("before I decide whether to take it further"), who is asking, not asking for it.
 */
final class ComplaintResponseRule implements TriageRule {

    /** List numbers (notInMessage: none of these anywhere), and the weight each kind of evidence adds. */
    record Lists(int existing, int response, int noResponse, int review, int rejection, int[] notInMessage,
                 int reviewWeight, int rejectionWeight) {
    }

    private final String id;
    private final Lists lists;

    ComplaintResponseRule(String id, Lists lists) {
        this.id = id;
        this.lists = lists;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Finding> evaluate(TriageText text) {
        Span existing = text.first(lists.existing());
        if (existing == null || text.count(lists.response()) <= text.count(lists.noResponse())) {
            return Optional.empty();
        }
        if (text.hasAny(lists.notInMessage())) {
            return Optional.empty();
        }
        Span review = text.first(lists.review());
        Span rejection = text.first(lists.rejection());
        if (review == null && rejection == null) {
            return Optional.empty();
        }
        int weight = (review != null ? lists.reviewWeight() : 0) + (rejection != null ? lists.rejectionWeight() : 0);
        StringBuilder why = new StringBuilder("refers to a complaint already answered ('")
                .append(text.quote(existing)).append("')");
        if (rejection != null) {
            why.append(", rejects the response ('").append(text.quote(rejection)).append("')");
        }
        if (review != null) {
            why.append(", asks for it to be looked at again ('").append(text.quote(review)).append("')");
        }
        return Optional.of(Finding.vote(CaseClass.ESCALATION, weight, why.toString()));
    }

    @Override
    public String toString() {
        return "TriageRule[" + id + "]";
    }
}
