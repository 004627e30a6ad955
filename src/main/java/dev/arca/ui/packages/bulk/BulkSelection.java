package dev.arca.ui.packages.bulk;

import dev.arca.core.PackageInfo;
import dev.arca.core.retention.PackageRef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a bulk action on the Packages page acts on: versions picked in one package's version list, or every version of
 * the packages picked in the package list.
 *
 * @param versions the versions picked, when {@code packages} is that one package; empty for every version
 */
public record BulkSelection(String domain, String repository, List<PackageRef> packages,
                            Optional<Set<String>> versions) {

    public BulkSelection {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(repository, "repository");
        packages = List.copyOf(packages);
        versions = versions.map(Set::copyOf);
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("A bulk action acts on at least one package");
        }
        if (versions.isPresent() && (packages.size() != 1 || versions.get().isEmpty())) {
            throw new IllegalArgumentException("Versions are picked in one package, at least one");
        }
    }

    /** Some versions of one package. */
    public static BulkSelection versions(String domain, String repository, PackageRef pkg, Set<String> versions) {
        return new BulkSelection(domain, repository, List.of(pkg), Optional.of(versions));
    }

    /** Every version of these packages. */
    public static BulkSelection packages(String domain, String repository, List<PackageRef> packages) {
        return new BulkSelection(domain, repository, packages, Optional.empty());
    }

    /** {@code 3 versions of builds/cli}, {@code 1.0.0 of builds/cli}, {@code every version of 4 packages}. */
    public String describe() {
        if (versions.isPresent()) {
            Set<String> picked = versions.get();
            String which = picked.size() == 1 ? picked.iterator().next() : count(picked.size(), "version");
            return which + " of " + name(packages.getFirst());
        }
        return packages.size() == 1 ? "every version of " + name(packages.getFirst())
                : "every version of " + count(packages.size(), "package");
    }

    private static String name(PackageRef pkg) {
        return PackageInfo.display(pkg.format().wireName(), pkg.namespace(), pkg.name());
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
