/**
 * The server's behaviour, one service per aggregate — {@link dev.arca.server.service.DomainService}, {@link
 * dev.arca.server.service.RepositoryService}, {@link dev.arca.server.service.PackageService} (and {@link
 * dev.arca.server.service.PackageIntake} for what package clients publish), package groups, policies, tags and tokens
 * — each opening the store's transactions itself.
 */
package dev.arca.server.service;
