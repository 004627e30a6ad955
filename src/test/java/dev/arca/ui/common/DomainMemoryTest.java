package dev.arca.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.DomainInfo;
import dev.arca.ui.common.DomainMemory.OtherAccountDomain;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainMemoryTest {

    private static final OtherAccountDomain SHARED = new OtherAccountDomain("210987654321", "shared");

    @TempDir
    Path dir;

    private UserSettings settings() {
        return UserSettings.load(dir.resolve("settings.properties"));
    }

    @Test
    void theLastDomainIsRememberedPerConnectionAcrossRestarts() {
        UserSettings settings = settings();
        new DomainMemory(settings, "local").rememberDomain("platform");
        new DomainMemory(settings, "team").rememberDomain("builds");

        assertThat(new DomainMemory(settings(), "local").lastDomain()).hasValue("platform");
        assertThat(new DomainMemory(settings(), "team").lastDomain()).hasValue("builds");
        assertThat(new DomainMemory(settings(), "other").lastDomain()).isEmpty();
    }

    @Test
    void otherAccountsDomainsAreKeptOnceInTheOrderOpenedAndCanBeForgotten() {
        DomainMemory memory = new DomainMemory(settings(), "local");
        OtherAccountDomain second = new OtherAccountDomain("111122223333", "tools");
        memory.addOtherAccountDomain(SHARED);
        memory.addOtherAccountDomain(second);
        memory.addOtherAccountDomain(SHARED);
        memory.rememberDomain("shared");

        assertThat(new DomainMemory(settings(), "local").otherAccountDomains()).containsExactly(SHARED, second);

        memory.forgetOtherAccountDomain(SHARED);

        assertThat(new DomainMemory(settings(), "local").otherAccountDomains()).containsExactly(second);
        assertThat(memory.lastDomain()).as("a forgotten domain is not preselected").isEmpty();
    }

    @Test
    void pickersOfferOwnDomainsThenOtherAccountsAndPreferTheLastPicked() {
        DomainMemory memory = new DomainMemory(settings(), "local");
        memory.addOtherAccountDomain(SHARED);
        List<String> choices = memory.pickerChoices(List.of(domain("alpha"), domain("beta")));

        assertThat(choices).containsExactly("alpha", "beta", "shared");
        assertThat(memory.preferred(choices)).hasValue("alpha");

        memory.rememberDomain("beta");
        assertThat(memory.preferred(choices)).hasValue("beta");

        memory.rememberDomain("deleted-since");
        assertThat(memory.preferred(choices)).hasValue("alpha");
        assertThat(memory.preferred(List.of())).isEmpty();
    }

    @Test
    void theLastRepositoryBelongsToTheLastDomain() {
        DomainMemory memory = new DomainMemory(settings(), "local");
        memory.rememberRepository("platform", "web-app");

        DomainMemory reloaded = new DomainMemory(settings(), "local");
        assertThat(reloaded.lastDomain()).hasValue("platform");
        assertThat(reloaded.lastRepository()).hasValue("web-app");

        memory.rememberDomain("platform");
        assertThat(memory.lastRepository()).as("the same domain keeps its repository").hasValue("web-app");
        memory.rememberDomain("builds");
        assertThat(memory.lastRepository()).as("another domain has its own repositories").isEmpty();
    }

    @Test
    void aDamagedEntryIsSkippedNotFatal() {
        UserSettings settings = settings();
        settings.put(DomainMemory.prefix("local") + "other-accounts", "210987654321/shared,not-an-account/x,");

        assertThat(new DomainMemory(settings, "local").otherAccountDomains()).containsExactly(SHARED);
    }

    @Test
    void anOtherAccountDomainNeedsATwelveDigitOwnerAndAValidName() {
        assertThatThrownBy(() -> new OtherAccountDomain("12345", "shared"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtherAccountDomain("210987654321", "Bad_Name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DomainInfo domain(String name) {
        return new DomainInfo(name, "123456789012", "arn:aws:codeartifact:us-east-1:123456789012:domain/" + name,
                "Active", Instant.EPOCH, "", 0, 0L);
    }
}
