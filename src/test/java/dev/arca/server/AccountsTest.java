package dev.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.CredentialsFile;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;

/** Several local accounts: each root signs as itself and owns what it creates. */
class AccountsTest extends ServerFixture {

    private static final String FIRST = "111122223333";
    private static final String SECOND = "444455556666";

    @Override
    protected ServerConfig config() {
        return super.config().withAccounts(List.of(FIRST, SECOND), Optional.of("o-exampleorg1"));
    }

    @Test
    void eachAccountsRootCreatesDomainsItOwns() throws Exception {
        try (CodeartifactClient second = codeartifactClient(server.credentials(SECOND))) {
            codeartifact.createDomain(r -> r.domain("first-domain"));
            second.createDomain(r -> r.domain("second-domain"));

            assertThat(codeartifact.describeDomain(r -> r.domain("first-domain")).domain().owner()).isEqualTo(FIRST);
            assertThat(second.describeDomain(r -> r.domain("second-domain")).domain().owner()).isEqualTo(SECOND);
            assertThat(second.listDomains(r -> { }).domains()).extracting(d -> d.name())
                    .containsExactly("second-domain");
        }
    }

    @Test
    void theCredentialsFileHoldsDefaultAndAProfilePerAccount() throws Exception {
        String text = Files.readString(dataDir.resolve(CredentialsFile.FILE_NAME));

        assertThat(text).contains("[default]", "[" + FIRST + "]", "[" + SECOND + "]",
                server.credentials(SECOND).secretAccessKey());
        assertThat(server.credentials()).isEqualTo(server.credentials(FIRST));
        assertThat(server.credentials(FIRST)).isNotEqualTo(server.credentials(SECOND));
    }

    @Test
    void anotherAccountsDomainIsNotVisibleWithoutAPolicy() throws Exception {
        codeartifact.createDomain(r -> r.domain("first-domain"));
        try (CodeartifactClient second = codeartifactClient(server.credentials(SECOND))) {
            assertThatThrownBy(() -> second.describeDomain(r -> r.domain("first-domain").domainOwner(FIRST)))
                    .isInstanceOfSatisfying(CodeartifactException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void onlyTheDefaultAccountsRootReadsTheServersActivity() throws Exception {
        assertThat(signedGet("/_arca/audit").statusCode()).isEqualTo(200);

        var refused = signedGet("/_arca/events", server.credentials(SECOND));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("only the root of account " + FIRST);
    }
}
