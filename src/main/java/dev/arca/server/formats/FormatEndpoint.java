package dev.arca.server.formats;

import dev.arca.core.PackageFormat;

/**
 * One package format's protocol under {@code /{domain}-{owner}/{format}/{repository}/}: npm and Maven today; PyPI
 * plugs in the same way. Authentication, authorization, repository lookup and response writing are not its
 * concern — {@link PackageEndpoints} does them once for every format.
 */
public interface FormatEndpoint {

    PackageFormat format();

    /**
     * Decides what the request asks for from its method and path, without reading the body or touching storage.
     *
     * @throws dev.arca.server.http.ApiException 404 for a path the format does not serve, 405 for a method it does
     *                                           not accept there, 400 for a malformed name or version
     */
    Operation route(PackageRequest request);
}
