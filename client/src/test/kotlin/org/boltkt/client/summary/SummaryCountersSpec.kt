package org.boltkt.client.summary

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.client.summary.SummaryFixtures.meta

class SummaryCountersSpec : FunSpec({
    test("every Neo4j counter name is read") {
        val c = SummaryCounters.from(
            meta(
                "nodes-created" to 1, "nodes-deleted" to 2, "relationships-created" to 3, "relationships-deleted" to 4,
                "properties-set" to 5, "labels-added" to 6, "labels-removed" to 7, "indexes-added" to 8,
                "indexes-removed" to 9, "constraints-added" to 10, "constraints-removed" to 11, "system-updates" to 12,
            ),
        )
        c shouldBe SummaryCounters(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, containsUpdates = true, containsSystemUpdates = true)
    }

    test("containsUpdates is derived from each non-system counter alone") {
        val names = listOf(
            "nodes-created", "nodes-deleted", "relationships-created", "relationships-deleted", "properties-set",
            "labels-added", "labels-removed", "indexes-added", "indexes-removed", "constraints-added", "constraints-removed",
        )
        for (n in names) {
            val c = SummaryCounters.from(meta(n to 1))
            c.containsUpdates shouldBe true
            c.containsSystemUpdates shouldBe false
        }
        SummaryCounters.from(meta("system-updates" to 3)).containsUpdates shouldBe false
    }

    test("server flags win over derivation") {
        SummaryCounters.from(meta("contains-updates" to true)).containsUpdates shouldBe true
        SummaryCounters.from(meta("nodes-created" to 1, "contains-updates" to false)).containsUpdates shouldBe false
        SummaryCounters.from(meta("contains-system-updates" to true)).containsSystemUpdates shouldBe true
    }

    test("null and empty stats give EMPTY; floats are truncated") {
        SummaryCounters.from(null) shouldBe SummaryCounters.EMPTY
        SummaryCounters.from(emptyMap()) shouldBe SummaryCounters.EMPTY
        SummaryCounters.from(meta("nodes-created" to 2.0)).nodesCreated shouldBe 2
    }

    test("QueryType codes") {
        QueryType.fromCode("r") shouldBe QueryType.READ_ONLY
        QueryType.fromCode("rw") shouldBe QueryType.READ_WRITE
        QueryType.fromCode("w") shouldBe QueryType.WRITE_ONLY
        QueryType.fromCode("s") shouldBe QueryType.SCHEMA_WRITE
        QueryType.fromCode("x") shouldBe null
        QueryType.fromCode(null) shouldBe null
    }
})
