package dev.arca.bench;

import dev.arca.core.ExternalConnections;
import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.UpstreamGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;

/**
 * A domain shaped as large organisations use CodeArtifact, for the upstream graph benchmarks: team repositories read
 * from 3 shared repositories, shared ones from 4 platform repositories, platform ones from 2 store repositories, and
 * each store holds one external connection. Upstreams are picked mostly near a repository's own place in the tier
 * below (teams of one area share libraries) with one picked anywhere, from a fixed seed, so every run draws the
 * same graph.
 *
 * @param stores   store repositories, one per external connection (at most the 10 CodeArtifact offers)
 * @param platform platform repositories, 2 upstreams each among the stores
 * @param shared   shared repositories, 4 upstreams each among the platform ones
 * @param teams    team repositories, 3 upstreams each among the shared ones
 */
public record TieredDomain(int stores, int platform, int shared, int teams) {

    /** 1,000 repositories (the domain quota) and 3,070 upstream edges. */
    public static final TieredDomain QUOTA = new TieredDomain(10, 50, 150, 790);
    /** 100 repositories and 295 upstream edges: the same shape, a tenth of the size. */
    public static final TieredDomain HUNDRED = new TieredDomain(5, 10, 20, 65);

    public static final String OWNER = "123456789012";
    private static final String[] AREAS = {"payments", "search", "mobile", "data", "identity", "checkout", "media",
        "ads", "infra", "support"};
    private static final String[] KINDS = {"service", "web", "worker", "api", "jobs"};

    public TieredDomain {
        if (stores < 2 || stores > ExternalConnections.supported().size() || platform < 4 || shared < 3) {
            throw new IllegalArgumentException("too few repositories in a tier");
        }
    }

    public int size() {
        return stores + platform + shared + teams;
    }

    public int upstreamEdges() {
        return platform * 2 + shared * 4 + teams * 3;
    }

    /** Every repository, upstreams before the repositories that read from them (the order they can be created in). */
    public List<GraphRepository> repositories() {
        Random random = new Random(42);
        List<String> connections = ExternalConnections.supported().keySet().stream().sorted().toList();
        List<GraphRepository> all = new ArrayList<>();
        List<String> storeNames = new ArrayList<>();
        for (int i = 0; i < stores; i++) {
            String connection = connections.get(i);
            storeNames.add(ExternalConnections.storeRepositoryName(connection));
            all.add(new GraphRepository(storeNames.getLast(), List.of(), Optional.of(connection), OWNER, false));
        }
        List<String> platformNames = tier(all, random, platform, 2, storeNames,
                i -> String.format(Locale.ROOT, "platform-%s-%02d", AREAS[i % AREAS.length], i));
        List<String> sharedNames = tier(all, random, shared, 4, platformNames,
                i -> String.format(Locale.ROOT, "shared-%s-libs-%03d", AREAS[i % AREAS.length], i));
        tier(all, random, teams, 3, sharedNames, i -> String.format(Locale.ROOT, "team-%s-%s-%03d",
                AREAS[i % AREAS.length], KINDS[i / AREAS.length % KINDS.length], i));
        return all;
    }

    /** The domain as the graph page would read it. */
    public UpstreamGraph graph(String domain) {
        return UpstreamGraph.of(domain, OWNER, repositories());
    }

    /** Creates the domain on a server through the SDK, upstreams first, and attaches the stores' connections. */
    public void create(CodeartifactClient client, String domain) {
        client.createDomain(r -> r.domain(domain));
        for (GraphRepository repository : repositories()) {
            client.createRepository(r -> r.domain(domain).repository(repository.name())
                    .upstreams(repository.upstreams().stream()
                            .map(u -> UpstreamRepository.builder().repositoryName(u).build()).toList()));
            repository.externalConnection().ifPresent(c -> client.associateExternalConnection(r -> r.domain(domain)
                    .repository(repository.name()).externalConnection(c)));
        }
    }

    private static List<String> tier(List<GraphRepository> all, Random random, int count, int upstreams,
                                     List<String> below, java.util.function.IntFunction<String> name) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<String> picked = new LinkedHashSet<>();
            int home = i * below.size() / count;
            int window = Math.max(upstreams + 1, below.size() / 10);
            while (picked.size() < upstreams - 1) {
                int near = home + random.nextInt(window) - window / 2;
                picked.add(below.get(Math.floorMod(near, below.size())));
            }
            while (picked.size() < upstreams) {
                picked.add(below.get(random.nextInt(below.size())));
            }
            names.add(name.apply(i));
            all.add(new GraphRepository(names.getLast(), List.copyOf(picked), Optional.empty(), OWNER, false));
        }
        return names;
    }
}
