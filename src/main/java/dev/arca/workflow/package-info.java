/**
 * Bulk changes to package versions — copy, status, dispose, delete, retention cleanup — executed through the
 * gateway: batched per package as the service requires, paced to its quotas, guarded by the plan's status and
 * revision, cancellable, journalled on disk so an interrupted run resumes, and reported per version. No JavaFX; the
 * Workflows page and {@code arca cleanup} both run here. See docs/workflows.md.
 */
package dev.arca.workflow;
