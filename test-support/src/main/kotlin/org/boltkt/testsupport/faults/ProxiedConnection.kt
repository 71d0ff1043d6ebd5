package org.boltkt.testsupport.faults

import java.io.IOException
import java.io.InputStream
import java.io.OutputStream
import java.net.Socket
import java.util.EnumMap
import kotlin.random.Random

/**
 * One client connection through a [FaultProxy] and its connection to the target: two pump threads, one per
 * [Direction], whose forwarding a [Fault] changes. Thread-safe.
 */
class ProxiedConnection internal constructor(
    /** Sequence number of this connection within its proxy, from 1. */
    val id: Int,
    private val client: Socket,
    private val server: Socket,
    private val random: Random,
    private val onClosed: (ProxiedConnection) -> Unit,
) {
    private class Flow {
        var stalled = false
        var bytesPerSecond = 0L
        var cutAfter = -1L
        var flipNext = false
        var forwarded = 0L
        var received = 0L
    }

    private val lock = Object()
    private val flows = EnumMap<Direction, Flow>(Direction::class.java).apply { Direction.entries.forEach { put(it, Flow()) } }
    private var blackholed = false

    @Volatile
    var isClosed: Boolean = false
        private set

    /**
     * Bytes read so far from the sending side of [direction], including those a [Fault.Stall] holds: e.g. whether
     * the server has answered, though the answer was not passed on.
     */
    fun received(direction: Direction): Long = synchronized(lock) { flows.getValue(direction).received }

    /** Bytes forwarded so far in [direction]. */
    fun forwarded(direction: Direction): Long = synchronized(lock) { flows.getValue(direction).forwarded }

    internal fun start() {
        pump(Direction.TO_SERVER, client.getInputStream(), server.getOutputStream(), server)
        pump(Direction.TO_CLIENT, server.getInputStream(), client.getOutputStream(), client)
    }

    internal fun inject(fault: Fault) {
        synchronized(lock) {
            when (fault) {
                Fault.Reset -> return@synchronized
                Fault.Close -> return@synchronized
                Fault.Blackhole -> blackholed = true
                is Fault.Stall -> flows.getValue(fault.direction).stalled = true
                is Fault.Throttle -> flows.getValue(fault.direction).bytesPerSecond = fault.bytesPerSecond
                is Fault.CutAfter -> flows.getValue(fault.direction).cutAfter = fault.bytes
                is Fault.FlipByte -> flows.getValue(fault.direction).flipNext = true
            }
            lock.notifyAll()
        }
        when (fault) {
            Fault.Reset -> close(reset = true)
            Fault.Close -> close(reset = false)
            else -> Unit
        }
    }

    /** Ends stalls, blackholes and throttles; cut and flip orders not yet carried out are dropped. */
    internal fun heal() = synchronized(lock) {
        blackholed = false
        flows.values.forEach { it.stalled = false; it.bytesPerSecond = 0; it.cutAfter = -1; it.flipNext = false }
        lock.notifyAll()
    }

    internal fun close(reset: Boolean) {
        synchronized(lock) {
            if (isClosed) return
            isClosed = true
            lock.notifyAll()
        }
        for (s in listOf(client, server)) {
            try {
                if (reset && !s.isClosed) s.setSoLinger(true, 0)
                s.close()
            } catch (_: IOException) {
            }
        }
        onClosed(this)
    }

    private fun pump(direction: Direction, input: InputStream, output: OutputStream, outSocket: Socket) {
        val thread = Thread({
            val buf = ByteArray(16 * 1024)
            try {
                while (!isClosed) {
                    val n = input.read(buf)
                    if (n < 0) {
                        outSocket.shutdownOutput()
                        return@Thread
                    }
                    forward(direction, buf, n, output)
                }
            } catch (_: IOException) {
                close(reset = false)
            } catch (_: InterruptedException) {
                close(reset = false)
            }
        }, "fault-proxy-$id-${direction.name.lowercase()}")
        thread.isDaemon = true
        thread.start()
    }

    private fun forward(direction: Direction, buf: ByteArray, n: Int, output: OutputStream) {
        var length = n
        var cutNow = false
        val rate: Long
        synchronized(lock) {
            val flow = flows.getValue(direction)
            flow.received += n
            while (flow.stalled && !isClosed) lock.wait()
            if (isClosed || blackholed) return
            if (flow.flipNext) {
                val i = random.nextInt(length)
                buf[i] = (buf[i].toInt() xor 0xFF).toByte()
                flow.flipNext = false
            }
            if (flow.cutAfter in 0..length.toLong()) {
                length = flow.cutAfter.toInt()
                cutNow = true
            } else if (flow.cutAfter > 0) {
                flow.cutAfter -= length
            }
            rate = flow.bytesPerSecond
        }
        if (rate > 0) writeThrottled(buf, length, output, rate) else output.write(buf, 0, length)
        output.flush()
        synchronized(lock) { flows.getValue(direction).forwarded += length }
        if (cutNow) close(reset = true)
    }

    private fun writeThrottled(buf: ByteArray, length: Int, output: OutputStream, bytesPerSecond: Long) {
        val slice = maxOf(1, (bytesPerSecond / 20).toInt())
        var off = 0
        while (off < length) {
            val count = minOf(slice, length - off)
            output.write(buf, off, count)
            output.flush()
            off += count
            Thread.sleep(count * 1000L / bytesPerSecond)
        }
    }

    override fun toString(): String = "ProxiedConnection($id${if (isClosed) ", closed" else ""})"
}
