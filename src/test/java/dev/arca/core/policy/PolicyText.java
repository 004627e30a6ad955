package dev.arca.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds small policy documents one element per line, and asserts lint findings at the place a marker shows. */
record PolicyText(String sid, String effect, String principal, String action, String resource, String condition,
                  String extra) {

    static final String ROOT_ACCOUNT = "{\"AWS\": \"arn:aws:iam::111122223333:root\"}";

    /** A clean resource policy statement: the account root may read the repository. */
    static PolicyText resourceStatement() {
        return new PolicyText("", "\"Allow\"", ROOT_ACCOUNT, "\"codeartifact:ReadFromRepository\"", "\"*\"", "", "");
    }

    /** A clean identity policy statement. */
    static PolicyText identityStatement() {
        return new PolicyText("", "\"Allow\"", "", "\"codeartifact:ReadFromRepository\"", "\"*\"", "", "");
    }

    PolicyText sid(String v) { return new PolicyText(v, effect, principal, action, resource, condition, extra); }
    PolicyText effect(String v) { return new PolicyText(sid, v, principal, action, resource, condition, extra); }
    PolicyText principal(String v) { return new PolicyText(sid, effect, v, action, resource, condition, extra); }
    PolicyText action(String v) { return new PolicyText(sid, effect, principal, v, resource, condition, extra); }
    PolicyText resource(String v) { return new PolicyText(sid, effect, principal, action, v, condition, extra); }
    PolicyText condition(String v) { return new PolicyText(sid, effect, principal, action, resource, v, extra); }
    /** Raw member lines added at the end, e.g. {@code "NotAction": "x"}. */
    PolicyText extra(String v) { return new PolicyText(sid, effect, principal, action, resource, condition, v); }

    String body() {
        List<String> lines = new ArrayList<>();
        add(lines, "Sid", sid);
        add(lines, "Effect", effect);
        add(lines, "Principal", principal);
        add(lines, "Action", action);
        add(lines, "Resource", resource);
        add(lines, "Condition", condition);
        if (!extra.isEmpty()) {
            lines.add("      " + extra);
        }
        return "    {\n" + String.join(",\n", lines) + "\n    }";
    }

    /** The statement in a document with Version 2012-10-17. */
    String document() {
        return documents(this);
    }

    static String documents(PolicyText... statements) {
        List<String> bodies = new ArrayList<>();
        for (PolicyText s : statements) {
            bodies.add(s.body());
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + String.join(",\n", bodies) + "\n  ]\n}";
    }

    private static void add(List<String> lines, String key, String value) {
        if (!value.isEmpty()) {
            lines.add("      \"" + key + "\": " + value);
        }
    }

    /**
     * Asserts one finding of {@code code} and {@code type} whose location starts where {@code marked} — a piece of the
     * text with a {@code |} where the location starts (at its beginning when it has none) — first occurs, with {@code path}.
     */
    static Finding assertFinding(List<Finding> findings, String text, FindingType type, String code, String marked,
                                 String path) {
        Optional<Finding> found = findings.stream().filter(f -> f.issueCode().equals(code)).findFirst();
        assertThat(found).as("finding %s in %s", code, findings).isPresent();
        Finding finding = found.get();
        int bar = marked.indexOf('|');
        String snippet = marked.replace("|", "");
        int at = text.indexOf(snippet);
        assertThat(at).as("snippet %s in the policy", snippet).isGreaterThanOrEqualTo(0);
        int offset = at + Math.max(bar, 0);
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
        assertThat(finding.type()).as("type of %s", code).isEqualTo(type);
        assertThat(finding.locations()).hasSize(1);
        Finding.Location location = finding.locations().get(0);
        assertThat(location.path().toString()).as("path of %s", code).isEqualTo(path);
        assertThat(List.of(location.line(), location.column())).as("line and column of %s", code)
                .isEqualTo(List.of(line, column));
        assertThat(List.of(location.endLine(), location.endColumn())).as("end after start")
                .satisfies(end -> assertThat(end.get(0) > line || end.get(0) == line && end.get(1) > column).isTrue());
        return finding;
    }

    static void assertNoFinding(List<Finding> findings, String code) {
        assertThat(findings).as("findings").noneMatch(f -> f.issueCode().equals(code));
    }
}
