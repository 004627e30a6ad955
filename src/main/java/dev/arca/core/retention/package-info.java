/**
 * Retention and bulk-change rules for package versions, and the planner that applies them without I/O: which
 * versions of a repository a rule set keeps, copies, re-statuses, disposes or deletes, and why. The workflow
 * executor, the Workflows page and {@code arca cleanup} all plan with this package; see docs/retention-rules.md.
 */
package dev.arca.core.retention;
