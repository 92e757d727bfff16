package uk.hearth.complaint;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A landlord's complaint policy: timescales, what it accepts, how it treats representatives, and who to
 * contact. One is active per deployment ({@code hearth.policy}); the shipped default follows the Housing
 * Ombudsman's Complaint Handling Code; {@code config/policies/} holds the seed landlords' profiles.
 *
 * @param otherResponseWorkingDays when a service request or enquiry hears back from us
 * @param escalationWindow         how long after the stage 1 response a resident may ask for stage 2
 * @param impliedConsentRoles      representatives whose role implies the tenant's consent (Berneslai 6: councillor,
 *                                 MP); empty when every representative needs the tenant's permission
 * @param accepting                what the landlord accepts as a complaint and how
 */
public record PolicyProfile(String id, String name, String landlordName, Contact landlordContact,
                            Stage stage1, Stage stage2, int otherResponseWorkingDays,
                            int hazardMakeSafeHours, Ombudsman ombudsman, Period escalationWindow,
                            List<String> impliedConsentRoles, Accepting accepting) {

    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage1, "stage1");
        Objects.requireNonNull(stage2, "stage2");
        Objects.requireNonNull(ombudsman, "ombudsman");
        landlordContact = landlordContact == null ? new Contact(null, null, null) : landlordContact;
        escalationWindow = escalationWindow == null ? new Period(28, Period.Unit.DAYS) : escalationWindow;
        impliedConsentRoles = impliedConsentRoles == null ? List.of() : List.copyOf(impliedConsentRoles);
        accepting = accepting == null ? Accepting.CODE : accepting;
    }

    /**
     * One stage's timescales.
     *
     * @param acknowledgeWorkingDays  to acknowledge, from day zero
     * @param respondWorkingDays      to respond, counted from {@code respondFrom}
     * @param respondFrom             ACKNOWLEDGEMENT (the Code, Bury, Berneslai) or RECEIPT (BeST: "of the complaint")
     * @param maxExtensionWorkingDays the longest extension staff may set without agreeing another date
     */
    public record Stage(int acknowledgeWorkingDays, int respondWorkingDays, From respondFrom,
                        int maxExtensionWorkingDays) {
        public enum From { ACKNOWLEDGEMENT, RECEIPT }

        public Stage {
            if (acknowledgeWorkingDays < 0 || respondWorkingDays < 0 || maxExtensionWorkingDays < 0) {
                throw new IllegalArgumentException("timescales must not be negative");
            }
            respondFrom = respondFrom == null ? From.ACKNOWLEDGEMENT : respondFrom;
        }
    }

    public record Contact(String phone, String email, String website) {
    }

    public record Ombudsman(String name, String phone, String website, String address) {
    }

    /**
     * What the landlord accepts (Code 3; the policies' exclusions).
     *
     * @param timeLimitMonths          issues older than this are flagged for staff discretion, never refused by
     *                                 Hearth; 0 for no limit
     * @param anonymous                ACCEPT (BeST 9) or EXCLUDE (Bury 9.1, with a reply that explains and signposts)
     * @param concernWorkingDays       Beyond Housing 3.1: dissatisfaction is first a concern, to be resolved within
     *                                 this many working days before it becomes a stage 1 complaint; 0 for no concern tier
     * @param channels                 the ways the policy says residents may complain; acknowledgements list them
     * @param escalationRefusalReasons the only reasons staff may give for refusing stage 2 (Berneslai: legal
     *                                 proceedings, complaint already exhausted)
     */
    public record Accepting(int timeLimitMonths, Anonymous anonymous, int concernWorkingDays, List<String> channels,
                            List<String> escalationRefusalReasons) {
        public enum Anonymous { ACCEPT, EXCLUDE }

        static final Accepting CODE = new Accepting(12, Anonymous.ACCEPT, 0, List.of(), List.of());

        public Accepting {
            anonymous = anonymous == null ? Anonymous.ACCEPT : anonymous;
            channels = channels == null ? List.of() : List.copyOf(channels);
            escalationRefusalReasons = escalationRefusalReasons == null ? List.of()
                    : List.copyOf(escalationRefusalReasons);
        }

        public boolean hasConcernTier() {
            return concernWorkingDays > 0;
        }
    }

    /** A span a policy states in days, working days or weeks ("within 28 days", "4 weeks"). */
    public record Period(int amount, Unit unit) {
        public enum Unit { DAYS, WORKING_DAYS, WEEKS }

        public Period {
            Objects.requireNonNull(unit, "unit");
            if (amount < 0) {
                throw new IllegalArgumentException("a period must not be negative");
            }
        }

        @Override
        public String toString() {
            return amount + " " + unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public Stage stage(int number) {
        return number == 2 ? stage2 : stage1;
    }
}
