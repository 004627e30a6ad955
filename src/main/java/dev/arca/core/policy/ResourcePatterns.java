package dev.arca.core.policy;

import dev.arca.core.policy.PolicyVariables.Literal;
import dev.arca.core.policy.PolicyVariables.Piece;
import dev.arca.core.policy.PolicyVariables.Wildcard;
import java.util.ArrayList;
import java.util.List;

/**
 * ARN matching for Resource/NotResource (§1.8): case-sensitive; {@code ?} is one character and {@code *} any run
 * within a colon-delimited segment, except that a {@code *} ending a segment may run across colons.
 */
final class ResourcePatterns {

    private enum Kind { CHAR, ONE, RUN_IN_SEGMENT, RUN_ANYWHERE }

    private record Token(Kind kind, char c) { }

    private ResourcePatterns() {
    }

    static boolean matches(List<Piece> pattern, String arn) {
        List<Token> tokens = tokens(pattern);
        // boolean DP over (token, character); small inputs, no regex compilation per request.
        boolean[] row = new boolean[arn.length() + 1];
        row[0] = true;
        for (Token token : tokens) {
            boolean[] next = new boolean[arn.length() + 1];
            for (int t = 0; t <= arn.length(); t++) {
                switch (token.kind()) {
                    case CHAR -> next[t] = t > 0 && row[t - 1] && arn.charAt(t - 1) == token.c();
                    case ONE -> next[t] = t > 0 && row[t - 1] && arn.charAt(t - 1) != ':';
                    case RUN_IN_SEGMENT -> next[t] = row[t] || (t > 0 && next[t - 1] && arn.charAt(t - 1) != ':');
                    case RUN_ANYWHERE -> next[t] = row[t] || (t > 0 && next[t - 1]);
                }
            }
            row = next;
        }
        return row[arn.length()];
    }

    private static List<Token> tokens(List<Piece> pattern) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            switch (pattern.get(i)) {
                case Literal l -> l.text().chars().forEach(c -> tokens.add(new Token(Kind.CHAR, (char) c)));
                case Wildcard w when w.symbol() == '?' -> tokens.add(new Token(Kind.ONE, '?'));
                case Wildcard w -> tokens.add(new Token(endsSegment(pattern, i) ? Kind.RUN_ANYWHERE
                        : Kind.RUN_IN_SEGMENT, '*'));
            }
        }
        return tokens;
    }

    private static boolean endsSegment(List<Piece> pattern, int index) {
        if (index + 1 >= pattern.size()) {
            return true;
        }
        return pattern.get(index + 1) instanceof Literal next && next.text().startsWith(":");
    }
}
