/**
 * CodeArtifact's rules as plain Java, with no I/O and nothing but the JDK: names and quotas ({@link
 * dev.arca.core.ResourceNames}, {@link dev.arca.core.ServiceLimits}), version orders per format ({@link
 * dev.arca.core.VersionScheme}), statuses ({@link dev.arca.core.VersionStatus}), package groups, search order, and the
 * values the console shows.
 */
package dev.arca.core;
