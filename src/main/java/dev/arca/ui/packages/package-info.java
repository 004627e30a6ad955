/**
 * The Packages page ({@link dev.arca.ui.packages.PackagesViewModel}): packages and versions of a repository, a
 * version's details, status changes.
 */
package dev.arca.ui.packages;
