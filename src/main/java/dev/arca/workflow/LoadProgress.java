package dev.arca.workflow;

import java.util.Locale;
import java.util.Objects;

/**
 * How far a repository load got: first the packages whose versions are listed, then the packages whose publish
 * times are read, then (when sizes are wanted) the versions whose assets are listed.
 *
 * @param done  items of this stage finished
 * @param total items this stage has (known once the stage starts)
 */
public record LoadProgress(Stage stage, int done, int total) {

    /** The stages of a load, in order. */
    public enum Stage {
        /** ListPackages, then ListPackageVersions per package. */
        LISTING_VERSIONS,
        /** DescribePackageVersion for the publish times a package's plan needs. */
        DESCRIBING_VERSIONS,
        /** ListPackageVersionAssets per version, for sizes. */
        SIZING_VERSIONS
    }

    public LoadProgress {
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * {@code listed the versions of 12 of 40 packages}, {@code read the publish times of 30 of 40 packages},
     * {@code listed the assets of 300 of 2,000 versions}.
     */
    public String describe() {
        return switch (stage) {
            case LISTING_VERSIONS -> "listed the versions of " + number(done) + " of " + number(total) + " packages";
            case DESCRIBING_VERSIONS -> "read the publish times of " + number(done) + " of " + number(total)
                    + " packages";
            case SIZING_VERSIONS -> "listed the assets of " + number(done) + " of " + number(total) + " versions";
        };
    }

    private static String number(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
