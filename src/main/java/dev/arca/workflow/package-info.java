/**
 * Workflows over many package versions — select and load ({@link dev.arca.workflow.RepositoryVersionsLoader}),
 * plan (dry run, in {@code core.retention}), execute, report — through the gateway, so they work against AWS and the
 * local server alike. Execution is batched per package as the service requires, paced to its quotas, guarded by the
 * plan's status and revision, cancellable, and journalled on disk so an interrupted run resumes. No JavaFX: the
 * Workflows page and {@code arca cleanup} share it. See docs/workflows.md and docs/retention-rules.md.
 */
package dev.arca.workflow;
