/**
 * The package protocols real clients speak under a repository endpoint: {@link
 * dev.arca.server.formats.PackageEndpoints} dispatches to each format's {@link
 * dev.arca.server.formats.FormatEndpoint}, with the rendered-document cache and streaming body readers they share.
 */
package dev.arca.server.formats;
