package dev.arca.server.iam;

import dev.arca.core.Arns;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.Authorizer;
import dev.arca.server.service.PackageAction;
import dev.arca.server.service.TokenService;
import java.util.Map;
import java.util.Objects;

/**
 * Package endpoints' authorization: a token works only in the domain it was issued for, and each request is decided
 * at the time it arrives as the principal that obtained the token, against the policies as they are then — a policy
 * change applies to tokens issued before it (policies.md §3.4).
 */
public final class PackageAuthorizer implements Authorizer {

    private final CodeArtifactAccess access;

    public PackageAuthorizer(CodeArtifactAccess access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void authorize(TokenService.TokenClaims client, String sourceIp, PackageAction action, String resourceArn) {
        Arns.ResourceArn resource = Arns.parse(resourceArn).orElseThrow(() ->
                new IllegalArgumentException("not a CodeArtifact ARN: " + resourceArn));
        if (!resource.owner().equals(client.domainOwner()) || !resource.domain().equals(client.domain())) {
            throw ApiException.accessDenied("The authorization token was issued for domain " + client.domain()
                    + " owned by " + client.domainOwner() + "; it cannot be used for domain " + resource.domain()
                    + " owned by " + resource.owner());
        }
        access.require(client.caller().from(sourceIp), action.iamAction(), resourceArn, Map.of());
    }
}
