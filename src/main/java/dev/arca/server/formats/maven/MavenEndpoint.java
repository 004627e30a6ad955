package dev.arca.server.formats.maven;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import dev.arca.server.formats.DocumentCache;
import dev.arca.server.formats.FormatEndpoint;
import dev.arca.server.formats.Operation;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.service.PackageAction;
import dev.arca.server.service.Packages;
import dev.arca.server.upstream.UpstreamResolver;
import java.util.Map;
import java.util.Optional;

/**
 * The Maven repository protocol under {@code /{domain}-{owner}/maven/{repository}/} (spec/formats.md §3), the
 * Maven 2 layout {@code mvn}, Gradle and curl use:
 * <pre>
 * GET/HEAD GROUP/ARTIFACT/VERSION/FILE[.CHECKSUM]                  ReadFromRepository
 * GET/HEAD GROUP/ARTIFACT[/VERSION-SNAPSHOT]/maven-metadata.xml[.CHECKSUM]
 * PUT      GROUP/ARTIFACT/VERSION/FILE[.CHECKSUM]                  PublishPackageVersion
 * PUT      GROUP/ARTIFACT[/VERSION-SNAPSHOT]/maven-metadata.xml[.CHECKSUM]   PutPackageMetadata
 * </pre>
 * where CHECKSUM is md5, sha1, sha256 or sha512. The group id is the package's namespace, the artifact id its
 * name. Removing files is not part of the protocol: versions are deleted with the API.
 */
public final class MavenEndpoint implements FormatEndpoint {

    private final MavenReads reads;
    private final MavenWrites writes;

    public MavenEndpoint(Packages packages, UpstreamResolver resolver, DocumentCache documents) {
        this.reads = new MavenReads(packages, resolver, documents);
        this.writes = new MavenWrites(packages, resolver);
    }

    @Override
    public PackageFormat format() {
        return PackageFormat.MAVEN;
    }

    @Override
    public Operation route(PackageRequest request) {
        if (request.path().directory()) {
            throw new ApiException(404, "ResourceNotFoundException", "Maven repositories serve files; directories"
                    + " are not listed", Map.of());
        }
        MavenPath path = MavenPath.parse(request.path().segments());
        String method = request.method();
        boolean read = method.equals("GET") || method.equals("HEAD");
        return switch (path) {
            case MavenPath.VersionFile file when read -> Operation.read(Optional.of(file.artifact().ref()),
                    Optional.of(file.version()), repository -> reads.file(repository, file));
            case MavenPath.Metadata metadata when read -> Operation.read(Optional.of(metadata.artifact().ref()),
                    metadata.snapshot(), repository -> reads.metadata(repository, metadata));
            case MavenPath.VersionFile file when method.equals("PUT") -> new Operation(
                    PackageAction.PUBLISH_PACKAGE_VERSION, Optional.of(file.artifact().ref()),
                    Optional.of(file.version()), repository -> file.checksum().isPresent()
                    ? writes.fileChecksum(repository, file, request) : writes.file(repository, file, request));
            case MavenPath.Metadata metadata when method.equals("PUT") -> new Operation(
                    PackageAction.PUT_PACKAGE_METADATA, Optional.of(metadata.artifact().ref()), metadata.snapshot(),
                    repository -> writes.metadata(repository, metadata, request));
            default -> throw new ApiException(405, "MethodNotAllowedException", method + " is not supported by"
                    + " Maven repositories" + (method.equals("DELETE") ? "; remove versions with aws codeartifact"
                    + " delete-package-versions" : ""), Map.of());
        };
    }
}
