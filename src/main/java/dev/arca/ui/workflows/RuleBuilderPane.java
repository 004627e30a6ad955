package dev.arca.ui.workflows;

import static dev.arca.ui.workflows.WorkflowTables.caption;
import static dev.arca.ui.workflows.WorkflowTables.error;
import static dev.arca.ui.workflows.WorkflowTables.heading;

import dev.arca.core.retention.NewestBy;
import dev.arca.ui.workflows.RuleBuilderViewModel.Field;
import dev.arca.ui.workflows.WorkflowsViewModel.Stage;
import java.io.File;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The left of the Workflows page: where (domain, repository) and the rule, as fields or from a rules file. */
final class RuleBuilderPane extends VBox {

    private final RuleBuilderViewModel rule;

    RuleBuilderPane(WorkflowsViewModel page) {
        super(6);
        this.rule = page.rule();
        setPadding(new Insets(8, 12, 12, 4));
        ComboBox<String> domain = new ComboBox<>(page.domains());
        domain.setId("workflow-domain");
        domain.valueProperty().bindBidirectional(page.domainProperty());
        ComboBox<String> repository = new ComboBox<>(page.repositories());
        repository.setId("workflow-repository");
        repository.valueProperty().bindBidirectional(page.repositoryProperty());
        domain.setMaxWidth(Double.MAX_VALUE);
        repository.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(heading("Where"), caption("Domain"), domain, caption("Repository"), repository);

        Button loadFile = new Button("Load rules file…");
        loadFile.setId("workflow-load-rules");
        loadFile.setOnAction(e -> chooseRulesFile());
        Button useFields = new Button("Use the fields");
        useFields.setId("workflow-use-fields");
        useFields.setOnAction(e -> rule.useFields());
        Label fileName = new Label();
        fileName.setWrapText(true);
        fileName.textProperty().bind(rule.rulesFileProperty().map(f -> f.map(p -> "Rules from "
                + p.getFileName()).orElse("")));
        fileName.managedProperty().bind(fileName.textProperty().isNotEmpty());
        Label fileError = error(rule.rulesFileErrorProperty());
        fileError.setId("workflow-rules-file-error");
        VBox fields = fields();
        fields.disableProperty().bind(rule.rulesFileProperty().map(Optional::isPresent));
        useFields.visibleProperty().bind(rule.rulesFileProperty().map(Optional::isPresent));
        useFields.managedProperty().bind(useFields.visibleProperty());
        getChildren().addAll(heading("Rule"), new HBox(8, loadFile, useFields), fileName, fileError, fields);
        disableProperty().bind(page.stageProperty().map(s -> s == Stage.PLANNING || s == Stage.RUNNING));
    }

