package dev.arca.server.store.sql;

import dev.arca.server.model.Records.PolicyRow;
import dev.arca.server.store.PolicyRecords;
import java.util.Optional;

/** {@link PolicyRecords} in table {@code resource_policy}. */
final class SqlPolicyRecords implements PolicyRecords {

    private final SqlSession sql;

    SqlPolicyRecords(SqlSession sql) {
        this.sql = sql;
    }

    @Override
    public Optional<PolicyRow> find(String resourceArn) {
        return sql.one("SELECT resource_arn, document, revision FROM resource_policy WHERE resource_arn = ?",
                rs -> new PolicyRow(rs.getString(1), rs.getString(2), rs.getString(3)), resourceArn);
    }

    @Override
    public void put(PolicyRow policy) {
        sql.update("INSERT INTO resource_policy (resource_arn, document, revision) VALUES (?, ?, ?)"
                        + " ON CONFLICT (resource_arn) DO UPDATE SET document = excluded.document,"
                        + " revision = excluded.revision",
                policy.resourceArn(), policy.document(), policy.revision());
    }

    @Override
    public void delete(String resourceArn) {
        sql.update("DELETE FROM resource_policy WHERE resource_arn = ?", resourceArn);
    }
}
