/**
 * Connections: the embedded server and saved AWS or Arca services ({@link dev.arca.ui.connect.Connections}), and the
 * dialog that adds, checks and edits them.
 */
package dev.arca.ui.connect;
