package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MavenVersionTest {

    @Test
    void versionsAreOrderedAsMavenOrdersThem() {
        List<String> ascending = List.of("1.0-alpha-1", "1.0-alpha2", "1.0-beta", "1.0-milestone-1", "1.0-rc1",
                "1.0-SNAPSHOT", "1.0", "1.0-sp", "1.0-whatever", "1.0.1", "1.1", "1.9", "1.10", "2.0-M1", "2");
        assertThat(Stream.of("1.10", "1.0-SNAPSHOT", "2", "1.0-rc1", "1.0.1", "1.0-whatever", "1.0-alpha2",
                "1.0-beta", "1.0", "1.9", "1.0-sp", "2.0-M1", "1.1", "1.0-alpha-1", "1.0-milestone-1")
                .map(MavenVersion::of).sorted().map(MavenVersion::text).toList()).isEqualTo(ascending);
    }

    @Test
    void trailingZerosAndReleaseQualifiersDoNotCountAndCaseIsIgnored() {
        assertThat(MavenVersion.of("1")).isEqualTo(MavenVersion.of("1.0.0")).isEqualTo(MavenVersion.of("1-ga"))
                .isEqualTo(MavenVersion.of("1.0-FINAL")).isEqualTo(MavenVersion.of("1-release"));
        assertThat(MavenVersion.of("1").hashCode()).isEqualTo(MavenVersion.of("1.0.0").hashCode());
        assertThat(MavenVersion.of("1.0-RC1")).isEqualTo(MavenVersion.of("1.0-cr1"));
        assertThat(MavenVersion.of("1.0-a1")).isEqualTo(MavenVersion.of("1.0-alpha-1"));
    }

    @Test
    void aHyphenBindsWeakerThanADotAndNumbersBeatQualifiers() {
        assertThat(MavenVersion.of("1.0-1")).isLessThan(MavenVersion.of("1.0.1"));
        assertThat(MavenVersion.of("1.0-foo")).isLessThan(MavenVersion.of("1.0-1"));
        assertThat(MavenVersion.of("1.0.0.x1")).isLessThan(MavenVersion.of("1.0.0-x2"));
        assertThat(MavenVersion.of("20240101")).isGreaterThan(MavenVersion.of("9.9.9"));
    }

    @Test
    void snapshotsAreRecognizedByTheirSuffix() {
        assertThat(MavenVersion.of("1.0-SNAPSHOT").isSnapshot()).isTrue();
        assertThat(MavenVersion.of("1.0").isSnapshot()).isFalse();
        assertThat(MavenVersion.of("1.0-20240102.030405-1").isSnapshot()).isFalse();
    }
}
