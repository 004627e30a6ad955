package dev.arca.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageTraceTest {

    private static final UpstreamGraph COMPLEX = UpstreamGraph.of("team", "111122223333", List.of(
            repo("my_repo", List.of("repo-a", "repo-b")), repo("repo-a", List.of("repo-c", "repo-d")),
            repo("repo-b", List.of()), repo("repo-c", List.of()), repo("repo-d", List.of("repo-e")),
            repo("repo-e", List.of()),
            new GraphRepository("npm-store", List.of(), Optional.of("public:npmjs"), "111122223333", false),
            repo("app", List.of("repo-a", "npm-store", "repo-b"))));

    private static GraphRepository repo(String name, List<String> upstreams) {
        return new GraphRepository(name, upstreams, Optional.empty(), "111122223333", false);
    }

    private static Optional<PackageTrace.Stored> version(String status) {
        return Optional.of(new PackageTrace.Stored("ALLOW", "ALLOW", Optional.of(new PackageTrace.StoredVersion(status,
                "INTERNAL", Optional.of("repo-e"), Optional.empty())), 0, Optional.empty()));
    }

    private static Optional<PackageTrace.Stored> packageOnly(String upstream) {
        return Optional.of(new PackageTrace.Stored("ALLOW", upstream, Optional.empty(), 0, Optional.empty()));
    }

    /** Every repository stores nothing except as given. */
    private static Map<String, Optional<PackageTrace.Stored>> stored(Map<String, Optional<PackageTrace.Stored>> some) {
        Map<String, Optional<PackageTrace.Stored>> all = new HashMap<>();
        COMPLEX.names().forEach(n -> all.put(n, Optional.empty()));
        all.putAll(some);
        return all;
    }

    private static PackageTrace trace(String start, Map<String, Optional<PackageTrace.Stored>> some,
                                      PackageTrace.GroupRules rules) {
        return PackageTrace.predict(COMPLEX, start, PackageFormat.NPM, "", "lodash", Optional.of("4.17.21"),
                stored(some), rules);
    }

    @Test
    void aVersionOnlyInTheDeepestUpstreamIsServedFromThereAndRetainedOnlyWhereRequested() {
        PackageTrace trace = trace("my_repo", Map.of("repo-e", version("Published"), "repo-b", version("Published")),
                PackageTrace.GroupRules.allowAll());
        assertThat(trace.steps()).extracting(PackageTrace.Step::repository)
                .containsExactly("my_repo", "repo-a", "repo-c", "repo-d", "repo-e", "repo-b");
        assertThat(trace.steps()).extracting(PackageTrace.Step::role).containsExactly(PackageTrace.Role.SEARCHED,
                PackageTrace.Role.SEARCHED, PackageTrace.Role.SEARCHED, PackageTrace.Role.SEARCHED,
                PackageTrace.Role.SERVES, PackageTrace.Role.NOT_CONSULTED);
        assertThat(trace.outcome().servedFrom()).contains("repo-e");
        assertThat(trace.outcome().retainedIn()).containsExactly("my_repo");
        assertThat(trace.outcome().conclusion())
                .isEqualTo("repo-e serves 4.17.21; it is retained in my_repo, not in the repositories between.");
    }

    @Test
    void anExternalConnectionEarlierInTheOrderFetchesAndKeepsTheVersionWhereItIs() {
        PackageTrace trace = trace("app", Map.of("repo-b", version("Published")), PackageTrace.GroupRules.allowAll());
        assertThat(trace.steps()).extracting(PackageTrace.Step::repository)
                .containsExactly("app", "repo-a", "repo-c", "repo-d", "repo-e", "npm-store", "repo-b");
        assertThat(trace.steps().get(5).role()).isEqualTo(PackageTrace.Role.FETCHES);
        assertThat(trace.steps().get(5).connection()).contains("public:npmjs");
        assertThat(trace.steps().get(6).role()).isEqualTo(PackageTrace.Role.SERVES);
        assertThat(trace.outcome().fetchedBy()).contains("npm-store");
        assertThat(trace.outcome().retainedIn()).containsExactly("npm-store", "app");
        assertThat(trace.outcome().conclusion()).contains("If it does not, repo-b serves it");
    }

    @Test
    void blockedOriginControlsEndTheSearchAtThatRepository() {
        PackageTrace trace = trace("my_repo", Map.of("repo-a", packageOnly("BLOCK"), "repo-e", version("Published")),
                PackageTrace.GroupRules.allowAll());
        assertThat(trace.steps()).extracting(PackageTrace.Step::repository).containsExactly("my_repo", "repo-a",
                "repo-b");
        assertThat(trace.steps().get(1).stopsHere()).contains(
                "the package's origin controls in repo-a block upstream");
        assertThat(trace.outcome().servedFrom()).isEmpty();
        assertThat(trace.outcome().conclusion()).endsWith("clients get 404.");
    }

    @Test
    void aGroupThatAllowsOnlySomeRepositoriesRefusesTheOthersConnections() {
        PackageTrace.GroupRules rules = new PackageTrace.GroupRules("/npm/*",
                Map.of("EXTERNAL_UPSTREAM", "ALLOW_SPECIFIC_REPOSITORIES"), Map.of("EXTERNAL_UPSTREAM", "/npm/*"),
                Map.of("EXTERNAL_UPSTREAM", Set.of("other-store")));
        PackageTrace trace = trace("app", Map.of(), rules);
        assertThat(trace.steps().get(5).connectionRefused())
                .contains("package group /npm/* allows EXTERNAL_UPSTREAM only in specific repositories");
        assertThat(trace.outcome().fetchedBy()).isEmpty();
    }

    @Test
    void aVersionTheRequestedRepositoryStoresIsServedThereWhateverItsStatus() {
        PackageTrace archived = trace("my_repo", Map.of("my_repo", version("Archived"), "repo-a", version("Published")),
                PackageTrace.GroupRules.allowAll());
        assertThat(archived.outcome().servedFrom()).contains("my_repo");
        assertThat(archived.outcome().conclusion()).contains("as Archived: clients cannot download it");
        assertThat(archived.steps().get(1).role()).isEqualTo(PackageTrace.Role.NOT_CONSULTED);
        PackageTrace skipped = trace("my_repo", Map.of("repo-a", version("Archived"), "repo-c", version("Unlisted")),
                PackageTrace.GroupRules.allowAll());
        assertThat(skipped.outcome().servedFrom()).contains("repo-c");
    }

    @Test
    void withoutAVersionTheTraceSaysWhereVersionsComeFrom() {
        Map<String, Optional<PackageTrace.Stored>> some = Map.of("repo-c", Optional.of(new PackageTrace.Stored("ALLOW",
                "ALLOW", Optional.empty(), 3, Optional.of("1.2.0"))));
        PackageTrace trace = PackageTrace.predict(COMPLEX, "app", PackageFormat.NPM, "", "lodash", Optional.empty(),
                stored(some), PackageTrace.GroupRules.allowAll());
        assertThat(trace.outcome().conclusion()).isEqualTo(
                "Clients of app see versions from repo-c (3), and the public repository through public:npmjs at npm-store.");
    }

    @Test
    void aConnectionWhoseRepositoryHoldsTheVersionAsArchivedIsPassedOver() {
        PackageTrace trace = trace("app", Map.of("npm-store", version("Archived"), "repo-b", version("Published")),
                PackageTrace.GroupRules.allowAll());
        assertThat(trace.steps().get(5).connectionRefused()).contains("npm-store holds the version already (Archived)");
        assertThat(trace.steps().get(5).role()).isEqualTo(PackageTrace.Role.SEARCHED);
        assertThat(trace.outcome().fetchedBy()).isEmpty();
        assertThat(trace.outcome().servedFrom()).contains("repo-b");
    }

    @Test
    void aConnectionOfAnotherFormatIsNotUsed() {
        PackageTrace trace = PackageTrace.predict(COMPLEX, "app", PackageFormat.PYPI, "", "requests",
                Optional.of("2.0"), stored(Map.of()), PackageTrace.GroupRules.allowAll());
        assertThat(trace.steps().get(5).connection()).isEmpty();
        assertThat(trace.outcome().fetchedBy()).isEmpty();
    }
}
