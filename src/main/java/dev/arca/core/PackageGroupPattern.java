package dev.arca.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A package group definition ({@code /format/namespace/name} with a terminator): which packages it covers,
 * which other patterns it contains, and how specific it is. The most specific group that contains a package
 * is the one the package belongs to; a group's parent is the most specific other group that contains it.
 *
 * <pre>
 *   /*                          every package                       (root)
 *   /npm/*                      every npm package                   (format)
 *   /maven/com.example~         namespaces starting with com.example (namespace prefix)
 *   /npm/space/*                every package in namespace space     (namespace)
 *   /npm/space/ui~              names in space starting with ui      (name prefix)
 *   /maven/org.example/core$    exactly one package                  (exact)
 * </pre>
 * Formats without namespaces leave that segment empty: {@code /pypi//requests$}.
 */
public record PackageGroupPattern(Level level, Optional<PackageFormat> format, String namespace, String name) {

    /** How much of the path a pattern pins, from least to most specific. */
    public enum Level { ROOT, FORMAT, NAMESPACE_PREFIX, NAMESPACE, NAME_PREFIX, EXACT }

    public static final PackageGroupPattern ROOT = new PackageGroupPattern(Level.ROOT, Optional.empty(), "", "");

    public PackageGroupPattern {
        Objects.requireNonNull(level);
        Objects.requireNonNull(format);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
    }

    /**
     * Parses a definition; names in it are normalized the way the format normalizes package names.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static PackageGroupPattern parse(String text) {
        if (text.equals("/*")) {
            return ROOT;
        }
        if (!text.startsWith("/") || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("A package group pattern starts with / and has no spaces or control"
                    + " characters, e.g. /npm/space/* or /maven/org.example/core$");
        }
        String[] parts = text.substring(1).split("/", -1);
        PackageFormat format = PackageFormat.fromWire(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "'" + parts[0] + "' is not a package format; use one of " + PackageFormat.wireNames()));
        if (parts.length == 2) {
            String segment = parts[1];
            if (segment.equals("*")) {
                return new PackageGroupPattern(Level.FORMAT, Optional.of(format), "", "");
            }
            if (segment.endsWith("~") && segment.length() > 1) {
                return new PackageGroupPattern(Level.NAMESPACE_PREFIX, Optional.of(format),
                        checkSegment(segment.substring(0, segment.length() - 1)), "");
            }
        } else if (parts.length == 3) {
            String namespace = parts[1].isEmpty() ? "" : checkSegment(parts[1]);
            String segment = parts[2];
            if (segment.equals("*")) {
                return new PackageGroupPattern(Level.NAMESPACE, Optional.of(format), namespace, "");
            }
            if ((segment.endsWith("~") || segment.endsWith("$")) && segment.length() > 1) {
                String value = normalize(format, checkSegment(segment.substring(0, segment.length() - 1)));
                return new PackageGroupPattern(segment.endsWith("$") ? Level.EXACT : Level.NAME_PREFIX,
                        Optional.of(format), namespace, value);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a package group pattern: end it with * (all),"
                + " ~ (starts with) or $ (exactly), e.g. /npm/*, /npm/space/ui~, /maven/org.example/core$");
    }

    private static String checkSegment(String segment) {
        if (segment.isEmpty() || segment.contains("*") || segment.contains("~") || segment.contains("$")
                || segment.contains("#")) {
            throw new IllegalArgumentException("'" + segment + "' is not a valid namespace or name in a pattern");
        }
        return segment;
    }

    private static String normalize(PackageFormat format, String name) {
        return switch (format) {
            case PYPI -> name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
            case NUGET -> name.toLowerCase(java.util.Locale.ROOT);
            default -> name;
        };
    }

    /** Whether the package ({@code namespace} empty when it has none) belongs to what this pattern covers. */
    public boolean matches(PackageFormat packageFormat, String packageNamespace, String packageName) {
        return contains(new PackageGroupPattern(Level.EXACT, Optional.of(packageFormat), packageNamespace,
                normalize(packageFormat, packageName)));
    }

    /** Whether every package {@code other} covers is covered by this pattern too (a pattern contains itself). */
    public boolean contains(PackageGroupPattern other) {
        if (level == Level.ROOT) {
            return true;
        }
        if (other.level == Level.ROOT || !format.equals(other.format)) {
            return false;
        }
        return switch (level) {
            case FORMAT -> true;
            case NAMESPACE_PREFIX -> other.level != Level.FORMAT && other.namespace.startsWith(namespace);
            case NAMESPACE -> other.level.compareTo(Level.NAMESPACE) >= 0 && other.namespace.equals(namespace);
            case NAME_PREFIX -> other.level.compareTo(Level.NAME_PREFIX) >= 0 && other.namespace.equals(namespace)
                    && other.name.startsWith(name);
            case EXACT -> other.equals(this);
            case ROOT -> true;
        };
    }

    /** Orders patterns by how narrow they are; a longer prefix at the same level is narrower. */
    public int compareSpecificity(PackageGroupPattern other) {
        int byLevel = level.compareTo(other.level);
        if (byLevel != 0) {
            return byLevel;
        }
        return Integer.compare(namespace.length() + name.length(), other.namespace.length() + other.name.length());
    }

    /** The canonical text of the pattern. */
    @Override
    public String toString() {
        String f = format.map(PackageFormat::wireName).orElse("");
        return switch (level) {
            case ROOT -> "/*";
            case FORMAT -> "/" + f + "/*";
            case NAMESPACE_PREFIX -> "/" + f + "/" + namespace + "~";
            case NAMESPACE -> "/" + f + "/" + namespace + "/*";
            case NAME_PREFIX -> "/" + f + "/" + namespace + "/" + name + "~";
            case EXACT -> "/" + f + "/" + namespace + "/" + name + "$";
        };
    }
}
