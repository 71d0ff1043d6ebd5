package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.BoltException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.Value
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * Fail-before evidence (docs/RELIABILITY.md): DriverDefectNotRetriedTest as of 530377f with the first test's new
 * type (DriverDefectException) replaced by what the old API has: any BoltException, not retryable, work run once.
 *
 * A failure of the driver's own code is a defect, not a lost server: it must not be retried (a retry could run a
 * write twice) and must not pass for a connectivity error. A client-side encoding mistake is not retried either.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DriverDefectNotRetriedOldApiTest {

    @Test
    fun `an unexpected exception inside the driver during a managed write runs the work once and says it is a driver defect`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection { greet(); expect(RequestKind.BEGIN); reply(success()) }
            // No second connection is scripted: a retry would show up as a connection the script does not expect.
        },
        TransportKind.NIO, { maxTransactionRetryTime = 3.seconds },
    ) { driver, server ->
        // A null smuggled into a ListValue (possible from Java, which does not see Kotlin's non-null types) makes the
        // driver's own encoder fail with a NullPointerException: an exception no layer of the driver expects.
        @Suppress("UNCHECKED_CAST")
        val poisoned = ListValue(listOf<Value?>(IntegerValue(1), null) as List<Value>)
        val runs = AtomicInteger()
        val error = driver.session().use { s ->
            shouldThrow<BoltException> {
                s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n {xs: \$xs})", mapOf("xs" to poisoned)).consume() }
            }
        }
        runs.get() shouldBe 1
        error.isRetryable shouldBe false
        error.cause.shouldNotBeNull().shouldBeInstanceOf<NullPointerException>()
        // The connection that saw the defect is closed, not pooled.
        driver.assertPool(inUse = 0, idle = 0)
        server.connectionsAccepted shouldBe 1
    }

    @Test
    fun `a graph value from a result passed as a parameter is a client error, not retried, and the connection stays usable`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet()
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RESET); reply(success())
            }
        },
        TransportKind.NIO, { maxTransactionRetryTime = 3.seconds },
    ) { driver, server ->
        val node = NodeValue(1, "4:x:1", listOf("Person"), emptyMap())
        val runs = AtomicInteger()
        val error = driver.session().use { s ->
            shouldThrow<ClientException> {
                s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n {p: \$p})", mapOf("p" to node)).consume() }
            }
        }
        runs.get() shouldBe 1
        error.isRetryable shouldBe false
        error.message shouldContain "cannot be sent as a parameter"
        error.cause.shouldNotBeNull().shouldBeInstanceOf<IllegalArgumentException>()
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @Test
    fun `a vector on a Bolt 5 connection is a client error, not retried, and the connection stays usable`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet() // Bolt 5.x: no vectors
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RESET); reply(success())
            }
        },
        TransportKind.NIO, { maxTransactionRetryTime = 3.seconds },
    ) { driver, server ->
        val vector = org.boltkt.protocol.value.VectorValue.ofDoubles(doubleArrayOf(1.0, 2.0))
        val runs = AtomicInteger()
        val error = driver.session().use { s ->
            shouldThrow<ClientException> {
                s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n {v: \$v})", mapOf("v" to vector)).consume() }
            }
        }
        runs.get() shouldBe 1
        error.isRetryable shouldBe false
        error.message shouldContain "vectors need Bolt 6.0"
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }
}
