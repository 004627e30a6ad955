package dev.arca.core.retention;

import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import java.util.Comparator;
import java.util.Objects;

/** A package of a repository: its format, namespace (empty when it has none) and name. */
public record PackageRef(PackageFormat format, String namespace, String name) implements Comparable<PackageRef> {

    private static final Comparator<PackageRef> ORDER = Comparator.comparing(PackageRef::format)
            .thenComparing(PackageRef::namespace).thenComparing(PackageRef::name);

    public PackageRef {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** How the package reads: {@code maven com.example:lib}, {@code npm @scope/name}. */
    public String display() {
        return format.wireName() + " " + PackageInfo.display(format.wireName(), namespace, name);
    }

    @Override
    public int compareTo(PackageRef other) {
        return ORDER.compare(this, other);
    }
}
