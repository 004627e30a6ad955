package dev.arca.core.retention;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which versions of a repository other repositories of the domain get from it through their upstreams: a request to
 * such a repository searches its own versions, then its upstreams in order, and is served by the first that holds
 * the version — so removing it here changes what those repositories' users get. Found by
 * {@code dev.arca.workflow.DownstreamUseFinder}; the planner holds these versions back when
 * {@link RetentionGuards#servedDownstream()} is on.
 */
public final class DownstreamUse {

    private static final DownstreamUse NONE = new DownstreamUse(Map.of());

    /** By package, version → the first repository (by name) that gets it from here. */
    private final Map<PackageRef, Map<String, String>> served;

    private DownstreamUse(Map<PackageRef, Map<String, String>> served) {
        this.served = served;
    }

    /** No version is served to another repository (no repository reads this one, or nobody asked). */
    public static DownstreamUse none() {
        return NONE;
    }

    /** From version → reading repository maps, by package. */
    public static DownstreamUse of(Map<PackageRef, Map<String, String>> served) {
        Map<PackageRef, Map<String, String>> copy = new HashMap<>();
        served.forEach((pkg, versions) -> copy.put(Objects.requireNonNull(pkg), Map.copyOf(versions)));
        return new DownstreamUse(Map.copyOf(copy));
    }

    /** The repository that gets {@code version} of {@code pkg} from here through its upstreams, if one does. */
    public Optional<String> servedTo(PackageRef pkg, String version) {
        return Optional.ofNullable(served.getOrDefault(pkg, Map.of()).get(version));
    }

    /** How many versions are served to another repository. */
    public int size() {
        return served.values().stream().mapToInt(Map::size).sum();
    }
}
