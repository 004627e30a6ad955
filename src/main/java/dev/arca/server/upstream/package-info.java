/**
 * Package versions from upstream repositories and public registries: {@link dev.arca.server.upstream.UpstreamResolver}
 * walks the search order, fetches from an {@link dev.arca.server.upstream.ExternalSource} once however many ask, and
 * keeps what it fetched.
 */
package dev.arca.server.upstream;
