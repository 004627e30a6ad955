package dev.arca.core;

/** The running Arca version, as stamped into the jar manifest at build time. */
public final class ArcaVersion {

    private ArcaVersion() {
    }

    /** The jar's Implementation-Version, or {@code development} when running from classes. */
    public static String current() {
        String version = ArcaVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
