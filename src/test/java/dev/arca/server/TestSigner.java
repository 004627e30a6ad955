package dev.arca.server;

import java.net.URI;
import java.net.http.HttpRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs raw requests with the AWS SDK's own SigV4 signer, for tests and benchmarks that bypass the SDK client. */
public final class TestSigner {

    private TestSigner() {
    }

    /**
     * A JDK request builder for {@code uri} carrying the SigV4 headers for {@code payload} (what is declared and
     * signed; the body actually sent is the caller's business).
     */
    public static HttpRequest.Builder signed(String method, URI uri, String accessKeyId, String secret,
                                             ContentStreamProvider payload) {
        return signed(method, uri, AwsCredentialsIdentity.create(accessKeyId, secret), payload);
    }

    /** As above with any identity: a session's carries its token, which is signed and sent. */
    public static HttpRequest.Builder signed(String method, URI uri, AwsCredentialsIdentity identity,
                                             ContentStreamProvider payload) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                        .putHeader("Host", uri.getHost() + ":" + uri.getPort()).build())
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                request.header(name, values.getFirst());
            }
        });
        return request;
    }
}
