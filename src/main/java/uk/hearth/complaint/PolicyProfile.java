package uk.hearth.complaint;

import java.util.Objects;

/**
 * A landlord's complaint policy as far as timescales and contact details go. One is active per
 * deployment; the shipped default follows the Housing Ombudsman's Complaint Handling Code.
 *
 * @param otherResponseWorkingDays when a service request or enquiry hears back from us
 * @param escalationWindow         how long after the stage 1 response a resident may ask for stage 2
 * @param impliedConsentRoles      representatives whose role implies the tenant's consent (Berneslai 6: councillor,
 *                                 MP); empty when every representative needs the tenant's permission
 */
public record PolicyProfile(String id, String name, String landlordName, Contact landlordContact,
                            Stage stage1, Stage stage2, int otherResponseWorkingDays,
                            int hazardMakeSafeHours, Ombudsman ombudsman, Period escalationWindow,
                            java.util.List<String> impliedConsentRoles) {

    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage1, "stage1");
        Objects.requireNonNull(stage2, "stage2");
        Objects.requireNonNull(ombudsman, "ombudsman");
        escalationWindow = escalationWindow == null ? new Period(28, Period.Unit.DAYS) : escalationWindow;
        impliedConsentRoles = impliedConsentRoles == null ? java.util.List.of() : java.util.List.copyOf(impliedConsentRoles);
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
            return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** Working days to acknowledge, then to respond counted from the acknowledgement. */
    public record Stage(int acknowledgeWorkingDays, int respondWorkingDays) {
        public Stage {
            if (acknowledgeWorkingDays < 0 || respondWorkingDays < 0) {
                throw new IllegalArgumentException("timescales must not be negative");
            }
        }
    }

    public record Contact(String phone, String email, String website) {
    }

    public record Ombudsman(String name, String phone, String website, String address) {
    }

    public Stage stage(int number) {
        return number == 2 ? stage2 : stage1;
    }
}
