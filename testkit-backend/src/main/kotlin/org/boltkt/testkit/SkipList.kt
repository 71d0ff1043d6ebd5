package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull

/**
 * Every test this backend asks testkit to skip, with the behaviour that is missing. Kept in one place so
 * docs/TESTKIT.md can list it; a reason must name what boltkt does not do, never "fails".
 */
object SkipList {
    const val UNKNOWN_QUERY_TYPE = "boltkt reports an unknown query type in the summary as null instead of failing " +
        "(tolerates non-Neo4j servers)"
    const val ABSENT_NOTIFICATIONS = "before Bolt 5.6 boltkt's summary does not distinguish an empty notification " +
        "list from an absent one (both are an empty list)"

    const val SERVER_AGENT = "boltkt accepts any server agent (it also speaks to Memgraph), so it does not reject " +
        "servers whose agent is not Neo4j/x.y"

    const val TERMINATED_CODE = "boltkt keeps the server's code Neo.TransientError.Transaction.Terminated / " +
        "LockClientStopped (as a non-retryable ClientException) instead of rewriting it to Neo.ClientError.*"

    const val MAX_BOLT_TABLE = "testkit 5.0's table of the newest Bolt version per Neo4j version ends at 5.23+ -> 5.6 " +
        "(tests/neo4j/shared.py max_protocol_version); Neo4j 5.26 agrees to Bolt 5.8 (5.7/5.8 came with 5.26; the " +
        "official Java driver negotiates 5.8 with it too) and 2026.x to Bolt 6.x, so the test's expected 5.6 is too low"

    const val OWN_ADDRESS = "dials this machine's own non-loopback address (testkit's get_ip_addresses()); runs " +
        "here keep network traffic on loopback (run_testkit.py --isolated-network runs them in a namespace of their own)"

    /** Set by the runner inside a network namespace of its own, where the machine's own address is the namespace's. */
    private val isolatedNetwork: Boolean = System.getenv("BOLTKT_TESTKIT_ISOLATED_NETWORK") == "1"

    /**
     * Test methods skipped in every class that has them (testkit repeats the routing tests per Bolt version in
     * subclasses in other modules): keyed by the method name, the last segment of the test id.
     */
    val METHODS: Map<String, String> = linkedMapOf(
        "test_should_successfully_read_from_readable_router_using_tx_function" to OWN_ADDRESS,
        "test_should_send_empty_hello" to OWN_ADDRESS,
    )

    val TESTS: Map<String, String> = linkedMapOf(
        "stub.versions.test_versions.TestProtocolVersions.test_server_agent" to SERVER_AGENT,
        "stub.versions.test_versions.TestProtocolVersions.test_should_reject_server_using_verify_connectivity_" to SERVER_AGENT,
        "stub.summary.test_summary.TestSummaryBasicInfo.test_invalid_query_type" to UNKNOWN_QUERY_TYPE,
        "stub.summary.test_summary.TestSummaryNotifications4x4.test_empty_notifications" to ABSENT_NOTIFICATIONS,
        "neo4j.test_summary.TestSummary.test_protocol_version_information" to MAX_BOLT_TABLE,
    )

    /**
     * The reason to skip [testName]: keys ending in `.` or `_` match as prefixes (a class, a family of tests), any
     * other key only the test with exactly that id.
     */
    fun reason(testName: String): String? = TESTS.entries.firstOrNull { (key, _) ->
        testName == key || ((key.endsWith(".") || key.endsWith("_")) && testName.startsWith(key))
    }?.value ?: METHODS[testName.substringAfterLast('.')]?.takeUnless { it == OWN_ADDRESS && isolatedNetwork }

    /** Subtests that run the same steps through `neo4j://` (`routing=True`) need the routing driver. */
    fun subTestReason(testName: String, arguments: JsonObject?): String? {
        val failure = arguments?.get("failure")?.toString().orEmpty()
        if (testName.endsWith(".test_should_not_retry_non_retryable_tx_failures") &&
            ("Neo.TransientError.Transaction.Terminated" in failure || "Neo.TransientError.Transaction.LockClientStopped" in failure)
        ) {
            return TERMINATED_CODE
        }
        if (testName == ZoneOffsetExpectation.TEST) return ZoneOffsetExpectation.reason(arguments)
        return null
    }
}
