package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.TransactionConfig
import org.boltkt.client.error.ClientException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.util.UUID
import java.util.concurrent.TimeUnit

/**
 * Transaction metadata holding a value the protocol cannot carry (issue 17, leak): an auto-commit `run` used to
 * throw inside `SessionImpl.run` after taking a connection and before the cursor started, so the connection and
 * its pool permit were lost for good (in use stayed 1; with a pool of 1 the next query waited for the acquisition
 * timeout); `beginTransaction` reported it as a driver defect and closed the connection. Now it is a non-retryable
 * [ClientException] before any connection is taken.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetadataEncodingLeakTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["run", "beginTransaction", "executeWrite"])
    fun `unsupported metadata is a ClientException and leaves no connection in use`(api: String) = withDriver(
        ScriptedBoltServer { serveDefaults() },
        TransportKind.NIO,
        configure = { maxConnectionPoolSize = 1 },
    ) { driver, _ ->
        // No Bolt version carries an arbitrary object: refused while the metadata is converted, before any
        // connection is taken. A UUID is carried from Bolt 6.1 only: on this 5.x server it is refused when the
        // request is encoded, after the connection was taken, and must not keep it either.
        for ((value, named) in listOf(Opaque() to "metadata", UUID.randomUUID() to "UUID values need Bolt 6.1")) {
            val config = TransactionConfig(metadata = mapOf("id" to value))
            val error = shouldThrow<ClientException> {
                driver.session().use { s ->
                    when (api) {
                        "run" -> s.run("RETURN 1 AS n", emptyMap(), config)
                        "beginTransaction" -> s.beginTransaction(config)
                        else -> s.executeWrite(config) { tx -> tx.run("RETURN 1 AS n").list() }
                    }
                }
            }
            error.message shouldContain named
            error.isRetryable shouldBe false
            driver.assertPool(inUse = 0)
        }
        driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L // the one permit is free
    }
}

/** A value no Bolt version can carry. */
private class Opaque
