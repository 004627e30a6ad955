package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapGovernorTest {

    private static final long MIB = 1L << 20;

    @Test
    void theNextCollectionComesAtTwiceWhatWasLiveWithinTheFloorAndTheBound() {
        assertThat(HeapGovernor.threshold(0, 512 * MIB)).isEqualTo(HeapGovernor.FLOOR);
        assertThat(HeapGovernor.threshold(10 * MIB, 512 * MIB)).isEqualTo(HeapGovernor.FLOOR);
        assertThat(HeapGovernor.threshold(100 * MIB, 512 * MIB)).isEqualTo(200 * MIB);
        assertThat(HeapGovernor.threshold(300 * MIB, 512 * MIB)).isEqualTo(512 * MIB);
        assertThat(HeapGovernor.threshold(300 * MIB, -1)).as("no bound known").isEqualTo(600 * MIB);
    }

    @Test
    void itGovernsOnlyTheSerialCollectorsOldGeneration() {
        boolean serial = ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(HeapGovernor.OLD_GENERATION));
        assertThat(HeapGovernor.start()).isEqualTo(serial);
    }

    /** The same churn in two JVMs run as installers/jvm-options says: the old generation creeps up only in one. */
    @Test
    void underChurnTheOldGenerationStaysNearWhatIsLiveInsteadOfGrowingToTheBound() throws Exception {
        long ungoverned = peakOldGeneration(false);
        long governed = peakOldGeneration(true);

        assertThat(ungoverned).as("without the governor the old generation fills with garbage")
                .isGreaterThan(200 * MIB);
        assertThat(governed).as("with it, about twice the 16 MiB live set").isLessThan(80 * MIB);
    }

    private static long peakOldGeneration(boolean governed) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-Xms32m", "-Xmn24m",
                "-Xmx512m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-cp",
                System.getProperty("java.class.path"), HeapGovernorProbe.class.getName(), String.valueOf(governed)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Long.parseLong(output.lines().reduce((a, b) -> b).orElseThrow());
    }
}
