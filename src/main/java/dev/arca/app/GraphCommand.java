package dev.arca.app;

import dev.arca.core.PackageFormat;
import dev.arca.core.graph.GraphDot;
import dev.arca.core.graph.GraphListing;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.AwsSharedConfig;
import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.PackageTracer;
import dev.arca.gateway.UpstreamGraphSource;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arca graph}: a domain's upstream graph, the search order from one repository, or how a package request to
 * one is resolved, read through the same gateway as the GUI, so it works against AWS and any Arca server alike.
 */
@Command(name = "graph",
        versionProvider = Arca.VersionProvider.class,
        sortOptions = false,
        description = {
            "Prints a domain's upstream graph (text, Graphviz DOT or JSON), the search order from one repository"
                    + " (--explain), or how a request for a package to one repository is resolved (--trace).",
            "Connects as the AWS CLI does: --endpoint-url, --profile, --region, AWS_* variables, ~/.aws files.",
            "Exit codes: 0 done, 1 the service failed part of the work, 2 bad input (one line on stderr)."
        })
final class GraphCommand implements Callable<Integer> {

    /** Service answers that say the work failed there, not that the input was wrong. */
    private static final Set<String> SERVICE_FAILURES = Set.of("InternalServerException", "ThrottlingException",
            "ServiceUnavailableException");

    /** What the graph or the search order is printed as. */
    enum Output {
        TEXT, DOT, JSON;

        static final class Converter implements CommandLine.ITypeConverter<Output> {
            @Override
            public Output convert(String value) {
                return Arrays.stream(values()).filter(o -> o.name().toLowerCase(Locale.ROOT).equals(value))
                        .findFirst().orElseThrow(() -> new CommandLine.TypeConversionException(
                                "use one of text, dot, json, not '" + value + "'"));
            }
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--domain", paramLabel = "DOMAIN", required = true, description = "The domain.")
    private String domain;

    @Option(names = "--domain-owner", paramLabel = "ID",
            description = "The 12-digit account that owns the domain, when it is not the caller's.")
    private String domainOwner;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Output.Converter.class,
            description = "text, dot (Graphviz) or json; --explain and --trace print text or json"
                    + " (default: ${DEFAULT-VALUE}).")
    private Output output;

    @Option(names = "--explain", paramLabel = "REPOSITORY",
            description = "Print the order in which a request to REPOSITORY searches the domain, what lies past the"
                    + " budget of 25 repositories, and missing upstreams on the way.")
    private String explain;

    @Option(names = "--trace", paramLabel = "REPOSITORY",
            description = "Print how a request to REPOSITORY for --package is resolved (needs --format-name).")
    private String trace;

    @Option(names = "--format-name", paramLabel = "FORMAT",
            description = "With --trace: the package format (npm, pypi, maven, generic and the others).")
    private String formatName;

    @Option(names = "--package", paramLabel = "NAME", description = "With --trace: the package's name.")
    private String packageName;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "With --trace: the package's namespace (npm scope without @, Maven group ID).")
    private String namespace;

    @Option(names = "--version", paramLabel = "VERSION", description = "With --trace: the version to trace.")
    private String version;

    @Mixin
    private AwsConnectionOptions connection;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    private final Map<String, String> env;

    GraphCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws CommandProblem, InterruptedException {
        validate();
        try (ClientFactory clients = new ClientFactory(AwsSharedConfig.fromEnvironment(env));
             CodeArtifactGateway gateway = connection.open(clients, env)) {
            if (domainOwner != null) {
                gateway.useOwner(domain, domainOwner);
            }
            UpstreamGraph graph = new UpstreamGraphSource(gateway).load(domain, (done, all) -> { });
            if (explain != null) {
                print(explanation(graph));
            } else if (trace != null) {
                print(packageTrace(gateway, graph));
            } else {
                print(switch (output) {
                    case TEXT -> GraphListing.of(graph);
                    case DOT -> GraphDot.of(graph);
                    case JSON -> GraphJson.of(graph);
                });
            }
            return Arca.EXIT_OK;
        } catch (GatewayException e) {
            throw new CommandProblem(e.getMessage(), e.errorCode().filter(SERVICE_FAILURES::contains).isPresent()
                    ? Arca.EXIT_FAILURE : Arca.EXIT_USAGE);
        }
    }

    /** Refuses options that do not go together before anything is sent. */
    private void validate() {
        connection.validate();
        if (explain != null && trace != null) {
            throw usage("--explain and --trace cannot be used together; ask for one at a time");
        }
        if (trace == null) {
            String traceOnly = traceOptionGiven();
            if (!traceOnly.isEmpty()) {
                throw usage(traceOnly + " only goes with --trace");
            }
        } else {
            if (formatName == null) {
                throw usage("--trace needs --format-name, one of " + PackageFormat.wireNames());
            }
            if (PackageFormat.fromWire(formatName).isEmpty()) {
                throw usage("--format-name '" + formatName + "' is not a package format; use one of "
                        + PackageFormat.wireNames());
            }
            if (packageName == null || packageName.isBlank()) {
                throw usage("--trace needs --package, the name of the package to trace");
            }
        }
        if ((explain != null || trace != null) && output == Output.DOT) {
            throw usage("--format dot draws the whole graph; --explain and --trace print text or json");
        }
    }

    private String traceOptionGiven() {
        return Arrays.stream(new String[][] {{"--format-name", formatName}, {"--package", packageName},
                        {"--namespace", namespace}, {"--version", version}})
                .filter(option -> option[1] != null).map(option -> option[0]).collect(Collectors.joining(", "));
    }

    private String explanation(UpstreamGraph graph) throws CommandProblem {
        requireRepository(graph, explain);
        return output == Output.JSON
                ? GraphJson.explain(graph, graph.searchPlan(explain))
                : GraphListing.explain(graph, graph.searchPlan(explain));
    }

    private String packageTrace(CodeArtifactGateway gateway, UpstreamGraph graph) throws CommandProblem,
            InterruptedException {
        requireRepository(graph, trace);
        PackageFormat format = PackageFormat.fromWire(formatName).orElseThrow();
        // CodeArtifact names an npm scope without its @, as the AWS CLI does; people often type it with one.
        String scope = namespace == null ? "" : format == PackageFormat.NPM ? namespace.replaceFirst("^@", "")
                : namespace;
        PackageTrace result = new PackageTracer(gateway).trace(graph, trace, format, scope, packageName,
                Optional.ofNullable(version), (done, all) -> { });
        return output == Output.JSON ? GraphJson.trace(graph, result) : GraphListing.trace(result);
    }

    private void requireRepository(UpstreamGraph graph, String repository) throws CommandProblem {
        if (!graph.contains(repository)) {
            throw new CommandProblem("Repository " + repository + " is not in domain " + graph.domain() + ".",
                    Arca.EXIT_USAGE);
        }
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
