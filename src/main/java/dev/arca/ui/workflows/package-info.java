/**
 * The Workflows page ({@link dev.arca.ui.workflows.WorkflowsViewModel}): the rule builder, the live plan preview, the
 * run with its progress and report, and the history of runs.
 */
package dev.arca.ui.workflows;
