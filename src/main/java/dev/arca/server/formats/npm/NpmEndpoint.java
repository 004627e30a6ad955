package dev.arca.server.formats.npm;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.FormatEndpoint;
import dev.arca.server.formats.Operation;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.service.PackageAction;
import dev.arca.server.service.Packages;
import dev.arca.server.upstream.UpstreamResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The npm registry protocol under {@code /{domain}-{owner}/npm/{repository}/} (spec/formats.md §1):
 * <pre>
 * GET  -/ping                                  ReadFromRepository
 * GET  {name}                                  package document, full or abbreviated by Accept
 * GET  {name}/{version-or-tag}                 one version's manifest
 * GET  {name}/-/{name}-{version}.tgz           tarball (HEAD too)
 * PUT  {name}                                  npm publish / npm deprecate   PublishPackageVersion
 * GET  -/package/{name}/dist-tags              npm dist-tag ls
 * PUT  -/package/{name}/dist-tags/{tag}        npm dist-tag add              PutPackageMetadata
 * DELETE -/package/{name}/dist-tags/{tag}      npm dist-tag rm               PutPackageMetadata
 * </pre>
 * A name is {@code name}, {@code @scope%2fname} (one segment, as npm sends it) or {@code @scope/name}. What
 * CodeArtifact does not support — unpublish, search, login, audit, access — is refused with a message that says so.
 */
public final class NpmEndpoint implements FormatEndpoint {

    private static final Set<String> READ = Set.of("GET", "HEAD");

    private final NpmReads reads;
    private final NpmWrites writes;

    public NpmEndpoint(Packages packages, UpstreamResolver resolver, DocumentCache documents) {
        this.reads = new NpmReads(packages, resolver, documents);
        this.writes = new NpmWrites(packages, resolver);
    }

    @Override
    public PackageFormat format() {
        return PackageFormat.NPM;
    }

    /** A package name and what the path says after it. */
    private record Named(NpmName name, List<String> rest) {
    }

    @Override
    public Operation route(PackageRequest request) {
        List<String> segments = request.path().segments();
        if (segments.isEmpty()) {
            throw notFound("The registry root lists nothing; ask for a package by name");
        }
        if (segments.getFirst().equals("-")) {
            return special(request, segments.subList(1, segments.size()));
        }
        Named named = named(segments);
        NpmName name = named.name();
        List<String> rest = named.rest();
        String method = request.method();
        if (rest.isEmpty()) {
            if (READ.contains(method)) {
                return Operation.read(Optional.of(name.ref()), Optional.empty(),
                        repository -> reads.packument(repository, name, request));
            }
            if (method.equals("PUT")) {
                return new Operation(PackageAction.PUBLISH_PACKAGE_VERSION, Optional.of(name.ref()), Optional.empty(),
                        repository -> writes.put(repository, name, request));
            }
            throw method.equals("DELETE") ? unpublish() : notAllowed(method);
        }
        if (rest.getFirst().equals("-rev")) {
            throw unpublish();
        }
        if (rest.size() == 2 && rest.getFirst().equals("-")) {
            if (method.equals("DELETE")) {
                throw unpublish();
            }
            requireRead(method);
            String version = NpmReads.versionOfTarball(name, rest.get(1));
            return Operation.read(Optional.of(name.ref()), Optional.of(version),
                    repository -> reads.tarball(repository, name, rest.get(1)));
        }
        if (rest.size() == 4 && rest.get(0).equals("-") && rest.get(2).equals("-rev")) {
            throw unpublish();
        }
        if (rest.size() == 1) {
            requireRead(method);
            return Operation.read(Optional.of(name.ref()), Optional.of(rest.getFirst()),
                    repository -> reads.version(repository, name, rest.getFirst(), request));
        }
        throw notFound("There is nothing at " + String.join("/", segments));
    }

    /** Routes under {@code -/}: ping and dist-tags are served; the rest of npm's API is not CodeArtifact's. */
    private Operation special(PackageRequest request, List<String> path) {
        String method = request.method();
        if (path.size() >= 3 && path.getFirst().equals("package")) {
            return distTags(request, method, named(path.subList(1, path.size())));
        }
        plain(path);
        if (path.equals(List.of("ping"))) {
            requireRead(method);
            return Operation.read(Optional.empty(), Optional.empty(), repository -> PackageResponse.Json.ok(Map.of()));
        }
        throw notFound("npm's -/" + String.join("/", path) + " is not supported by CodeArtifact (search, login,"
                + " whoami, audit, access, hooks and tokens are not); use the AWS CLI or console instead");
    }

    /** {@code -/package/{name}/dist-tags[/{tag}]}: {@code npm dist-tag ls}, {@code add} and {@code rm}. */
    private Operation distTags(PackageRequest request, String method, Named named) {
        List<String> rest = named.rest();
        NpmName name = named.name();
        if (rest.equals(List.of("dist-tags"))) {
            requireRead(method);
            return Operation.read(Optional.of(name.ref()), Optional.empty(),
                    repository -> reads.tags(repository, name, request));
        }
        if (rest.size() != 2 || !rest.getFirst().equals("dist-tags")) {
            throw notFound("There is nothing at -/package/" + name.full() + "/" + String.join("/", rest));
        }
        String tag = rest.get(1);
        return switch (method) {
            case "PUT" -> new Operation(PackageAction.PUT_PACKAGE_METADATA, Optional.of(name.ref()),
                    Optional.empty(), repository -> writes.tag(repository, name, tag, request));
            case "DELETE" -> new Operation(PackageAction.PUT_PACKAGE_METADATA, Optional.of(name.ref()),
                    Optional.empty(), repository -> writes.untag(repository, name, tag));
            default -> throw notAllowed(method);
        };
    }

    /**
     * The package name at the start of {@code segments} — one segment, or two for {@code @scope} {@code name} —
     * and the segments after it, in which an encoded slash has no business.
     */
    private static Named named(List<String> segments) {
        String first = segments.getFirst();
        Named named;
        if (first.startsWith("@") && !first.contains("/")) {
            if (segments.size() < 2) {
                throw ApiException.validation("'" + first + "' is a scope without a package name");
            }
            named = new Named(NpmName.parse(first + "/" + segments.get(1)), segments.subList(2, segments.size()));
        } else {
            named = new Named(NpmName.parse(first), segments.subList(1, segments.size()));
        }
        plain(named.rest());
        return named;
    }

    /** An encoded slash is npm's way of sending a scoped name, and only a name. */
    private static void plain(List<String> segments) {
        if (segments.stream().anyMatch(s -> s.contains("/"))) {
            throw ApiException.validation("Only a package name may contain an encoded '/'");
        }
    }

    private static void requireRead(String method) {
        if (!READ.contains(method)) {
            throw notAllowed(method);
        }
    }

    private static ApiException unpublish() {
        return new ApiException(405, "MethodNotAllowedException", "npm unpublish is not supported by CodeArtifact;"
                + " remove versions with aws codeartifact delete-package-versions", Map.of());
    }

    private static ApiException notAllowed(String method) {
        return new ApiException(405, "MethodNotAllowedException", method + " is not supported here", Map.of());
    }

    private static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message, Map.of());
    }
}
