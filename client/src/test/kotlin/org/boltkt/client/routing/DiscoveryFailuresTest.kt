package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.failure
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (routing `…fails_with_procedure_not_found_code` / `…unknown_code` / `…invalid_bookmark…`): which
 * ROUTE failures move on to the next router and which end discovery at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoveryFailuresTest {
    private fun failRouteOn(c: ScriptedCluster, member: Int, code: String) =
        c.intercept(member) { request, _ -> if (request.kind == RequestKind.ROUTE) listOf(failure(code, "router says no")) else null }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = [
            "Neo.ClientError.Procedure.ProcedureNotFound",
            "Neo.DatabaseError.General.UnknownError",
            "Neo.ClientError.General.Unknown",
            "Neo.TransientError.General.DatabaseUnavailable",
        ],
    )
    fun `a router failing with a non-fatal code is skipped and the next one answers`(code: String) {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(1), readers = listOf(1), writers = listOf(1))
            failRouteOn(c, 0, code)
            withDriver(c, uri = c.uri(0, 1)) { driver -> driver.read("R", "neo4j") shouldBe 1L }
            c.routeRequests.map { it.first } shouldContainExactly listOf(0, 1) // member 0 failed, member 1 answered
            c.runsOn(1) shouldContainExactly listOf("R")
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["Neo.ClientError.Procedure.ProcedureNotFound", "Neo.ClientError.General.Unknown"])
    fun `when every router fails that way the error is RoutingUnavailable, not the router's ClientException`(code: String) {
        ScriptedCluster(1).use { c ->
            failRouteOn(c, 0, code)
            withDriver(c) { driver ->
                val e = shouldThrow<RoutingUnavailableException> { driver.read("R", "neo4j") }
                e.cause.shouldBeInstanceOf<ClientException>().code shouldBe code
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = [
            "Neo.ClientError.Transaction.InvalidBookmark",
            "Neo.ClientError.Transaction.InvalidBookmarkMixture",
            "Neo.ClientError.Statement.ArgumentError",
            "Neo.ClientError.Request.Invalid",
            "Neo.ClientError.Statement.TypeError",
            "Neo.ClientError.Security.MadeUp",
        ],
    )
    fun `a fatal discovery failure ends discovery at once with the router's error`(code: String) {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(1), readers = listOf(1), writers = listOf(1))
            failRouteOn(c, 0, code)
            withDriver(c, uri = c.uri(0, 1)) { driver ->
                val e = shouldThrow<ClientException> { driver.read("R", "neo4j") }
                e.code shouldBe code
            }
            c.routeRequests.map { it.first } shouldContainExactly listOf(0) // member 1 was never asked
        }
    }
}
