package dev.arca.server.formats;

import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;

/**
 * What the package endpoint fixtures of every format share: a server with domain {@link #DOMAIN}, its authorization
 * token, and an HTTP client sending it to the endpoint of one format as that format's clients send it.
 *
 * <p>A fixture made for the endpoint security tests also starts the server refusing assets over
 * {@link #MAX_ASSET} bytes, and creates the domain and repository {@link #REPO} before each test.
 */
public abstract class PackageApiFixture extends ServerFixture {

    protected static final String DOMAIN = "acme";
    /** The repository a fixture for the endpoint security tests creates. */
    protected static final String REPO = "team";
    /** The largest asset the server of a fixture for the endpoint security tests accepts. */
    protected static final long MAX_ASSET = 64 * 1024;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected String token;
    private final String format;
    private final boolean secured;

    /**
     * @param format  the format whose endpoint the fixture speaks to, as GetRepositoryEndpoint names it
     * @param secured whether this is a fixture for the endpoint security tests: assets limited to
     *                {@link #MAX_ASSET} bytes, the domain and {@link #REPO} created before each test
     */
    protected PackageApiFixture(String format, boolean secured) {
        this.format = format;
        this.secured = secured;
    }

    @Override
    protected ServerConfig config() {
        return secured ? super.config().withMaxAssetBytes(MAX_ASSET) : super.config();
    }

    @BeforeEach
    void createSecuredRepository() {
        if (secured) {
            createDomain();
            createRepository(REPO);
        }
    }

    /** Closes the client's connections first, so the server stops at once instead of waiting for them. */
    @AfterEach
    void closeClient() {
        http.shutdownNow();
    }

    /** The Authorization header this format's clients send with {@link #token}. */
    protected abstract String authorization();

    /** The token as HTTP Basic credentials of user {@code aws}, as Maven, pip and twine send it. */
    protected String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
    }

    protected void createDomain() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
        token = codeartifact.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
    }

    protected void createRepository(String name, String... upstreams) {
        codeartifact.createRepository(r -> r.domain(DOMAIN).repository(name).upstreams(List.of(upstreams).stream()
                .map(u -> UpstreamRepository.builder().repositoryName(u).build()).toList()));
    }

    /** The endpoint of a repository for this fixture's format, from GetRepositoryEndpoint, ending with '/'. */
    protected String endpoint(String repository) {
        return codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repository).format(format))
                .repositoryEndpoint();
    }

    protected HttpResponse<byte[]> get(String repository, String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint(repository) + path)).GET(), headers);
    }

    /** Sends a request with the {@link #authorization()} and the given header names and values. */
    protected HttpResponse<byte[]> send(HttpRequest.Builder request, String... headers) throws Exception {
        request.header("Authorization", authorization());
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The digest of {@code data} with {@code algorithm}, in lower-case hex. */
    protected static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files in the server's blob store. */
    protected List<Path> blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
