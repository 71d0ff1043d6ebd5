package org.boltkt.testkit

import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.JsonObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SkipListTest {
    @Test
    fun `keys ending in a dot or underscore are prefixes, other keys match one test exactly`() {
        val prefix = "stub.versions.test_versions.TestProtocolVersions.test_should_reject_server_using_verify_connectivity_"
        assertEquals(SkipList.SERVER_AGENT, SkipList.reason(prefix + "bolt_5x0"))
        val exact = "stub.versions.test_versions.TestProtocolVersions.test_server_agent"
        assertEquals(SkipList.SERVER_AGENT, SkipList.reason(exact))
        assertNull(SkipList.reason(exact + "_not_listed"), "an exact key must not skip tests that merely share its prefix")
        assertNull(SkipList.reason("stub.basic_query.test_basic_query.TestBasicQuery.test_5x0_populates_node_element_id_with_string"))
    }

    @Test
    fun `tests that only asserted Java exception class names run now that errorType uses Java's names`() {
        for (id in listOf(
            "stub.iteration.test_result_scope.TestResultScope.test_result_is_invalid_after_consume_tx_run",
            "stub.iteration.test_result_single.TestResultSingle.test_result_single_with_0_records",
            "stub.tx_run.test_tx_run.TestTxRun.test_should_prevent_commit_after_tx_termination",
            "stub.tx_lifetime.test_tx_lifetime.TestTxLifetime.test_unmanaged_tx_raises_tx_closed_exec",
            "stub.configuration_hints.test_connection_recv_timeout_seconds.TestDirectConnectionRecvTimeout.test_timeout",
            // several open results per transaction/session (official semantics) since the nested-results change
            "stub.iteration.test_iteration_tx_run.TestIterationTxRun.test_nested",
            "stub.iteration.test_iteration_session_run.TestIterationSessionRun.test_nested",
            "stub.tx_run.test_tx_run.TestTxRun.test_should_prevent_pull_after_tx_termination_on_run",
        )) assertNull(SkipList.reason(id), id)
    }

    @Test
    fun `routing tests that dial this machine's own address are skipped in every routing class`() {
        for (cls in listOf("test_routing_v5x0.RoutingV5x0", "test_routing_v4x4.RoutingV4x4", "test_routing_v3.RoutingV3")) {
            assertEquals(SkipList.OWN_ADDRESS, SkipList.reason("stub.routing.$cls.test_should_send_empty_hello"))
            assertEquals(SkipList.OWN_ADDRESS, SkipList.reason("stub.routing.$cls.test_should_successfully_read_from_readable_router_using_tx_function"))
        }
    }

    @Test
    fun `every reason names missing behaviour and no reason is blank`() {
        for ((key, reason) in SkipList.TESTS) {
            assertTrue(listOf("stub.", "neo4j.", "tls.").any(key::startsWith), key)
            assertTrue(reason.length > 30, "reason too short for $key: $reason")
        }
    }

    @Test
    fun `routing subtests run now that the backend drives neo4j routing`() {
        val name = "stub.session_run_parameters.test_session_run_parameters.TestSessionRunParameters.test_database"
        assertNull(SkipList.subTestReason(name, JsonObject(mapOf("routing" to JsonPrimitive(true)))))
        assertNull(SkipList.reason("stub.routing.test_routing_v5x0.RoutingV5x0.test_x"))
        // They need the domain-name resolver callback, which the backend now implements.
        for (method in listOf(
            "test_should_request_rt_from_all_initial_routers_until_successful_on_unknown_failure",
            "test_should_request_rt_from_all_initial_routers_until_successful_on_authorization_expired",
        )) assertNull(SkipList.reason("stub.routing.test_routing_v4x3.RoutingV4x3.$method"))
        assertNull(SkipList.subTestReason(name, JsonObject(mapOf("routing" to JsonPrimitive(false)))))
        assertNull(SkipList.subTestReason(name, null))
    }
}
