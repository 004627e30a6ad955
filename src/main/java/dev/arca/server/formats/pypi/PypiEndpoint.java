package dev.arca.server.formats.pypi;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.FormatEndpoint;
import dev.arca.server.formats.Operation;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.service.PackageAction;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Python package index protocols under {@code /{domain}-{owner}/pypi/{repository}/} (spec/formats.md §2):
 * <pre>
 * GET  simple/                              project list (PEP 503 HTML / PEP 691 JSON)   ReadFromRepository
 * GET  simple/{project}/                    a project's files; other spellings redirect to the normalized name
 * GET  simple/{project}/{version}/{file}    a file (HEAD too)
 * POST /                                    legacy upload (twine upload)                 PublishPackageVersion
 * </pre>
 */
public final class PypiEndpoint implements FormatEndpoint {

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final String SIMPLE = "simple";

    private final PypiReads reads;
    private final PypiUpload upload;

    public PypiEndpoint(MetadataStore store, Packages packages, UpstreamResolver resolver,
                        DocumentCache documents) {
        this.reads = new PypiReads(store, packages, resolver, documents);
        this.upload = new PypiUpload(packages, resolver);
    }

    @Override
    public PackageFormat format() {
        return PackageFormat.PYPI;
    }

    @Override
    public Operation route(PackageRequest request) throws IOException {
        List<String> segments = request.path().segments();
        String method = request.method();
        if (segments.isEmpty()) {
            if (!method.equals("POST")) {
                throw notAllowed(method, "the repository root takes uploads (POST); pip reads simple/");
            }
            PypiUpload.Started started = upload.start(request);
            return new Operation(PackageAction.PUBLISH_PACKAGE_VERSION, Optional.of(started.project()),
                    Optional.of(started.version()), repository -> upload.finish(repository, started));
        }
        if (!segments.getFirst().equals(SIMPLE)) {
            throw notFound("There is nothing at " + String.join("/", segments) + "; the index is at simple/");
        }
        if (!READ.contains(method)) {
            throw notAllowed(method, "the index is read-only; uploads go to the repository root");
        }
        List<String> rest = segments.subList(1, segments.size());
        return switch (rest.size()) {
            case 0 -> request.path().directory()
                    ? Operation.read(Optional.empty(), Optional.empty(), repository -> reads.projects(repository,
                            request))
                    : redirect(request, SIMPLE + "/");
            case 1 -> project(request, rest.getFirst());
            case 3 -> file(request, rest);
            default -> throw notFound("There is nothing at " + String.join("/", segments));
        };
    }

    /** A project page; any other spelling of the name, or a missing trailing slash, redirects to the canonical URL. */
    private Operation project(PackageRequest request, String name) {
        PackageRef ref = PythonNames.project(name);
        if (!name.equals(ref.name()) || !request.path().directory()) {
            return redirect(request, SIMPLE + "/" + ref.name() + "/");
        }
        return Operation.read(Optional.of(ref), Optional.empty(), repository -> reads.project(repository, ref,
                request));
    }

    /** {@code {project}/{version}/{file}}: the project by any spelling, the version and the file name as listed. */
    private Operation file(PackageRequest request, List<String> rest) {
        if (request.path().directory()) {
            throw notFound("A file path does not end with '/'");
        }
        PackageRef ref = PythonNames.project(rest.get(0));
        String version = PythonNames.version(rest.get(1));
        String file = rest.get(2);
        if (PythonNames.distribution(file).filter(d -> PythonNames.belongsTo(d, ref, version)).isEmpty()) {
            throw notFound(file + " is not a file of " + ref.name() + " " + version);
        }
        return Operation.read(Optional.of(ref), Optional.of(version), repository -> reads.download(repository, ref,
                version, file));
    }

    /** Answers with a redirect to a path under this repository's endpoint, once the client may read it. */
    private static Operation redirect(PackageRequest request, String path) {
        return Operation.read(Optional.empty(), Optional.empty(),
                repository -> new PackageResponse.Redirect(request.endpoint() + path));
    }

    private static ApiException notAllowed(String method, String why) {
        return new ApiException(405, "MethodNotAllowedException", method + " is not supported here: " + why,
                Map.of());
    }

    private static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message, Map.of());
    }
}
