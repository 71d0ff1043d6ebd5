package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.NotificationDisabledClassification
import org.boltkt.client.NotificationFilterConfig
import org.boltkt.client.NotificationMinimumSeverity
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/notifications_config): the driver-wide notification filter is sent once per connection in
 * HELLO; RUN and BEGIN carry a filter only when the session sets its own.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotificationFilterPlacementTest {
    @Test
    fun `driver filter goes in HELLO only, a session filter in RUN`() {
        val hello = mutableMapOf<String, Any?>()
        val runs = mutableListOf<Map<String, Any?>>()
        ScriptedBoltServer {
            handshake(BoltVersion(5, 2))
            expect(RequestKind.HELLO) { hello.putAll(it.extraNative) }
            reply(success("server" to "Neo4j/5.7.0", "connection_id" to "bolt-1"))
            expect(RequestKind.LOGON); reply(success())
            repeat(2) {
                expect(RequestKind.RUN) { runs += it.extraNative }
                expect(RequestKind.PULL)
                reply(success("fields" to emptyList<String>()), success("type" to "w"))
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) {
                notificationFilter = NotificationFilterConfig.DISABLE_ALL
            }
            try {
                runBlocking {
                    driver.session().use { it.run("CREATE ()").consume() }
                    driver.session {
                        notificationFilter = NotificationFilterConfig(
                            NotificationMinimumSeverity.WARNING,
                            setOf(NotificationDisabledClassification.HINT, NotificationDisabledClassification.GENERIC),
                        )
                    }
                        .use { it.run("CREATE ()").consume() }
                }
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
        assertEquals("OFF", hello["notifications_minimum_severity"])
        assertFalse("notifications_minimum_severity" in runs[0], "RUN repeated the driver filter: ${runs[0]}")
        assertEquals("WARNING", runs[1]["notifications_minimum_severity"])
        // Bolt 5.2 names them categories (the key became notifications_disabled_classifications in 5.5).
        assertEquals(listOf("HINT", "GENERIC"), runs[1]["notifications_disabled_categories"])
    }
}
