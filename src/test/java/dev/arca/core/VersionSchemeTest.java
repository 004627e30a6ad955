package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSchemeTest {

    @Test
    void eachFormatHasItsScheme() {
        assertThat(VersionScheme.of(PackageFormat.MAVEN)).isEqualTo(VersionScheme.MAVEN);
        assertThat(VersionScheme.of(PackageFormat.NPM)).isEqualTo(VersionScheme.SEMVER);
        assertThat(VersionScheme.of(PackageFormat.PYPI)).isEqualTo(VersionScheme.PEP440);
        assertThat(VersionScheme.of(PackageFormat.GENERIC)).isEqualTo(VersionScheme.NONE);
        assertThat(VersionScheme.NONE.ordersVersions()).isFalse();
    }

    @Test
    void snapshotBuildsSitBetweenThePreviousReleaseAndTheirSnapshot() {
        List<String> ascending = List.of("0.9", "1.0-rc1", "1.0-20240101.120000-3", "1.0-20240101.120000-12",
                "1.0-20240102.080000-13", "1.0-SNAPSHOT", "1.0", "1.1-20230101.000000-1", "1.1-SNAPSHOT");
        assertThat(ascending.reversed().stream().sorted(VersionScheme.MAVEN.order()).toList()).isEqualTo(ascending);
    }

    @Test
    void mavenKnowsSnapshotsAndQualifiedPreReleases() {
        assertThat(VersionScheme.MAVEN.isSnapshot("1.0-SNAPSHOT")).isTrue();
        assertThat(VersionScheme.MAVEN.isSnapshot("1.0-20240101.120000-3")).isTrue();
        assertThat(VersionScheme.MAVEN.isSnapshot("1.0")).isFalse();
        assertThat(VersionScheme.MAVEN.isSnapshot("20240101.120000")).isFalse();
        assertThat(List.of("1.0-SNAPSHOT", "1.0-20240101.120000-3", "1.0-rc1", "1.0-RC-2", "2.0.M3", "1.0-beta-2",
                "1.0-alpha", "1.0b2", "3.0-CR1", "21-ea"))
                .allMatch(VersionScheme.MAVEN::isPreRelease);
        assertThat(List.of("1.0", "1.0-sp1", "1.0-jre", "1.0.Final", "2.0-feature", "1.0-lib2", "1.0-GA"))
                .noneMatch(VersionScheme.MAVEN::isPreRelease);
    }

    @Test
    void semverPreReleasesSortBelowTheirReleaseByIdentifier() {
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0");
        assertThat(ascending.reversed().stream().sorted(VersionScheme.SEMVER.order()).toList()).isEqualTo(ascending);
        assertThat(VersionScheme.SEMVER.isPreRelease("1.0.0-rc.1")).isTrue();
        assertThat(VersionScheme.SEMVER.isPreRelease("1.0.0+build.5")).isFalse();
    }

    @Test
    void versionsTheSchemeCannotReadSortBelowTheOnesItCanAndByText() {
        assertThat(List.of("2.0.0", "banana", "1.0.0", "apple").stream().sorted(VersionScheme.SEMVER.order()))
                .containsExactly("apple", "banana", "1.0.0", "2.0.0");
        assertThat(List.of("1.0", "latest", "0.9rc1").stream().sorted(VersionScheme.PEP440.order()))
                .containsExactly("latest", "0.9rc1", "1.0");
    }

    @Test
    void equalVersionsAreToldApartByText() {
        assertThat(VersionScheme.MAVEN.order().compare("1.0", "1.0.0")).isNegative();
        assertThat(VersionScheme.PEP440.order().compare("1.0", "1.0")).isZero();
    }

    @Test
    void pep440PreReleasesAreRecognized() {
        assertThat(VersionScheme.PEP440.isPreRelease("2.0b1")).isTrue();
        assertThat(VersionScheme.PEP440.isPreRelease("2.0.post1")).isFalse();
        assertThat(VersionScheme.NONE.isPreRelease("1.0-beta")).isFalse();
    }
}
