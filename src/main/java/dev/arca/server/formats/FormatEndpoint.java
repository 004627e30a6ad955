package dev.arca.server.formats;

import dev.arca.core.PackageFormat;
import java.io.IOException;

/**
 * One package format's protocol under {@code /{domain}-{owner}/{format}/{repository}/}: npm, PyPI and Maven;
 * others plug in the same way. Authentication, authorization, repository lookup and response writing are not its
 * concern — {@link PackageEndpoints} does them once for every format.
 */
public interface FormatEndpoint {

    PackageFormat format();

    /**
     * Decides what the request asks for from its method and path, without touching storage. The body is left to
     * the operation's work, except where only the body names the package (a PyPI upload form names it ahead of
     * the file): then route reads that far, under a small budget, and the work reads on.
     *
     * @throws dev.arca.server.error.ApiException 404 for a path the format does not serve, 405 for a method it does
     *                                           not accept there, 400 for a malformed name or version
     * @throws IOException                       when a body it reads cannot be read
     */
    Operation route(PackageRequest request) throws IOException;
}
