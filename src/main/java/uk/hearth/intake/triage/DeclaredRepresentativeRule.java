package uk.hearth.intake.triage;

import java.util.Optional;

/** The sender said, on a form or to staff, that they act for the tenant; the relationship gives the role. */
final class DeclaredRepresentativeRule implements TriageRule {

    private final String id;
    private final RepresentativeRoles roles;

    DeclaredRepresentativeRule(String id, RepresentativeRoles roles) {
        this.id = id;
        this.roles = roles;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Finding> evaluate(TriageText text) {
        if (!text.input().declaredRepresentative()) {
            return Optional.empty();
        }
        String relationship = text.input().declaredRelationship();
        String role = roles.roleFor(relationship);
        return Optional.of(Finding.representative(role, relationship == null || relationship.isBlank()
                ? "the sender declared that they act for the tenant"
                : "the sender declared that they act for the tenant as '" + relationship.strip() + "'"));
    }

    @Override
    public String toString() {
        return "TriageRule[" + id + "]";
    }
}
