package dev.arca.server.iam;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Real SDK clients for a local server, signing with whatever credentials a test holds (root, user, session). */
final class IamClients {

    private IamClients() {
    }

    static IamClient iam(URI endpoint, AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static StsClient sts(URI endpoint, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static KmsClient kms(URI endpoint, AwsCredentials credentials) {
        return KmsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static CodeartifactClient codeartifact(URI endpoint, AwsCredentials credentials) {
        return CodeartifactClient.builder().endpointOverride(endpoint).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
