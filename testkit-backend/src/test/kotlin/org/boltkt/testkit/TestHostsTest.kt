package org.boltkt.testkit

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.InetAddress

class TestHostsTest {
    @Test
    fun `mapped names resolve to their address, case-insensitively, other names go to the system`() = runBlocking {
        val hosts = TestHosts.parse("thehost=127.0.0.1, thehostbutwrong=127.0.0.1")
        assertEquals(listOf(InetAddress.getByName("127.0.0.1")), hosts.resolve("thehost"))
        assertEquals(listOf(InetAddress.getByName("127.0.0.1")), hosts.resolve("TheHostButWrong"))
        assertTrue(hosts.resolve("localhost").all { it.isLoopbackAddress })
    }

    @Test
    fun `a malformed entry fails naming the entry and the expected form`() {
        val e = assertThrows<IllegalArgumentException> { TestHosts.parse("thehost") }
        assertTrue("'thehost'" in e.message!! && "name=ip" in e.message!!, e.message)
        assertThrows<IllegalArgumentException> { TestHosts.parse("thehost=example.com") }
    }
}
