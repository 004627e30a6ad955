package dev.arca.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.UpstreamSearchOrder;
import dev.arca.core.graph.GraphEdge;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.SearchPlan;
import dev.arca.core.graph.UpstreamGraph;
import java.util.List;

/**
 * The documents {@code arca graph --format json} prints (the graph, a search order, a package trace). Their shape is a contract for scripts: every key is always
 * present (an absent external connection is {@code null}), lists keep the graph's order (repositories by name,
 * upstreams by priority), and keys come in a fixed order.
 */
final class GraphJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GraphJson() {
    }

    /**
     * {@code {domain, owner, repositories: [{name, upstreams, externalConnection, administrator, hasPolicy}],
     * danglingEdges: [{repository, upstream, priority}], cycles: [[…]], chainsPastBudget: {repository: […]},
     * unreachedUpstreams: […]}}.
     */
    static String of(UpstreamGraph graph) {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", graph.domain());
        root.put("owner", graph.domainOwner());
        ArrayNode repositories = root.putArray("repositories");
        for (GraphRepository repository : graph.repositories()) {
            ObjectNode node = repositories.addObject();
            node.put("name", repository.name());
            strings(node.putArray("upstreams"), repository.upstreams());
            node.put("externalConnection", repository.externalConnection().orElse(null));
            node.put("administrator", repository.administrator());
            node.put("hasPolicy", repository.hasPolicy());
        }
        edges(root.putArray("danglingEdges"), graph.danglingEdges());
        ArrayNode cycles = root.putArray("cycles");
        graph.cycles().forEach(cycle -> strings(cycles.addArray(), cycle));
        ObjectNode pastBudget = root.putObject("chainsPastBudget");
        graph.chainsPastBudget().forEach((repository, past) -> strings(pastBudget.putArray(repository), past));
        strings(root.putArray("unreachedUpstreams"), graph.unreachedUpstreams());
        return write(root);
    }

    /**
     * {@code {domain, repository, budget, order: [{position, repository, depth, externalConnection}], pastBudget:
     * […], danglingOnPath: [{repository, upstream, priority}]}}.
     */
    static String explain(UpstreamGraph graph, SearchPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", graph.domain());
        root.put("repository", plan.start());
        root.put("budget", graph.budget());
        ArrayNode order = root.putArray("order");
        List<UpstreamSearchOrder.Stop<String>> searched = plan.searched();
        for (int i = 0; i < searched.size(); i++) {
            UpstreamSearchOrder.Stop<String> stop = searched.get(i);
            ObjectNode node = order.addObject();
            node.put("position", i + 1);
            node.put("repository", stop.repository());
            node.put("depth", stop.depth());
            node.put("externalConnection", graph.repository(stop.repository())
                    .flatMap(GraphRepository::externalConnection).orElse(null));
        }
        strings(root.putArray("pastBudget"), plan.pastBudget());
        edges(root.putArray("danglingOnPath"), plan.danglingOnPath());
        return write(root);
    }

    /**
     * {@code {domain, repository, format, namespace, package, version, steps: [{position, repository, depth, role,
     * stored: {publish, upstream, version: {status, originType, entryRepository, entryConnection}, versionCount,
     * defaultVersion}, externalConnection, connectionRefused, stopsHere}], outcome: {servedFrom, fetchedBy,
     * retainedIn, conclusion}}}; {@code stored} is {@code null} where a repository has none of the package.
     */
    static String trace(UpstreamGraph graph, PackageTrace trace) {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", graph.domain());
        root.put("repository", trace.start());
        root.put("format", trace.format().wireName());
        root.put("namespace", trace.namespace());
        root.put("package", trace.name());
        root.put("version", trace.version().orElse(null));
        ArrayNode steps = root.putArray("steps");
        for (PackageTrace.Step step : trace.steps()) {
            ObjectNode node = steps.addObject();
            node.put("position", step.position());
            node.put("repository", step.repository());
            node.put("depth", step.depth());
            node.put("role", step.role().name());
            step.stored().ifPresentOrElse(stored -> stored(node.putObject("stored"), stored),
                    () -> node.putNull("stored"));
            node.put("externalConnection", step.connection().orElse(null));
            node.put("connectionRefused", step.connectionRefused().orElse(null));
            node.put("stopsHere", step.stopsHere().orElse(null));
        }
        ObjectNode outcome = root.putObject("outcome");
        outcome.put("servedFrom", trace.outcome().servedFrom().orElse(null));
        outcome.put("fetchedBy", trace.outcome().fetchedBy().orElse(null));
        strings(outcome.putArray("retainedIn"), trace.outcome().retainedIn());
        outcome.put("conclusion", trace.outcome().conclusion());
        return write(root);
    }

    private static void stored(ObjectNode node, PackageTrace.Stored stored) {
        node.put("publish", stored.publish());
        node.put("upstream", stored.upstream());
        stored.version().ifPresentOrElse(version -> {
            ObjectNode v = node.putObject("version");
            v.put("status", version.status());
            v.put("originType", version.originType());
            v.put("entryRepository", version.entryRepository().orElse(null));
            v.put("entryConnection", version.entryConnection().orElse(null));
        }, () -> node.putNull("version"));
        node.put("versionCount", stored.versionCount());
        node.put("defaultVersion", stored.defaultVersion().orElse(null));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void edges(ArrayNode array, List<GraphEdge> edges) {
        for (GraphEdge edge : edges) {
            ObjectNode node = array.addObject();
            node.put("repository", edge.repository());
            node.put("upstream", edge.upstream());
            node.put("priority", edge.priority());
        }
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
