package dev.arca.ui.shell;

import dev.arca.core.PackageFormat;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette (Ctrl+K): jump to a page, domain, repository or package, or run an action of the page shown,
 * by typing part of its name. Matches are ranked ({@link PaletteMatch}); what was chosen recently comes first and
 * is remembered per connection in the user settings. Domains, repositories and packages are loaded in the
 * background when the palette opens; until then it offers what it loaded before.
 */
public final class PaletteViewModel {

    /** What the palette works against: the connection in use. */
    public interface Target {

        /** The connection's id, which the recent items are kept under. */
        String connectionId();

        /** Runs the loading of the index, in the connection's scope. */
        TaskRunner tasks();

        /** Opens domains, repositories and packages. */
        Navigation navigation();

        /** Every domain, repository and package there is to jump to; called on a background thread. */
        List<PaletteItem> loadIndex() throws Exception;
    }

    static final int MAX_RECENT = 8;
    static final int MAX_SHOWN = 50;
    /** Lifts a recent item above an equally good match; a much better match still wins. */
    static final int RECENT_BONUS = 150;
    private static final String RECENT_SEPARATOR = "\n";

    private final MainViewModel main;
    private final UserSettings settings;
    private final Supplier<Target> target;
    private final Map<String, List<PaletteItem>> indexes = new HashMap<>();
    private final Map<String, PageCommand> actions = new LinkedHashMap<>();

    // Properties
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<PaletteItem>> selected =
            new ReadOnlyObjectWrapper<>(this, "selected", Optional.empty());

