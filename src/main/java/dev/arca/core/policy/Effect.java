package dev.arca.core.policy;

/** A statement's {@code Effect}. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** As written in a policy: {@code Allow} or {@code Deny}. */
    public String json() {
        return json;
    }
}
