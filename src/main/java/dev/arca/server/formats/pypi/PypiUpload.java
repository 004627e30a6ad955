package dev.arca.server.formats.pypi;

import dev.arca.server.error.ApiException;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.formats.MultipartForm;
import dev.arca.server.formats.PackageRequest;
import dev.arca.server.formats.PackageResponse;
import dev.arca.server.model.Records.RepositoryRow;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.service.Packages;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.UpstreamResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The legacy upload API {@code twine upload} speaks: a {@code multipart/form-data} POST with
 * {@code :action=file_upload}, the core metadata as fields and the file as {@code content}. The fields before the
 * file name the project and version, so the request is authorized before the file is read; the file streams
 * straight into staging under the asset size limit, and is checked — a wheel or sdist of that project and version,
 * matching {@code sha256_digest} and {@code md5_digest} when sent — before anything is stored. Each file is one
 * asset of the version: the first creates the version, later ones (an sdist after a wheel) add to it.
 */
final class PypiUpload {

    /** How much a form may carry besides the file: metadata, including the description (the readme). */
    static final long METADATA_BYTES = 16L << 20;
    private static final String CONTENT = "content";

    /** A form read as far as its file: the fields so far, and the file part, ready to be read. */
    record Started(Map<String, List<String>> fields, PackageRef project, String version, MultipartForm form,
                   MultipartForm.Part content, BoundedBody body) {
    }

    private final Packages packages;
    private final UpstreamResolver resolver;

    PypiUpload(Packages packages, UpstreamResolver resolver) {
        this.packages = Objects.requireNonNull(packages);
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** Reads the form up to its file, which must come after {@code name} and {@code version}. */
    Started start(PackageRequest request) throws IOException {
        if (!MultipartForm.isForm(request.header("content-type"))) {
            throw ApiException.validation("An upload is a multipart/form-data POST (twine upload)");
        }
        long maxAsset = packages.publishing().assets().limits().maxAssetBytes();
        if (request.contentLength() > METADATA_BYTES + maxAsset) {
            throw new BlobStore.TooLargeException(maxAsset);
        }
        BoundedBody body = new BoundedBody(request.body(), METADATA_BYTES);
        MultipartForm form = MultipartForm.of(body, request.header("content-type"));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Optional<MultipartForm.Part> part;
        while ((part = form.next()).isPresent()) {
            if (part.get().name().equals(CONTENT)) {
                String action = single(fields, ":action").orElse("");
                if (!action.equals("file_upload")) {
                    throw ApiException.validation("Only :action=file_upload is supported, not '" + action + "'");
                }
                PackageRef project = PythonNames.project(required(fields, "name"));
                String version = PythonNames.version(required(fields, "version"));
                return new Started(fields, project, version, form, part.get(), body);
            }
            readField(fields, part.get());
        }
        throw ApiException.validation("The upload has no file: send it as the form field 'content'");
    }

    /** Stores the file the form carries, once the request is authorized. */
    PackageResponse finish(RepositoryRow repository, Started upload) throws IOException {
        String fileName = upload.content().fileName().filter(n -> !n.isBlank()).orElseThrow(() ->
                ApiException.validation("The 'content' field must be a file with a file name"));
        PythonNames.Distribution file = PythonNames.distribution(fileName)
                .filter(d -> PythonNames.belongsTo(d, upload.project(), upload.version()))
                .orElseThrow(() -> ApiException.validation("'" + fileName + "' is not a wheel (.whl) or sdist"
                        + " (.tar.gz, .zip) of " + upload.project().name() + " " + upload.version()));
        byte[] key = packages.reads().domainKey(repository);
        upload.body().allow(packages.publishing().assets().limits().maxAssetBytes());
        try (BlobStore.StagedBlob staged = packages.publishing().assets().stage(upload.content().content(), key)) {
            upload.body().limitTo(METADATA_BYTES);
            Map<String, List<String>> fields = upload.fields();
            Optional<MultipartForm.Part> part;
            while ((part = upload.form().next()).isPresent()) {
                readField(fields, part.get());
            }
            check(fields, file, staged);
            PythonMetadata metadata = PythonMetadata.of(fields);
            PackagePublishing.NewVersion version = new PackagePublishing.NewVersion(upload.version(),
                    metadata.versionMetadata(required(fields, "name"), upload.version()), metadata.dependencies(),
                    List.of(new PackagePublishing.NewAsset(fileName, staged)));
            packages.publishing().publishAssets(repository, upload.project(), version,
                    resolver.availableUpstream(repository, upload.project(), upload.version()));
        }
        return new PackageResponse.Text(200, "text/plain; charset=utf-8", "OK\n");
    }

    /** The file's kind and digests as the form declares them. */
    private static void check(Map<String, List<String>> fields, PythonNames.Distribution file,
                              BlobStore.StagedBlob staged) {
        single(fields, "filetype").ifPresent(type -> {
            if (!type.equals(file.wheel() ? "bdist_wheel" : "sdist")) {
                throw ApiException.validation("filetype " + type + " does not match " + file.fileName());
            }
        });
        digest(fields, "sha256_digest", staged.sha256(), file);
        digest(fields, "md5_digest", staged.md5(), file);
    }

    private static void digest(Map<String, List<String>> fields, String field, String actual,
                               PythonNames.Distribution file) {
        single(fields, field).ifPresent(declared -> {
            if (!declared.toLowerCase(Locale.ROOT).equals(actual)) {
                throw ApiException.validation("The " + field + " sent for " + file.fileName()
                        + " does not match the file's bytes; the upload is refused");
            }
        });
    }

    private static void readField(Map<String, List<String>> fields, MultipartForm.Part part) throws IOException {
        if (part.fileName().isPresent()) {
            throw ApiException.validation("An upload carries one file, as 'content'; '" + part.name()
                    + "' is a file too (signatures and attestations are not supported)");
        }
        fields.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(MultipartForm.text(part, (int) METADATA_BYTES));
    }

    private static Optional<String> single(Map<String, List<String>> fields, String name) {
        return fields.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty())
                .findFirst();
    }

    private static String required(Map<String, List<String>> fields, String name) {
        return single(fields, name).orElseThrow(() -> ApiException.validation("The upload form has no '" + name
                + "' before its file"));
    }
}
