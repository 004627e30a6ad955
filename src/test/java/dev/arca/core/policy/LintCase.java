package dev.arca.core.policy;

import java.util.List;
import java.util.Optional;

/** One lint check under test: a policy that triggers it (finding at {@code marked}, see PolicyText) and one that doesn't. */
record LintCase(String code, FindingType type, PolicyType policyType, String bad, String good, String marked, String path,
                Optional<String> attachedTo) {

    static LintCase resource(String code, FindingType type, String bad, String good, String marked, String path) {
        return new LintCase(code, type, PolicyType.RESOURCE_POLICY, bad, good, marked, path, Optional.empty());
    }

    static LintCase identity(String code, FindingType type, String bad, String good, String marked, String path) {
        return new LintCase(code, type, PolicyType.IDENTITY_POLICY, bad, good, marked, path, Optional.empty());
    }

    LintCase attachedTo(String arn) {
        return new LintCase(code, type, policyType, bad, good, marked, path, Optional.of(arn));
    }

    List<Finding> lint(String text) {
        return attachedTo.map(arn -> PolicyLinter.lint(text, policyType, arn))
                .orElseGet(() -> PolicyLinter.lint(text, policyType));
    }

    void verify() {
        PolicyText.assertFinding(lint(bad), bad, type, code, marked, path);
        PolicyText.assertNoFinding(lint(good), code);
    }

    @Override
    public String toString() {
        return code + " (" + policyType + ")";
    }
}
