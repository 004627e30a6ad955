package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.store.IamStore.AccessKeyRow;
import dev.arca.server.store.IamStore.RoleRow;
import dev.arca.server.store.IamStore.SessionRow;
import dev.arca.server.store.IamStore.UserRow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IamStore} backend must do; each backend's test extends this suite. */
public abstract class IamStoreContract {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final String A = "111122223333";
    private static final String B = "444455556666";

    /** A fresh, empty store. */
    protected abstract IamStore store();

    @Test
    void userNamesAreUniquePerAccountRegardlessOfCase() {
        IamStore store = store();
        assertThat(store.createUser(new UserRow("AIDA1", A, "alice", "/", T))).isTrue();

        assertThat(store.createUser(new UserRow("AIDA2", A, "ALICE", "/", T))).isFalse();
        assertThat(store.createUser(new UserRow("AIDA3", B, "alice", "/", T))).isTrue();
        assertThat(store.user(A, "Alice")).map(UserRow::id).contains("AIDA1");
        assertThat(store.users(A)).extracting(UserRow::id).containsExactly("AIDA1");
        assertThat(store.userById("AIDA3")).map(UserRow::account).contains(B);
    }

    @Test
    void accessKeysKeepTheirSealedSecretAndStatus() {
        IamStore store = store();
        store.createUser(new UserRow("AIDA1", A, "alice", "/team/", T));
        store.createAccessKey(new AccessKeyRow("AKIA1", "AIDA1", true, new byte[] {1, 2, 3}, T));
        store.createAccessKey(new AccessKeyRow("AKIA2", "AIDA1", true, new byte[] {4}, T.plusSeconds(1)));

        store.setAccessKeyActive("AKIA1", false);

        assertThat(store.accessKey("AKIA1")).hasValueSatisfying(k -> {
            assertThat(k.active()).isFalse();
            assertThat(k.sealedSecret()).containsExactly(1, 2, 3);
            assertThat(k.createdAt()).isEqualTo(T);
        });
        assertThat(store.accessKeys("AIDA1")).extracting(AccessKeyRow::id).containsExactly("AKIA1", "AKIA2");
        store.deleteAccessKey("AKIA1");
        assertThat(store.accessKey("AKIA1")).isEmpty();
    }

    @Test
    void inlinePoliciesAreReplacedByNameAndGoWithTheirPrincipal() {
        IamStore store = store();
        store.createUser(new UserRow("AIDA1", A, "alice", "/", T));
        store.putInlinePolicy("AIDA1", "b", "{1}");
        store.putInlinePolicy("AIDA1", "a", "{2}");
        store.putInlinePolicy("AIDA1", "b", "{3}");

        assertThat(store.inlinePolicies("AIDA1")).containsExactly(Map.entry("a", "{2}"),
                Map.entry("b", "{3}"));
        assertThat(store.deleteInlinePolicy("AIDA1", "a")).isTrue();
        assertThat(store.deleteInlinePolicy("AIDA1", "a")).isFalse();
        store.deleteUser("AIDA1");
        assertThat(store.inlinePolicies("AIDA1")).isEmpty();
        assertThat(store.user(A, "alice")).isEmpty();
    }

    @Test
    void rolesKeepTheirTrustPolicyAndLoseTheirSessionsWhenDeleted() {
        IamStore store = store();
        RoleRow role = new RoleRow("AROA1", A, "deployer", "/", Optional.of("CI"), 7200, "{trust}", T);
        assertThat(store.createRole(role)).isTrue();
        assertThat(store.createRole(new RoleRow("AROA2", A, "Deployer", "/", Optional.empty(), 3600, "{}", T)))
                .isFalse();
        store.setTrustPolicy("AROA1", "{new}");
        store.createSession(new SessionRow("ASIA1", "AROA1", "ci", new byte[] {9}, new byte[] {8}, T.plusSeconds(900)));

        assertThat(store.role(A, "DEPLOYER")).hasValueSatisfying(r -> {
            assertThat(r.trustPolicy()).isEqualTo("{new}");
            assertThat(r.description()).contains("CI");
            assertThat(r.maxSessionSeconds()).isEqualTo(7200);
        });
        assertThat(store.session("ASIA1")).map(SessionRow::expiresAt).contains(T.plusSeconds(900));
        store.deleteRole("AROA1");
        assertThat(store.roles(A)).isEmpty();
        assertThat(store.session("ASIA1")).isEmpty();
    }

    @Test
    void expiredSessionsAreForgotten() {
        IamStore store = store();
        store.createRole(new RoleRow("AROA1", A, "deployer", "/", Optional.empty(), 3600, "{}", T));
        store.createSession(new SessionRow("ASIA1", "AROA1", "old", new byte[] {1}, new byte[] {1}, T));
        store.createSession(new SessionRow("ASIA2", "AROA1", "new", new byte[] {1}, new byte[] {1}, T.plusSeconds(60)));

        store.deleteSessionsExpiredBefore(T.plusSeconds(1));

        assertThat(store.session("ASIA1")).isEmpty();
        assertThat(store.session("ASIA2")).isPresent();
    }
}
