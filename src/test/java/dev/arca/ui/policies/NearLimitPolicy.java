package dev.arca.ui.policies;

import dev.arca.core.ResourceNames;
import dev.arca.core.policy.PolicyFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy of {@link PolicyEditorBench}: a repository policy as a real one grows to CodeArtifact's limit (team
 * publishers and contractors of several accounts, an organization-wide read, denies with conditions, wildcards), in
 * the editor's layout and just under 7,168 characters (whitespace counts); and the statement the bench types over one of its own.
 */
final class NearLimitPolicy {

    /** CodeArtifact's limit on a policy document, in characters, whitespace included. */
    static final int LIMIT = ResourceNames.POLICY_DOCUMENT.maxLength();
    /** The statement in the middle of the policy that the bench selects and types a new one over. */
    static final String REPLACED_SID = "SearchContractors";
    /** The Sid of the statement typed over it. */
    static final String TYPED_SID = "QaToolsRead";
    /** How many characters are typed. */
    static final int TYPED_LENGTH = 300;

    private static final String[] TEAMS = {"payments", "search", "mobile", "data", "identity", "checkout"};
    private static final String[] ACCOUNTS = {"111122223333", "444455556666", "777788889999", "210987654321",
        "135792468024"};
    /** The policy's Id, cut after one of its words to bring the policy as near the limit as it goes. */
    private static final String ID = "acme-libs-repository-policy-reviewed-by-platform-security-every-quarter-see-"
            + "wiki-artifact-access";

    private NearLimitPolicy() {
    }

    /**
     * The stored document: formatted as the editor shows and saves it, and as long as it can be while both it and
     * the text after the bench's edit (the typed statement in place of {@link #REPLACED_SID}, then Format) stay
     * within {@link #LIMIT}.
     */
    static String document() {
        String best = null;
        for (int end = 1; end <= ID.length(); end++) {
            if (end < ID.length() && ID.charAt(end) != '-') {
                continue;
            }
            String candidate = PolicyFormatter.format(compact(ID.substring(0, end))).orElseThrow();
            if (Math.max(candidate.length(), afterEditAndFormat(candidate).length()) >= LIMIT) {
                break;
            }
            best = candidate;
        }
        if (best == null) {
            throw new IllegalStateException("the policy does not fit in " + LIMIT + " characters");
        }
        return best;
    }

    /**
     * What the bench types, {@value #TYPED_LENGTH} characters: a new statement written as people write one, on a few
     * lines indented by hand and not in the editor's layout, so that Format has something to do.
     */
    static String typed() {
        String text = "{\"Sid\": \"" + TYPED_SID + "\", \"Effect\": \"Allow\",\n"
                + "      \"Principal\": {\"AWS\": \"arn:aws:iam::210987654321:role/qa-runner\"},\n"
                + "      \"Action\": [\"codeartifact:ReadFromRepository\", \"codeartifact:GetPackageVersion*\"],\n"
                + "      \"Resource\": \"*\", \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"2027-01-01T00:00:00Z\"}}}";
        if (text.length() != TYPED_LENGTH) {
            throw new IllegalStateException("the typed statement has " + text.length() + " characters");
        }
        return text;
    }

