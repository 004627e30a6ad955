package dev.arca.ui.common;

/** What a list on screen shows: a spinner, rows, the empty hint, or the error sentence. */
public enum ListState {
    LOADING,
    READY,
    EMPTY,
    ERROR
}
