/**
 * What every page shares: background tasks off the FX thread ({@link dev.arca.ui.common.TaskRunner}), paged lists and
 * loaded values with their loading, empty and error states, dialogs, plain-sentence errors and user settings.
 */
package dev.arca.ui.common;
