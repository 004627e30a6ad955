package dev.arca.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as npm writes it in {@code dependencies} (node-semver's grammar): comparators ({@code >=1.2.0
 * <2}), X-ranges ({@code 1.x}, {@code 1.2.*}, {@code *}), tilde and caret ranges ({@code ~1.2.3}, {@code ^0.2}),
 * hyphen ranges ({@code 1.2 - 2.3.4}) and unions of them ({@code ^1 || ^2}). As in npm, a pre-release version
 * satisfies a range only when one of its comparators names a pre-release of the same major.minor.patch.
 */
public final class NpmRange {

    /** One comparator: an operator and a full version. */
    private record Comparator(String operator, SemanticVersion version) {
        boolean test(SemanticVersion candidate) {
            int c = candidate.compareTo(version);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> c == 0;
            };
        }
    }

    /** A version written with parts left out or as x: {@code 1}, {@code 1.2}, {@code 1.x}, {@code 1.2.3-beta.1}. */
    private record Partial(Long major, Long minor, Long patch, String rest) {
        int known() {
            return major == null ? 0 : minor == null ? 1 : patch == null ? 2 : 3;
        }

        SemanticVersion floor() {
            return version(orZero(major), orZero(minor), orZero(patch), patch == null ? "" : rest);
        }

        private static long orZero(Long part) {
            return part == null ? 0 : part;
        }
    }

    private static final Pattern PARTIAL = Pattern.compile(
            "v?(x|X|\\*|0|[1-9][0-9]{0,15})(?:\\.(x|X|\\*|0|[1-9][0-9]{0,15})(?:\\.(x|X|\\*|0|[1-9][0-9]{0,15})"
                    + "([-+][0-9A-Za-z.+-]*)?)?)?");
    private static final Pattern OPERATOR = Pattern.compile("(<=|>=|<|>|=|~>?|\\^)?\\s*(.*)");
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");
    private static final int MAX_LENGTH = 256;

    private final List<List<Comparator>> alternatives;

    private NpmRange(List<List<Comparator>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * Reads a range; empty when the text is not one (a dist-tag such as {@code latest}, a URL, a git or file
     * reference, an alias).
     */
    public static Optional<NpmRange> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<List<Comparator>> alternatives = new ArrayList<>();
        for (String alternative : text.strip().split("\\s*\\|\\|\\s*", -1)) {
            Optional<List<Comparator>> set = comparatorSet(alternative.strip());
            if (set.isEmpty()) {
                return Optional.empty();
            }
            alternatives.add(set.get());
        }
        return Optional.of(new NpmRange(List.copyOf(alternatives)));
    }

    /** Whether a version is in the range. */
    public boolean test(SemanticVersion version) {
        for (List<Comparator> set : alternatives) {
            if (set.stream().allMatch(c -> c.test(version)) && (!version.isPreRelease() || set.stream()
                    .anyMatch(c -> c.version().isPreRelease() && c.version().major() == version.major()
                            && c.version().minor() == version.minor()
                            && c.version().patch() == version.patch()))) {
                return true;
            }
        }
        return false;
    }

    /** The newest of {@code versions} in the range (texts that are not versions are passed over). */
    public Optional<String> newest(Collection<String> versions) {
        return versions.stream().flatMap(v -> SemanticVersion.parse(v).stream()).filter(this::test)
                .max(SemanticVersion::compareTo).map(SemanticVersion::text);
    }

    private static Optional<List<Comparator>> comparatorSet(String text) {
        List<Comparator> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add(new Comparator(">=", version(0, 0, 0, "")));
            return Optional.of(out);
        }
        Matcher hyphen = HYPHEN.matcher(text);
        if (hyphen.matches()) {
            Optional<Partial> from = partial(hyphen.group(1));
            Optional<Partial> to = partial(hyphen.group(2));
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            out.add(new Comparator(">=", from.get().floor()));
            upTo(to.get(), true, out);
            return Optional.of(out);
        }
        // Operators may be separated from their version by spaces: ">= 1.2.3".
        String[] words = text.replaceAll("(<=|>=|<|>|=|~>?|\\^)\\s+", "$1").split("\\s+");
        for (String word : words) {
            Matcher m = OPERATOR.matcher(word);
            if (!m.matches()) {
                return Optional.empty();
            }
            String operator = m.group(1) == null ? "" : m.group(1);
            Optional<Partial> partial = partial(m.group(2));
            if (partial.isEmpty()) {
                return Optional.empty();
            }
            desugar(operator, partial.get(), out);
        }
        return Optional.of(out);
    }

    private static void desugar(String operator, Partial p, List<Comparator> out) {
        int known = p.known();
        switch (operator) {
            case "", "=" -> {
                if (known == 3) {
                    out.add(new Comparator("=", p.floor()));
                } else {
                    out.add(new Comparator(">=", p.floor()));
                    upTo(p, false, out);
                }
            }
            case "~", "~>" -> {
                out.add(new Comparator(">=", p.floor()));
                if (known >= 2) {
                    out.add(new Comparator("<", version(p.major(), p.minor() + 1, 0, "0")));
                } else if (known == 1) {
                    out.add(new Comparator("<", version(p.major() + 1, 0, 0, "0")));
                }
            }
            case "^" -> {
                out.add(new Comparator(">=", p.floor()));
                if (known == 0) {
                    return;
                }
                if (p.major() > 0 || known == 1) {
                    out.add(new Comparator("<", version(p.major() + 1, 0, 0, "0")));
                } else if (p.minor() > 0 || known == 2) {
                    out.add(new Comparator("<", version(0, p.minor() + 1, 0, "0")));
                } else {
                    out.add(new Comparator("<", version(0, 0, p.patch() + 1, "0")));
                }
            }
            case ">" -> {
                if (known == 3) {
                    out.add(new Comparator(">", p.floor()));
                } else if (known == 0) {
                    out.add(new Comparator("<", version(0, 0, 0, "0"))); // nothing is greater than everything
                } else {
                    out.add(new Comparator(">=", known == 1 ? version(p.major() + 1, 0, 0, "")
                            : version(p.major(), p.minor() + 1, 0, "")));
                }
            }
            case "<=" -> upTo(p, true, out);
            case "<" -> {
                if (known > 0) {
                    out.add(new Comparator("<", known == 3 ? p.floor() : version(p.major(),
                            known == 2 ? p.minor() : 0, 0, "0")));
                } else {
                    out.add(new Comparator("<", version(0, 0, 0, "0")));
                }
            }
            default -> out.add(new Comparator(">=", p.floor())); // ">="
        }
    }

    /** The upper end of an X-range or hyphen range: the version itself, or below the next of its last part. */
    private static void upTo(Partial p, boolean inclusive, List<Comparator> out) {
        switch (p.known()) {
            case 0 -> {
                // no upper bound
            }
            case 1 -> out.add(new Comparator("<", version(p.major() + 1, 0, 0, "0")));
            case 2 -> out.add(new Comparator("<", version(p.major(), p.minor() + 1, 0, "0")));
            default -> out.add(new Comparator(inclusive ? "<=" : "<", p.floor()));
        }
    }

    private static Optional<Partial> partial(String text) {
        Matcher m = PARTIAL.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Long major = number(m.group(1));
        Long minor = major == null ? null : number(m.group(2));
        Long patch = minor == null ? null : number(m.group(3));
        String rest = m.group(4) == null ? "" : m.group(4);
        if (patch != null && !rest.isEmpty()) {
            String pre = rest.startsWith("-") ? rest.substring(1).split("\\+", 2)[0] : "";
            if (SemanticVersion.parse(major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre))
                    .isEmpty()) {
                return Optional.empty();
            }
            rest = pre;
        }
        return Optional.of(new Partial(major, minor, patch, rest));
    }

    private static Long number(String part) {
        return part == null || part.equals("x") || part.equals("X") || part.equals("*") ? null : Long.parseLong(part);
    }

    private static SemanticVersion version(long major, long minor, long patch, String preRelease) {
        return SemanticVersion.parse(major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease))
                .orElseThrow();
    }
}
