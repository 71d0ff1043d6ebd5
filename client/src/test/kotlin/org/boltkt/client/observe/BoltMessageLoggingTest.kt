package org.boltkt.client.observe

import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.connection.BoltMessageLog
import org.boltkt.client.error.BoltException
import org.boltkt.client.it.withDriver
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.value.StringValue
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.slf4j.event.Level
import java.util.concurrent.TimeUnit

/** The opt-in TRACE log of Bolt messages: every message, never a credential. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BoltMessageLoggingTest {
    private val version = Neo4jVersion.LTS_5_26

    @Test
    fun `HELLO and LOGON show only scheme, principal and realm`() {
        val basic = BoltMessageLog.describe(Logon(AuthToken.basic("alice", "s3cret-pw", realm = "native")))
        basic shouldBe "LOGON {scheme: \"basic\", principal: \"alice\", credentials: ******, realm: \"native\"}"
        val custom = AuthToken.custom(
            "acme-sso", "bob", "custom-cred-123",
            parameters = mapOf("otp" to StringValue("otp-987654"), "tenant" to StringValue("tenant-secret")),
        )
        val logon = BoltMessageLog.describe(Logon(custom))
        listOf("custom-cred-123", "otp-987654", "tenant-secret", "otp", "tenant").forEach { logon shouldNotContain it }
        logon shouldContain "parameters: ******"
        val hello = BoltMessageLog.describe(Hello("agent/1", auth = AuthToken.bearer("eyJ-token-value")))
        hello shouldNotContain "eyJ-token-value"
        hello shouldContain "auth: {scheme: \"bearer\", credentials: ******}"
    }

    @Test
    fun `with the flag and TRACE every message sent and received is logged, the password never`() {
        val logger = RecordingLogger(traceEnabled = true)
        withDriver(version, { boltMessageLogging = true; this.logger = logger }) { driver, server ->
            driver.session().use { it.run("RETURN \$x AS n", mapOf("x" to 42)).consume() }
            val trace = logger.at(Level.TRACE).map { it.message }
            trace.filter { "C: HELLO" in it }.shouldNotBeEmpty()
            trace.single { "C: LOGON" in it } shouldContain "principal: \"${server.user}\""
            trace.single { "C: RUN" in it } shouldContain "RETURN \$x AS n"
            trace.filter { "S: SUCCESS" in it }.shouldNotBeEmpty()
            trace.filter { "S: RECORD" in it }.shouldNotBeEmpty()
            logger.lines.forEach { it.message shouldNotContain server.password }
        }
    }

    @Test
    fun `a custom scheme's parameters never reach the log, even when the server refuses them`() {
        val server = neo4jServerOrSkip(version)
        val logger = RecordingLogger(traceEnabled = true)
        val token = AuthToken.custom("acme-sso", "bob", "custom-cred-123", parameters = mapOf("otp" to StringValue("otp-987654")))
        runBlocking {
            val driver = BoltDriver(server.boltUri.toString(), token) { boltMessageLogging = true; this.logger = logger }
            try {
                assertThrows<BoltException> { runBlocking { driver.verifyConnectivity() } }
            } finally {
                driver.close()
            }
        }
        logger.at(Level.TRACE).single { "C: LOGON" in it.message }.message shouldContain "parameters: ******"
        logger.lines.forEach { line ->
            line.message shouldNotContain "custom-cred-123"
            line.message shouldNotContain "otp-987654"
        }
    }

    @Test
    fun `without the flag nothing is logged at TRACE, even with TRACE on`() {
        val logger = RecordingLogger(traceEnabled = true)
        withDriver(version, { this.logger = logger }) { driver, _ ->
            driver.session().use { it.run("RETURN 1").consume() }
        }
        logger.at(Level.TRACE).filter { " C: " in it.message || " S: " in it.message } shouldBe emptyList()
    }
}
