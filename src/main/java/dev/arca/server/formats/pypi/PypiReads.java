package dev.arca.server.formats.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.json.Json;
import dev.arca.server.model.Records.AssetRow;
import dev.arca.server.model.Records.PackageRow;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.model.Records.VersionRow;
import dev.arca.server.service.PackageReads;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.store.MetadataStore;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simple repository API over one repository: the project list, a project's page merging every repository of
 * the search order and the public index behind an external connection, and file downloads (which fetch and retain
 * through upstreams and external connections as needed).
 * <ul>
 *   <li>A version comes from the first place in search order that has it; the requested repository's own
 *       versions hide others whatever their status, and only Published versions are listed.</li>
 *   <li>Every file link points back at the requested repository:
 *       {@code simple/{project}/{version}/{file}#sha256=...}.</li>
 * </ul>
 */
final class PypiReads {

    private static final Set<VersionStatus> DOWNLOADABLE = Set.of(VersionStatus.PUBLISHED, VersionStatus.UNLISTED);

    /** What one repository stores of a project: its versions and each version's files. */
    private record Stored(List<VersionRow> versions, Map<Long, List<AssetRow>> files) {
    }

    private final MetadataStore store;
    private final Packages packages;
    private final UpstreamResolver resolver;
    private final DocumentCache documents;

    PypiReads(MetadataStore store, Packages packages, UpstreamResolver resolver, DocumentCache documents) {
        this.store = Objects.requireNonNull(store);
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
        this.documents = Objects.requireNonNull(documents);
    }

    /** {@code simple/}: the projects with a Published version in the repository or the ones it reads from. */
    PackageResponse projects(RepositoryRow repository, PackageRequest request) {
        String form = SimpleIndex.negotiate(request.header("accept"));
        Set<String> names = store.read(tx -> {
            Set<String> out = new TreeSet<>();
            for (RepositoryRow repo : resolver.searchOrder(tx, repository)) {
                for (PackageRow pkg : tx.packages().list(repo.id(), Optional.of(PackageFormat.PYPI.wireName()),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Integer.MAX_VALUE)) {
                    if (tx.versions().latest(pkg.id(), List.of(VersionStatus.PUBLISHED)).isPresent()) {
                        out.add(pkg.name());
                    }
                }
            }
            return out;
        });
        return SimpleIndex.projects(List.copyOf(names), simpleUrl(request), form);
    }

    /**
     * {@code simple/{project}/}: every file of every listed version, with its hash and Requires-Python; rendered
     * once until the project changes.
     */
    PackageResponse project(RepositoryRow repository, PackageRef ref, PackageRequest request) {
        String form = SimpleIndex.negotiate(request.header("accept"));
        return new PackageResponse.Document(documents.get(repository, ref, form + " " + request.endpoint(),
                () -> renderProject(repository, ref, request, form)));
    }

    private DocumentCache.Rendered renderProject(RepositoryRow repository, PackageRef ref, PackageRequest request,
                                                 String form) {
        List<UpstreamResolver.Layer<Stored>> layers = resolver.layers(repository, ref, PypiReads::stored);
        if (layers.stream().allMatch(l -> l.stored().isEmpty() && l.external().isEmpty())) {
            throw ApiException.notFound("package", ref.name(), "Project " + ref.name()
                    + " is not available from repository " + repository.name());
        }
        String base = simpleUrl(request) + ref.name() + "/";
        Set<String> seen = new HashSet<>();
        List<SimpleIndex.File> files = new ArrayList<>();
        for (UpstreamResolver.Layer<Stored> layer : layers) {
            layer.stored().ifPresent(stored -> {
                for (VersionRow row : stored.versions()) {
                    boolean published = row.status().equals(VersionStatus.PUBLISHED);
                    if ((layer.depth() == 0 || published) && seen.add(row.version()) && published) {
                        Optional<String> requiresPython = requiresPython(row);
                        stored.files().getOrDefault(row.id(), List.of()).forEach(asset -> files.add(
                                new SimpleIndex.File(asset.name(), base + row.version() + "/" + asset.name(),
                                        Optional.of(asset.blob().sha256()), requiresPython)));
                    }
                }
            });
            layer.external().ifPresent(external -> external.versions().forEach((version, listed) -> {
                if (seen.add(version)) {
                    IndexFile.fromJson(listed).forEach(file -> files.add(new SimpleIndex.File(file.fileName(),
                            base + version + "/" + file.fileName(), file.sha256(), file.requiresPython())));
                }
            }));
        }
        PackageResponse.Text page = SimpleIndex.project(ref.name(), files, form);
        return DocumentCache.Rendered.text(page.contentType(), page.body(), UpstreamResolver.usesExternal(layers));
    }

    /** {@code simple/{project}/{version}/{file}}: a file, found upstream and retained if need be. */
    PackageResponse download(RepositoryRow repository, PackageRef ref, String version, String file) {
        VersionRow row = resolver.resolve(repository, ref, version);
        if (!DOWNLOADABLE.contains(row.status())) {
            throw ApiException.notFound("package-version", version, "Version " + version + " of " + ref.name()
                    + " is " + row.status().wireName() + " in repository " + repository.name()
                    + " and cannot be downloaded");
        }
        PackageReads.OpenedAsset asset = packages.reads().open(repository, ref, row, file).orElseThrow(() ->
                ApiException.notFound("asset", file, "Version " + version + " of " + ref.name() + " has no file "
                        + file));
        return new PackageResponse.Download(file, "application/octet-stream", asset.blob().size(), asset.content(),
                Optional.of(asset.blob().sha256()));
    }

    private static Stored stored(MetadataStore.Transaction tx, PackageRow pkg) {
        List<VersionRow> versions = tx.versions().list(pkg.id(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Integer.MAX_VALUE);
        Map<Long, List<AssetRow>> files = new LinkedHashMap<>();
        for (VersionRow row : versions) {
            if (row.status().equals(VersionStatus.PUBLISHED)) {
                files.put(row.id(), tx.assets().list(row.id(), Optional.empty(), Integer.MAX_VALUE));
            }
        }
        return new Stored(versions, files);
    }

    /** The Requires-Python the version's manifest records, if any. */
    private static Optional<String> requiresPython(VersionRow row) {
        return row.metadata().manifest().flatMap(manifest -> {
            try {
                JsonNode node = Json.mapper().readTree(manifest).path("requires_python");
                return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static String simpleUrl(PackageRequest request) {
        return request.endpoint() + "simple/";
    }
}
