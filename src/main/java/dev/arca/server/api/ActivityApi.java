package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.core.Constraint;
import dev.arca.core.ResourceNames;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.AuditRow;
import dev.arca.server.service.AuditLog;
import dev.arca.server.service.PackageEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Arca's own read endpoints for the activity page and automation (signed like the control plane):
 * {@code GET /_arca/events} (package events, oldest first) and {@code GET /_arca/audit} (API calls). Both page
 * with {@code after} (a sequence number) and return {@code nextAfter} to continue from. They show the whole
 * server — every account's domains and callers — so only the server's administrator, the root of its default
 * account, may read them.
 */
public final class ActivityApi {

    public static final String EVENTS_PATH = "/_arca/events";
    public static final String AUDIT_PATH = "/_arca/audit";
    private static final Constraint OPERATION = Constraint.of(1, 100, "[A-Za-z:]+");

    private final PackageEvents events;
    private final AuditLog audit;
    private final String administrator;

    /** @param administratorAccount the server's default account, whose root administers the server */
    public ActivityApi(PackageEvents events, AuditLog audit, String administratorAccount) {
        this.events = Objects.requireNonNull(events);
        this.audit = Objects.requireNonNull(audit);
        this.administrator = Objects.requireNonNull(administratorAccount);
    }

    public Object events(ApiRequest r) {
        requireAdministrator(r);
        long after = r.queryLong("after", "after", 0, Long.MAX_VALUE).orElse(0L);
        int limit = r.queryInt("limit", "limit", 1, 1000).orElse(100);
        Optional<String> domain = r.query("domain", "domain", ResourceNames.DOMAIN);
        Optional<String> repository = r.query("repository", "repository", ResourceNames.REPOSITORY);
        List<JsonNode> page = events.read(after, domain, repository, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", page);
        out.put("nextAfter", page.isEmpty() ? after : page.getLast().path("detail").path("sequenceNumber").asLong());
        return out;
    }

    public Object audit(ApiRequest r) {
        requireAdministrator(r);
        long after = r.queryLong("after", "after", 0, Long.MAX_VALUE).orElse(0L);
        int limit = r.queryInt("limit", "limit", 1, 1000).orElse(100);
        Optional<String> operation = r.query("operation", "operation", OPERATION);
        Optional<String> principal = r.query("principal", "principal", ResourceNames.ARN);
        List<AuditRow> page = audit.read(after, operation, principal, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", page.stream().map(ActivityApi::entry).toList());
        out.put("nextAfter", page.isEmpty() ? after : page.getLast().seq());
        return out;
    }

    private void requireAdministrator(ApiRequest r) {
        RequestPrincipal principal = r.caller().principal();
        if (principal.type() != RequestPrincipal.Type.ROOT || !r.caller().accountId().equals(administrator)) {
            throw ApiException.accessDenied("User: " + principal.arn() + " is not authorized to read the server's"
                    + " activity: only the root of account " + administrator + ", the server's default account, may");
        }
    }

    private static Map<String, Object> entry(AuditRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequenceNumber", row.seq());
        out.put("time", row.time().toString());
        out.put("requestId", row.requestId());
        row.principal().ifPresent(p -> out.put("principal", p));
        out.put("operation", row.operation());
        row.resource().ifPresent(res -> out.put("resource", res));
        out.put("status", row.status());
        row.errorType().ifPresent(e -> out.put("errorType", e));
        out.put("durationMillis", row.durationMillis());
        return out;
    }
}
