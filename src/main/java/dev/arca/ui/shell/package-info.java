/**
 * The main window ({@link dev.arca.ui.shell.MainViewModel}): navigation between {@link dev.arca.ui.shell.Page}s, the
 * connection indicator, what leaving a page or closing the window must ask first, and the command palette (Ctrl+K,
 * {@link dev.arca.ui.shell.PaletteViewModel}) that jumps to any page, domain, repository or package or runs a page's
 * action.
 */
package dev.arca.ui.shell;
