package dev.arca.server.service;

/**
 * Decides whether a package client may perform an action on a resource. Every request to a repository endpoint
 * is authorized by exactly one call, naming the IAM action and the resource ARN, so that resource-policy
 * evaluation plugs in here and nowhere else.
 */
@FunctionalInterface
public interface Authorizer {

    /**
     * @param client      who the authorization token says is calling, and for which domain
     * @param sourceIp    where the request came from
     * @param resourceArn the repository ARN for reads, the package ARN for publishing and metadata changes
     * @throws dev.arca.server.error.ApiException a 403 AccessDeniedException when the action is not allowed
     */
    void authorize(TokenService.TokenClaims client, String sourceIp, PackageAction action, String resourceArn);
}
