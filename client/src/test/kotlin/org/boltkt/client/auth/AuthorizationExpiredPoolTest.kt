package org.boltkt.client.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import org.boltkt.client.error.AuthorizationExpiredException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.eventually
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.Responder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (`authorization` TestNoRoutingAuthorization / AuthorizationExpiredTreatment on 4.4, and
 * `test_renewing_on_expiration_error` on 5.1+): after a connection is told its authorization expired, every
 * connection the pool had open then is stale. Before Bolt 5.1 the idle ones close at once, one busy in a transaction
 * finishes it and closes on release, and the next work gets a new connection. From 5.1 they stay open and log on
 * again (LOGOFF/LOGON) before their next use. The failed connection is closed in both cases.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthorizationExpiredPoolTest {
    /** Every connection: HELLO, then RUN "FAIL" fails its PULL with AuthorizationExpired; anything else returns 1. */
    private fun server(version: BoltVersion) = ScriptedBoltServer {
        handshake(version)
        hello()
        if (version.atLeast(5, 1)) logon()
        serve(
            Responder { request, context ->
                when (request.kind) {
                    RequestKind.RUN -> {
                        context.attributes["fail"] = request.query == "FAIL"
                        listOf(success("fields" to listOf("n"), "t_first" to 0))
                    }
                    RequestKind.PULL ->
                        if (context.attributes["fail"] == true) {
                            listOf(failure("Neo.ClientError.Security.AuthorizationExpired", "Authorization expired"))
                        } else {
                            listOf(record(1), success("has_more" to false, "bookmark" to "bm"))
                        }
                    RequestKind.BEGIN, RequestKind.COMMIT, RequestKind.RESET, RequestKind.ROLLBACK,
                    RequestKind.LOGOFF, RequestKind.LOGON -> listOf(success())
                    RequestKind.DISCARD -> listOf(success("has_more" to false))
                    else -> listOf(Response.Ignored)
                }
            },
        )
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `before Bolt 5_1 an expired authorization retires every connection open at that moment, busy ones after their work`(transport: TransportKind) =
        withDriver(server(BoltVersion.V4_4), transport) { driver, server ->
            val (busy, tx) = oneBusyTwoIdle(driver, server)

            driver.session().use { s -> shouldThrow<AuthorizationExpiredException> { s.run("FAIL").consume() } }
            // the failed connection and both idle ones are closed; the busy one is still in use
            driver.assertPool(inUse = 1, idle = 0)
            eventually(what = { server.connections.toString() }) { server.connections.count { !it.isOpen } == 2 }

            tx.run("ONE").single().getLong("n") shouldBe 1L // the started job finishes on its connection
            tx.commit(); busy.close()
            driver.assertPool(inUse = 0, idle = 0) // closed on release, not pooled
            eventually(what = { server.connections.toString() }) { server.connections.count { !it.isOpen } == 3 }

            driver.session().use { s -> s.run("ONE").single().getLong("n") } shouldBe 1L
            server.connectionsAccepted shouldBe 4 // new work, new connection
            driver.assertPool(inUse = 0, idle = 1)
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `from Bolt 5_1 the other connections log on again before their next use instead of closing`(transport: TransportKind) =
        withDriver(server(BoltVersion(5, 4)), transport) { driver, server ->
            val (busy, tx) = oneBusyTwoIdle(driver, server)

            driver.session().use { s -> shouldThrow<AuthorizationExpiredException> { s.run("FAIL").consume() } }
            driver.assertPool(inUse = 1, idle = 1) // only the failed connection is closed
            eventually(what = { server.connections.toString() }) { server.connections.count { !it.isOpen } == 1 }

            tx.run("ONE").single().getLong("n") shouldBe 1L // no re-logon in the middle of a transaction
            tx.commit(); busy.close()
            driver.assertPool(inUse = 0, idle = 2)
            server.connections[0].requests.map { it.kind }.contains(RequestKind.LOGOFF) shouldBe false

            // both remaining connections log on again (LOGOFF then LOGON) before their next query
            driver.session().use { s -> s.beginTransaction().also { t -> t.run("ONE").consume(); t.commit() } }
            val next = server.connections.first { it.isOpen && RequestKind.LOGOFF in it.requests.map { r -> r.kind } }
            val kinds = next.requests.map { it.kind }
            kinds.lastIndexOf(RequestKind.LOGON) shouldBe kinds.lastIndexOf(RequestKind.LOGOFF) + 1
            (kinds.lastIndexOf(RequestKind.LOGON) < kinds.lastIndexOf(RequestKind.BEGIN)) shouldBe true
            server.connectionsAccepted shouldBe 3 // nothing new was opened
        }

    /** Connection 0 busy in an open transaction, connections 1 and 2 idle. */
    private suspend fun oneBusyTwoIdle(driver: org.boltkt.client.Driver, server: ScriptedBoltServer): Pair<org.boltkt.client.Session, org.boltkt.client.Transaction> {
        val busy = driver.session()
        val tx = busy.beginTransaction()
        tx.run("ONE").single().getLong("n") shouldBe 1L
        val s1 = driver.session(); val s2 = driver.session()
        val t1 = s1.beginTransaction(); val t2 = s2.beginTransaction()
        t1.commit(); t2.commit(); s1.close(); s2.close()
        driver.assertPool(inUse = 1, idle = 2)
        server.connectionsAccepted shouldBe 3
        return busy to tx
    }
}
