package dev.arca.server.service;

import dev.arca.core.Arns;
import dev.arca.server.http.ApiException;

/**
 * Today's rule until resource policies are evaluated: a token works in the domain it was issued for, and only
 * for the account that owns that domain (CodeArtifact's default: only the owner may access).
 */
public final class TokenScopeAuthorizer implements Authorizer {

    @Override
    public void authorize(TokenService.TokenClaims client, PackageAction action, String resourceArn) {
        Arns.ResourceArn resource = Arns.parse(resourceArn).orElseThrow(() ->
                new IllegalArgumentException("not a CodeArtifact ARN: " + resourceArn));
        if (!resource.owner().equals(client.domainOwner()) || !resource.domain().equals(client.domain())) {
            throw ApiException.accessDenied("The authorization token was issued for domain " + client.domain()
                    + " owned by " + client.domainOwner() + "; it cannot be used for domain " + resource.domain()
                    + " owned by " + resource.owner());
        }
        if (!client.caller().accountId().equals(resource.owner())) {
            throw ApiException.accessDenied("User: " + client.caller().principalArn()
                    + " is not authorized to perform: " + action.iamAction() + " on resource: " + resourceArn);
        }
    }
}
