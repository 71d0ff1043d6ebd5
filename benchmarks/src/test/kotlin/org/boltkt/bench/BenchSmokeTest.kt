package org.boltkt.bench

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path

/**
 * CI runs the harness in smoke mode against the replay server only (no Neo4j, cells in this JVM): it must finish
 * and produce every row of the table. Numbers are never asserted; speed claims come from benchmarks/run.sh.
 */
class BenchSmokeTest {
    private val out: Path = Path.of(System.getProperty("boltkt.buildDirectory", "target"), "bench-smoke.md")

    @Test
    fun `smoke run fills every row of the ratio table`() {
        val table = Main.run(Options(smoke = true, real = false, inProcess = true, out = out))
        for (row in listOf("| P1 | replay | p50_us", "| P2 | replay | qps", "| P3 | replay | rows_s", "| P4 | replay | maps_s",
            "| P5 | replay | alloc_b_per_row", "| P6 | replay |", "| J1 | replay | p50_us", "| J2 | replay | rows_s",
            "| J3 | replay | rows_s", "| J4 | replay | qps", "| J5 | replay | rows_s", "| J6 | replay | maps_s", "| J7 | replay | qps",
            "| P7 | replay | rows_s |", "| P7 | replay | alloc_b_per_row", "| P7 | replay | rows_s, typed / Record path", "| P6 (P7 rows) | replay |",
            "| P8 | replay | maps_s")) {
            val line = table.lines().singleOrNull { it.startsWith(row) } ?: error("no row '$row' in\n$table")
            if (row.startsWith("| P8 ")) {
                // P8 has no `nio-record` cell (the Record path is P7's), so only boltkt, official and their ratio.
                val cells = line.split("|").map { it.trim() }
                assertTrue(listOf(5, 7, 8).none { cells[it] == "-" }, "missing value in $line")
            } else {
                assertTrue(!line.contains("| - |"), "missing value in $line")
            }
        }
        assertEquals(table.trim(), Files.readString(out).trim())
    }

    @Test
    fun `every driver streams exactly the replayed rows, through every API`() {
        ReplayServer(RecordBlock.generated(100)).use { replay ->
            for (d in DRIVERS) {
                newClient(Cell("P3", d, "replay", replay.uri, "neo4j", "x"), Sizes.SMOKE).use { c ->
                    // 2500 rows = 25 reps of a 100-row block: crosses PULL batches of 1000 with has_more.
                    assertEquals(2500L, c.stream(25), d)
                    assertEquals(1, c.latencies(Queries.RETURN_ONE, 1).size)
                }
            }
            for (d in typedDrivers("P7", DRIVERS)) {
                newClient(Cell("P7", d, "replay", replay.uri, "neo4j", "x"), Sizes.SMOKE).use { c ->
                    assertEquals(2500L, if (d == "nio-record") c.streamHandMapped(25) else c.streamTyped(25), d)
                }
            }
            for (d in JAVA_DRIVERS) {
                newJavaClient(Cell("J2", d, "replay", replay.uri, "neo4j", "x"), Sizes.SMOKE).use { c ->
                    assertEquals(2500L, c.iterate(25), d)
                    assertEquals(2500L, c.publisher(25, 300), d)
                    assertEquals(5000L, c.list(25, 2), d)
                }
            }
        }
    }
}