    public PaletteViewModel(MainViewModel main, UserSettings settings, Supplier<Target> target) {
        this.main = Objects.requireNonNull(main, "main");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = Objects.requireNonNull(target, "target");
        query.addListener((observable, before, now) -> refilter());
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** True while domains, repositories and packages are being loaded. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the user typed. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The matches, best first. */
    public ObservableList<PaletteItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    /** The match Enter runs. */
    public ReadOnlyObjectProperty<Optional<PaletteItem>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    // Commands

    /** Opens the palette empty, offering {@code pageActions} (the page shown's) besides pages and resources. */
    public void open(List<PageCommand> pageActions) {
        actions.clear();
        pageActions.stream().filter(command -> command.enabled().getAsBoolean())
                .forEach(command -> actions.putIfAbsent(command.title(), command));
        query.set("");
        showing.set(true);
        refilter();
        loadIndex();
    }

    /** Closes the palette without running anything. */
    public void close() {
        showing.set(false);
        actions.clear();
    }

    /** Moves the selection {@code delta} lines down (negative: up), stopping at either end. */
    public void move(int delta) {
        if (items.isEmpty()) {
            return;
        }
        int at = selected.get().map(items::indexOf).orElse(0);
        select(items.get(Math.clamp((long) at + delta, 0, items.size() - 1)));
    }

    /** Selects {@code item}, one of the matches. */
    public void select(PaletteItem item) {
        selected.set(Optional.of(item).filter(items::contains));
    }

    /** Runs the selected match (Enter); nothing when there is none. */
    public void runSelected() {
        selected.get().ifPresent(this::run);
    }

    /** Closes the palette, remembers {@code item} as the most recent and goes there or runs it. */
    public void run(PaletteItem item) {
        Target now = target.get();
        Optional<PageCommand> action = Optional.ofNullable(actions.get(item.title()))
                .filter(command -> item.kind() == PaletteItem.Kind.ACTION);
        close();
        remember(now.connectionId(), item);
        List<String> path = item.path();
        switch (item.kind()) {
            case PAGE -> main.navigate(item.pageOf());
            case ACTION -> action.ifPresent(command -> command.action().run());
            case DOMAIN -> now.navigation().showRepositories(path.getFirst());
            case REPOSITORY -> now.navigation().showRepository(path.getFirst(), path.get(1));
            case PACKAGE -> PackageFormat.fromWire(path.get(2)).ifPresentOrElse(
                    format -> now.navigation().showPackage(new DomainMemory.PackageToOpen(path.getFirst(), path.get(1),
                            format, path.get(3), path.get(4))),
                    () -> now.navigation().showPackages(path.getFirst(), path.get(1)));
        }
    }

    /** The recent items of the connection in use, most recent first. */
    List<PaletteItem> recent() {
        return recent(target.get().connectionId());
    }

    private List<PaletteItem> recent(String connectionId) {
        return settings.get(recentKey(connectionId)).stream()
                .flatMap(value -> Arrays.stream(value.split(RECENT_SEPARATOR)))
                .map(PaletteItem::parse).flatMap(Optional::stream).distinct().toList();
    }

    private void remember(String connectionId, PaletteItem item) {
        Set<PaletteItem> kept = new LinkedHashSet<>();
        kept.add(item);
        kept.addAll(recent(connectionId));
        settings.put(recentKey(connectionId), String.join(RECENT_SEPARATOR, kept.stream().limit(MAX_RECENT)
                .map(PaletteItem::key).toList()));
    }

    private static String recentKey(String connectionId) {
        return "palette." + connectionId + ".recent";
    }

    private void loadIndex() {
        Target now = target.get();
        if (loading.get()) {
            return;
        }
        loading.set(true);
        BackgroundTask.of("Loading the command palette", progress -> now.loadIndex())
                .onSuccess(index -> {
                    indexes.put(now.connectionId(), List.copyOf(index));
                    if (showing.get()) {
                        refilter();
                    }
                })
                .onFailure(failure -> { }) // the palette still offers pages, actions and what it loaded before
                .onFinished(() -> loading.set(false))
                .runWith(now.tasks());
    }

    private void refilter() {
        if (!showing.get()) {
            return;
        }
        String connectionId = target.get().connectionId();
        List<PaletteItem> index = indexes.getOrDefault(connectionId, List.of());
        List<PaletteItem> recent = recent(connectionId).stream()
                .filter(item -> offered(item, index, indexes.containsKey(connectionId))).toList();
        List<PaletteItem> candidates = Stream.of(recent.stream(), actions.keySet().stream().map(PaletteItem::action),
                        Arrays.stream(Page.values()).map(PaletteItem::page), index.stream())
                .flatMap(s -> s).distinct().toList();
        List<Ranked> ranked = new ArrayList<>();
        for (PaletteItem item : candidates) {
            OptionalInt score = score(item);
            if (score.isPresent()) {
                int recentAt = recent.indexOf(item);
                int bonus = recentAt < 0 ? 0 : RECENT_BONUS - recentAt;
                ranked.add(new Ranked(item, score.getAsInt() + bonus));
            }
        }
        Comparator<Ranked> order = Comparator.comparingInt(Ranked::score).reversed();
        if (!query.get().isBlank()) {
            order = order.thenComparing(r -> r.item().kind()).thenComparing(r -> r.item().title());
        }
        items.setAll(ranked.stream().sorted(order).limit(MAX_SHOWN).map(Ranked::item).toList());
        selected.set(items.stream().findFirst());
    }

    /** Whether a recent item can still be offered: an action only on its page, a resource only while it exists. */
    private boolean offered(PaletteItem item, List<PaletteItem> index, boolean indexLoaded) {
        return switch (item.kind()) {
            case PAGE -> true;
            case ACTION -> actions.containsKey(item.title());
            case DOMAIN, REPOSITORY, PACKAGE -> !indexLoaded || index.contains(item);
        };
    }

    /** Typed text against the title, or else against where the item is ("platform web" finds platform's web-app). */
    private OptionalInt score(PaletteItem item) {
        OptionalInt title = PaletteMatch.score(query.get(), item.title());
        if (title.isPresent() || item.path().size() < 2) {
            return title;
        }
        OptionalInt path = PaletteMatch.score(query.get(), String.join(" ", item.path()));
        return path.isPresent() ? OptionalInt.of(Math.max(1, path.getAsInt() / 2)) : path;
    }

    private record Ranked(PaletteItem item, int score) {
    }
}
