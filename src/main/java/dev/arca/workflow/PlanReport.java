package dev.arca.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.core.retention.RetentionPlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A plan of one repository written out: the dry run's text (one line per version and a summary), and the CSV and
 * JSON reports a CI job keeps. Every version is listed once, in plan order; the shapes are a contract for scripts
 * (columns and keys in a fixed order, every key always present, {@code null} / an empty cell when a size is unknown).
 *
 * @param plannedAt the moment the plan counted ages from
 */
public record PlanReport(String domain, String repository, Instant plannedAt, RetentionPlan plan) {

    /** The CSV header; {@code bytes} is the version's size when known. */
    public static final List<String> CSV_COLUMNS = List.of("format", "namespace", "package", "version", "status",
            "action", "reason", "bytes");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PlanReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * What the dry run prints: {@code maven com.example:lib  1.0-SNAPSHOT  delete  selected by rule 1 …} per version,
     * then the summary line ({@code 12 versions: 4 delete, 8 keep; frees 3.1 MB}).
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (PlannedVersion entry : plan.entries()) {
            out.append(entry.describe()).append('\n');
        }
        return out.append(plan.summary()).append('\n').toString();
    }

    /** RFC 4180 CSV with a header row ({@link #CSV_COLUMNS}), lines ending in CRLF. */
    public String csv() {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (PlannedVersion entry : plan.entries()) {
            out.append(List.of(entry.pkg().format().wireName(), entry.pkg().namespace(), entry.pkg().name(),
                            entry.version().version(), entry.version().status().wireName(), entry.kind().ruleName(),
                            entry.reason().text(), bytes(entry))
                    .stream().map(PlanReport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    /**
     * {@code {domain, repository, plannedAt, summary: {versions, counts: {keep, copy, …}, bytesFreed, unknownSizes,
     * text}, versions: [{format, namespace, package, version, status, revision, action, reason, rulePriority, bytes,
     * bytesFreed}]}}.
     */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", domain);
        root.put("repository", repository);
        root.put("plannedAt", plannedAt.toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("versions", plan.entries().size());
        ObjectNode counts = summary.putObject("counts");
        for (ActionKind kind : ActionKind.values()) {
            counts.put(kind.ruleName(), plan.count(kind));
        }
        summary.put("bytesFreed", plan.bytesFreed());
        summary.put("unknownSizes", plan.unknownSizes());
        summary.put("text", plan.summary());
        ArrayNode versions = root.putArray("versions");
        for (PlannedVersion entry : plan.entries()) {
            ObjectNode node = versions.addObject();
            node.put("format", entry.pkg().format().wireName());
            node.put("namespace", entry.pkg().namespace());
            node.put("package", entry.pkg().name());
            node.put("version", entry.version().version());
            node.put("status", entry.version().status().wireName());
            node.put("revision", entry.version().revision());
            node.put("action", entry.kind().ruleName());
            node.put("reason", entry.reason().text());
            if (entry.reason().rulePriority().isPresent()) {
                node.put("rulePriority", entry.reason().rulePriority().get());
            } else {
                node.putNull("rulePriority");
            }
            if (entry.version().sizeBytes().isPresent()) {
                node.put("bytes", entry.version().sizeBytes().getAsLong());
            } else {
                node.putNull("bytes");
            }
            node.put("bytesFreed", entry.bytesFreed());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serializes", e);
        }
    }

    private static String bytes(PlannedVersion entry) {
        return entry.version().sizeBytes().isPresent() ? Long.toString(entry.version().sizeBytes().getAsLong()) : "";
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
