package dev.arca.app;

import dev.arca.gateway.ClientFactory;
import dev.arca.gateway.CodeArtifactGateway;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The AWS CLI's connection options, shared by the headless commands: {@code --endpoint-url}, {@code --profile} and
 * {@code --region}; credentials and the rest come from the environment and the shared files as for the AWS CLI.
 */
final class AwsConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Service endpoint, e.g. an Arca server's http://127.0.0.1:PORT (default: AWS_ENDPOINT_URL,"
                    + " the profile's endpoint_url, or CodeArtifact's own for the region).")
    private String endpointUrl;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile of the AWS shared configuration to take credentials and settings from (default:"
                    + " the access keys in the environment, else AWS_PROFILE, else the default profile).")
    private String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Signing region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's region).")
    private String region;

    /**
     * Checks the options without any network call.
     *
     * @throws CommandLine.ParameterException when {@code --endpoint-url} is not an absolute http(s) URL
     */
    void validate() {
        endpoint();
    }

    /**
     * A gateway connected as the options and {@code environment} say; the caller closes it.
     *
     * @throws dev.arca.gateway.GatewayException when no region is found, or the profile or credentials are unusable
     */
    CodeArtifactGateway open(ClientFactory clients, Map<String, String> environment) {
        return clients.openForCommandLine(endpoint(), Optional.ofNullable(profile), Optional.ofNullable(region),
                environment);
    }

    private Optional<URI> endpoint() {
        if (endpointUrl == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, as for any other unusable URL
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--endpoint-url must be an absolute http or https URL, not '" + endpointUrl + "'");
    }
}
