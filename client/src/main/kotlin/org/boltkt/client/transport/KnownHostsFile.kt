package org.boltkt.client.transport

import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption.CREATE
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
 * Thread-safe; several processes may share the file: updates hold an OS lock on `<file>.lock` beside it and replace
 * the file whole (written to a temporary file, then moved over it), so a process that dies mid-update leaves the
 * old file intact. An unterminated last line that is not a whole record (cut short by an older in-place append) is
 * dropped on the next update rather than rejecting every connection. The file and its parent directories are
 * created on first use.
 */
public class KnownHostsFile(path: Path) : ServerCertificateCallback {
    /** The file, as an absolute path. */
    public val path: Path = path.toAbsolutePath().normalize()

    override fun check(server: ServerCertificateInfo): TrustDecision {
        val key = "${hostKey(server.host)}:${server.port}"
        val fingerprint = server.fingerprintSha256
        synchronized(LOCKS.computeIfAbsent(path) { Any() }) {
            path.parent?.let { Files.createDirectories(it) }
            // The OS lock is on a sibling file: the known hosts file itself is replaced on every update, and a lock
            // on a replaced file would no longer exclude the next writer.
            FileChannel.open(lockFile(), WRITE, CREATE).use { lockChannel ->
                lockChannel.lock().use {
                    val text = if (Files.exists(path)) Files.readString(path) else ""
                    val lines = text.split('\n')
                    var kept = text
                    for ((index, raw) in lines.withIndex()) {
                        val line = raw.trim()
                        if (line.isEmpty() || line.startsWith("#")) continue
                        val parts = line.split(Regex("\\s+"))
                        val complete = parts.size == 2 && ':' in parts[0]
                        if (index == lines.lastIndex && !(complete && FINGERPRINT.matches(parts[1]))) {
                            // An unterminated last line that is not a whole record was cut short by a writer that
                            // died (files written by older versions were appended in place): drop it.
                            kept = text.substring(0, text.length - raw.length)
                            break
                        }
                        if (!complete) {
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
                    val separator = if (kept.isEmpty() || kept.endsWith("\n")) "" else "\n"
                    replace("$kept$separator$key $fingerprint\n")
                    return TrustDecision.Accept
                }
            }
        }
    }

    /** Writes [content] to a temporary file beside [path] and moves it over [path], so no reader sees a partial file. */
    private fun replace(content: String) {
        val temp = Files.createTempFile(path.parent, "${path.fileName}.", ".tmp")
        try {
            FileChannel.open(temp, WRITE).use { channel ->
                val bytes = ByteBuffer.wrap(content.toByteArray())
                while (bytes.hasRemaining()) channel.write(bytes)
                channel.force(true)
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
        } finally {
            Files.deleteIfExists(temp)
        }
    }

    private fun lockFile(): Path = path.resolveSibling("${path.fileName}.lock")

    override fun toString(): String = "KnownHostsFile($path)"

    private companion object {
        /** One in-process lock per file: the OS lock alone throws when two threads of one JVM ask for it. */
        val LOCKS = ConcurrentHashMap<Path, Any>()

        fun hostKey(host: String): String = if (':' in host && !host.startsWith("[")) "[$host]" else host

        /** What [ServerCertificateInfo.fingerprintSha256] writes: 32 bytes in hex. */
        val FINGERPRINT = Regex("[0-9a-fA-F]{64}")
    }
}
