package org.boltkt.bench

import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat
import java.net.InetSocketAddress
import java.net.StandardSocketOptions
import java.nio.ByteBuffer
import java.nio.channels.ServerSocketChannel
import java.nio.channels.SocketChannel
import java.util.concurrent.atomic.AtomicInteger

/**
 * An in-process Bolt 5.8 server that answers from memory so the driver, not the server, is the bottleneck: one
 * blocking NIO thread per connection, pipelined requests answered in one write per socket read, RECORDs streamed
 * from a pre-encoded [RecordBlock] (recorded from the real server, or generated) in PULL-sized batches with
 * `has_more`. It understands only the benchmark's queries:
 * - [Queries.STREAM] (`reps` parameter): `block.count * reps` rows of the block, cyclically;
 * - [Queries.RAW] (`reps`): the same rows, then the connection is closed (the raw-read baseline of P6);
 * - `UNWIND $batch ...`: no rows, write counters in the summary;
 * - anything else (`RETURN 1`, `RETURN $i AS i`): one row holding the integer 1.
 */
class ReplayServer(private val block: RecordBlock) : AutoCloseable {
    private val server = ServerSocketChannel.open().bind(InetSocketAddress("127.0.0.1", 0), 512)
    private val ids = AtomicInteger()
    val port: Int = (server.localAddress as InetSocketAddress).port
    val uri: String get() = "bolt://127.0.0.1:$port"

    private val acceptor = Thread({ acceptLoop() }, "replay-accept").apply { isDaemon = true; start() }

    private fun acceptLoop() {
        while (server.isOpen) {
            val ch = try { server.accept() } catch (e: Exception) { return }
            Thread({ runCatching { Conn(ch, ids.incrementAndGet()).serve() }; runCatching { ch.close() } }, "replay-conn").apply {
                isDaemon = true
                start()
            }
        }
    }

    override fun close() { server.close() }

    private inner class Conn(private val ch: SocketChannel, private val id: Int) {
        private val out = FramedOut()
        private val reassembler = ChunkReassembler()
        private var inTx = false
        private var rowsLeft = 0L
        private var blockIndex = 0
        private var closeAfterStream = false
        private var closing = false
        private var writeQuery = false

        fun serve() {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true)
            readFully(ch, 20) // magic + four proposals; both drivers offer 5.8 in a range
            writeFully(ch, ByteBuffer.wrap(byteArrayOf(0, 0, 8, 5)))
            val buf = ByteBuffer.allocate(256 * 1024)
            while (!closing) {
                buf.clear()
                if (ch.read(buf) < 0) return
                reassembler.feed(buf.array(), 0, buf.position()) { b, o, l -> onMessage(b, o, l) }
                out.flush(ch)
            }
        }

        private fun onMessage(b: ByteArray, o: Int, l: Int) {
            if (closing) return
            when (val tag = b[o + 1].toInt() and 0xFF) {
                0x01 -> out.success(mapOf("server" to s("Neo4j/5.26.0"), "connection_id" to s("bolt-$id"), "hints" to MapValue.EMPTY))
                0x6A, 0x6B, 0x54, 0x13 -> { inTx = inTx && tag != 0x13; out.success(emptyMap()) }
                0x0F -> { rowsLeft = 0; inTx = false; out.success(emptyMap()) }
                0x11 -> { inTx = true; out.success(emptyMap()) }
                0x12 -> { inTx = false; out.success(mapOf("bookmark" to s("bm:replay"))) }
                0x02 -> closing = true
                0x10 -> run(b, o, l)
                0x3F -> pull(PackStreamReader(b, o + 2, o + l).let { r -> pullSize(r) })
                0x2F -> { rowsLeft = 0; out.success(summary()) }
                else -> error("replay server does not handle message 0x%02X".format(tag))
            }
        }

        private fun run(b: ByteArray, o: Int, l: Int) {
            val r = PackStreamReader(b, o + 2, o + l)
            val query = r.readString()
            val fields: List<String>
            writeQuery = query.startsWith("UNWIND \$batch")
            when {
                writeQuery -> { fields = emptyList(); rowsLeft = 0 }
                query == Queries.STREAM || query == Queries.RAW -> {
                    val params = ValueDecoder.readMap(r, ValueFormat.BOLT_5, 1)
                    val reps = (params["reps"] as IntegerValue).value
                    rowsLeft = reps * block.count
                    blockIndex = 0
                    fields = block.fields
                    closeAfterStream = query == Queries.RAW
                }
                else -> { fields = listOf("i"); rowsLeft = -1 } // -1: one row holding 1
            }
            val meta = LinkedHashMap<String, Value>()
            meta["fields"] = ListValue(fields.map(::s))
            meta["t_first"] = IntegerValue(0)
            if (inTx) meta["qid"] = IntegerValue(0)
            out.success(meta)
        }

        private fun pullSize(r: PackStreamReader): Long {
            val m = ValueDecoder.readMap(r, ValueFormat.BOLT_5, 1)
            return (m["n"] as? IntegerValue)?.value ?: -1
        }

        private fun pull(n: Long) {
            if (rowsLeft == -1L) {
                out.message { w -> w.writeStructHeader(1, 0x71); w.writeListHeader(1); w.writeInt(1) }
                rowsLeft = 0
            } else if (rowsLeft > 0) {
                val k = if (n < 0) rowsLeft else minOf(n, rowsLeft)
                out.flush(ch)
                streamRecords(k)
                rowsLeft -= k
                if (closeAfterStream && rowsLeft == 0L) { closing = true; return }
            }
            if (rowsLeft > 0) out.success(mapOf("has_more" to org.boltkt.protocol.value.BooleanValue.TRUE)) else out.success(summary())
        }

        private fun streamRecords(count: Long) {
            var left = count
            while (left > 0) {
                val end = minOf(block.count.toLong(), blockIndex + left).toInt()
                val slice = block.bytes.duplicate()
                slice.position(block.offsets[blockIndex]).limit(block.offsets[end])
                writeFully(ch, slice)
                left -= end - blockIndex
                blockIndex = if (end == block.count) 0 else end
            }
        }

        private fun summary(): Map<String, Value> {
            val m = LinkedHashMap<String, Value>()
            if (!inTx) m["bookmark"] = s("bm:replay")
            if (writeQuery) m["stats"] = MapValue(mapOf("nodes-created" to IntegerValue(1), "properties-set" to IntegerValue(3)))
            m["type"] = s(if (writeQuery) "w" else "r")
            m["t_last"] = IntegerValue(0)
            m["db"] = s("neo4j")
            return m
        }
    }

    private fun s(v: String) = StringValue(v)
}
