package org.boltkt.bench

import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.RequestEncoder
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.value.ValueFormat
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.io.ByteArrayOutputStream
import java.nio.ByteBuffer
import java.nio.channels.SocketChannel

/** Bolt 5.8: what the replay server answers in the handshake and what the recorder asks the real server for. */
val BOLT_5_8: Capabilities = Capabilities.of(BoltVersion(5, 8))

/** Growable output of framed messages, flushed to a blocking channel in one write. */
class FramedOut {
    private val msg = PackStreamWriter(256)
    private val out = ByteArrayOutputStream(4096)
    private var framed = ByteArray(4096)

    fun success(metadata: Map<String, Value>) = message { w ->
        w.writeStructHeader(1, 0x70)
        ValueEncoder.writeMap(w, metadata, ValueFormat.BOLT_5)
    }

    fun request(r: Request) = message { w -> RequestEncoder.encode(r, BOLT_5_8, w) }

    fun message(body: (PackStreamWriter) -> Unit) {
        msg.reset()
        body(msg)
        val n = ChunkWriter.DEFAULT.framedSize(msg.size)
        if (framed.size < n) framed = ByteArray(n)
        ChunkWriter.DEFAULT.frameInto(msg.buffer(), 0, msg.size, framed, 0)
        out.write(framed, 0, n)
    }

    val pending: Int get() = out.size()

    fun flush(ch: SocketChannel) {
        if (out.size() == 0) return
        writeFully(ch, ByteBuffer.wrap(out.toByteArray()))
        out.reset()
    }
}

fun writeFully(ch: SocketChannel, buf: ByteBuffer) {
    while (buf.hasRemaining()) ch.write(buf)
}

fun readFully(ch: SocketChannel, n: Int): ByteArray {
    val buf = ByteBuffer.allocate(n)
    while (buf.hasRemaining()) if (ch.read(buf) < 0) error("connection closed after ${buf.position()} of $n bytes")
    return buf.array()
}

/** Reads from [ch] until [until] returns true for a completed message; each message is passed as a copy. */
fun readMessages(ch: SocketChannel, reassembler: ChunkReassembler, until: (ByteArray) -> Boolean) {
    val buf = ByteBuffer.allocate(64 * 1024)
    var done = false
    while (!done) {
        buf.clear()
        if (ch.read(buf) < 0) error("connection closed while reading messages")
        reassembler.feed(buf.array(), 0, buf.position()) { b, o, l -> if (!done && until(b.copyOfRange(o, o + l))) done = true }
    }
}
