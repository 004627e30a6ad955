package dev.arca.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.RetentionAction;
import java.nio.file.Path;

/** The lines of a {@link RunJournal}: a change of the plan written and read back, and each damaged line's sentence. */
final class JournalLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalLines() {
    }

    static ObjectNode changeNode(int index, VersionChange change) {
        ObjectNode node = JSON.createObjectNode().put("change", index);
        node.putObject("package").put("format", change.pkg().format().wireName())
                .put("namespace", change.pkg().namespace()).put("name", change.pkg().name());
        node.put("version", change.version()).put("status", change.plannedStatus().wireName())
                .put("revision", change.plannedRevision());
        ObjectNode action = node.putObject("action").put("type", change.action().kind().ruleName());
        if (change.action() instanceof RetentionAction.Copy copy) {
            action.put("to", copy.repository()).put("allowOverwrite", copy.allowOverwrite())
                    .put("includeFromUpstream", copy.includeFromUpstream());
        }
        return node;
    }

    static VersionChange change(Path file, int line, JsonNode node) throws JournalException {
        JsonNode pkg = node.path("package");
        PackageFormat format = PackageFormat.fromWire(pkg.path("format").asText())
                .orElseThrow(() -> malformed(file, line, "unknown package format '" + pkg.path("format").asText()
                        + "'"));
        VersionStatus status = VersionStatus.fromWire(node.path("status").asText())
                .orElseThrow(() -> malformed(file, line, "unknown status '" + node.path("status").asText() + "'"));
        JsonNode action = node.path("action");
        ActionKind kind = ActionKind.fromRuleName(action.path("type").asText())
                .orElseThrow(() -> malformed(file, line, "unknown action '" + action.path("type").asText() + "'"));
        try {
            RetentionAction retention = kind == ActionKind.COPY
                    ? new RetentionAction.Copy(text(file, line, action, "to"),
                    action.path("allowOverwrite").asBoolean(), action.path("includeFromUpstream").asBoolean())
                    : RetentionAction.of(kind);
            return new VersionChange(new PackageRef(format, pkg.path("namespace").asText(""),
                    text(file, line, pkg, "name")), text(file, line, node, "version"), status,
                    node.path("revision").asText(""), retention);
        } catch (IllegalArgumentException e) {
            throw malformed(file, line, e.getMessage());
        }
    }

    static JsonNode parse(Path file, int line, String text) throws JournalException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw malformed(file, line, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(file, line, "not JSON");
        }
    }

    static String text(Path file, int line, JsonNode node, String field) throws JournalException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw malformed(file, line, "'" + field + "' is missing");
        }
        return value.asText();
    }

    static Iterable<JsonNode> array(Path file, int line, JsonNode node, String field)
            throws JournalException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw malformed(file, line, "'" + field + "' is not a list");
        }
        return value;
    }

    static int index(Path file, int line, JsonNode value, int total) throws JournalException {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() >= total) {
            throw malformed(file, line, "'" + value + "' is not a change of the plan");
        }
        return value.asInt();
    }

    static JournalException malformed(Path file, int line, String why) {
        return new JournalException("Line " + line + " of the journal " + file + " is damaged (" + why
                + "); the journal cannot be resumed.");
    }

    static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
