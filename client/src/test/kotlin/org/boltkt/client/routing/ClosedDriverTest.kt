package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (routing `test_should_fail_when_driver_closed_using_session_run`): using a closed driver, or a
 * session opened before it was closed, is an [IllegalStateException] saying so, for `bolt://` and `neo4j://` alike.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClosedDriverTest {
    @ParameterizedTest(name = "{0} db={1}")
    @CsvSource("bolt, neo4j", "neo4j, neo4j", "bolt, ", "neo4j, ")
    fun `a closed driver and its open sessions fail with IllegalStateException`(scheme: String, db: String?) {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0))
            val driver = BoltDriver("$scheme://${c.address(0)}", AuthToken.basic("neo4j", "pw"))
            runBlocking {
                // db null: the session resolves the home database with a ROUTE first (testkit's Bolt 3 variant)
                driver.session { database = db; defaultAccessMode = AccessMode.READ }.use { it.run("RETURN 1 AS n").consume() }
                val early = driver.session { database = db; defaultAccessMode = AccessMode.READ }
                driver.close()
                shouldThrow<IllegalStateException> { early.run("RETURN 1 AS n") }.message shouldContain "the driver is closed"
                shouldThrow<IllegalStateException> { driver.session() }.message shouldContain "the driver is closed"
                early.close()
            }
        }
    }
}
