package org.boltkt.testsupport.faults

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.readLines

/** The soak sampler's CSV lines and the class histograms it writes beside them. */
class ResourceSamplerTest {
    @Test
    fun `writes a CSV line per sample and a class histogram at the second sample and at close`(@TempDir dir: Path) {
        val csv = dir.resolve("soak.csv")
        var operations = 0L
        // An interval longer than the test: only the explicit samples and close take one.
        ResourceSampler(csv, intervalMillis = 3_600_000) { operations }.use { sampler ->
            operations = 7
            sampler.sample()
            operations = 9
        }

        val lines = csv.readLines()
        assertEquals("elapsed_s,heap_after_gc_mib,threads,fds,operations", lines.first())
        assertEquals(listOf("0", "7", "9"), lines.drop(1).map { it.substringAfterLast(',') })
        val histograms = dir.listDirectoryEntries("soak-histogram-*s.txt")
        // Both may fall in the same elapsed second and share a name: the later one is the one kept.
        assertTrue(histograms.size in 1..2, "histogram files: $histograms")
        histograms.forEach { file ->
            val text = Files.readString(file)
            assertTrue(text.contains("#instances") && text.contains("java.lang.String"), "not a class histogram: $text")
        }
    }
}
