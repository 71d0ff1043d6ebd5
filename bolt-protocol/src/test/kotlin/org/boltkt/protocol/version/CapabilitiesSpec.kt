package org.boltkt.protocol.version

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.value.ValueFormat

class CapabilitiesSpec : FunSpec({
    data class Row(val v: BoltVersion, val logon: Boolean, val filters: Boolean, val agent: Boolean, val telemetry: Boolean, val gql: Boolean, val home: Boolean, val format: ValueFormat)
    val rows = listOf(
        Row(BoltVersion(3, 0), false, false, false, false, false, false, ValueFormat.LEGACY_4),
        Row(BoltVersion(4, 1), false, false, false, false, false, false, ValueFormat.LEGACY_4),
        Row(BoltVersion(4, 2), false, false, false, false, false, false, ValueFormat.LEGACY_4),
        Row(BoltVersion(4, 3), false, false, false, false, false, false, ValueFormat.LEGACY_4),
        Row(BoltVersion(4, 4), false, false, false, false, false, false, ValueFormat.LEGACY_4),
        Row(BoltVersion(5, 0), false, false, false, false, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 1), true, false, false, false, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 2), true, true, false, false, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 3), true, true, true, false, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 4), true, true, true, true, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 6), true, true, true, true, false, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 7), true, true, true, true, true, false, ValueFormat.BOLT_5),
        Row(BoltVersion(5, 8), true, true, true, true, true, true, ValueFormat.BOLT_5),
        Row(BoltVersion(6, 0), true, true, true, true, true, true, ValueFormat.BOLT_6),
        Row(BoltVersion(6, 1), true, true, true, true, true, true, ValueFormat.BOLT_6_1),
    )
    for (r in rows) test("Bolt ${r.v}") {
        val c = Capabilities.of(r.v)
        listOf(c.logonLogoff, c.notificationFilters, c.boltAgent, c.telemetry, c.gqlFailures, c.homeDatabaseHint) shouldBe
            listOf(r.logon, r.filters, r.agent, r.telemetry, r.gql, r.home)
        c.valueFormat shouldBe r.format
        c.routeForm shouldBe when {
            r.v == BoltVersion.V3_0 -> RouteForm.CLUSTER_PROCEDURE
            r.v < BoltVersion.V4_3 -> RouteForm.ROUTING_PROCEDURE
            r.v == BoltVersion.V4_3 -> RouteForm.V4_3
            else -> RouteForm.V4_4
        }
        listOf(c.pullN, c.databases) shouldBe listOf(r.v.major >= 4, r.v.major >= 4)
        c.requestsUtcPatch shouldBe (r.v == BoltVersion.V4_3 || r.v == BoltVersion.V4_4)
    }

    test("the utc patch (Bolt 4.3 and 4.4) switches date-times only") {
        for (v in listOf(BoltVersion.V4_3, BoltVersion.V4_4)) {
            Capabilities.of(v).requestsUtcPatch shouldBe true
            Capabilities.of(v).valueFormat shouldBe ValueFormat.LEGACY_4
            Capabilities.of(v, utcPatch = true).valueFormat shouldBe ValueFormat(elementIds = false, utcDateTime = true, vectors = false)
        }
        Capabilities.of(BoltVersion(5, 0)).requestsUtcPatch shouldBe false
    }

    test("UUIDs from Bolt 6.1 on: the only difference between 6.1 and 6.0") {
        Capabilities.of(BoltVersion.V6_1).valueFormat.uuids shouldBe true
        Capabilities.of(BoltVersion.V6_0).valueFormat.uuids shouldBe false
        Capabilities.of(BoltVersion.V5_8).valueFormat.uuids shouldBe false
        Capabilities.of(BoltVersion.V6_1).copy(version = BoltVersion.V6_0, valueFormat = ValueFormat.BOLT_6) shouldBe
            Capabilities.of(BoltVersion.V6_0)
    }

    test("unsupported versions are rejected") {
        shouldThrow<IllegalArgumentException> { Capabilities.of(BoltVersion(4, 0)) }
        shouldThrow<IllegalArgumentException> { Capabilities.of(BoltVersion(3, 1)) }
        shouldThrow<IllegalArgumentException> { Capabilities.of(BoltVersion(2, 0)) }
        shouldThrow<IllegalArgumentException> { Capabilities.of(BoltVersion(7, 0)) }
    }
})
