package org.boltkt.bench

import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.BoltAgent
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat
import java.net.InetSocketAddress
import java.net.StandardSocketOptions
import java.net.URI
import java.nio.ByteBuffer
import java.nio.channels.SocketChannel

/**
 * A minimal blocking Bolt 5.8 client with no driver around it: records the real server's RECORD bytes for the
 * replay server, and reads a replayed stream raw (the P6 baseline: how fast the socket alone delivers the bytes).
 */
object RawBolt {
    private fun open(uri: String, user: String, password: String): SocketChannel {
        val u = URI(uri)
        val ch = SocketChannel.open(InetSocketAddress(u.host, u.port))
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true)
        // Magic, then exactly 5.8 in the first slot.
        writeFully(ch, ByteBuffer.wrap(byteArrayOf(0x60, 0x60, 0xB0.toByte(), 0x17, 0, 0, 8, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        val v = readFully(ch, 4)
        check(v[2].toInt() == 8 && v[3].toInt() == 5) { "server did not accept Bolt 5.8: ${v.toList()}" }
        val out = FramedOut()
        out.request(Hello("boltkt-bench/raw", BoltAgent("boltkt-bench/raw")))
        out.request(Logon(AuthToken.basic(user, password)))
        out.flush(ch)
        var successes = 0
        readMessages(ch, ChunkReassembler()) { m ->
            check(m[1].toInt() == 0x70) { "HELLO/LOGON failed: message 0x%02X".format(m[1]) }
            ++successes == 2
        }
        return ch
    }

    /** Runs [Queries.STREAM] with reps = 1 on the real server and keeps its RECORD messages verbatim. */
    fun record(uri: String, user: String, password: String): RecordBlock {
        val ch = open(uri, user, password)
        ch.use {
            val out = FramedOut()
            out.request(Run(Queries.STREAM, mapOf("reps" to IntegerValue(1))))
            out.request(Pull())
            out.flush(ch)
            val records = ArrayList<ByteArray>()
            var fields: List<String> = emptyList()
            var successes = 0
            readMessages(ch, ChunkReassembler()) { m ->
                when (m[1].toInt() and 0xFF) {
                    0x71 -> { records += m; false }
                    0x70 -> {
                        if (successes++ == 0) {
                            val meta = ValueDecoder.readMap(PackStreamReader(m, 2), ValueFormat.BOLT_5, 1)
                            fields = (meta["fields"] as org.boltkt.protocol.value.ListValue).values.map { (it as StringValue).value }
                        }
                        successes == 2
                    }
                    else -> error("recording failed: message 0x%02X".format(m[1]))
                }
            }
            return RecordBlock(fields, records, "recorded from the real server")
        }
    }

    /**
     * Asks the replay server for [Queries.RAW] with [reps] and reads until it closes the connection, without
     * looking at the bytes. Returns the number of bytes read after the request was sent, and the nanoseconds it took.
     */
    fun readRaw(uri: String, reps: Long): Pair<Long, Long> {
        val ch = open(uri, "neo4j", "unused")
        ch.use {
            val out = FramedOut()
            out.request(Run(Queries.RAW, mapOf("reps" to IntegerValue(reps))))
            out.request(Pull())
            val buf = ByteBuffer.allocateDirect(256 * 1024)
            val t0 = System.nanoTime()
            out.flush(ch)
            var total = 0L
            while (true) {
                buf.clear()
                val n = ch.read(buf)
                if (n < 0) break
                total += n
            }
            return total to (System.nanoTime() - t0)
        }
    }
}
