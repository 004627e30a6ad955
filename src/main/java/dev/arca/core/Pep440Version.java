package dev.arca.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version as PEP 440 defines it, ordered by its rules: epoch first ({@code 1!0.1 > 2.0}), then the
 * release numbers with trailing zeros ignored, then {@code dev < a < b < rc < (release) < post}, each with its number;
 * a local label ({@code +ubuntu.1}) sorts a version just above the same version without one. Accepts the spellings
 * PEP 440 normalizes ({@code 1.0-alpha.2}, {@code 1.0c1}, {@code 1.0-1}, {@code v1.0}, upper case).
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    // The pattern PEP 440 (Appendix B) gives for versions it accepts before normalization.
    private static final Pattern PEP440 = Pattern.compile("v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?:[-_.]?(?<pre>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?:-(?<postImplicit>[0-9]+)|[-_.]?(?:post|rev|r)[-_.]?(?<postN>[0-9]+)?(?<post>))?"
            + "(?:[-_.]?(?<dev>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");
    private static final int MAX_LENGTH = 256;

    /** Pre-release phases by rank; a release without one ranks above all of them. */
    private static final List<String> PHASES = List.of("a", "b", "rc");

    private static final Comparator<Pep440Version> ORDER = Comparator.comparing((Pep440Version v) -> v.epoch)
            .thenComparing(v -> v.release, Pep440Version::compareRelease)
            .thenComparingInt(Pep440Version::preRank)
            .thenComparing(v -> v.preNumber)
            .thenComparingInt(v -> v.post == null ? -1 : 0)
            .thenComparing(v -> v.post == null ? BigInteger.ZERO : v.post)
            .thenComparingInt(v -> v.dev == null ? 1 : 0)
            .thenComparing(v -> v.dev == null ? BigInteger.ZERO : v.dev)
            .thenComparing(v -> v.local, Pep440Version::compareLocal);

    private final String text;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String prePhase;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;

    private Pep440Version(String text, Matcher m) {
        this.text = text;
        this.epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            numbers.add(new BigInteger(part));
        }
        while (numbers.size() > 1 && numbers.getLast().signum() == 0) {
            numbers.removeLast();
        }
        this.release = List.copyOf(numbers);
        this.prePhase = m.group("pre") == null ? null : phase(m.group("pre"));
        this.preNumber = number(m.group("preN"));
        if (m.group("postImplicit") != null) {
            this.post = new BigInteger(m.group("postImplicit"));
        } else {
            this.post = m.group("post") != null ? number(m.group("postN")) : null;
        }
        this.dev = m.group("dev") != null ? number(m.group("devN")) : null;
        this.local = m.group("local") == null ? List.of() : List.of(m.group("local").split("[-_.]"));
    }

    /** Parses a version such as {@code 1!2.0rc1.post2.dev3+local.7}; empty if PEP 440 does not accept it. */
    public static Optional<Pep440Version> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = PEP440.matcher(text.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(new Pep440Version(text, m)) : Optional.empty();
    }

    /** The version as it was written. */
    public String text() {
        return text;
    }

    /** Whether pip skips it unless asked for pre-releases: it has a pre-release phase or is a development release. */
    public boolean isPreRelease() {
        return prePhase != null || dev != null;
    }

    /** Whether it is a development release ({@code 1.0.dev3}, {@code 1.0rc1.dev1}). */
    public boolean isDevelopmentRelease() {
        return dev != null;
    }

    /** Whether it is a post-release ({@code 1.0.post1}, {@code 1.0-1}). */
    public boolean isPostRelease() {
        return post != null;
    }

    @Override
    public int compareTo(Pep440Version other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pep440Version version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, release, prePhase, preNumber, post, dev,
                local.stream().map(Pep440Version::localKey).toList());
    }

    @Override
    public String toString() {
        return text;
    }

    private static String phase(String spelled) {
        return switch (spelled) {
            case "alpha" -> "a";
            case "beta" -> "b";
            case "c", "pre", "preview" -> "rc";
            default -> spelled;
        };
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** A development release of a final version ({@code 1.0.dev1}) sorts below its pre-releases ({@code 1.0a1}). */
    private int preRank() {
        if (prePhase != null) {
            return PHASES.indexOf(prePhase);
        }
        return dev != null && post == null ? -1 : PHASES.size();
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Local segments: numbers above words, numbers numerically, words as text; more segments win a tie. */
    private static int compareLocal(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareLocalSegment(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareLocalSegment(String a, String b) {
        boolean numberA = isNumber(a);
        boolean numberB = isNumber(b);
        if (numberA != numberB) {
            return numberA ? 1 : -1;
        }
        return numberA ? new BigInteger(a).compareTo(new BigInteger(b)) : a.compareTo(b);
    }

    private static boolean isNumber(String segment) {
        return segment.chars().allMatch(Character::isDigit);
    }

    private static String localKey(String segment) {
        return isNumber(segment) ? new BigInteger(segment).toString() : segment;
    }
}
