package uk.hearth.intake.triage;

/**
 * The shipped triage configuration, loaded once per test run. Loading reads every phrase list and learns both
 * models from all the labelled examples, which takes about half a second; {@code Triage} is immutable, so tests
 * that classify against the shipped configuration share one instance instead of loading it per test.
 */
public final class ShippedTriage {

    private ShippedTriage() {
    }

    public static Triage get() {
        return Holder.TRIAGE;
    }

    private static final class Holder {
        static final Triage TRIAGE = Triage.standard();
    }
}
