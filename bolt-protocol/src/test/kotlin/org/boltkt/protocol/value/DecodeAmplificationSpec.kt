package org.boltkt.protocol.value

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import org.boltkt.protocol.packstream.Markers
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.testing.expectProtocolError
import java.lang.management.ManagementFactory
import java.nio.ByteBuffer

/**
 * Size headers may each claim the bytes that remain, and nested containers share those bytes: memory set aside
 * while decoding must stay proportional to the bytes received, not to the sum of the claims.
 */
class DecodeAmplificationSpec : FunSpec({
    val threads = ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean

    fun allocatedWhileDecoding(input: ByteArray): Long {
        val before = threads.getThreadAllocatedBytes(Thread.currentThread().id)
        expectProtocolError(input) { ValueDecoder.read(PackStreamReader(input), ValueFormat.BOLT_6) }
        return threads.getThreadAllocatedBytes(Thread.currentThread().id) - before
    }

    /** [levels] nested LIST_32 headers, each claiming every byte after it, then nulls filling the innermost list. */
    fun nestedListClaims(total: Int, levels: Int): ByteArray {
        val buf = ByteBuffer.allocate(total)
        repeat(levels) { i -> buf.put(0xD6.toByte()).putInt(total - 5 * (i + 1)) }
        while (buf.hasRemaining()) buf.put(Markers.NULL.toByte())
        return buf.array()
    }

    test("nested list headers claiming the same remaining bytes do not multiply the memory set aside") {
        val input = nestedListClaims(total = 1 shl 20, levels = 60)
        allocatedWhileDecoding(input) shouldBeLessThan 32L * input.size
    }

    test("node labels claiming every remaining byte inside nested lists stay bounded by the input") {
        val total = 1 shl 20
        val levels = 60
        val buf = ByteBuffer.allocate(total)
        repeat(levels) { i -> buf.put(0xD6.toByte()).putInt(total - 5 * (i + 1)) }
        // A node: B4 4E, id, then a labels list claiming every byte left; the labels never arrive.
        buf.put(0xB4.toByte()).put(0x4E).put(0x01).put(0xD6.toByte()).putInt(total - buf.position() - 5)
        while (buf.hasRemaining()) buf.put(0x01)
        val input = buf.array()
        allocatedWhileDecoding(input) shouldBeLessThan 32L * input.size
    }

    // The two tests above nest lists, so on the old code the list headers alone exceeded the bound; these two
    // isolate the node-label and path-index headers: one header claiming every remaining byte, nothing nested.

    test("a node's labels header alone does not set aside memory for the entries it claims") {
        val total = 1 shl 20
        val buf = ByteBuffer.allocate(total)
        // A node (B4 4E), id 1, then a labels list claiming every byte left; a non-string ends the labels at once.
        buf.put(0xB4.toByte()).put(0x4E).put(0x01).put(0xD6.toByte()).putInt(total - buf.position() - 4)
        while (buf.hasRemaining()) buf.put(0x01)
        val input = buf.array()
        allocatedWhileDecoding(input) shouldBeLessThan input.size.toLong()
    }

    test("a path's indices header alone does not set aside memory for the entries it claims") {
        val total = 1 shl 20
        val buf = ByteBuffer.allocate(total)
        // A path (B3 50) with no nodes and no relationships, then an indices list claiming every byte left; a null
        // where an index belongs ends it at once.
        buf.put(0xB3.toByte()).put(0x50).put(0x90.toByte()).put(0x90.toByte()).put(0xD6.toByte()).putInt(total - buf.position() - 4)
        while (buf.hasRemaining()) buf.put(Markers.NULL.toByte())
        val input = buf.array()
        allocatedWhileDecoding(input) shouldBeLessThan input.size.toLong()
    }
})
