package org.boltkt.client.testkit

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.client.error.TransientException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (routing no_routing `test_should_error_on_rollback_failure_using_tx_close` / `…session_close`):
 * closing a transaction (or the session holding it) reports the server's refusal of the ROLLBACK; a lost
 * connection is not reported; `use` keeps the block's own failure first.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RollbackFailureOnCloseTest {
    private fun ScriptBuilder.txThenRollback(rollback: ScriptBuilder.() -> Unit) {
        hello(); logon()
        expect(RequestKind.BEGIN); reply(success())
        expect(RequestKind.RUN); expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), record(1), success("has_more" to false))
        expect(RequestKind.ROLLBACK)
        rollback()
    }

    private val refused: ScriptBuilder.() -> Unit = {
        reply(failure("Neo.TransientError.General.DatabaseUnavailable", "Unable to rollback"))
    }

    @Test
    fun `tx close reports a refused ROLLBACK, and the transaction is closed anyway`() =
        withDriver(ScriptedBoltServer { txThenRollback(refused) }, TransportKind.NIO) { driver, _ ->
            val session = driver.session()
            val tx = session.beginTransaction()
            tx.run("RETURN 1 AS n").consume()
            val e = shouldThrow<TransientException> { tx.close() }
            e.message shouldBe "Unable to rollback"
            e.code shouldBe "Neo.TransientError.General.DatabaseUnavailable"
            tx.close() // idempotent: closed now
            session.close()
            driver.assertPool(inUse = 0)
        }

    @Test
    fun `session close reports a refused ROLLBACK of its open transaction`() =
        withDriver(ScriptedBoltServer { txThenRollback(refused) }, TransportKind.NIO) { driver, _ ->
            val session = driver.session()
            session.beginTransaction().run("RETURN 1 AS n").consume()
            shouldThrow<TransientException> { session.close() }.message shouldBe "Unable to rollback"
            session.close() // idempotent
            driver.assertPool(inUse = 0)
        }

    @Test
    fun `use keeps the block's failure and adds the refused ROLLBACK as suppressed`() =
        withDriver(ScriptedBoltServer { txThenRollback(refused) }, TransportKind.NIO) { driver, _ ->
            val e = shouldThrow<IllegalArgumentException> {
                driver.session().use { s ->
                    s.beginTransaction().run("RETURN 1 AS n").consume()
                    throw IllegalArgumentException("the caller's own failure")
                }
            }
            e.suppressed.single().shouldBeInstanceOf<TransientException>().message shouldBe "Unable to rollback"
        }

    @Test
    fun `a connection lost during ROLLBACK is not reported by close`() =
        withDriver(ScriptedBoltServer { txThenRollback { closeConnection() } }, TransportKind.NIO) { driver, _ ->
            val session = driver.session()
            val tx = session.beginTransaction()
            tx.run("RETURN 1 AS n").consume()
            tx.close()
            session.close()
            driver.assertPool(inUse = 0, idle = 0)
        }
}
