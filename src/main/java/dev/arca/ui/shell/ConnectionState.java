package dev.arca.ui.shell;

/** Where the shell's connection indicator stands. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    UNAVAILABLE
}
