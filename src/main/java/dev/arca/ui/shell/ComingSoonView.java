package dev.arca.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The honest state of a page that is not built yet: what it will do, and no made-up data. */
final class ComingSoonView extends VBox {

    ComingSoonView(Page page, FontIcon icon) {
        getStyleClass().add("coming-soon");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        setId("page-" + page.id());

        icon.getStyleClass().add("coming-soon-icon");
        Label title = new Label(page.title());
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label purpose = new Label(page.purpose());
        purpose.setWrapText(true);
        purpose.setMaxWidth(520);
        purpose.getStyleClass().add("coming-soon-purpose");
        Label notYet = new Label("Not built yet. This page shows no data until it is.");
        notYet.setId("coming-soon-note");
        notYet.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(icon, title, purpose, notYet);
    }
}
