package dev.arca.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM principals of the local accounts — users, their access keys, roles, inline policies and role sessions —
 * behind an interface so another backend (PostgreSQL) can keep them. Each method is one transaction. Secrets arrive
 * sealed and leave sealed: the store never sees them in clear.
 */
public interface IamStore {

    /** An IAM user; {@code id} is its unique id ({@code AIDA…}). */
    record UserRow(String id, String account, String name, String path, Instant createdAt) {
        public UserRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** A user's long-term access key ({@code AKIA…}) with its sealed secret. */
    record AccessKeyRow(String id, String userId, boolean active, byte[] sealedSecret, Instant createdAt) {
        public AccessKeyRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(sealedSecret, "sealedSecret");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** An IAM role; {@code id} is its unique id ({@code AROA…}), {@code trustPolicy} the document as given. */
    record RoleRow(String id, String account, String name, String path, Optional<String> description,
                   int maxSessionSeconds, String trustPolicy, Instant createdAt) {
        public RoleRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(trustPolicy, "trustPolicy");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Temporary credentials of a role session ({@code ASIA…}): sealed secret, SHA-256 of the session token. */
    record SessionRow(String accessKeyId, String roleId, String sessionName, byte[] sealedSecret, byte[] tokenHash,
                      Instant expiresAt) {
        public SessionRow {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(sessionName, "sessionName");
            Objects.requireNonNull(sealedSecret, "sealedSecret");
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    // Users

    /** Adds {@code user}; false when the account already has a user of that name (in any case). */
    /**
     * A number that changes whenever a committed write may have changed a user, access key, role or inline policy —
     * by this process or another using the same database — for caches of keys and policies to check.
     */
    long changeStamp();

    boolean createUser(UserRow user);

    Optional<UserRow> user(String account, String name);

    Optional<UserRow> userById(String id);

    /** The account's users, by name. */
    List<UserRow> users(String account);

    void deleteUser(String id);

    // Access keys

    void createAccessKey(AccessKeyRow key);

    Optional<AccessKeyRow> accessKey(String id);

    /** A user's keys, oldest first. */
    List<AccessKeyRow> accessKeys(String userId);

    void setAccessKeyActive(String id, boolean active);

    void deleteAccessKey(String id);

    // Roles

    /** Adds {@code role}; false when the account already has a role of that name (in any case). */
    boolean createRole(RoleRow role);

    Optional<RoleRow> role(String account, String name);

    Optional<RoleRow> roleById(String id);

    /** The account's roles, by name. */
    List<RoleRow> roles(String account);

    void setTrustPolicy(String roleId, String document);

    /** Deletes the role and its sessions. */
    void deleteRole(String id);

    // Inline policies of a user or role, by the principal's unique id

    void putInlinePolicy(String principalId, String name, String document);

    Optional<String> inlinePolicy(String principalId, String name);

    /** Policy name to document, by name. */
    Map<String, String> inlinePolicies(String principalId);

    /** False when there was no such policy. */
    boolean deleteInlinePolicy(String principalId, String name);

    // Role sessions

    void createSession(SessionRow session);

    Optional<SessionRow> session(String accessKeyId);

    /** Forgets sessions that expired before {@code now}. */
    void deleteSessionsExpiredBefore(Instant now);
}
