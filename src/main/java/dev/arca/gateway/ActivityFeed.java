package dev.arca.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.ActivityEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * An Arca server's package events and audit log ({@code /_arca/events}, {@code /_arca/audit}), read with
 * SigV4-signed requests like any other call. Not available on AWS, which has EventBridge and CloudTrail.
 */
public final class ActivityFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final ConnectionProfile profile;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ActivityFeed(ConnectionProfile profile, AwsCredentialsProvider credentials) {
        this.profile = Objects.requireNonNull(profile);
        this.credentials = Objects.requireNonNull(credentials);
    }

    /** Package events after {@code after}, oldest first. */
    public List<ActivityEntry> events(long after) {
        JsonNode page = get("/_arca/events?limit=" + PAGE + "&after=" + after);
        List<ActivityEntry> out = new ArrayList<>();
        for (JsonNode event : page.path("events")) {
            JsonNode d = event.path("detail");
            String namespace = d.path("packageNamespace").isNull() ? "" : d.path("packageNamespace").asText() + "/";
            out.add(new ActivityEntry(d.path("sequenceNumber").asLong(), Instant.parse(event.path("time").asText()),
                    "event", d.path("operationType").asText() + " · " + d.path("packageVersionState").asText(),
                    d.path("domainName").asText() + "/" + d.path("repositoryName").asText() + " · "
                            + d.path("packageFormat").asText() + " " + namespace + d.path("packageName").asText()
                            + " " + d.path("packageVersion").asText(),
                    "", "revision " + d.path("packageVersionRevision").asText()));
        }
        return out;
    }

    /** The sequence number of a repository's newest package event after {@code after}; {@code after} if none. */
    public long newestEvent(String domain, String repository, long after) {
        long newest = after;
        while (true) {
            long next = get("/_arca/events?limit=" + PAGE + "&after=" + newest + "&domain=" + domain
                    + "&repository=" + repository).path("nextAfter").asLong(newest);
            if (next <= newest) {
                return newest;
            }
            newest = next;
        }
    }

    /** Audited API calls after {@code after}, oldest first. */
    public List<ActivityEntry> calls(long after) {
        JsonNode page = get("/_arca/audit?limit=" + PAGE + "&after=" + after);
        List<ActivityEntry> out = new ArrayList<>();
        for (JsonNode e : page.path("entries")) {
            String outcome = e.path("status").asText() + (e.has("errorType") ? " " + e.path("errorType").asText() : "")
                    + " · " + e.path("durationMillis").asLong() + " ms";
            out.add(new ActivityEntry(e.path("sequenceNumber").asLong(), Instant.parse(e.path("time").asText()), "call",
                    e.path("operation").asText(), e.path("resource").asText(""), e.path("principal").asText(""),
                    outcome));
        }
        return out;
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = profile.endpoint().resolve(pathAndQuery);
        var identity = credentials.resolveCredentials();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                        .putHeader("Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort())
                        .build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
                .putProperty(AwsV4HttpSigner.REGION_NAME, profile.region())).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, values.getFirst());
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new GatewayException(profile.kind() == ConnectionKind.AWS
                        ? profile.name() + " keeps no Arca activity: AWS records package events in EventBridge and"
                                + " API calls in CloudTrail."
                        : profile.name() + " answered the activity request with HTTP " + response.statusCode() + ".",
                        response.headers().firstValue("x-amzn-ErrorType"), null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException("Could not read the activity of " + profile.name() + " at "
                    + profile.address() + ".", Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("Reading the activity was interrupted.", Optional.empty(), e);
        }
    }
}
