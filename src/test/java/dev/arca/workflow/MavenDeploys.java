package dev.arca.workflow;

import dev.arca.core.PackageFormat;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.server.StandInMavenRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Deploys Maven versions to a repository over the Maven protocol, as {@code mvn deploy} does (jar, POM, then the
 * artifact's metadata), with the domain's authorization token: the way Maven versions reach a real repository.
 */
public final class MavenDeploys {

    private MavenDeploys() {
    }

    /**
     * Deploys GROUP:ARTIFACT:VERSION; without {@code metadata} the version stays Unfinished, as after an interrupted
     * deploy. Returns the bytes its jar and POM take.
     */
    public static long deploy(CodeArtifactGateway gateway, String domain, String repository, String group,
                              String artifact, String version, boolean metadata)
            throws IOException, InterruptedException {
        String endpoint = gateway.repositoryEndpoint(domain, repository, PackageFormat.MAVEN);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(("aws:"
                + gateway.authorizationToken(domain).token()).getBytes(StandardCharsets.UTF_8));
        String artifactPath = group.replace('.', '/') + "/" + artifact + "/";
        String file = artifactPath + version + "/" + artifact + "-" + version;
        byte[] jar = StandInMavenRepository.jar(Map.of("version.txt", artifact + " " + version));
        byte[] pom = StandInMavenRepository.pom(group, artifact, version, "jar", "");
        try (HttpClient http = HttpClient.newHttpClient()) {
            put(http, endpoint + file + ".jar", authorization, jar);
            put(http, endpoint + file + ".pom", authorization, pom);
            if (metadata) {
                put(http, endpoint + artifactPath + "maven-metadata.xml", authorization, ("<metadata><groupId>" + group
                        + "</groupId><artifactId>" + artifact + "</artifactId><versioning><versions><version>"
                        + version + "</version></versions><lastUpdated>20240102030405</lastUpdated></versioning>"
                        + "</metadata>").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar.length + pom.length;
    }

    private static void put(HttpClient http, String url, String authorization, byte[] body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
