package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/types, v4x3 scripts): Bolt 4.3 has the `utc` date-time patch too. The driver asks for it in
 * HELLO and, once granted, reads date-times in the UTC encoding (here an ambiguous wall-clock time, which only the
 * UTC encoding carries unambiguously).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UtcPatchBolt43Test {
    @Test
    fun `Bolt 4_3 requests the utc patch and decodes UTC date-times once granted`() {
        // 02:30 on the night clocks go back in Stockholm exists twice; the later (+01:00) one is sent.
        val later = ZonedDateTime.ofLocal(LocalDateTime.of(2022, 10, 30, 2, 30), ZoneId.of("Europe/Stockholm"), null).withLaterOffsetAtOverlap()
        var helloPatch: Any? = null
        ScriptedBoltServer {
            handshake(BoltVersion.V4_3)
            expect(RequestKind.HELLO) { helloPatch = it.extraNative["patch_bolt"] }
            reply(success("server" to "Neo4j/4.3.0", "connection_id" to "bolt-1", "patch_bolt" to listOf("utc")))
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("t")), record(later), success("type" to "r"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                val value = runBlocking { driver.session().use { it.run("RETURN \$t AS t").single()["t"] } }
                assertEquals(listOf("utc"), helloPatch)
                assertEquals(DateTimeValue(later), value)
                assertEquals("+01:00", (value as DateTimeValue).value.offset.id)
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
    }
}
