package dev.arca.core.graph;

import static dev.arca.core.graph.UpstreamGraphTest.graph;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EditValidationTest {

    private final UpstreamGraph graph = graph(Map.of("app", List.of("shared"), "shared", List.of("store"),
            "store", List.of(), "other", List.of()));

    private List<EditProblem.Kind> kinds(String repository, List<String> upstreams, Optional<String> connection) {
        return graph.validate(repository, upstreams, connection).stream().map(EditProblem::kind).toList();
    }

    @Test
    void aValidListHasNoProblems() {
        assertThat(graph.validate("app", List.of("other", "shared"), Optional.empty())).isEmpty();
        assertThat(graph.validate("store", List.of(), Optional.of("public:npmjs"))).isEmpty();
    }

    @Test
    void aCycleIsRefusedWithThePathItWouldClose() {
        List<EditProblem> problems = graph.validate("store", List.of("app"), Optional.empty());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(EditProblem.Kind.CYCLE);
            assertThat(p.upstream()).contains("app");
            assertThat(p.message()).isEqualTo("Reading from app would make a cycle: store → app → shared → store.");
        });
    }

    @Test
    void moreThanTenDirectUpstreamsAreRefused() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "u" + i).toList();
        UpstreamGraph wide = graph(Map.of("app", List.of(), "hub", eleven));
        assertThat(wide.validate("app", eleven, Optional.empty())).singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo("A repository has at most 10 direct upstreams; app would have 11."));
        assertThat(wide.validate("app", eleven.subList(0, 10), Optional.empty())).isEmpty();
    }

    @Test
    void selfDuplicateAndForeignUpstreamsAreRefused() {
        assertThat(kinds("app", List.of("app", "shared", "shared", "elsewhere"), Optional.empty()))
                .containsExactly(EditProblem.Kind.SELF_UPSTREAM, EditProblem.Kind.DUPLICATE_UPSTREAM,
                        EditProblem.Kind.UNKNOWN_UPSTREAM);
        assertThat(graph.validate("app", List.of("elsewhere"), Optional.empty()).getFirst().message())
                .isEqualTo("elsewhere is not a repository of domain team.");
    }

    @Test
    void upstreamsAndAnExternalConnectionTogetherAreRefused() {
        assertThat(kinds("app", List.of("shared"), Optional.of("public:npmjs")))
                .containsExactly(EditProblem.Kind.UPSTREAMS_AND_CONNECTION);
        assertThat(kinds("store", List.of(), Optional.of("public:left-pad")))
                .containsExactly(EditProblem.Kind.UNKNOWN_CONNECTION);
        assertThat(kinds("ghost", List.of(), Optional.empty())).containsExactly(EditProblem.Kind.UNKNOWN_REPOSITORY);
    }
}
