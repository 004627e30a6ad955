/**
 * The server's behaviour, one owner per aggregate — {@link dev.arca.server.service.DomainService}, {@link
 * dev.arca.server.service.RepositoryService}, {@link dev.arca.server.service.Packages} (packages, versions, assets
 * and tags, by its parts: reads, publishing, upstream intake, lifecycle, metadata), package groups, policies, tags
 * and tokens — each opening the store's transactions itself.
 */
package dev.arca.server.service;
