package dev.arca.core.retention;

/** What "newest" means when a rule keeps the newest N versions of a package. */
public enum NewestBy {
    /** Latest publish time first; versions never published (no time known) count as oldest. */
    PUBLISHED_TIME("publishedTime"),
    /** Highest version in the format's own order first (Maven, semver, PEP 440); generic falls back to publish time. */
    VERSION("version");

    private final String ruleName;

    NewestBy(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name rule files use: {@code publishedTime} or {@code version}. */
    public String ruleName() {
        return ruleName;
    }
}
