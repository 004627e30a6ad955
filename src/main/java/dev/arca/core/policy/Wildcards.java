package dev.arca.core.policy;

/** Glob matching for actions: {@code *} any run of characters, {@code ?} exactly one, case-insensitive (§1.7). */
final class Wildcards {

    private Wildcards() {
    }

    /** Whether {@code action} matches {@code pattern}; service prefix and name are both case-insensitive. */
    static boolean matchesAction(String pattern, String action) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        while (t < action.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || sameIgnoringCase(pattern.charAt(p),
                    action.charAt(t)))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean sameIgnoringCase(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b);
    }
}
