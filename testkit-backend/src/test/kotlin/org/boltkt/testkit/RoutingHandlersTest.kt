package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonPrimitive
import org.boltkt.client.transport.ServerAddress
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class RoutingHandlersTest {
    @Test
    fun `a routing table goes out in testkit's RoutingTable shape with host-port strings`() {
        val json = RoutingHandlers.tableJsonOf(
            database = "neo4j",
            ttlSeconds = 1000,
            routers = listOf(ServerAddress("r1", 9000)),
            readers = listOf(ServerAddress("a", 9010), ServerAddress("::1", 9011)),
            writers = emptyList(),
        )
        assertEquals(JsonPrimitive("neo4j"), json["database"])
        assertEquals(JsonPrimitive(1000L), json["ttl"])
        assertEquals(JsonArray(listOf(JsonPrimitive("r1:9000"))), json["routers"])
        assertEquals(JsonArray(listOf(JsonPrimitive("a:9010"), JsonPrimitive("[::1]:9011"))), json["readers"])
        assertEquals(JsonArray(emptyList()), json["writers"])
    }

    @Test
    fun `the routing backend requests are advertised`() {
        assertTrue("Backend:RTFetch" in Features.FEATURES)
        assertTrue("Backend:RTForceUpdate" in Features.FEATURES)
    }
}
