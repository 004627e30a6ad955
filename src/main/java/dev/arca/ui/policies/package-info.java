/**
 * The Resource policies tab ({@link dev.arca.ui.policies.PoliciesViewModel}): the policy list and the editor with
 * highlighting, findings, templates, diff, conflict handling and drafts kept on disk.
 */
package dev.arca.ui.policies;
