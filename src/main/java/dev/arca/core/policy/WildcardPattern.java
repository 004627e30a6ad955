package dev.arca.core.policy;

/** IAM glob matching: {@code *} is any run of characters, {@code ?} exactly one; nothing else is special. */
public final class WildcardPattern {

    private WildcardPattern() {
    }

    /** Whether {@code text} matches {@code pattern} in full, case-sensitively. */
    public static boolean matches(String pattern, String text) {
        return matches(pattern, text, false);
    }

    /** Whether {@code text} matches {@code pattern} in full; {@code ignoreCase} folds case per character. */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int textAtStar = 0;
        // Greedy walk with one backtrack point: linear for practical patterns, never recursive.
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                textAtStar = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
