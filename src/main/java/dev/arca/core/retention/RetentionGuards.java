package dev.arca.core.retention;

/**
 * Versions no rule may unlist, archive, dispose or delete, whatever it selects: the package's latest release (the
 * highest non-pre-release version in the format's order that is Published), its default display version and, when
 * {@code servedDownstream} is on, a version another repository of the domain gets from this one through its
 * upstreams (see {@link DownstreamUse}).
 */
public record RetentionGuards(boolean latestRelease, boolean defaultDisplayVersion, boolean servedDownstream) {

    /** The latest release and the default display version: the default of a rule set. */
    public static final RetentionGuards SAFE = new RetentionGuards(true, true);
    public static final RetentionGuards NONE = new RetentionGuards(false, false);

    /** The two per-package guards, without the downstream one (which costs calls to other repositories). */
    public RetentionGuards(boolean latestRelease, boolean defaultDisplayVersion) {
        this(latestRelease, defaultDisplayVersion, false);
    }

    /** These guards with the downstream guard on or off. */
    public RetentionGuards withServedDownstream(boolean on) {
        return new RetentionGuards(latestRelease, defaultDisplayVersion, on);
    }
}