    /** Where the statement with {@code sid} starts and ends in {@code text} (its braces, end exclusive). */
    static int[] statement(String text, String sid) {
        int at = text.indexOf("\"Sid\": \"" + sid + "\"");
        if (at < 0) {
            throw new IllegalArgumentException("no statement " + sid);
        }
        int start = text.lastIndexOf('{', at);
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new int[] {start, i + 1};
            }
        }
        throw new IllegalArgumentException("statement " + sid + " is not closed");
    }

    /** {@code text} with {@link #REPLACED_SID} typed over and formatted, as the bench leaves it. */
    static String afterEditAndFormat(String text) {
        int[] span = statement(text, REPLACED_SID);
        String edited = text.substring(0, span[0]) + typed() + text.substring(span[1]);
        return PolicyFormatter.format(edited).orElseThrow();
    }

    private static String compact(String id) {
        List<String> statements = new ArrayList<>();
        statements.add(statement("OrgRead", "Allow", "{\"AWS\": [" + root(0) + ", " + root(1) + ", " + root(2) + "]}",
                "[\"codeartifact:Describe*\", \"codeartifact:Get*\", \"codeartifact:List*\", "
                        + "\"codeartifact:ReadFromRepository\", \"codeartifact:GetPackageVersionReadme\"]",
                "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}"));
        statements.add(statement("DenySuspendedPrincipals", "Deny", "\"*\"", "\"codeartifact:*\"",
                "{\"StringEquals\": {\"aws:PrincipalTag/access-suspended\": \"true\"}}"));
        statements.add(statement("DenyDeleteOutsideAdmins", "Deny", "\"*\"",
                "[\"codeartifact:Delete*\", \"codeartifact:DisassociateExternalConnection\"]",
                "{\"StringNotLike\": {\"aws:PrincipalArn\": [\"arn:aws:iam::111122223333:role/artifact-admin*\", "
                        + "\"arn:aws:iam::111122223333:role/OrganizationAccountAccessRole\"]}}"));
        statements.add(statement("DenyPublishOutsideCorporateNetwork", "Deny", "\"*\"",
                "[\"codeartifact:PublishPackageVersion\", \"codeartifact:PutPackageMetadata\", "
                        + "\"codeartifact:UpdatePackageVersionsStatus\"]",
                "{\"NotIpAddress\": {\"aws:SourceIp\": [\"198.51.100.0/24\", \"203.0.113.0/24\"]}, "
                        + "\"Bool\": {\"aws:ViaAWSService\": \"false\"}}"));
        for (int i = 0; i < TEAMS.length; i++) {
            String team = TEAMS[i];
            String account = ACCOUNTS[(i + 1) % ACCOUNTS.length];
            String other = ACCOUNTS[(i + 3) % ACCOUNTS.length];
            // One team still names its office's private range, which Access Analyzer suggests dropping.
            String office = team.equals("mobile") ? "10.20.0.0/16" : "198.51.100." + (i * 16) + "/28";
            statements.add(statement(title(team) + "Publish", "Allow", "{\"AWS\": [\"arn:aws:iam::" + account
                            + ":role/" + team + "-ci\", \"arn:aws:iam::" + other + ":role/" + team + "-release\"]}",
                    "[\"codeartifact:PublishPackageVersion\", \"codeartifact:PutPackageMetadata\", "
                            + "\"codeartifact:ReadFromRepository\"]",
                    "{\"StringLike\": {\"aws:PrincipalTag/team\": \"" + team + "*\"}, \"IpAddress\": "
                            + "{\"aws:SourceIp\": [\"203.0.113." + (i * 16) + "/28\", \"" + office + "\"]}}"));
            if (i % 2 == 1) {
                statements.add(statement(title(team) + "Contractors", "Allow", "{\"AWS\": \"arn:aws:iam::" + other
                                + ":root\"}", "[\"codeartifact:ReadFromRepository\", "
                                + "\"codeartifact:GetPackageVersion*\"]",
                        "{\"StringEquals\": {\"aws:PrincipalTag/contract\": \"" + team + "-2026\"}, "
                                + "\"DateLessThan\": {\"aws:CurrentTime\": \"2027-06-30T00:00:00Z\"}}"));
            }
        }
        return "{\"Version\": \"2012-10-17\", \"Id\": \"" + id + "\", \"Statement\": ["
                + String.join(", ", statements) + "]}";
    }

    private static String root(int account) {
        return "\"arn:aws:iam::" + ACCOUNTS[account] + ":root\"";
    }

    private static String title(String team) {
        return Character.toUpperCase(team.charAt(0)) + team.substring(1);
    }

    private static String statement(String sid, String effect, String principal, String action, String condition) {
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"" + effect + "\", \"Principal\": " + principal
                + ", \"Action\": " + action + ", \"Resource\": \"*\", \"Condition\": " + condition + "}";
    }
}
