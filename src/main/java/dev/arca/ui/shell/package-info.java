/**
 * The main window ({@link dev.arca.ui.shell.MainViewModel}): navigation between {@link dev.arca.ui.shell.Page}s, the
 * connection indicator, and what leaving a page or closing the window must ask first.
 */
package dev.arca.ui.shell;
