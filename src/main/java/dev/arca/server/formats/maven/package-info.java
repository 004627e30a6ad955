/**
 * The Maven repository layout ({@link dev.arca.server.formats.maven.MavenEndpoint}): artifacts, POMs, checksums and
 * {@code maven-metadata.xml}, and the public Maven repository source behind external connections.
 */
package dev.arca.server.formats.maven;
