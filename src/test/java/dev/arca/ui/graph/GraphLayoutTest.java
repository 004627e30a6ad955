package dev.arca.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.UpstreamGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    private static GraphRepository repo(String name, List<String> upstreams) {
        return new GraphRepository(name, upstreams, Optional.empty(), "111122223333", false);
    }

    @Test
    void downstreamRepositoriesArePlacedAboveTheirUpstreamsAndConnectionsBelowTheirHolders() {
        UpstreamGraph graph = UpstreamGraph.of("team", "111122223333", List.of(
                repo("app", List.of("shared", "gone")), repo("shared", List.of("npm-store")),
                new GraphRepository("npm-store", List.of(), Optional.of("public:npmjs"), "111122223333", false)));
        GraphLayout.Result layout = GraphLayout.of(graph);

        assertThat(layout.boxes()).containsKeys("repo:app", "repo:shared", "repo:npm-store", "conn:public:npmjs",
                "missing:gone");
        GraphLayout.Box app = layout.boxes().get("repo:app");
        GraphLayout.Box shared = layout.boxes().get("repo:shared");
        GraphLayout.Box store = layout.boxes().get("repo:npm-store");
        GraphLayout.Box connection = layout.boxes().get("conn:public:npmjs");
        assertThat(app.y()).isLessThan(shared.y());
        assertThat(shared.y()).isLessThan(store.y());
        assertThat(store.y()).isLessThan(connection.y());
        assertThat(layout.boxes().get("missing:gone").kind()).isEqualTo(GraphLayout.Kind.MISSING);
        assertThat(layout.routes()).hasSize(4).allSatisfy(r -> assertThat(r.points().length).isGreaterThanOrEqualTo(4));
        assertThat(layout.routes()).filteredOn(r -> r.from().equals("repo:app") && r.to().equals("repo:shared"))
                .singleElement().satisfies(r -> assertThat(r.priority()).isEqualTo(1));
        assertThat(layout.routes()).filteredOn(GraphLayout.Route::dangling).singleElement()
                .satisfies(r -> assertThat(r.priority()).isEqualTo(2));
        assertThat(layout.width()).isGreaterThanOrEqualTo(app.x() + app.width());
        assertThat(layout.height()).isGreaterThanOrEqualTo(connection.y() + connection.height());
    }

    @Test
    void boxesDoNotOverlapInALargeDomain() {
        List<GraphRepository> repositories = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> ups = new ArrayList<>();
            for (int k = 1; k <= 3 && i + k * 7 < 300; k++) {
                ups.add(String.format("repo-%03d", i + k * 7));
            }
            repositories.add(repo(String.format("repo-%03d", i), ups));
        }
        GraphLayout.Result layout = GraphLayout.of(UpstreamGraph.of("big", "111122223333", repositories));
        List<GraphLayout.Box> boxes = List.copyOf(layout.boxes().values());
        assertThat(boxes).hasSize(300);
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                GraphLayout.Box x = boxes.get(a);
                GraphLayout.Box y = boxes.get(b);
                boolean apart = x.x() + x.width() <= y.x() || y.x() + y.width() <= x.x()
                        || x.y() + x.height() <= y.y() || y.y() + y.height() <= x.y();
                assertThat(apart).as(x.id() + " and " + y.id()).isTrue();
            }
        }
    }

    @Test
    void theWarmUpDomainIsAWholeTieredGraphThatExercisesTheLayout() {
        UpstreamGraph sample = GraphLayout.sampleDomain();
        GraphLayout.Result layout = GraphLayout.of(sample);

        assertThat(sample.repositories()).hasSize(40);
        assertThat(sample.externalConnections()).containsExactlyInAnyOrder("public:npmjs", "public:pypi");
        assertThat(sample.edges()).hasSize(6 * 2 + 30 * 3).noneMatch(e -> e.dangling());
        assertThat(layout.boxes()).hasSize(42);
        assertThat(layout.boxes().get("repo:team-0").y()).isLessThan(layout.boxes().get("repo:shared-0").y());
        assertThat(layout.boxes().get("repo:shared-0").y()).isLessThan(layout.boxes().get("repo:store-0").y());
    }
}
