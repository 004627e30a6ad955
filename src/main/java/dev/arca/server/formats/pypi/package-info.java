/**
 * The Python package index protocols ({@link dev.arca.server.formats.pypi.PypiEndpoint}): the simple index (HTML and
 * JSON), uploads as twine sends them, and the index source behind {@code public:pypi}.
 */
package dev.arca.server.formats.pypi;
