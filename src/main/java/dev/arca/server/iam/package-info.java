/**
 * IAM, STS and Access Analyzer as the local server answers them, and the one place that decides who may do what
 * ({@link dev.arca.server.iam.AccessControl}), wired by {@link dev.arca.server.iam.LocalIam}.
 */
package dev.arca.server.iam;
