package dev.arca.ui.access;

import java.util.List;

/**
 * The common things a principal may want to do with a repository — the columns of the access matrix — and the actions
 * each needs, on which resource (policies.md §3.4, §3.5).
 */
public enum Ability {
    READ("Read", List.of(new Check("codeartifact:ReadFromRepository", On.REPOSITORY))),
    PUBLISH("Publish", List.of(new Check("codeartifact:PublishPackageVersion", On.PACKAGE))),
    GET_TOKEN("Get token", List.of(new Check("codeartifact:GetAuthorizationToken", On.DOMAIN),
            new Check("sts:GetServiceBearerToken", On.ANY))),
    EDIT_POLICY("Edit policy", List.of(new Check("codeartifact:PutRepositoryPermissionsPolicy", On.REPOSITORY))),
    ADMIN("Administer", List.of(new Check("codeartifact:UpdateRepository", On.REPOSITORY)));

    /** Which resource an action is asked about. */
    public enum On { DOMAIN, REPOSITORY, PACKAGE, ANY }

    /** One action an ability needs. */
    public record Check(String action, On on) {
    }

    private final String label;
    private final List<Check> checks;

    Ability(String label, List<Check> checks) {
        this.label = label;
        this.checks = checks;
    }

    public String label() {
        return label;
    }

    /** All of these must be allowed. */
    public List<Check> checks() {
        return checks;
    }

    /** The actions, as the column's tooltip names them. */
    public String actions() {
        return String.join(" + ", checks.stream().map(Check::action).toList());
    }
}
