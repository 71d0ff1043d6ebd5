package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import org.boltkt.client.TransactionConfig
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.UUID
import java.util.concurrent.TimeUnit

/**
 * Fail-before evidence for issue 17's metadata leak (docs/RELIABILITY.md): MetadataEncodingLeakTest's `run` case
 * without its exception type, so that on the code before the fix (613edf3) the test reaches the pool check. An
 * auto-commit `run` whose metadata the 5.x connection cannot encode (a UUID) fails — any exception — and must leave
 * no connection in use; with a pool of one, the next query must get the permit. Not part of the suite.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetadataEncodingLeakOldApiTest {
    @Test
    fun `a run whose metadata cannot be encoded leaves no connection in use`() = withDriver(
        ScriptedBoltServer { serveDefaults() },
        TransportKind.NIO,
        configure = { maxConnectionPoolSize = 1 },
    ) { driver, _ ->
        shouldThrow<Exception> {
            driver.session().use { s -> s.run("RETURN 1 AS n", emptyMap(), TransactionConfig(metadata = mapOf("id" to UUID.randomUUID()))) }
        }
        driver.assertPool(inUse = 0)
        driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L // the one permit is free
    }
}
