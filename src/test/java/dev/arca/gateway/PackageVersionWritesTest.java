package dev.arca.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.VersionWriteOutcome;
import dev.arca.core.retention.PackageRef;
import dev.arca.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVersionWritesTest {

    private static final PackageRef LIB = new PackageRef(PackageFormat.GENERIC, "team", "lib");

    @TempDir
    Path dir;

    private EmbeddedGateway local;
    private PackageVersionWrites writes;

    @BeforeEach
    void start() throws Exception {
        local = new EmbeddedGateway(ServerConfig.embedded(dir).withQuotaEmulation(true));
        local.gateway().createDomain("acme", Optional.empty());
        local.gateway().createRepository("acme", "dev", Optional.empty(), List.of());
        local.gateway().createRepository("acme", "prod", Optional.empty(), List.of());
        for (String version : List.of("1.0", "1.1", "1.2")) {
            local.publishGeneric("acme", "dev", "team", "lib", version, version.getBytes(StandardCharsets.UTF_8));
        }
        writes = new PackageVersionWrites(local.gateway());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void oneMismatchedVersionFailsWithItsCodeAndTheOthersAreOnlySkipped() {
        writes.updateStatus("acme", "dev", LIB, List.of("1.1"), Map.of(), Optional.empty(), VersionStatus.ARCHIVED);

        List<VersionWriteOutcome> outcomes = writes.updateStatus("acme", "dev", LIB, List.of("1.0", "1.1", "1.2"),
                Map.of(), Optional.of(VersionStatus.PUBLISHED), VersionStatus.UNLISTED);

        assertThat(outcomes).extracting(VersionWriteOutcome::version).containsExactly("1.0", "1.1", "1.2");
        assertThat(outcomes.get(1)).isEqualTo(new VersionWriteOutcome.Failed("1.1", "MISMATCHED_STATUS",
                "current status: Archived, expected status: Published"));
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(VersionWriteOutcome.Failed.class,
                f -> assertThat(f.skipped()).isTrue());
        assertThat(writes.current("acme", "dev", LIB, "1.0")).map(VersionInfo::status).contains("Published");
    }

    @Test
    void aStaleRevisionIsRefusedAndAFreshOneApplies() {
        String revision = writes.current("acme", "dev", LIB, "1.0").orElseThrow().revision();

        List<VersionWriteOutcome> stale = writes.dispose("acme", "dev", LIB, List.of("1.0"),
                Map.of("1.0", "not-the-revision"), Optional.of(VersionStatus.PUBLISHED));
        List<VersionWriteOutcome> fresh = writes.dispose("acme", "dev", LIB, List.of("1.0"), Map.of("1.0", revision),
                Optional.of(VersionStatus.PUBLISHED));

        assertThat(stale.getFirst()).isInstanceOfSatisfying(VersionWriteOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("MISMATCHED_REVISION"));
        assertThat(fresh.getFirst()).isInstanceOfSatisfying(VersionWriteOutcome.Succeeded.class,
                s -> assertThat(s.status()).isEqualTo("Disposed"));
    }

    @Test
    void deleteSucceedsAsDeletedAndTheVersionIsGone() {
        List<VersionWriteOutcome> outcomes = writes.delete("acme", "dev", LIB, List.of("1.2"),
                Optional.of(VersionStatus.PUBLISHED));

        assertThat(outcomes).containsExactly(new VersionWriteOutcome.Succeeded("1.2", "Deleted",
                ((VersionWriteOutcome.Succeeded) outcomes.getFirst()).revision()));
        assertThat(writes.current("acme", "dev", LIB, "1.2")).isEmpty();
    }

    @Test
    void copyingAgainWhatTheDestinationHoldsSucceedsThoughTheServiceOmitsIt() {
        writes.copy("acme", "dev", "prod", LIB, List.of("1.0"), Map.of(), false, false);

        List<VersionWriteOutcome> again = writes.copy("acme", "dev", "prod", LIB, List.of("1.0"), Map.of(), false,
                false);

        assertThat(again).containsExactly(new VersionWriteOutcome.Succeeded("1.0", "", ""));
        assertThat(writes.current("acme", "prod", LIB, "1.0")).isPresent();
    }

    @Test
    void aThrottledCopyComesBackAtOnceWithTheServicesRetryAfter() {
        List<GatewayException> throttled = new ArrayList<>();
        for (int i = 0; i < 12 && throttled.isEmpty(); i++) {
            try {
                writes.copy("acme", "dev", "prod", LIB, List.of("1.1"), Map.of(), false, false);
            } catch (GatewayException e) {
                throttled.add(e);
            }
        }

        assertThat(throttled).hasSize(1);
        assertThat(throttled.getFirst().errorCode()).contains(PackageVersionWrites.THROTTLED);
        assertThat(PackageVersionWrites.retryAfter(throttled.getFirst())).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void aBatchBeyondTheServiceLimitIsRefusedBeforeItIsSent() {
        List<String> versions = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "9." + i).toList();

        assertThatThrownBy(() -> writes.delete("acme", "dev", LIB, versions, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100 versions");
    }
}
