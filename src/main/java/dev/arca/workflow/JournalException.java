package dev.arca.workflow;

import java.io.IOException;

/** A run journal that cannot be used: unreadable, malformed, or the journal of another run. One plain sentence. */
public final class JournalException extends IOException {

    public JournalException(String sentence) {
        super(sentence);
    }

    public JournalException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
