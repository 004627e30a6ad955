/**
 * Arca's local CodeArtifact-compatible server: {@link dev.arca.server.LocalServer} wires the store, services, IAM and
 * HTTP parts from a {@link dev.arca.server.ServerConfig} and runs them on Jetty.
 */
package dev.arca.server;
