package dev.arca.core.graph;

import static dev.arca.core.graph.UpstreamGraphTest.graph;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphEditsTest {

    private final UpstreamGraph base = graph(Map.of("app", List.of("a", "b"), "a", List.of(), "b", List.of(),
            "c", List.of(), "store", List.of()));

    @Test
    void editsNetIntoOneChangePerRepository() {
        GraphEdits edits = new GraphEdits(base);
        assertThat(edits.addUpstream("app", "c")).isEmpty();
        assertThat(edits.moveUpstream("app", "c", 1)).isEmpty();
        assertThat(edits.removeUpstream("app", "a")).isEmpty();
        assertThat(edits.setConnection("store", Optional.of("public:pypi"))).isEmpty();

        assertThat(edits.edits()).extracting(GraphEdits.Edit::description).containsExactly(
                "app reads from c (priority 3)", "c moves to priority 1 of app", "app no longer reads from a",
                "store connects to public:pypi");
        assertThat(edits.changes()).extracting(GraphEdits.Change::summary).containsExactly(
                "app: upstreams [a, b] → [c, b]", "store: external connection public:pypi");
        assertThat(edits.current().searchPlan("app").order()).containsExactly("app", "c", "b");
        assertThat(base.searchPlan("app").order()).containsExactly("app", "a", "b");
    }

    @Test
    void aRefusedEditChangesNothing() {
        GraphEdits edits = new GraphEdits(base);
        edits.addUpstream("a", "c");
        List<EditProblem> problems = edits.addUpstream("c", "app");
        assertThat(problems).extracting(EditProblem::kind).containsExactly(EditProblem.Kind.CYCLE);
        assertThat(edits.edits()).hasSize(1);
        assertThat(edits.setConnection("app", Optional.of("public:npmjs"))).extracting(EditProblem::kind)
                .containsExactly(EditProblem.Kind.UPSTREAMS_AND_CONNECTION);
        assertThat(edits.changes()).extracting(GraphEdits.Change::repository).containsExactly("a");
    }

    @Test
    void undoTakesBackTheLatestEditAndEditsThatCancelOutChangeNothing() {
        GraphEdits edits = new GraphEdits(base);
        edits.addUpstream("app", "c");
        edits.removeUpstream("app", "c");
        assertThat(edits.isEmpty()).isTrue();
        assertThat(edits.undo()).isTrue();
        assertThat(edits.changes()).extracting(GraphEdits.Change::upstreamsAfter).containsExactly(List.of("a", "b", "c"));
        assertThat(edits.undo()).isTrue();
        assertThat(edits.undo()).isFalse();
        assertThat(edits.current()).isSameAs(base);
    }

    @Test
    void removingAnEdgeThatIsNotThereIsExplained() {
        assertThat(new GraphEdits(base).removeUpstream("a", "b")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("b is not an upstream of a."));
    }

    @Test
    void aDanglingUpstreamMustGoBeforeTheListChanges() {
        UpstreamGraph broken = graph(Map.of("app", List.of("gone", "a"), "a", List.of(), "c", List.of()), "gone");
        GraphEdits edits = new GraphEdits(broken);
        assertThat(edits.addUpstream("app", "c")).extracting(EditProblem::kind)
                .containsExactly(EditProblem.Kind.UNKNOWN_UPSTREAM);
        assertThat(edits.removeUpstream("app", "gone")).isEmpty();
        assertThat(edits.addUpstream("app", "c")).isEmpty();
        assertThat(edits.changes()).singleElement().satisfies(c -> assertThat(c.summary())
                .isEqualTo("app: upstreams [gone, a] → [a, c]"));
    }
}
