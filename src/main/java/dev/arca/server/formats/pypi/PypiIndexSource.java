package dev.arca.server.formats.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.server.formats.BoundedBody;
import dev.arca.server.json.Json;
import dev.arca.server.service.PackagePublishing;
import dev.arca.server.service.PackageRef;
import dev.arca.server.store.BlobStore;
import dev.arca.server.upstream.ExternalPackage;
import dev.arca.server.upstream.ExternalSource;
import dev.arca.server.upstream.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package index behind {@code public:pypi}, at the configured URL (the simple index root: a project's
 * page is URL + normalized name + {@code /}). Pages are read as PEP 691 JSON when the index offers it and as PEP 503
 * HTML otherwise; yanked files are passed over. Fetching a version downloads every file of it, each checked
 * against the SHA-256 the index publishes, and takes the version's metadata (summary, license, Requires-Dist,
 * description) from the core metadata file the index serves beside a file (PEP 658/714), when it does.
 */
public final class PypiIndexSource implements ExternalSource {

    private static final long MAX_PAGE_BYTES = 64L << 20;
    private static final long MAX_METADATA_BYTES = 16L << 20;
    private static final String ACCEPT = SimpleIndex.JSON_V1 + ", " + SimpleIndex.HTML_V1 + "; q=0.1, "
            + SimpleIndex.TEXT_HTML + "; q=0.01";
    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s([^>]*)>(.*?)</a\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?is)([a-z][a-z0-9-]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final URI index;
    private final RegistryClient client;

    /** @param index the simple index root; a missing trailing slash is added */
    public PypiIndexSource(URI index, HttpClient http) {
        this.index = RegistryClient.root(index);
        this.client = new RegistryClient(http, this.index);
    }

    @Override
    public Optional<ExternalPackage> describe(PackageRef ref) throws IOException {
        URI page = index.resolve(ref.name() + "/");
        HttpResponse<InputStream> response = client.get(page, ACCEPT);
        try (BoundedBody body = new BoundedBody(response.body(), MAX_PAGE_BYTES)) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            client.expectOk(response, ref.name());
            String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            byte[] bytes = body.readAllBytes();
            List<IndexFile> files = type.contains("json") ? fromJson(page, bytes) : fromHtml(page, bytes);
            Map<String, List<IndexFile>> versions = new LinkedHashMap<>();
            for (IndexFile file : files) {
                PythonNames.distribution(file.fileName())
                        .filter(d -> PythonNames.normalize(d.project()).equals(ref.name()))
                        .ifPresent(d -> versions.computeIfAbsent(d.version(), v -> new ArrayList<>()).add(file));
            }
            Map<String, JsonNode> listed = new LinkedHashMap<>();
            versions.forEach((version, list) -> listed.put(version, IndexFile.toJson(list)));
            return Optional.of(new ExternalPackage(listed, Map.of(), bytes.length));
        }
    }

    @Override
    public Optional<PackagePublishing.NewVersion> fetch(PackageRef ref, String version, Stager stager)
            throws IOException {
        Optional<JsonNode> listed = describe(ref).map(p -> p.versions().get(version));
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<IndexFile> files = IndexFile.fromJson(listed.get());
        PythonMetadata metadata = metadata(files);
        List<PackagePublishing.NewAsset> assets = new ArrayList<>();
        try {
            for (IndexFile file : files) {
                assets.add(new PackagePublishing.NewAsset(file.fileName(), download(file, stager)));
            }
        } catch (IOException | RuntimeException e) {
            for (PackagePublishing.NewAsset asset : assets) {
                asset.staged().close();
            }
            throw e;
        }
        String displayName = metadata.first("name").orElse(ref.name());
        return Optional.of(new PackagePublishing.NewVersion(version, metadata.versionMetadata(displayName, version),
                metadata.dependencies(), assets));
    }

    /** A file's bytes, staged and checked against the hash the index publishes. */
    private BlobStore.StagedBlob download(IndexFile file, Stager stager) throws IOException {
        HttpResponse<InputStream> response = client.get(file.url(), "application/octet-stream");
        BlobStore.StagedBlob staged;
        try (InputStream body = response.body()) {
            client.expectOk(response, file.fileName());
            staged = stager.stage(body);
        }
        if (file.sha256().isPresent() && !file.sha256().get().equalsIgnoreCase(staged.sha256())) {
            staged.close();
            throw new IOException(file.fileName() + " from " + index + " does not match the SHA-256 its index"
                    + " publishes");
        }
        return staged;
    }

    /**
     * The version's core metadata from the first file whose metadata the index serves apart; otherwise only what
     * the index page says (Requires-Python).
     */
    private PythonMetadata metadata(List<IndexFile> files) throws IOException {
        for (IndexFile file : files) {
            if (file.coreMetadata()) {
                URI url = URI.create(file.url() + ".metadata");
                HttpResponse<InputStream> response = client.get(url, "text/plain");
                byte[] bytes;
                try (BoundedBody body = new BoundedBody(response.body(), MAX_METADATA_BYTES)) {
                    client.expectOk(response, file.fileName() + ".metadata");
                    bytes = body.readAllBytes();
                }
                if (file.coreMetadataSha256().isPresent()
                        && !file.coreMetadataSha256().get().equalsIgnoreCase(sha256(bytes))) {
                    throw new IOException("the core metadata of " + file.fileName() + " from " + index
                            + " does not match the SHA-256 its index publishes");
                }
                return PythonMetadata.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        List<String> requiresPython = files.stream().flatMap(f -> f.requiresPython().stream()).limit(1).toList();
        return PythonMetadata.of(Map.of("requires_python", requiresPython));
    }

    /** Files of a PEP 691 JSON page. */
    private static List<IndexFile> fromJson(URI page, byte[] bytes) throws IOException {
        List<IndexFile> out = new ArrayList<>();
        for (JsonNode file : Json.mapper().readTree(bytes).path("files")) {
            if (yanked(file.get("yanked"))) {
                continue;
            }
            JsonNode metadata = file.has("core-metadata") ? file.get("core-metadata")
                    : file.path("dist-info-metadata");
            Optional<URI> url = resolve(page, file.path("url").asText(""));
            if (url.isPresent()) {
                out.add(new IndexFile(file.path("filename").asText(), url.get(),
                        hash(file.path("hashes").path("sha256").asText(null)),
                        Optional.ofNullable(file.path("requires-python").asText(null)).filter(s -> !s.isBlank()),
                        metadata.isObject() || metadata.asBoolean(false),
                        hash(metadata.path("sha256").asText(null))));
            }
        }
        return out;
    }

    /** Files of a PEP 503 HTML page: anchors, with the hash in the URL's fragment. */
    private static List<IndexFile> fromHtml(URI page, byte[] bytes) {
        List<IndexFile> out = new ArrayList<>();
        Matcher anchor = ANCHOR.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (anchor.find()) {
            Map<String, String> attributes = attributes(anchor.group(1));
            String href = attributes.get("href");
            if (href == null || attributes.containsKey("data-yanked")) {
                continue;
            }
            int hash = href.indexOf('#');
            String fragment = hash < 0 ? "" : href.substring(hash + 1);
            Optional<URI> url = resolve(page, hash < 0 ? href : href.substring(0, hash));
            String metadata = attributes.getOrDefault("data-core-metadata",
                    attributes.get("data-dist-info-metadata"));
            if (url.isPresent()) {
                String path = url.get().getPath();
                out.add(new IndexFile(path.substring(path.lastIndexOf('/') + 1), url.get(),
                        fragment.startsWith("sha256=") ? hash(fragment.substring(7)) : Optional.empty(),
                        Optional.ofNullable(attributes.get("data-requires-python")).filter(s -> !s.isBlank()),
                        metadata != null && !metadata.equalsIgnoreCase("false"),
                        metadata != null && metadata.startsWith("sha256=") ? hash(metadata.substring(7))
                                : Optional.empty()));
            }
        }
        return out;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : unescape(value));
        }
        return out;
    }

    /** Decodes the character references an index writes in attributes. */
    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> {
                    int point = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                            : Integer.parseInt(entity.substring(1));
                    yield Character.isValidCodePoint(point) ? Character.toString(point) : m.group();
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean yanked(JsonNode yanked) {
        return yanked != null && (yanked.asBoolean(false) || (yanked.isTextual() && !yanked.asText().isEmpty()));
    }

    private static Optional<String> hash(String value) {
        return Optional.ofNullable(value).filter(v -> SHA256.matcher(v).matches())
                .map(v -> v.toLowerCase(Locale.ROOT));
    }

    /** A link on a page, made absolute; only http and https links count (files may be on another host, as PyPI's). */
    private static Optional<URI> resolve(URI page, String link) {
        try {
            URI url = page.resolve(link.strip());
            return url.getScheme() != null && (url.getScheme().equals("http") || url.getScheme().equals("https"))
                    ? Optional.of(url) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }



    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
