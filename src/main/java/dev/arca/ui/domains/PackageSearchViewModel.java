package dev.arca.ui.domains;

import dev.arca.core.DomainInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.DomainSearch;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Finding a package by the start of its name in every repository of the domain selected on the Domains page; a
 * new selection forgets what the last search found.
 */
public final class PackageSearchViewModel {

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final ObservableValue<DomainInfo> domain;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<DomainSearch.Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final BooleanBinding canSearch;
    private TaskHandle running;

    PackageSearchViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, ObservableValue<DomainInfo> domain) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.domain = Objects.requireNonNull(domain);
        canSearch = Bindings.createBooleanBinding(() -> domain.getValue() != null && !text.get().isBlank()
                && !searching.get(), domain, text, searching);
        domain.subscribe(selected -> {
            hits.clear();
            summary.set("");
        });
    }

    /** The start of a package name to find in every repository of the selected domain. */
    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<DomainSearch.Hit> hits() {
        return hits;
    }

    /** What the last search found, or how far the running one got, as a sentence. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public BooleanBinding canSearchProperty() {
        return canSearch;
    }

    /** Finds packages whose names start with the search text in every repository of the selected domain. */
    public void search() {
        if (!canSearch.get()) {
            return;
        }
        String domainName = domain.getValue().name();
        String prefix = text.get().strip();
        searching.set(true);
        hits.clear();
        summary.set("Searching the repositories of " + domainName + "…");
        running = BackgroundTask.of("Finding " + prefix + " in " + domainName, progress -> new DomainSearch(
                        gateway.get()).search(domainName, prefix, (done, total) -> progress.update(done, total,
                        "Searched " + done + " of " + total + " repositories")))
                .onProgress(p -> summary.set(p.message() + "…"))
                .onSuccess(result -> {
                    hits.setAll(result.hits());
                    summary.set(summary(prefix, result));
                })
                .onFailure(failure -> summary.set(UserMessages.describe(failure)))
                .onFinished(() -> searching.set(false))
                .runWith(tasks);
    }

    /** Stops a running search. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private static String summary(String prefix, DomainSearch.Result result) {
        long repositories = result.hits().stream().map(DomainSearch.Hit::repository).distinct().count();
        StringBuilder text = new StringBuilder(result.hits().isEmpty()
                ? "No package starting with \"" + prefix + "\" in " + plural(result.searched(), "repository")
                : result.hits().size() + (result.hits().size() == 1 ? " package" : " packages") + " in "
                        + plural((int) repositories, "repository") + " (of " + result.searched() + " searched)");
        text.append('.');
        if (!result.capped().isEmpty()) {
            text.append(" Only the first ").append(DomainSearch.HITS_PER_REPOSITORY).append(" matches are shown for ")
                    .append(String.join(", ", result.capped())).append(": type more of the name.");
        }
        result.problems().forEach(problem -> text.append(" Not searched: ").append(problem));
        return text.toString();
    }

    private static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun.substring(0, noun.length() - 1) + "ies");
    }
}
