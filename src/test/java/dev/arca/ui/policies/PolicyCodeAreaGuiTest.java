package dev.arca.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.arca.core.policy.FindingType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The code area's colours and marks follow edits of a long policy, restyling only the lines that change: what it
 * shows after edits is what a fresh area shows for the same text, and a key leaves the other lines as they were.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyCodeAreaGuiTest {

    private static final String POLICY = NearLimitPolicy.document();

    private final StringProperty text = new SimpleStringProperty(POLICY);
    private final StringProperty freshText = new SimpleStringProperty("");
    private PolicyCodeArea edited;
    private PolicyCodeArea fresh;

    @Start
    void start(Stage stage) {
        edited = new PolicyCodeArea();
        edited.bindText(text);
        fresh = new PolicyCodeArea();
        fresh.bindText(freshText);
        stage.setScene(new Scene(new HBox(edited, fresh), 1200, 600));
        stage.show();
    }

    @Test
    void anOpenQuoteColoursOnlyTheRestOfItsLine(FxRobot robot) throws Exception {
        int lineEnd = POLICY.indexOf("\"Allow\",") + "\"Allow\",".length();
        int nextKey = POLICY.indexOf("\"Principal\"", lineEnd);
        waitFor(5, TimeUnit.SECONDS, () -> styleOf(edited, nextKey).contains("json-key"));

        robot.interact(() -> edited.area().insertText(lineEnd, "\""));

        waitFor(5, TimeUnit.SECONDS, () -> styleOf(edited, lineEnd).contains("json-string"));
        assertThat(styleOf(edited, nextKey + 1)).contains("json-key"); // moved by the quote, still a key
        assertThat(styleOf(edited, nextKey + 5)).contains("json-key");
    }

    @Test
    void afterEditsMarksAndHighlightsTheColoursAreThoseOfTheTextColouredAfresh(FxRobot robot) throws Exception {
        int[] replaced = NearLimitPolicy.statement(POLICY, NearLimitPolicy.REPLACED_SID);
        robot.interact(() -> {
            edited.area().replaceText(replaced[0], replaced[1], NearLimitPolicy.typed().substring(0, 120));
            edited.area().insertText(40, "\"Unfinished");
            edited.area().deleteText(200, 260);
        });
        String now = text.get();
        List<PolicyMark> marks = List.of(mark(now, 10, 20), mark(now, now.length() / 2, now.length() / 2 + 30));
        robot.interact(() -> {
            edited.setMarks(marks);
            edited.highlightLines(5, 9);
            freshText.set(now);
            fresh.setMarks(marks);
            fresh.highlightLines(5, 9);
        });

        waitFor(5, TimeUnit.SECONDS, () -> styles(edited).equals(styles(fresh)));
        assertThat(styles(edited)).isEqualTo(styles(fresh));
        assertThat(styles(edited).get(now.indexOf("\"Version\"") + 1)).contains("json-key");
    }

    @Test
    void textSetFromOutsideReplacesOnlyTheLinesThatDiffer(FxRobot robot) throws Exception {
        String formatted = NearLimitPolicy.afterEditAndFormat(POLICY);
        int[] typedOver = NearLimitPolicy.statement(POLICY, NearLimitPolicy.REPLACED_SID);
        String typed = POLICY.substring(0, typedOver[0]) + NearLimitPolicy.typed() + POLICY.substring(typedOver[1]);
        robot.interact(() -> text.set(typed));
        var first = edited.area().getParagraph(0);
        var last = edited.area().getParagraph(edited.area().getParagraphs().size() - 1);

        robot.interact(() -> text.set(formatted)); // what Format does

        assertThat(edited.area().getText()).isEqualTo(formatted);
        assertThat(edited.area().getParagraph(0)).isSameAs(first);
        assertThat(edited.area().getParagraph(edited.area().getParagraphs().size() - 1)).isSameAs(last);
    }

    @Test
    void textSetFromOutsideComesInItsColoursAsOneChange(FxRobot robot) throws Exception {
        String formatted = NearLimitPolicy.afterEditAndFormat(POLICY);
        int[] typedOver = NearLimitPolicy.statement(POLICY, NearLimitPolicy.REPLACED_SID);
        String typed = POLICY.substring(0, typedOver[0]) + NearLimitPolicy.typed() + POLICY.substring(typedOver[1]);
        robot.interact(() -> text.set(typed));
        afterNextLayout(robot);
        List<Object> changes = new ArrayList<>();
        robot.interact(() -> edited.area().richChanges().subscribe(changes::add));

        robot.interact(() -> {
            text.set(formatted); // what Format does
            freshText.set(formatted);
        });
        afterNextLayout(robot);

        assertThat(styles(edited)).isEqualTo(styles(fresh));
        assertThat(changes).hasSize(1);
    }

    @Test
    void aKeyRestylesOnlyTheLineItIsTypedIn(FxRobot robot) throws Exception {
        int key = POLICY.indexOf("\"Principal\"");
        int line = edited.area().offsetToPosition(key, Bias.Forward).getMajor();
        waitFor(5, TimeUnit.SECONDS, () -> styleOf(edited, key).contains("json-key"));
        var before = new ArrayList<>(edited.area().getParagraphs());

        robot.interact(() -> edited.area().insertText(key, "1"));

        waitFor(5, TimeUnit.SECONDS, () -> styleOf(edited, key).contains("json-literal"));
        var after = edited.area().getParagraphs();
        for (int p = 0; p < after.size(); p++) {
            if (p != line) {
                assertThat(after.get(p)).as("line %d", p + 1).isSameAs(before.get(p));
            }
        }
    }

    /** Waits until the scene has had a pulse, and with it the restyle before its layout. */
    private void afterNextLayout(FxRobot robot) throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        Scene scene = edited.getScene();
        robot.interact(() -> {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    laidOut.countDown();
                }
            });
            Platform.requestNextPulse();
        });
        assertThat(laidOut.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static PolicyMark mark(String text, int from, int to) {
        return new PolicyMark(FindingType.WARNING, "TEST", "a test mark", Optional.of(LocalPolicyCheck.position(text,
                from)), Optional.of(LocalPolicyCheck.position(text, to)), Optional.empty());
    }

    private static Collection<String> styleOf(PolicyCodeArea code, int offset) {
        return code.area().getStyleOfChar(offset);
    }

    /** The styles of every character. */
    private static List<Collection<String>> styles(PolicyCodeArea code) {
        List<Collection<String>> out = new ArrayList<>();
        code.area().getStyleSpans(0, code.area().getLength()).forEach(span -> {
            for (int i = 0; i < span.getLength(); i++) {
                out.add(List.copyOf(span.getStyle()));
            }
        });
        return out;
    }
}
