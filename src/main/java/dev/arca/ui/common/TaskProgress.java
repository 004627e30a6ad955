package dev.arca.ui.common;

/** What a running background task may tell the UI: how far it got, and whether it should stop. */
public interface TaskProgress {

    /** Reports {@code done} of {@code total} units with a short message; a negative total means unknown. */
    void update(long done, long total, String message);

    /** True once the user cancelled; long loops should check it between steps. */
    boolean isCancelled();

    /** A progress sink that reports nothing and is never cancelled. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
