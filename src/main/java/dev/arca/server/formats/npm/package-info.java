/**
 * The npm registry protocol ({@link dev.arca.server.formats.npm.NpmEndpoint}): package documents, tarballs, publish,
 * dist-tags and deprecation, and the npm registry source behind {@code public:npmjs}.
 */
package dev.arca.server.formats.npm;
