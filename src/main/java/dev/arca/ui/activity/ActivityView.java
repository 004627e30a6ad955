package dev.arca.ui.activity;

import atlantafx.base.theme.Styles;
import dev.arca.core.ActivityEntry;
import dev.arca.ui.common.PageParts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Activity page: events and calls in one table, filtered, polled every few seconds while shown and live. */
public final class ActivityView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ActivityViewModel viewModel;
    private final Timeline poller;

    public ActivityView(ActivityViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-activity");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET);
        Label title = new Label("Activity");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Package events and every API call of the local server, newest first.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        TextField filter = new TextField();
        filter.setId("activity-filter");
        filter.setPromptText("Filter (Ctrl+F)");
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        HBox.setHgrow(filter, Priority.SOMETIMES);
        ComboBox<ActivityViewModel.Show> show = new ComboBox<>();
        show.getItems().setAll(ActivityViewModel.Show.values());
        show.valueProperty().bindBidirectional(viewModel.showProperty());
        show.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActivityViewModel.Show s) {
                return s == null ? "" : switch (s) {
                    case EVERYTHING -> "Events and calls";
                    case EVENTS -> "Package events";
                    case CALLS -> "API calls";
                };
            }

            @Override
            public ActivityViewModel.Show fromString(String s) {
                return null;
            }
        });
        ToggleButton live = new ToggleButton("Live", new FontIcon(Feather.RADIO));
        PageParts.offer(this, "Live activity on or off", live);
        live.setId("activity-live");
        live.selectedProperty().bindBidirectional(viewModel.liveProperty());
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Refresh activity", refresh);
        refresh.setOnAction(e -> viewModel.poll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, show, filter, spacer, live, refresh);
        tools.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(12, new VBox(4, title, subtitle), tools));

        TableView<ActivityEntry> table = new TableView<>(viewModel.entries());
        table.setId("activity-table");
        table.getColumns().setAll(List.of(
                PageParts.<ActivityEntry>textColumn("Time", e -> TIME.format(e.time()), 125, false),
                PageParts.<ActivityEntry>textColumn("Kind", e -> e.kind().equals("event") ? "Event" : "Call", 60, false),
                PageParts.textColumn("What", ActivityEntry::what, 190, false),
                PageParts.textColumn("Subject", ActivityEntry::subject, 210, false),
                PageParts.<ActivityEntry>textColumn("Who", e -> e.who().replaceFirst("^arn:aws:iam::", ""), 150, false),
                PageParts.textColumn("Outcome", ActivityEntry::outcome, 140, false)));
        VBox empty = PageParts.stateBox(Feather.ACTIVITY, "Nothing has happened yet",
                "Create a domain or publish a package and it shows up here.");
        empty.setId("activity-empty");
        VBox error = PageParts.errorBox("The activity could not be read", viewModel.errorMessageProperty());
        StackPane stack = PageParts.stateStack(table, viewModel.stateProperty(), empty, error);
        BorderPane.setMargin(stack, new Insets(16, 0, 0, 0));
        setCenter(stack);

        poller = new Timeline(new KeyFrame(Duration.seconds(3), e -> {
            if (viewModel.liveProperty().get()) {
                viewModel.poll();
            }
        }));
        poller.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.poll();
                poller.play();
            } else {
                poller.stop();
            }
        });
        PageParts.installFindShortcut(this, filter);
    }
}
