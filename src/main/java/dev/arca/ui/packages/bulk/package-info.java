/**
 * Bulk actions from the Packages page ({@link dev.arca.ui.packages.bulk.PackageBulkActions}): copy, unlist, archive,
 * restore, dispose and delete of many versions as small workflows with a plan, a typed confirmation and a report.
 */
package dev.arca.ui.packages.bulk;
