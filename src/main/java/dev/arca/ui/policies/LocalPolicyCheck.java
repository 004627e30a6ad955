package dev.arca.ui.policies;

import dev.arca.core.ResourceNames;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyFindingReport;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.json.Position;
import java.util.Optional;

/**
 * What the editor can say about a policy without asking a service, fast enough to run on every keystroke: its size
 * against CodeArtifact's limit, then IAM's grammar (PolicyParser). Also turns Access Analyzer findings into marks.
 */
public final class LocalPolicyCheck {

    private LocalPolicyCheck() {
    }

    /** The first problem with {@code text} as a policy of {@code type}, or empty when it parses. */
    public static Optional<PolicyMark> problem(String text, PolicyType type) {
        int limit = ResourceNames.POLICY_DOCUMENT.maxLength();
        if (type == PolicyType.RESOURCE_POLICY && text.length() > limit) {
            Position first = position(text, limit);
            return Optional.of(new PolicyMark(FindingType.ERROR, PolicyMark.LOCAL, String.format(
                    "The policy is %,d characters long; CodeArtifact accepts at most %,d, spaces and line breaks "
                            + "included. Remove %,d.", text.length(), limit, text.length() - limit),
                    Optional.of(first), Optional.of(position(text, text.length())), Optional.empty()));
        }
        if (text.isBlank()) {
            return Optional.of(new PolicyMark(FindingType.ERROR, PolicyMark.LOCAL,
                    "The policy is empty: write one, pick a template, or delete the policy instead.",
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        try {
            PolicyParser.parse(text, type);
            return Optional.empty();
        } catch (MalformedPolicyException e) {
            var problem = e.problem();
            Optional<Position> end = problem.position().map(p -> position(text, Math.min(text.length(),
                    p.offset() + 1)));
            return Optional.of(new PolicyMark(FindingType.ERROR, PolicyMark.LOCAL, sentence(problem.reason()),
                    problem.position(), end, Optional.empty()));
        }
    }

    /** An Access Analyzer finding as a mark at its first location. */
    static PolicyMark mark(PolicyFindingReport report) {
        var finding = report.finding();
        var location = finding.locations().stream().findFirst();
        return new PolicyMark(finding.type(), finding.issueCode(), sentence(finding.findingDetails()),
                location.map(l -> l.start()), location.map(l -> l.end()), report.learnMoreLink());
    }

    /** The position of {@code offset} in {@code text}: line from 1, column from 0. */
    static Position position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart, offset);
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
