package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

/** Package events and the audit log through Arca's activity endpoints, and delivery to a webhook. */
class ActivityApiTest extends ServerFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @Override
    protected ServerConfig config() {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.createContext("/hook", exchange -> {
                delivered.add(JSON.readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return super.config().withEventWebhook(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private void publishAndChange() throws Exception {
        codeartifact.createDomain(r -> r.domain("act"));
        codeartifact.createRepository(r -> r.domain("act").repository("repo"));
        byte[] content = {1, 2};
        String sha = PackagePublishTest.hash("SHA-256", content);
        codeartifact.publishPackageVersion(r -> r.domain("act").repository("repo").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").packageVersion("1.0").assetName("a.bin").assetSHA256(sha),
                RequestBody.fromBytes(content));
        codeartifact.updatePackageVersionsStatus(r -> r.domain("act").repository("repo").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").versions("1.0").targetStatus(PackageVersionStatus.ARCHIVED));
        codeartifact.deletePackageVersions(r -> r.domain("act").repository("repo").format(PackageFormat.GENERIC)
                .namespace("ns").packageValue("tool").versions("1.0"));
    }

    @Test
    void everyChangeIsAnEventShapedLikeEventBridges() throws Exception {
        publishAndChange();

        HttpResponse<String> response = signedGet("/_arca/events?domain=act");
        JsonNode events = JSON.readTree(response.body()).path("events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).hasSize(3);
        JsonNode created = events.get(0);
        assertThat(created.path("detail-type").asText()).isEqualTo("CodeArtifact Package Version State Change");
        assertThat(created.path("source").asText()).isEqualTo("aws.codeartifact");
        assertThat(created.path("resources").get(0).asText())
                .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:package/act/repo/generic/ns/tool");
        assertThat(created.path("detail").path("operationType").asText()).isEqualTo("Created");
        assertThat(created.path("detail").path("packageVersionState").asText()).isEqualTo("Published");
        assertThat(created.path("detail").path("changes").path("assetsAdded").asInt()).isEqualTo(1);
        assertThat(events.get(1).path("detail").path("packageVersionState").asText()).isEqualTo("Archived");
        assertThat(events.get(1).path("detail").path("changes").path("statusChanged").asBoolean()).isTrue();
        assertThat(events.get(2).path("detail").path("operationType").asText()).isEqualTo("Deleted");
        List<Long> sequence = events.findValues("sequenceNumber").stream().map(JsonNode::asLong).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void eventsPageFromWhereTheReaderLeftOff() throws Exception {
        publishAndChange();

        JsonNode first = JSON.readTree(signedGet("/_arca/events?limit=2").body());
        JsonNode rest = JSON.readTree(signedGet("/_arca/events?after=" + first.path("nextAfter").asLong()).body());

        assertThat(first.path("events")).hasSize(2);
        assertThat(rest.path("events")).hasSize(1);
        assertThat(rest.path("events").get(0).path("detail").path("operationType").asText()).isEqualTo("Deleted");
    }

    @Test
    void everyApiCallIsAuditedWithWhoWhatAndTheResult() throws Exception {
        publishAndChange();
        try {
            codeartifact.describeRepository(r -> r.domain("act").repository("missing"));
        } catch (software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException expected) {
            // audited below
        }

        JsonNode entries = JSON.readTree(signedGet("/_arca/audit?limit=1000").body()).path("entries");

        assertThat(entries.findValuesAsText("operation")).containsSubsequence("CreateDomain", "CreateRepository",
                "PublishPackageVersion", "UpdatePackageVersionsStatus", "DeletePackageVersions", "DescribeRepository");
        JsonNode failed = entries.get(entries.size() - 1);
        assertThat(failed.path("status").asInt()).isEqualTo(404);
        assertThat(failed.path("errorType").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(failed.path("principal").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(failed.path("resource").asText()).isEqualTo("act/missing");
        JsonNode filtered = JSON.readTree(signedGet("/_arca/audit?operation=CreateDomain").body()).path("entries");
        assertThat(filtered).hasSize(1);
    }

    @Test
    void theActivityEndpointsRequireASignature() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/_arca/events")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void eventsAreDeliveredToTheWebhookInOrder() throws Exception {
        publishAndChange();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (delivered.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(delivered).hasSize(3);
        assertThat(delivered.stream().map(e -> e.path("detail").path("operationType").asText()).toList())
                .containsExactly("Created", "Updated", "Deleted");
    }
}
