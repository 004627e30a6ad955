/**
 * CodeArtifact's request-rate quotas enforced as token buckets ({@link dev.arca.server.quota.RequestQuotas}),
 * answering ThrottlingException with Retry-After.
 */
package dev.arca.server.quota;
