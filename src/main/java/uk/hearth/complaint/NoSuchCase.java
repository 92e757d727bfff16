package uk.hearth.complaint;

public class NoSuchCase extends RuntimeException {
    public NoSuchCase(String reference) {
        super("No case with reference " + reference);
    }
}
