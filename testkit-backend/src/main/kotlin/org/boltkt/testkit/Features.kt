package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject

/**
 * What this backend tells testkit: the features the driver really has (GetFeatures) and which tests to skip, each
 * with a reason naming the missing behaviour (StartTest). A test is never skipped because it fails: a failing test
 * stays visible until the driver is fixed.
 */
object Features {
    val FEATURES: Set<String> = linkedSetOf(
        // API
        "Feature:API:BookmarkManager",
        "Feature:API:ConnectionAcquisitionTimeout",
        "Feature:API:Driver.ExecuteQuery",
        "Feature:API:Driver.ExecuteQuery:WithAuth",
        "Feature:API:Driver:GetServerInfo",
        "Feature:API:Driver:NotificationsConfig",
        "Feature:API:Driver.SupportsSessionAuth",
        "Feature:API:Driver.VerifyAuthentication",
        "Feature:API:Driver.VerifyConnectivity",
        "Feature:API:Driver.IsEncrypted",
        "Feature:API:Liveness.Check",
        "Feature:API:Result.List",
        "Feature:API:Result.Peek",
        "Feature:API:Result.Single",
        "Feature:API:RetryableExceptions",
        "Feature:API:Session:AuthConfig",
        "Feature:API:Session:NotificationsConfig",
        "Feature:API:SSLClientCertificate", // ClientCertificates: PKCS#1 keys converted (LegacyPemKeys)
        "Feature:API:SSLConfig", // encrypted + trustedCertificates (TESTKIT_CUSTOM_CA_DIR, see TestCertificates)
        "Feature:API:SSLSchemes",
        "Feature:API:Summary:GqlStatusObjects",
        "Feature:API:Type.Spatial",
        "Feature:API:Type.Temporal",
        "Feature:Auth:Bearer",
        "Feature:Auth:Custom",
        "Feature:Auth:Kerberos",
        "Feature:Auth:Managed",
        "Feature:Impersonation",
        // Bolt versions the driver negotiates (5.5 was withdrawn by its spec; testkit has no 5.8+ flag)
        // 4.1/4.2 through the exact 4.1 slot of HandshakeMode.LEGACY, which NewDriver sets (see there).
        "Feature:Bolt:3.0",
        "Feature:Bolt:4.1",
        "Feature:Bolt:4.2",
        "Feature:Bolt:4.3",
        "Feature:Bolt:4.4",
        "Feature:Bolt:5.0",
        "Feature:Bolt:5.1",
        "Feature:Bolt:5.2",
        "Feature:Bolt:5.3",
        "Feature:Bolt:5.4",
        "Feature:Bolt:5.6",
        "Feature:Bolt:5.7",
        "Feature:Bolt:Patch:UTC",
        // TLS versions the client offers (TlsSettings: 1.3 and 1.2, not 1.1)
        "Feature:TLS:1.2",
        "Feature:TLS:1.3",
        // encrypted = false and no trust setting are the same as leaving them out (DriverConfig defaults)
        "Detail:DefaultSecurityConfigValueEquality",
        // Optimizations the driver performs. Not "Optimization:ImplicitDefaultArguments": testkit pairs it with
        // AuthPipelining on Bolt 5.1+ (its "minimal" scripts) and expects a custom auth token's empty credentials
        // and parameters left out of HELLO. Not "Optimization:AuthPipelining": the client sends HELLO+LOGON in one
        // write, but waits for the answers to a re-authentication (LOGOFF+LOGON) before the next request, while
        // testkit's pipelined scripts answer them only after that request arrives (the suite would hang).
        "AuthorizationExpiredTreatment", // testkit names this optimization without the prefix
        "Optimization:ConnectionReuse",
        "Optimization:EagerTransactionBegin",
        "Optimization:MinimalResets",
        "Optimization:PullPipelining",
        "Optimization:ResultListFetchAll", // Result.list() asks for the rest with PULL n=-1
        // Configuration hints
        "ConfHint:connection.recv_timeout_seconds",
        // Backend requests for routing tables (neo4j:// drivers)
        "Backend:MockTime", // FakeTime: the drivers' Ticker and the bearer managers' Clock
        "Backend:RTFetch",
        "Backend:RTForceUpdate",
    )

    /** The reason to skip a test (ids are testkit's, without the `tests.` prefix), or null to run it. */
    fun skipReason(testName: String): String? = SkipList.reason(testName)

    /**
     * Tests not skipped as a whole are run with RunSubTests, so testkit asks again per subtest: subtests that
     * exercise `neo4j://` routing (argument `routing=True`) are skipped with the routing reason, the others run.
     */
    fun startTest(b: Backend, testName: String) {
        b.testName = testName
        val reason = skipReason(testName)
        if (reason != null) b.send("SkipTest", obj("reason" to reason)) else b.send("RunSubTests")
    }

    fun startSubTest(b: Backend, testName: String, arguments: JsonObject?) {
        val reason = skipReason(testName) ?: SkipList.subTestReason(testName, arguments)
        if (reason != null) b.send("SkipTest", obj("reason" to reason)) else b.send("RunTest")
    }
}
