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
 * Found by testkit (`authorization` TestNoRoutingAuthorization, AuthorizationExpiredTreatment): after a connection
 * is told its authorization expired, every connection the pool had open then is stale. The idle ones close at once,
 * one busy in a transaction finishes its transaction and closes on release, and the next work gets a new connection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthorizationExpiredPoolTest {
    /** Every connection: HELLO, then RUN "FAIL" fails its PULL with AuthorizationExpired; anything else returns 1. */
    private fun server() = ScriptedBoltServer {
        hello()
        logon()
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
                    RequestKind.BEGIN, RequestKind.COMMIT, RequestKind.RESET, RequestKind.ROLLBACK -> listOf(success())
                    RequestKind.DISCARD -> listOf(success("has_more" to false))
                    else -> listOf(Response.Ignored)
                }
            },
        )
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `an expired authorization retires every connection open at that moment, busy ones after their work`(transport: TransportKind) =
        withDriver(server(), transport) { driver, server ->
            val busy = driver.session()
            val tx = busy.beginTransaction()
            tx.run("ONE").single().getLong("n") shouldBe 1L // connection 0, kept busy by the open transaction
            // two idle connections (1 and 2)
            val s1 = driver.session(); val s2 = driver.session()
            val t1 = s1.beginTransaction(); val t2 = s2.beginTransaction()
            t1.commit(); t2.commit(); s1.close(); s2.close()
            driver.assertPool(inUse = 1, idle = 2)
            server.connectionsAccepted shouldBe 3

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
}
