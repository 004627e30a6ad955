package dev.arca.core.retention;

/**
 * Versions no rule may unlist, archive, dispose or delete, whatever it selects: the package's latest release (the
 * highest non-pre-release version in the format's order that is Published) and its default display version.
 */
public record RetentionGuards(boolean latestRelease, boolean defaultDisplayVersion) {

    /** Both guards on: the default of a rule set. */
    public static final RetentionGuards SAFE = new RetentionGuards(true, true);
    public static final RetentionGuards NONE = new RetentionGuards(false, false);
}
