package dev.arca.ui.shell;

import dev.arca.ui.common.WorkNotices;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Notices of background work the user started and then left: when copy, cleanup, a bulk action or a download ends
 * while its page is not shown, or the window is not focused, the window says what ended in one sentence with a way
 * back to the page. Work that ends in front of the user says so on its page alone.
 */
public final class WorkNoticesViewModel {

    /** What ended, where, and whether it failed. */
    public record Notice(Page page, String sentence, boolean failed) {

        public Notice {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(sentence, "sentence");
        }

        /** The action's label: {@code Open Workflows}. */
        public String actionText() {
            return "Open " + page.title();
        }
    }

    private final MainViewModel main;

    // Properties
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final ReadOnlyObjectWrapper<Optional<Notice>> notice =
            new ReadOnlyObjectWrapper<>(this, "notice", Optional.empty());

    public WorkNoticesViewModel(MainViewModel main) {
        this.main = Objects.requireNonNull(main, "main");
        // Back on the page the notice is about: the page itself now shows how the work ended.
        main.currentPageProperty().subscribe(page -> notice.get()
                .filter(shown -> shown.page() == page)
                .ifPresent(shown -> dismiss()));
    }

    /** Whether the main window has the focus; the view keeps it up to date. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** The notice to show, the latest first; empty when there is none. */
    public ReadOnlyObjectProperty<Optional<Notice>> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // Commands

    /** Where {@code page}'s work reports how it ended. */
    public WorkNotices from(Page page) {
        Objects.requireNonNull(page, "page");
        return (sentence, failed) -> ended(new Notice(page, sentence, failed));
    }

    /** Whether work of {@code page} that ends now ends behind the user's back. */
    public boolean userLeft(Page page) {
        return main.currentPageProperty().get() != page || !windowFocused.get();
    }

    /** Shows the page the notice is about (unless unsaved work keeps the user where they are), then hides it. */
    public void goBack() {
        notice.get().ifPresent(shown -> {
            if (main.navigate(shown.page())) {
                dismiss();
            }
        });
    }

    public void dismiss() {
        notice.set(Optional.empty());
    }

    private void ended(Notice ended) {
        if (userLeft(ended.page())) {
            notice.set(Optional.of(ended));
        }
    }
}
