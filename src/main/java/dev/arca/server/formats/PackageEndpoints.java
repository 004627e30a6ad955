package dev.arca.server.formats;

import dev.arca.core.Arns;
import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.Authorizer;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.RepositoryService;
import dev.arca.server.service.TokenService;
import dev.arca.server.store.BlobStore;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.store.StampedMemo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository endpoints package clients talk to, for every format: authenticates the authorization token
 * (HTTP Basic {@code aws:TOKEN} or {@code Bearer TOKEN}), lets the format endpoint route the request, authorizes
 * it with one {@link Authorizer} call naming the IAM action and the resource ARN, finds the repository, and runs
 * the work. Failures are {@link ApiException}s, written by the HTTP layer.
 */
public final class PackageEndpoints {

    /** What the audit log should say about a package request, filled in as it is handled. */
    public static final class Audit {
        private String principal;
        private String operation;
        private String resource;

        public Optional<String> principal() {
            return Optional.ofNullable(principal);
        }

        public Optional<String> operation() {
            return Optional.ofNullable(operation);
        }

        public Optional<String> resource() {
            return Optional.ofNullable(resource);
        }
    }

    private record RepositoryKey(String principal, String owner, String domain, String repository) {
    }

    private final StampedMemo<RepositoryKey, RepositoryRow> knownRepositories = new StampedMemo<>();
    private final TokenService tokens;
    private final Authorizer authorizer;
    private final MetadataStore store;
    private final RepositoryService repositories;
    private final String region;
    private final long assetLimit;
    private final Map<PackageFormat, FormatEndpoint> formats = new EnumMap<>(PackageFormat.class);

    /** @param assetLimit the asset size limit, for telling a client whose upload is too large */
    public PackageEndpoints(TokenService tokens, Authorizer authorizer, MetadataStore store,
                            RepositoryService repositories, String region, long assetLimit,
                            List<FormatEndpoint> endpoints) {
        this.tokens = Objects.requireNonNull(tokens);
        this.authorizer = Objects.requireNonNull(authorizer);
        this.store = Objects.requireNonNull(store);
        this.repositories = Objects.requireNonNull(repositories);
        this.region = Objects.requireNonNull(region);
        this.assetLimit = assetLimit;
        endpoints.forEach(endpoint -> formats.put(endpoint.format(), endpoint));
    }

    /** Handles one request; {@code audit} learns who asked for what even when it fails. */
    public PackageResponse dispatch(PackageRequest request, Audit audit) throws IOException {
        RepositoryPath path = request.path();
        TokenService.TokenClaims client = authenticate(request);
        audit.principal = client.caller().principalArn();
        FormatEndpoint endpoint = formats.get(path.format());
        if (endpoint == null) {
            throw new ApiException(404, "ResourceNotFoundException", "This server has no " + path.format().wireName()
                    + " repository endpoint yet; it serves " + formats.keySet().stream().map(PackageFormat::wireName)
                    .toList(), Map.of());
        }
        try {
            Operation operation = endpoint.route(request);
            audit.operation = operation.action().operation();
            audit.resource = resource(path, operation);
            authorizer.authorize(client, request.sourceIp(), operation.action(), operation.action().onPackage()
                    ? packageArn(path, operation.pkg().orElseThrow())
                    : Arns.repository(region, path.domainOwner(), path.domain(), path.repository()));
            RepositoryRow repository = repository(client, path);
            return operation.work().run(repository);
        } catch (BlobStore.TooLargeException e) {
            throw new ApiException(413, "RequestEntityTooLargeException", "The upload is larger than this server"
                    + " accepts (the asset size limit is " + assetLimit + " bytes)", Map.of());
        }
    }

    /**
     * The repository a request names, as its caller may see it. Looked up once until domains, repositories or
     * policies change: package clients name the same few repositories again and again.
     */
    private RepositoryRow repository(TokenService.TokenClaims client, RepositoryPath path) {
        RepositoryKey key = new RepositoryKey(client.caller().principalArn(), path.domainOwner(), path.domain(),
                path.repository());
        return knownRepositories.get(key, store.structureStamp(), () -> Optional.of(store.read(tx -> repositories
                .find(tx, client.caller(), Optional.of(path.domainOwner()), path.domain(), path.repository()))))
                .orElseThrow();
    }

    private TokenService.TokenClaims authenticate(PackageRequest request) {
        String header = request.header("authorization").orElseThrow(() -> unauthorized(
                "This repository needs an authorization token: send it as HTTP Basic aws:TOKEN or Bearer TOKEN"));
        return tokenIn(header).flatMap(tokens::verify).orElseThrow(() -> unauthorized(
                "The authorization token is not valid or has expired; get a new one with"
                        + " aws codeartifact get-authorization-token (or aws codeartifact login)"));
    }

    /** The token in an Authorization header: the password of Basic credentials (any user name), or a Bearer. */
    public static Optional<String> tokenIn(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return Optional.of(value).filter(v -> !v.isEmpty());
        }
        if (!scheme.equals("basic")) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "UnauthorizedException", message, Map.of());
    }

    private String packageArn(RepositoryPath path, PackageRef ref) {
        return Arns.pkg(region, path.domainOwner(), path.domain(), path.repository(), ref.format(), ref.namespace(),
                ref.name());
    }

    /** domain/repository/format/namespace/package@version, as the audit log names what a call touched. */
    private static String resource(RepositoryPath path, Operation operation) {
        StringBuilder out = new StringBuilder(path.domain()).append('/').append(path.repository());
        operation.pkg().ifPresent(ref -> out.append('/').append(ref.format().wireName())
                .append(ref.namespace().isEmpty() ? "" : "/" + ref.namespace()).append('/').append(ref.name()));
        operation.version().ifPresent(v -> out.append('@').append(v));
        return out.toString();
    }
}