    private void chooseRulesFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a rules file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Rules (YAML, JSON)", "*.yaml",
                "*.yml", "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            rule.loadRulesFile(chosen.toPath());
        }
    }

    private VBox fields() {
        VBox box = new VBox(6);
        ComboBox<String> format = new ComboBox<>();
        format.getItems().setAll("", "generic", "maven", "npm", "pypi", "nuget", "ruby", "swift", "cargo");
        format.setEditable(true);
        format.setId("workflow-format");
        format.setPromptText("any format");
        format.setMaxWidth(Double.MAX_VALUE);
        format.getEditor().textProperty().bindBidirectional(rule.formatProperty());
        field(box, "Format", format, Field.FORMAT);
        field(box, "Namespace", text("workflow-namespace", "any", rule.namespaceProperty()), Field.NAMESPACE);
        field(box, "Package prefix", text("workflow-package-prefix", "any package", rule.packagePrefixProperty()),
                Field.PACKAGE_PREFIX);
        FlowPane statuses = new FlowPane(10, 4);
        for (String status : RuleBuilderViewModel.STATUSES) {
            CheckBox check = new CheckBox(status);
            check.setId("workflow-status-" + status.toLowerCase(Locale.ROOT));
            check.selectedProperty().bindBidirectional(rule.statusProperty(status));
            statuses.getChildren().add(check);
        }
        field(box, "Statuses (none ticked: all)", statuses, Field.STATUS);
        field(box, "Version regex", text("workflow-version-regex", "the whole version matches",
                rule.versionRegexProperty()), Field.VERSION_REGEX);
        field(box, "Keep newest", text("workflow-keep-newest", "per package, e.g. 10", rule.keepNewestProperty()),
                Field.KEEP_NEWEST);
        ComboBox<NewestBy> newestBy = new ComboBox<>();
        newestBy.getItems().setAll(NewestBy.values());
        newestBy.setId("workflow-newest-by");
        newestBy.setConverter(converter());
        newestBy.setMaxWidth(Double.MAX_VALUE);
        newestBy.valueProperty().bindBidirectional(rule.newestByProperty());
        newestBy.disableProperty().bind(rule.keepNewestProperty().map(String::isBlank));
        box.getChildren().addAll(caption("Newest by"), newestBy);
        field(box, "Older than days", text("workflow-older-than-days", "e.g. 30", rule.olderThanDaysProperty()),
                Field.OLDER_THAN_DAYS);
        CheckBox keepLatest = new CheckBox("Keep the latest release and default version");
        keepLatest.setId("workflow-keep-latest");
        keepLatest.selectedProperty().bindBidirectional(rule.keepLatestProperty());
        keepLatest.setWrapText(true);
        box.getChildren().add(keepLatest);
        CheckBox keepServed = new CheckBox("Keep what other repositories get from this one through upstreams");
        keepServed.setId("workflow-keep-served-downstream");
        keepServed.selectedProperty().bindBidirectional(rule.keepServedDownstreamProperty());
        keepServed.setWrapText(true);
        box.getChildren().add(keepServed);
        ComboBox<String> action = new ComboBox<>();
        action.getItems().setAll(RuleBuilderViewModel.ACTIONS);
        action.setId("workflow-action");
        action.valueProperty().bindBidirectional(rule.actionProperty());
        action.setMaxWidth(Double.MAX_VALUE);
        field(box, "Action", action, Field.ACTION);
        box.getChildren().add(copyOptions());
        return box;
    }

    /** Destination, overwrite and upstream: shown for a copy only. */
    private VBox copyOptions() {
        TextField destination = text("workflow-destination", "repository to copy to", rule.destinationProperty());
        VBox copy = field(new VBox(4), "Destination", destination, Field.DESTINATION);
        CheckBox overwrite = new CheckBox("Overwrite versions the destination has");
        overwrite.setId("workflow-allow-overwrite");
        overwrite.setWrapText(true);
        overwrite.selectedProperty().bindBidirectional(rule.allowOverwriteProperty());
        CheckBox upstream = new CheckBox("Include versions served from upstreams");
        upstream.setId("workflow-include-from-upstream");
        upstream.setWrapText(true);
        upstream.selectedProperty().bindBidirectional(rule.includeFromUpstreamProperty());
        copy.getChildren().addAll(overwrite, upstream);
        copy.visibleProperty().bind(rule.actionProperty().map("copy"::equals));
        copy.managedProperty().bind(copy.visibleProperty());
        return copy;
    }

    private VBox field(VBox box, String label, Node input, Field field) {
        Label message = error(rule.errorProperty(field));
        message.setId("workflow-error-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        box.getChildren().addAll(caption(label), input, message);
        return box;
    }

    private static TextField text(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static StringConverter<NewestBy> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(NewestBy by) {
                return by == null ? "" : switch (by) {
                    case PUBLISHED_TIME -> "Publish time";
                    case VERSION -> "Version order (the format's)";
                };
            }

            @Override
            public NewestBy fromString(String text) {
                return NewestBy.PUBLISHED_TIME;
            }
        };
    }
}
