package org.boltkt.client.transport

import java.io.IOException
import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption.CREATE
import java.nio.file.StandardOpenOption.READ
import java.nio.file.StandardOpenOption.WRITE
import java.util.concurrent.ConcurrentHashMap

/**
 * Trust on first use, file-based: use as `TrustStrategy.Callback(KnownHostsFile(path))`. The file holds one
 * `host:port sha256-fingerprint` line per server (`#` starts a comment line; IPv6 hosts in brackets). The first
 * connection to a `host:port` not in the file appends its certificate's fingerprint and is accepted; later
 * connections are accepted only while the server presents that same certificate. A different certificate is
 * rejected with a message naming the file and line to delete if the change is expected (e.g. a renewed
 * certificate). An unparseable line rejects too, naming it.
 *
 * Thread-safe; several processes may share the file (updates hold an OS file lock). The file and its parent
 * directories are created on first use.
 */
public class KnownHostsFile(path: Path) : ServerCertificateCallback {
    /** The file, as an absolute path. */
    public val path: Path = path.toAbsolutePath().normalize()

    override fun check(server: ServerCertificateInfo): TrustDecision {
        val key = "${hostKey(server.host)}:${server.port}"
        val fingerprint = server.fingerprintSha256
        synchronized(LOCKS.computeIfAbsent(path) { Any() }) {
            path.parent?.let { Files.createDirectories(it) }
            FileChannel.open(path, READ, WRITE, CREATE).use { channel ->
                channel.lock().use {
                    val text = readAll(channel)
                    val lines = text.lines()
                    for ((index, raw) in lines.withIndex()) {
                        val line = raw.trim()
                        if (line.isEmpty() || line.startsWith("#")) continue
                        val parts = line.split(Regex("\\s+"))
                        if (parts.size != 2 || ':' !in parts[0]) {
                            return TrustDecision.Reject("known hosts file $path line ${index + 1} is not 'host:port fingerprint': '$line'; fix or delete that line")
                        }
                        if (parts[0] != key) continue
                        if (parts[1].equals(fingerprint, ignoreCase = true)) return TrustDecision.Accept
                        return TrustDecision.Reject(
                            "the certificate of $key changed: known hosts file $path line ${index + 1} records sha256 ${parts[1]}, " +
                                "the server presented sha256 $fingerprint. If the server's certificate was replaced on purpose, " +
                                "delete line ${index + 1} of $path and connect again; otherwise the connection may be intercepted",
                        )
                    }
                    val separator = if (text.isEmpty() || text.endsWith("\n")) "" else "\n"
                    channel.position(channel.size())
                    val record = ByteBuffer.wrap("$separator$key $fingerprint\n".toByteArray())
                    while (record.hasRemaining()) channel.write(record)
                    channel.force(false)
                    return TrustDecision.Accept
                }
            }
        }
    }

    override fun toString(): String = "KnownHostsFile($path)"

    private companion object {
        /** One in-process lock per file: the OS lock alone throws when two threads of one JVM ask for it. */
        val LOCKS = ConcurrentHashMap<Path, Any>()

        fun hostKey(host: String): String = if (':' in host && !host.startsWith("[")) "[$host]" else host

        fun readAll(channel: FileChannel): String {
            val size = channel.size()
            if (size > Int.MAX_VALUE / 2) throw IOException("known hosts file is too large ($size bytes)")
            val buffer = ByteBuffer.allocate(size.toInt())
            channel.position(0)
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) Unit
            return String(buffer.array(), 0, buffer.position(), Charsets.UTF_8)
        }
    }
}
